import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/db/audit";
import { apiToken, auditEvent } from "@/db/schema";
import { createApiToken, hashToken, listApiTokens, revokeApiToken, verifyApiToken } from "@/db/queries/tokens";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/validation/english";
import { testDb } from "../helpers/db";

const ADMIN: Actor = { userId: null, label: "root@example.org", role: "admin" };

describe("[ACCOUNTS] API tokens", () => {
  it("stores only a hash; the secret verifies for its scope until revoked", async () => {
    const db = await testDb();
    const t = await createApiToken(db, ADMIN, { name: "Stats script", role: "viewer" });
    expect(t.token).toMatch(/^bh_[A-Za-z0-9_-]{32}$/);
    expect(t.scope).toBe("api");
    const stored = (await db.select().from(apiToken).limit(1))[0]!;
    expect(stored.tokenHash).toBe(hashToken(t.token));
    expect(JSON.stringify(stored)).not.toContain(t.token);
    expect(JSON.stringify(await db.select().from(auditEvent))).not.toContain(t.token);

    const ok = await verifyApiToken(db, t.token, "api");
    expect([ok?.name, ok?.role]).toEqual(["Stats script", "viewer"]);
    expect((await listApiTokens(db))[0]!.lastUsedAt).toBeInstanceOf(Date);

    expect(await verifyApiToken(db, t.token, "calendar")).toBeNull();
    await revokeApiToken(db, ADMIN, t.id);
    expect(await verifyApiToken(db, t.token, "api")).toBeNull();
    expect((await listApiTokens(db))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("a calendar feed for a partner that does not exist is a validation error, and nothing is stored", async () => {
    const db = await testDb();
    const err = await createApiToken(db, ADMIN, { name: "Feed", role: "viewer", scope: "calendar", partnerId: 999999 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(englishFieldErrors((err as ValidationError).fields!)).toEqual({ partnerId: ["Unknown partner."] });
    expect((await db.select({ n: count() }).from(apiToken).limit(1))[0]!.n).toBe(0);
    expect((await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n).toBe(0);
  });

  it("refuses garbage without touching the database", async () => {
    const db = await testDb();
    const real = await createApiToken(db, ADMIN, { name: "Real", role: "admin" });
    for (const g of ["", "bh_", "Bearer x", real.token.slice(0, -1), `${real.token}x`, "x".repeat(5000), `bh_${"a".repeat(200)}`, real.token.toUpperCase()])
      expect(await verifyApiToken(db, g, "api"), g.slice(0, 20)).toBeNull();
  });

  it("a calendar token does not open the API", async () => {
    const db = await testDb();
    const cal = await createApiToken(db, ADMIN, { name: "Feed", role: "viewer", scope: "calendar" });
    expect(await verifyApiToken(db, cal.token, "api")).toBeNull();
    expect(await verifyApiToken(db, cal.token, "calendar")).not.toBeNull();
  });

  it("creation and revocation are audited atomically; refused ones leave nothing", async () => {
    const db = await testDb();
    const n = async () => [(await db.select({ n: count() }).from(apiToken).limit(1))[0]!.n, (await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n];
    await expect(createApiToken(db, ADMIN, { name: "", role: "viewer" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createApiToken(db, ADMIN, { name: "x", role: "root" })).rejects.toBeInstanceOf(ValidationError);
    expect(await n()).toEqual([0, 0]);
    const t = await createApiToken(db, ADMIN, { name: "x", role: "editor" });
    expect(await n()).toEqual([1, 1]);
    await revokeApiToken(db, ADMIN, t.id);
    expect(await n()).toEqual([1, 2]);
    await expect(revokeApiToken(db, ADMIN, t.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiToken(db, ADMIN, 999)).rejects.toBeInstanceOf(NotFoundError);
    expect(await n()).toEqual([1, 2]);
    expect((await db.select({ e: auditEvent.event }).from(auditEvent).where(eq(auditEvent.recordId, String(t.id)))).map((x) => x.e)).toEqual(["token_create", "token_revoke"]);
  });
});
