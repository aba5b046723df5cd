import { count, eq } from "drizzle-orm";
import { verifyPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { account, auditEvent, session, user } from "@/db/schema";
import { createUser, findUserByEmail, recordPasswordChanged, resetUserPassword, setUserActive, setUserRole } from "@/db/queries/users";
import { NotFoundError, UserError, ValidationError } from "@/lib/errors";
import { listAuditEvents } from "@/db/queries/audit";
import { userCommand } from "../../scripts/user-command";
import { testDb } from "../helpers/db";

const ADMIN: Actor = { userId: null, label: "root@test", role: "admin" };
const audits = (db: Db) => db.select({ n: count() }).from(auditEvent).get()!.n;
const users = (db: Db) => db.select({ n: count() }).from(user).get()!.n;

async function withAdmins(n: number) {
  const db = testDb();
  const made = [];
  for (let i = 0; i < n; i++) made.push(await createUser(db, ADMIN, { email: `a${i}@example.org`, name: `Admin ${i}`, role: "admin", password: "long-enough-pw" }));
  return { db, admins: made };
}

describe("[ACCOUNTS] user changes are audited atomically", () => {
  it("a refused invite (duplicate email, bad input) leaves no user and no audit row", async () => {
    const { db } = await withAdmins(1);
    const before = [users(db), audits(db)];
    await expect(createUser(db, ADMIN, { email: "A0@example.org", name: "Dup", role: "viewer", password: "long-enough-pw" })).rejects.toBeInstanceOf(UserError);
    await expect(createUser(db, ADMIN, { email: "new@example.org", name: "New", role: "owner", password: "short" })).rejects.toBeInstanceOf(ValidationError);
    expect([users(db), audits(db)]).toEqual(before);
  });

  it("an accepted invite writes the user, a credential and one audit row together; the temporary flag is kept", async () => {
    const db = testDb();
    const u = await createUser(db, ADMIN, { email: " Mina@Example.org ", name: "Mina", role: "editor", password: "temporary-pw-1" }, { mustChangePassword: true });
    expect(u.email).toBe("mina@example.org");
    expect(u.mustChangePassword).toBe(true);
    const cred = db.select().from(account).where(eq(account.userId, u.id)).get()!;
    expect(await verifyPassword({ hash: cred.password!, password: "temporary-pw-1" })).toBe(true);
    const ev = db.select().from(auditEvent).get()!;
    expect([ev.event, ev.recordType, ev.recordId, ev.actorLabel]).toEqual(["create", "user", u.id, "root@test"]);
    expect(JSON.stringify(ev.after)).not.toContain("temporary-pw-1");
  });

  it("role change records before and after; changing a missing user writes nothing", async () => {
    const { db } = await withAdmins(2);
    const v = await createUser(db, ADMIN, { email: "v@example.org", name: "V", role: "viewer", password: "long-enough-pw" });
    await setUserRole(db, ADMIN, { userId: v.id, role: "editor" });
    const ev = db.select().from(auditEvent).where(eq(auditEvent.event, "role_change")).get()!;
    expect([ev.before, ev.after]).toEqual([{ role: "viewer" }, { role: "editor" }]);
    expect((await listAuditEvents(db, { event: "role_change" })).rows[0]!.recordLabel).toBe("v@example.org");
    const n = audits(db);
    await expect(setUserRole(db, ADMIN, { userId: "nobody", role: "admin" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserRole(db, ADMIN, { userId: v.id, role: "superuser" })).rejects.toBeInstanceOf(ValidationError);
    expect(audits(db)).toBe(n);
    expect((await findUserByEmail(db, "v@example.org"))!.role).toBe("editor");
  });

  it("a password reset sets a temporary password, ends sessions, and is audited without the password", async () => {
    const { db } = await withAdmins(1);
    const v = await createUser(db, ADMIN, { email: "v@example.org", name: "V", role: "viewer", password: "long-enough-pw" });
    db.insert(session).values({ id: "s1", token: "t1", userId: v.id, expiresAt: new Date(Date.now() + 60_000) }).run();
    await resetUserPassword(db, ADMIN, { userId: v.id, password: "brand-new-temp" });
    expect((await findUserByEmail(db, "v@example.org"))!.mustChangePassword).toBe(true);
    expect(db.select({ n: count() }).from(session).where(eq(session.userId, v.id)).get()!.n).toBe(0);
    const ev = db.select().from(auditEvent).where(eq(auditEvent.event, "password_reset")).get()!;
    expect(JSON.stringify(ev)).not.toContain("brand-new-temp");
    const n = audits(db);
    await expect(resetUserPassword(db, ADMIN, { userId: v.id, password: "short" })).rejects.toBeInstanceOf(ValidationError);
    await expect(resetUserPassword(db, ADMIN, { userId: "nobody", password: "long-enough-pw" })).rejects.toBeInstanceOf(NotFoundError);
    expect(audits(db)).toBe(n);
  });

  it("a changed password clears the temporary flag, on record", async () => {
    const db = testDb();
    const v = await createUser(db, ADMIN, { email: "v@example.org", name: "V", role: "viewer", password: "long-enough-pw" }, { mustChangePassword: true });
    await recordPasswordChanged(db, { userId: v.id, label: "v@example.org", role: "viewer" }, v.id);
    expect((await findUserByEmail(db, "v@example.org"))!.mustChangePassword).toBe(false);
    expect(db.select().from(auditEvent).where(eq(auditEvent.event, "password_change")).get()!.actorLabel).toBe("v@example.org");
  });
});

describe("[ACCOUNTS] the last active admin", () => {
  it("cannot be demoted or deactivated; the refusal changes nothing and writes no audit row", async () => {
    const { db, admins } = await withAdmins(1);
    const n = audits(db);
    await expect(setUserRole(db, ADMIN, { userId: admins[0]!.id, role: "editor" })).rejects.toThrow(/last active admin/);
    await expect(setUserActive(db, ADMIN, admins[0]!.id, false)).rejects.toThrow(/last active admin/);
    const row = (await findUserByEmail(db, "a0@example.org"))!;
    expect([row.role, row.banned]).toEqual(["admin", false]);
    expect(audits(db)).toBe(n);
  });

  it("a deactivated admin does not count as the other admin", async () => {
    const { db, admins } = await withAdmins(2);
    await setUserActive(db, ADMIN, admins[1]!.id, false);
    await expect(setUserRole(db, ADMIN, { userId: admins[0]!.id, role: "viewer" })).rejects.toThrow(/last active admin/);
    await setUserActive(db, ADMIN, admins[1]!.id, true);
    await setUserRole(db, ADMIN, { userId: admins[0]!.id, role: "viewer" });
    expect((await findUserByEmail(db, "a0@example.org"))!.role).toBe("viewer");
    expect(db.select().from(auditEvent).where(eq(auditEvent.event, "deactivate")).get()!.after).toEqual({ active: false, revokedTokens: 0 });
  });
});

describe("[ACCOUNTS] user CLI", () => {
  it("adds, changes role, resets, deactivates and lists, each on record as the CLI", async () => {
    const db = testDb();
    const add = await userCommand(db, ["add", "Ops@Example.org", "admin", "Ops", "Desk"]);
    expect(add.code).toBe(0);
    const temp = /Temporary password: (\S+)/.exec(add.out[0]!)![1]!;
    const created = (await findUserByEmail(db, "ops@example.org"))!;
    expect([created.name, created.role, created.mustChangePassword]).toEqual(["Ops Desk", "admin", true]);
    const cred = db.select().from(account).where(eq(account.userId, created.id)).get()!;
    expect(await verifyPassword({ hash: cred.password!, password: temp })).toBe(true);

    expect((await userCommand(db, ["add", "kim@example.org", "viewer"], { USER_PASSWORD: "chosen-password" })).out[0]).toBe("Created kim@example.org (viewer).");
    expect((await findUserByEmail(db, "kim@example.org"))!.mustChangePassword).toBe(false);

    expect((await userCommand(db, ["role", "kim@example.org", "editor"])).code).toBe(0);
    expect((await userCommand(db, ["reset", "kim@example.org"])).out[0]).toMatch(/Temporary password: \S{10,}/);
    expect((await userCommand(db, ["deactivate", "kim@example.org"])).code).toBe(0);
    expect((await userCommand(db, ["list"])).out).toEqual(["kim@example.org\teditor\tdeactivated", "ops@example.org\tadmin"]);
    const labels = db.select({ l: auditEvent.actorLabel }).from(auditEvent).all();
    expect(new Set(labels.map((x) => x.l))).toEqual(new Set(["cli"]));
  });

  it("answers mistakes with a message and exit code 2, changing nothing", async () => {
    const db = testDb();
    await userCommand(db, ["add", "only@example.org", "admin"], { USER_PASSWORD: "chosen-password" });
    const n = audits(db);
    for (const argv of [[], ["frobnicate"], ["role", "ghost@example.org", "admin"], ["role", "only@example.org", "king"], ["deactivate", "only@example.org"], ["add", "not-an-email", "viewer"]]) {
      const r = await userCommand(db, argv, { USER_PASSWORD: "chosen-password" });
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.join(" ").length).toBeGreaterThan(5);
    }
    expect(audits(db)).toBe(n);
    expect((await findUserByEmail(db, "only@example.org"))!.role).toBe("admin");
  });
});
