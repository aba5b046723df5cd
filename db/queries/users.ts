import crypto from "node:crypto";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { account, apiToken, auditEvent, session, twoFactor, user } from "../schema";
import { NotFoundError, REFUSAL_REASONS, UserError } from "@/lib/errors";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createUserSchema, resetPasswordSchema, setRoleSchema } from "@/lib/validation/users";
import { inTransaction } from "../tx";
import { FALSE } from "../dialect";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  banned: boolean;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  createdAt: Date;
}

const columns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: sql<boolean>`coalesce(${user.banned}, ${FALSE})`.mapWith(Boolean),
  mustChangePassword: user.mustChangePassword,
  twoFactorEnabled: user.twoFactorEnabled,
  createdAt: user.createdAt,
};

export async function listUsers(db: Db): Promise<UserRow[]> {
  return await db.select(columns).from(user).orderBy(asc(user.email));
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(user).limit(1))[0]!.n;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  return (await db.select(columns).from(user).where(eq(user.email, email.trim().toLowerCase())).limit(1))[0] ?? null;
}

/**
 * Creates a user with a password (scrypt, through better-auth's own hasher so that its sign-in
 * verifies it). `mustChangePassword` marks a temporary password set by an admin.
 */
export async function createUser(db: Db, actor: Actor, input: unknown, opts: { mustChangePassword?: boolean } = {}): Promise<UserRow> {
  const v = parseInput(createUserSchema, input);
  const hash = await hashPassword(v.password);
  return await inTransaction(db, async (tx) => {
    if ((await tx.select({ id: user.id }).from(user).where(eq(user.email, v.email)).limit(1))[0])
      throw new UserError("validation_failed", "A user with this email already exists.", { fields: { email: [messageKey("emailTaken")] } });
    const id = crypto.randomUUID();
    await tx.insert(user)
      .values({ id, email: v.email, name: v.name, role: v.role, emailVerified: true, mustChangePassword: opts.mustChangePassword ?? false });
    await tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash });
    await writeAudit(tx, actor, { event: "create", recordType: "user", recordId: id, after: { email: v.email, name: v.name, role: v.role } });
    return (await tx.select(columns).from(user).where(eq(user.id, id)).limit(1))[0]!;
  });
}

export async function setUserRole(db: Db, actor: Actor, input: unknown): Promise<UserRow> {
  const v = parseInput(setRoleSchema, input);
  return await inTransaction(db, async (tx) => {
    const before = (await tx.select(columns).from(user).where(eq(user.id, v.userId)).limit(1))[0];
    if (!before) throw new NotFoundError("User", v.userId);
    if (before.role === "admin" && v.role !== "admin") await assertAnotherAdmin(tx, v.userId);
    await tx.update(user).set({ role: v.role }).where(eq(user.id, v.userId));
    await writeAudit(tx, actor, { event: "role_change", recordType: "user", recordId: v.userId, before: { role: before.role }, after: { role: v.role } });
    return { ...before, role: v.role };
  });
}

async function assertAnotherAdmin(tx: Tx, userId: string) {
  const others = (await tx
    .select({ n: count() })
    .from(user)
    .where(sql`${user.role} = 'admin' and coalesce(${user.banned}, ${FALSE}) = ${FALSE} and ${user.id} <> ${userId}`).limit(1))[0]!.n;
  if (others === 0) throw new UserError("bad_request", "This is the last active admin: make another admin first.", { details: { reason: REFUSAL_REASONS.lastAdmin } });
}

/** Sets a temporary password the user must change at next sign-in; ends their sessions. */
export async function resetUserPassword(db: Db, actor: Actor, input: unknown, opts: { temporary?: boolean } = { temporary: true }) {
  const v = parseInput(resetPasswordSchema, input);
  const hash = await hashPassword(v.password);
  await inTransaction(db, async (tx) => {
    if (!(await tx.select({ id: user.id }).from(user).where(eq(user.id, v.userId)).limit(1))[0]) throw new NotFoundError("User", v.userId);
    const updated = await tx
      .update(account)
      .set({ password: hash })
      .where(sql`${account.userId} = ${v.userId} and ${account.providerId} = 'credential'`)
      .returning({ id: account.id });
    if (!updated.length)
      await tx.insert(account).values({ id: crypto.randomUUID(), accountId: v.userId, providerId: "credential", userId: v.userId, password: hash });
    await tx.update(user).set({ mustChangePassword: opts.temporary ?? true }).where(eq(user.id, v.userId));
    await tx.delete(session).where(eq(session.userId, v.userId));
    await writeAudit(tx, actor, { event: "password_reset", recordType: "user", recordId: v.userId });
  });
}

/**
 * Deactivates (never deletes: a user's history stays attributable). In the same transaction
 * their sessions end and every API token and calendar feed they created is revoked for good:
 * offboarding leaves no key alive, and reactivating does not revive them (new ones are made).
 * Returns how many tokens were revoked.
 */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<{ revokedTokens: number }> {
  return await inTransaction(db, async (tx) => {
    const before = (await tx.select(columns).from(user).where(eq(user.id, userId)).limit(1))[0];
    if (!before) throw new NotFoundError("User", userId);
    if (!active && before.role === "admin") await assertAnotherAdmin(tx, userId);
    await tx.update(user).set({ banned: !active, banReason: active ? null : "deactivated" }).where(eq(user.id, userId));
    const revoked = active
      ? []
      : (await tx
        .update(apiToken)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiToken.createdBy, userId), isNull(apiToken.revokedAt)))
        .returning({ id: apiToken.id, name: apiToken.name, scope: apiToken.scope }));
    if (!active) await tx.delete(session).where(eq(session.userId, userId));
    await writeAudit(tx, actor, {
      event: active ? "reactivate" : "deactivate",
      recordType: "user",
      recordId: userId,
      before: { active: !before.banned },
      after: active ? { active } : { active, revokedTokens: revoked.length },
    });
    for (const r of revoked)
      await writeAudit(tx, actor, { event: "token_revoke", recordType: "api_token", recordId: r.id, after: { name: r.name, scope: r.scope, reason: "creator deactivated" } });
    return { revokedTokens: revoked.length };
  });
}

export async function clearMustChangePassword(db: Db, userId: string): Promise<void> {
  await db.update(user).set({ mustChangePassword: false }).where(eq(user.id, userId));
}

/** After the user changed their own password: the temporary-password flag goes, on record. */
export async function recordPasswordChanged(db: Db, actor: Actor, userId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = (await tx.select({ mustChangePassword: user.mustChangePassword }).from(user).where(eq(user.id, userId)).limit(1))[0];
    if (!before) throw new NotFoundError("User", userId);
    await tx.update(user).set({ mustChangePassword: false }).where(eq(user.id, userId));
    await writeAudit(tx, actor, { event: "password_change", recordType: "user", recordId: userId });
  });
}

export async function userHasHistory(db: Db, userId: string): Promise<boolean> {
  return (await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.actorUserId, userId)).limit(1))[0]!.n > 0;
}

/** Whether the user's two-step sign-in is on (better-auth sets it once a first code is confirmed). */
export async function twoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ enabled: user.twoFactorEnabled }).from(user).where(eq(user.id, userId));
  if (!row) throw new NotFoundError("User", userId);
  return row.enabled;
}

/** Audits a user's own change: better-auth has already turned two-step sign-in on or off. */
export async function recordTwoFactorChange(db: Db, actor: Actor, userId: string, enabled: boolean): Promise<void> {
  await inTransaction(db, async (tx) => {
    await writeAudit(tx, actor, { event: enabled ? "two_factor_enable" : "two_factor_disable", recordType: "user", recordId: userId, before: { twoFactor: !enabled }, after: { twoFactor: enabled } });
  });
}

/**
 * An admin turns off someone's two-step sign-in (a lost phone and lost backup codes): the secret
 * and backup codes are deleted, so the next sign-in is by password alone and the user can enrol
 * again. Their sessions end too: whoever holds one may be why the phone is "lost".
 */
export async function resetUserTwoFactor(db: Db, actor: Actor, userId: string): Promise<{ wasEnabled: boolean }> {
  return await inTransaction(db, async (tx) => {
    const before = (await tx.select({ enabled: user.twoFactorEnabled }).from(user).where(eq(user.id, userId)).limit(1))[0];
    if (!before) throw new NotFoundError("User", userId);
    await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
    await tx.update(user).set({ twoFactorEnabled: false }).where(eq(user.id, userId));
    await tx.delete(session).where(eq(session.userId, userId));
    await writeAudit(tx, actor, { event: "two_factor_reset", recordType: "user", recordId: userId, before: { twoFactor: before.enabled }, after: { twoFactor: false } });
    return { wasEnabled: before.enabled };
  });
}
