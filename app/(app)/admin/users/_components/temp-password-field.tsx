"use client";
import type { ComponentProps } from "react";
import { PasswordField } from "@/components/forms/password-field";

/**
 * The temporary password an administrator types for a user (an invitation or a reset): shown as
 * text, so it can be read out, and never filled in or corrected by the browser.
 */
export function TempPasswordField(props: Omit<ComponentProps<typeof PasswordField>, "name" | "type">) {
  return <PasswordField name="password" type="text" required minLength={12} autoComplete="off" spellCheck={false} {...props} />;
}
