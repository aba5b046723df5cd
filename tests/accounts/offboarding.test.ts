import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/db/audit";
import { apiToken, auditEvent, session, user } from "@/db/schema";
import { createApiToken, verifyApiToken } from "@/db/queries/tokens";
import { createUser, setUserActive } from "@/db/queries/users";
import { testDb } from "../helpers/db";

const PW = "Haeundae-sunrise-2019";

async function twoAdmins() {
  const db = testDb();
  const root = await createUser(db, SYSTEM_ACTOR, { email: "root@example.org", name: "Root", role: "admin", password: PW });
  const leaver = await createUser(db, SYSTEM_ACTOR, { email: "leaver@example.org", name: "Leaver", role: "admin", password: PW });
  const as = (u: { id: string; email: string }): Actor => ({ userId: u.id, label: u.email, role: "admin" });
  const api = await createApiToken(db, as(leaver), { name: "Leaver's script", role: "admin" });
  const feed = await createApiToken(db, as(leaver), { name: "Leaver's calendar", role: "viewer", scope: "calendar" });
  const other = await createApiToken(db, as(root), { name: "Root's script", role: "viewer" });
  db.insert(session).values({ id: "s1", token: crypto.randomUUID(), userId: leaver.id, expiresAt: new Date(Date.now() + 86_400_000) }).run();
  return { db, root, leaver, api, feed, other, actor: as(root) };
}

describe("[ACCOUNTS] offboarding", () => {
  it("deactivating a user ends their sessions and revokes their API tokens and calendar feeds, on record", async () => {
    const { db, leaver, api, feed, other, actor } = await twoAdmins();
    expect(await setUserActive(db, actor, leaver.id, false)).toEqual({ revokedTokens: 2 });
    expect(await verifyApiToken(db, api.token, "api")).toBeNull();
    expect(await verifyApiToken(db, feed.token, "calendar")).toBeNull();
    expect(await verifyApiToken(db, other.token, "api")).not.toBeNull();
    expect(db.select().from(session).where(eq(session.userId, leaver.id)).all()).toEqual([]);
    const revokes = db.select({ id: auditEvent.recordId, after: auditEvent.after }).from(auditEvent).where(eq(auditEvent.event, "token_revoke")).all();
    expect(revokes.map((r) => r.id).sort()).toEqual([String(api.id), String(feed.id)].sort());
    expect(revokes.every((r) => (r.after as { reason: string }).reason === "creator deactivated")).toBe(true);
    const deact = db.select({ after: auditEvent.after }).from(auditEvent).where(and(eq(auditEvent.event, "deactivate"), eq(auditEvent.recordId, leaver.id))).get();
    expect(deact?.after).toEqual({ active: false, revokedTokens: 2 });
    // Revoked for good: reactivating brings the account back, not its old keys.
    await setUserActive(db, actor, leaver.id, true);
    expect(await verifyApiToken(db, api.token, "api")).toBeNull();
  });

  it("a token is refused while its creator is deactivated, even if it was never revoked", async () => {
    const { db, leaver, api, feed } = await twoAdmins();
    db.update(user).set({ banned: true }).where(eq(user.id, leaver.id)).run();
    expect(db.select({ r: apiToken.revokedAt }).from(apiToken).where(eq(apiToken.id, api.id)).get()!.r).toBeNull();
    expect(await verifyApiToken(db, api.token, "api")).toBeNull();
    expect(await verifyApiToken(db, feed.token, "calendar")).toBeNull();
  });

  it("a refused deactivation (the last admin) revokes nothing", async () => {
    const { db, root, leaver, actor } = await twoAdmins();
    await setUserActive(db, actor, leaver.id, false);
    const mine = await createApiToken(db, actor, { name: "Root's other", role: "admin" });
    await expect(setUserActive(db, actor, root.id, false)).rejects.toThrow(/last active admin/);
    expect(await verifyApiToken(db, mine.token, "api")).not.toBeNull();
  });
});
