"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { formText } from "@/lib/form-data";
import { runCommand } from "@/server/auth/command";
import { localFieldErrors } from "@/lib/validation/local-errors";
import { argId } from "@/lib/validation/common";

export interface TokenState {
  error?: string;
  fields?: Record<string, string[]>;
  /** The new token's secret: in this one answer and nowhere else. */
  created?: { name: string; token: string };
  values?: { name: string; role: string };
}

const str = formText;

export async function createToken(_prev: TokenState, form: FormData): Promise<TokenState> {
  const t = await getTranslations("admin");
  const name = str(form, "name") ?? "";
  const role = str(form, "role") ?? "viewer";
  const res = await runCommand("admin", ({ db, actor }) => createApiToken(db, actor, { name, role, scope: "api" }));
  if (!res.ok) return { error: res.error.code === "validation_failed" ? t("fixFields") : res.error.message, fields: await localFieldErrors(res.error.fields), values: { name, role } };
  revalidatePath("/admin/tokens");
  return { created: { name: res.data.name, token: res.data.token } };
}

/** Revokes one token; the revalidation redraws the list the button sits in. */
export async function revokeToken(id: number) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    await revokeApiToken(db, actor, argId(id));
  });
  if (res.ok) revalidatePath("/admin/tokens");
  return res;
}
