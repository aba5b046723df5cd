"use server";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { writeAudit } from "@/db/audit";
import { user } from "@/db/schema";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "@/lib/auth/rate-limit";
import { getAuth } from "@/lib/auth/server";
import { formText } from "@/lib/form-data";
import { clientIp } from "@/lib/auth/guard";
import { fieldErrors } from "@/lib/validation/common";
import { localFieldErrors } from "@/lib/validation/local-errors";
import { signInSchema } from "@/lib/validation/users";

export interface SignInState {
  error?: string;
  fields?: Record<string, string[]>;
  email?: string;
}

export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const t = await getTranslations("auth");
  const parsed = signInSchema.safeParse({ email: formText(form, "email"), password: formText(form, "password") });
  const rawEmail = formText(form, "email");
  const email = rawEmail ?? "";
  if (!parsed.success) return { fields: await localFieldErrors(fieldErrors(parsed.error)), email };
  const db = getDb();
  const ip = await clientIp();
  const wait = signInBlockedFor(db, parsed.data.email, ip);
  if (wait) return { error: t("rateLimited", { minutes: wait }), email };

  const row = db.select({ id: user.id, banned: user.banned }).from(user).where(eq(user.email, parsed.data.email)).get();
  const fail = (message: string): SignInState => {
    recordSignInFailure(db, parsed.data.email, ip);
    writeAudit(db, { userId: null, label: parsed.data.email, role: "system", ip }, {
      event: "sign_in_failed",
      recordType: "user",
      recordId: row?.id ?? null,
    });
    return { error: message, email };
  };
  if (row?.banned) return fail(t("deactivated"));
  try {
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (e) {
    if (e instanceof APIError) return fail(t("invalid"));
    throw e;
  }
  clearSignInFailures(db, parsed.data.email);
  redirect("/");
}
