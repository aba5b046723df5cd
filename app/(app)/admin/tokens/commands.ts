"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { runCommand } from "@/server/auth/command";
import { argId } from "@/lib/validation/common";

/** The new token's form input; the query checks it (`createTokenSchema`). */
export interface TokenInput {
  name: string;
  role: string;
}

/**
 * Creates an API token. The answer holds its secret, in this one answer and nowhere else: the
 * form shows it once. Field errors are message keys, worded in the browser.
 */
export async function createToken(input: TokenInput) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    // Fuzzed or forged calls may send anything; the query refuses what is not a name and a role.
    const { name, role } = (input ?? {}) as Partial<TokenInput>;
    const row = await createApiToken(db, actor, { name, role, scope: "api" });
    return { name: row.name, token: row.token };
  });
  if (res.ok) revalidatePath("/admin/tokens");
  return res;
}

/** Revokes one token; the revalidation redraws the list the button sits in. */
export async function revokeToken(id: number) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    await revokeApiToken(db, actor, argId(id));
  });
  if (res.ok) revalidatePath("/admin/tokens");
  return res;
}
