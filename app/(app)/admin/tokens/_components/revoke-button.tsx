"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { revokeToken } from "../commands";

export function RevokeButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<{ error?: string }, FormData>(revokeToken, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={t("revokeToken", { name })}>
        {t("revoke")}
      </Button>
      {state.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
