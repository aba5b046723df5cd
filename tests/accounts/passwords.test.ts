import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createUser } from "@/db/queries/users";
import { clearCurrentPasswordChecks, MAX_CURRENT_PASSWORD, reserveCurrentPasswordCheck, WINDOW_MS } from "@/server/auth/rate-limit";
import { ValidationError } from "@/lib/errors";
import { passwordScore } from "@/lib/password-strength";
import { translateFieldErrors, type Translate } from "@/lib/validation/error-keys";
import { MESSAGE_NAMESPACE } from "@/lib/validation/message-key";
import { changePasswordSchema, createUserSchema } from "@/lib/validation/users";
import en from "@/messages/en/validation.json";
import ko from "@/messages/ko/validation.json";
import { testDb } from "../helpers/db";

const user = (password: string) => ({ email: "kim@example.org", name: "Kim", role: "viewer", password });
const fieldsOf = (password: string) => {
  const r = createUserSchema.safeParse(user(password));
  return r.success ? null : r.error.issues.filter((i) => i.path[0] === "password").map((i) => i.message);
};

describe("[ACCOUNTS] password policy", () => {
  it("refuses fewer than 12 characters and common, repeated or sequential passwords", () => {
    for (const weak of ["aaaaaaaaaaaa", "123456789012", "password1234", "iloveyou1234", "qwertyuiop12", "passwordpassword"])
      expect(fieldsOf(weak), weak).toEqual(["validation.passwordWeak"]);
    for (const short of ["password12", "Xk9#pL2!qZ"]) expect(fieldsOf(short), short).toEqual(['validation.passwordLength|{"min":12}']);
    for (const good of ["correct-horse-battery", "Haeundae-sunrise-2019", "temporary-pass-1"]) expect(fieldsOf(good), good).toBeNull();
    expect(passwordScore("aaaaaaaaaaaa")).toBe(0);
  });

  it("the same rule holds for a changed password and for accounts made by the CLI or seed", async () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "whatever", newPassword: "1234567890123", confirm: "1234567890123" });
    expect(r.success).toBe(false);
    await expect(createUser(await testDb(), SYSTEM_ACTOR, user("password1234"))).rejects.toBeInstanceOf(ValidationError);
  });

  it("the messages reach the form in English and Korean through the error keys", () => {
    const fields = { password: fieldsOf("password1234")!, other: fieldsOf("password12")! };
    const t = (messages: typeof en, locale = "en") => createTranslator({ locale, messages, namespace: MESSAGE_NAMESPACE }) as unknown as Translate;
    expect(translateFieldErrors(fields, t(en))).toEqual({ password: [en.validation.passwordWeak], other: ["At least 12 characters."] });
    expect(translateFieldErrors(fields, t(ko, "ko"))).toEqual({ password: [ko.validation.passwordWeak], other: ["12자 이상이어야 합니다."] });
  });
});

describe("[ACCOUNTS] current-password attempts", () => {
  it("five checks per user in the window, counted before each check; a right one starts afresh", async () => {
    const db = await testDb();
    const T0 = Date.UTC(2026, 0, 5, 9, 0);
    for (let i = 0; i < MAX_CURRENT_PASSWORD; i++) expect(await reserveCurrentPasswordCheck(db, "u1", T0 + i)).toHaveProperty("id");
    expect(await reserveCurrentPasswordCheck(db, "u1", T0 + 10)).toEqual({ blockedMinutes: 15 });
    expect(await reserveCurrentPasswordCheck(db, "u2", T0 + 10)).toHaveProperty("id");
    expect(await reserveCurrentPasswordCheck(db, "u1", T0 + WINDOW_MS + 10)).toHaveProperty("id");
    await clearCurrentPasswordChecks(db, "u1");
    for (let i = 0; i < MAX_CURRENT_PASSWORD; i++) expect(await reserveCurrentPasswordCheck(db, "u1", T0 + WINDOW_MS + 20)).toHaveProperty("id");
  });
});
