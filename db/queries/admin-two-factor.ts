import { eq } from "drizzle-orm";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Db } from "../client";
import { setting, user } from "../schema";
import { inTransaction } from "../tx";
import { NotFoundError, REFUSAL_REASONS, UserError } from "@/lib/errors";
import type { Role } from "@/lib/domain";

/** The setting's key: while its value is "true", an admin without two-step sign-in can only enrol. */
export const REQUIRE_ADMIN_TWO_FACTOR = "require_admin_two_factor";

/**
 * Thrown when the admin turning it on has no two-step sign-in: the sentence for the API and the
 * CLI, and a `reason` in the details that the admin page words in the viewer's language.
 */
export const OWN_TWO_FACTOR_FIRST = "Turn on two-step sign-in for your own account before requiring it for administrators.";

export async function adminTwoFactorRequired(db: Db): Promise<boolean> {
  const row = (await db.select({ value: setting.value }).from(setting).where(eq(setting.key, REQUIRE_ADMIN_TWO_FACTOR)).limit(1))[0];
  return row?.value === "true";
}

/**
 * Turns the requirement on or off, audited. Turning it on takes an admin who has two-step sign-in
 * on: whoever requires it must be able to meet it, so nobody locks every admin out blindly (the
 * shell, which is no one, can only turn it off). Returns whether anything changed.
 */
export async function setAdminTwoFactorRequired(db: Db, actor: Actor, required: boolean): Promise<{ changed: boolean }> {
  return await inTransaction(db, async (tx) => {
    if (required) {
      const own = actor.userId ? (await tx.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.id, actor.userId)).limit(1))[0] : undefined;
      if (!own?.on) throw new UserError("forbidden", OWN_TWO_FACTOR_FIRST, { details: { reason: REFUSAL_REASONS.ownTwoFactorFirst } });
    }
    const before = await adminTwoFactorRequired(tx);
    if (before === required) return { changed: false };
    const value = String(required);
    await tx.insert(setting).values({ key: REQUIRE_ADMIN_TWO_FACTOR, value }).onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
    await writeAudit(tx, actor, {
      event: "update",
      recordType: "setting",
      recordId: REQUIRE_ADMIN_TWO_FACTOR,
      before: { requireAdminTwoFactor: before },
      after: { requireAdminTwoFactor: required },
    });
    return { changed: true };
  });
}

/** The signed-in user as every guard reads it: fresh on each request, so changes apply at once. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  banned: boolean;
  mustChangePassword: boolean;
  /** An admin without two-step sign-in while it is required: they may only enrol (or sign out). */
  mustEnrolTwoFactor: boolean;
}

export async function findSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const row = (await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      banned: user.banned,
      mustChangePassword: user.mustChangePassword,
      twoFactorEnabled: user.twoFactorEnabled,
      required: setting.value,
    })
    .from(user)
    .leftJoin(setting, eq(setting.key, REQUIRE_ADMIN_TWO_FACTOR))
    .where(eq(user.id, userId))
    .limit(1))[0];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    banned: !!row.banned,
    mustChangePassword: row.mustChangePassword,
    mustEnrolTwoFactor: row.role === "admin" && !row.twoFactorEnabled && row.required === "true",
  };
}

/** For the two-factor page: whether this user may turn their own two-step sign-in off. */
export async function mayTurnOffTwoFactor(db: Db, userId: string): Promise<boolean> {
  const u = await findSessionUser(db, userId);
  if (!u) throw new NotFoundError("User", userId);
  return u.role !== "admin" || !(await adminTwoFactorRequired(db));
}
