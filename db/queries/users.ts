import crypto from "node:crypto";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Db } from "../client";
import { account, apiToken, auditEvent, session, user } from "../schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createUserSchema, resetPasswordSchema, setRoleSchema } from "@/lib/validation/users";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  banned: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

const columns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: sql<boolean>`coalesce(${user.banned}, 0)`.mapWith(Boolean),
  mustChangePassword: user.mustChangePassword,
  createdAt: user.createdAt,
};

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select(columns).from(user).orderBy(asc(user.email)).all();
}

export async function countUsers(db: Db): Promise<number> {
  return db.select({ n: count() }).from(user).get()!.n;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  return db.select(columns).from(user).where(eq(user.email, email.trim().toLowerCase())).get() ?? null;
}

/**
 * Creates a user with a password (scrypt, through better-auth's own hasher so that its sign-in
 * verifies it). `mustChangePassword` marks a temporary password set by an admin.
 */
export async function createUser(db: Db, actor: Actor, input: unknown, opts: { mustChangePassword?: boolean } = {}): Promise<UserRow> {
  const v = parseInput(createUserSchema, input);
  const hash = await hashPassword(v.password);
  return db.transaction((tx) => {
    if (tx.select({ id: user.id }).from(user).where(eq(user.email, v.email)).get())
      throw new UserError("validation_failed", "A user with this email already exists.", { fields: { email: ["Another account already uses this email."] } });
    const id = crypto.randomUUID();
    tx.insert(user)
      .values({ id, email: v.email, name: v.name, role: v.role, emailVerified: true, mustChangePassword: opts.mustChangePassword ?? false })
      .run();
    tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash }).run();
    writeAudit(tx, actor, { event: "create", recordType: "user", recordId: id, after: { email: v.email, name: v.name, role: v.role } });
    return tx.select(columns).from(user).where(eq(user.id, id)).get()!;
  });
}

export async function setUserRole(db: Db, actor: Actor, input: unknown): Promise<UserRow> {
  const v = parseInput(setRoleSchema, input);
  return db.transaction((tx) => {
    const before = tx.select(columns).from(user).where(eq(user.id, v.userId)).get();
    if (!before) throw new NotFoundError("User", v.userId);
    if (before.role === "admin" && v.role !== "admin") assertAnotherAdmin(tx, v.userId);
    tx.update(user).set({ role: v.role }).where(eq(user.id, v.userId)).run();
    writeAudit(tx, actor, { event: "role_change", recordType: "user", recordId: v.userId, before: { role: before.role }, after: { role: v.role } });
    return { ...before, role: v.role };
  });
}

function assertAnotherAdmin(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], userId: string) {
  const others = tx
    .select({ n: count() })
    .from(user)
    .where(sql`${user.role} = 'admin' and coalesce(${user.banned}, 0) = 0 and ${user.id} <> ${userId}`)
    .get()!.n;
  if (others === 0) throw new UserError("bad_request", "This is the last active admin: make another admin first.");
}

/** Sets a temporary password the user must change at next sign-in; ends their sessions. */
export async function resetUserPassword(db: Db, actor: Actor, input: unknown, opts: { temporary?: boolean } = { temporary: true }) {
  const v = parseInput(resetPasswordSchema, input);
  const hash = await hashPassword(v.password);
  db.transaction((tx) => {
    if (!tx.select({ id: user.id }).from(user).where(eq(user.id, v.userId)).get()) throw new NotFoundError("User", v.userId);
    const updated = tx
      .update(account)
      .set({ password: hash })
      .where(sql`${account.userId} = ${v.userId} and ${account.providerId} = 'credential'`)
      .returning({ id: account.id })
      .all();
    if (!updated.length)
      tx.insert(account).values({ id: crypto.randomUUID(), accountId: v.userId, providerId: "credential", userId: v.userId, password: hash }).run();
    tx.update(user).set({ mustChangePassword: opts.temporary ?? true }).where(eq(user.id, v.userId)).run();
    tx.delete(session).where(eq(session.userId, v.userId)).run();
    writeAudit(tx, actor, { event: "password_reset", recordType: "user", recordId: v.userId });
  });
}

/**
 * Deactivates (never deletes: a user's history stays attributable). In the same transaction
 * their sessions end and every API token and calendar feed they created is revoked for good:
 * offboarding leaves no key alive, and reactivating does not revive them (new ones are made).
 * Returns how many tokens were revoked.
 */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<{ revokedTokens: number }> {
  return db.transaction((tx) => {
    const before = tx.select(columns).from(user).where(eq(user.id, userId)).get();
    if (!before) throw new NotFoundError("User", userId);
    if (!active && before.role === "admin") assertAnotherAdmin(tx, userId);
    tx.update(user).set({ banned: !active, banReason: active ? null : "deactivated" }).where(eq(user.id, userId)).run();
    const revoked = active
      ? []
      : tx
          .update(apiToken)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiToken.createdBy, userId), isNull(apiToken.revokedAt)))
          .returning({ id: apiToken.id, name: apiToken.name, scope: apiToken.scope })
          .all();
    if (!active) tx.delete(session).where(eq(session.userId, userId)).run();
    writeAudit(tx, actor, {
      event: active ? "reactivate" : "deactivate",
      recordType: "user",
      recordId: userId,
      before: { active: !before.banned },
      after: active ? { active } : { active, revokedTokens: revoked.length },
    });
    for (const r of revoked)
      writeAudit(tx, actor, { event: "token_revoke", recordType: "api_token", recordId: r.id, after: { name: r.name, scope: r.scope, reason: "creator deactivated" } });
    return { revokedTokens: revoked.length };
  });
}

export async function clearMustChangePassword(db: Db, userId: string): Promise<void> {
  db.update(user).set({ mustChangePassword: false }).where(eq(user.id, userId)).run();
}

/** After the user changed their own password: the temporary-password flag goes, on record. */
export async function recordPasswordChanged(db: Db, actor: Actor, userId: string): Promise<void> {
  db.transaction((tx) => {
    const before = tx.select({ mustChangePassword: user.mustChangePassword }).from(user).where(eq(user.id, userId)).get();
    if (!before) throw new NotFoundError("User", userId);
    tx.update(user).set({ mustChangePassword: false }).where(eq(user.id, userId)).run();
    writeAudit(tx, actor, { event: "password_change", recordType: "user", recordId: userId });
  });
}

export async function userHasHistory(db: Db, userId: string): Promise<boolean> {
  return db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.actorUserId, userId)).get()!.n > 0;
}
