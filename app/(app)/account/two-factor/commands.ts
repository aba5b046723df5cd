"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { mayTurnOffTwoFactor } from "@/db/queries/admin-two-factor";
import { recordTwoFactorChange } from "@/db/queries/users";
import { runCommand } from "@/server/auth/command";
import { clearCurrentPasswordChecks, reserveCurrentPasswordCheck } from "@/server/auth/rate-limit";
import { getAuth } from "@/server/auth/server";
import { secretOf } from "@/server/auth/two-factor";
import { UserError } from "@/lib/errors";
import type { CommandResult } from "@/lib/types/command";
import { messageKey } from "@/lib/validation/message-key";
import { currentPasswordSchema, totpCodeSchema } from "@/lib/validation/users";

export interface PasswordInput {
  password: string;
}
export interface CodeInput {
  code: string;
}
/** Once the password was right: what the authenticator app needs, and the backup codes. */
export interface EnrolSetup {
  qr: string;
  secret: string;
  backupCodes: string[];
}

/** The enrolment is what an admin who must enrol may do (server/auth/action.ts). */
const ENROLMENT = { whileTwoFactorEnrolmentRequired: true };

/**
 * The account's password, checked by better-auth inside `run` but counted first with the
 * current-password limit: a stolen session cannot guess the password here either.
 */
async function withPassword<T>(db: Db, userId: string, input: PasswordInput, run: (password: string) => Promise<T>): Promise<T> {
  const t = await getTranslations("twoFactor");
  const parsed = currentPasswordSchema.safeParse({ password: typeof input?.password === "string" ? input.password : "" });
  if (!parsed.success) throw new UserError("validation_failed", t("fixFields"), { fields: { password: [messageKey("passwordRequired")] } });
  const reserved = await reserveCurrentPasswordCheck(db, userId);
  if ("blockedMinutes" in reserved) throw new UserError("rate_limited", t("tooManyPasswords", { minutes: reserved.blockedMinutes }));
  try {
    const out = await run(parsed.data.password);
    await clearCurrentPasswordChecks(db, userId);
    return out;
  } catch (e) {
    if (e instanceof APIError && (e.body as { code?: string } | undefined)?.code === "INVALID_PASSWORD")
      throw new UserError("validation_failed", t("fixFields"), { fields: { password: [messageKey("wrongPassword")] } });
    throw e;
  }
}

/** Step 1: a new secret (not yet active) and backup codes, after the password. */
export async function startEnrolment(input: PasswordInput): Promise<CommandResult<EnrolSetup>> {
  const t = await getTranslations("twoFactor");
  return runCommand("read", async ({ db, user }) => {
    const out = await withPassword(db, user.id, input, async (password) =>
      getAuth()
        .api.enableTwoFactor({ body: { password, method: "totp" }, headers: await headers() })
        .catch((e: unknown) => {
          if (e instanceof APIError && (e.body as { code?: string } | undefined)?.code === "TOTP_ALREADY_ENABLED") throw new UserError("conflict", t("alreadyOn"));
          throw e;
        }),
    );
    if (out.method !== "totp") throw new UserError("conflict", t("alreadyOn"));
    const qr = await QRCode.toDataURL(out.totpURI, { errorCorrectionLevel: "M", margin: 2, width: 224 });
    return { qr, secret: secretOf(out.totpURI), backupCodes: out.backupCodes };
  }, ENROLMENT);
}

/**
 * Step 2: a first code from the app proves it holds the secret; only then is it switched on.
 * better-auth then replaces the session (its cookie is set), so the form loads the page afresh.
 */
export async function confirmEnrolment(input: CodeInput): Promise<CommandResult<void>> {
  const t = await getTranslations("twoFactor");
  return runCommand("read", async ({ db, actor, user }) => {
    const parsed = totpCodeSchema.safeParse({ code: typeof input?.code === "string" ? input.code : "" });
    // A wrong format shows under the field only, with no form-level message.
    if (!parsed.success) throw new UserError("validation_failed", "", { fields: { code: [messageKey("totpCodeFormat")] } });
    try {
      await getAuth().api.verifyTOTP({ body: { code: parsed.data.code }, headers: await headers() });
    } catch (e) {
      if (e instanceof APIError) throw new UserError("validation_failed", t("codeNotTurnedOn"), { fields: { code: [messageKey("wrongCode")] } });
      throw e;
    }
    await recordTwoFactorChange(db, actor, user.id, true);
  }, ENROLMENT);
}

/** Turning it off takes the password again, so a session left open cannot do it; the form then loads the page afresh. */
export async function disableTwoFactor(input: PasswordInput): Promise<CommandResult<void>> {
  const t = await getTranslations("twoFactor");
  return runCommand("read", async ({ db, actor, user }) => {
    // While it is required for admins, an admin keeps it: off, they could do nothing but enrol again.
    if (!(await mayTurnOffTwoFactor(db, user.id))) throw new UserError("forbidden", t("required.keepOn"));
    await withPassword(db, user.id, input, async (password) => getAuth().api.disableTwoFactor({ body: { password }, headers: await headers() }));
    await recordTwoFactorChange(db, actor, user.id, false);
  });
}
