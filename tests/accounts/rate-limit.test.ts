import { and, eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { writeAudit } from "@/db/audit";
import { auditEvent } from "@/db/schema";
import { attemptSignIn, type PasswordCheck } from "@/server/auth/sign-in";
import { MAX_PER_ACCOUNT, MAX_PER_IP, WINDOW_MS } from "@/server/auth/rate-limit";
import { CLIENT_IP_HEADER, CLIENT_IP_PROOF_HEADER, clientIpProof, parseTrustedProxies, readClientIp, resolveClientIp } from "@/lib/client-ip";
import { testDb } from "../helpers/db";

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const RIGHT = "Chongqing-bigdata-2019";
const hashed = hashPassword(RIGHT);

/** A password check that counts how often the hash was verified, as better-auth's does. */
function checker(opts: { banned?: boolean } = {}) {
  const c = {
    calls: 0, check: (password: string) => async (): Promise<PasswordCheck> => {
      c.calls++;
      if (!(await verifyPassword({ hash: await hashed, password }))) return "invalid";
      return opts.banned ? "deactivated" : "ok";
    }
  };
  return c;
}

describe("[ACCOUNTS] sign-in limits", () => {
  it("50 parallel tries: exactly the allowed number reach the password check, and the right password after them is refused", async () => {
    const db = await testDb();
    const c = checker();
    const tries = Array.from({ length: 50 }, (_, i) =>
      attemptSignIn(db, { email: "kim@example.org", ip: `198.51.100.${i}` }, c.check(i === 49 ? RIGHT : `wrong-guess-${i}`), T0),
    );
    const results = await Promise.all(tries);
    expect(c.calls).toBe(MAX_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "limited")).toHaveLength(50 - MAX_PER_ACCOUNT);
    expect(results[49]).toEqual({ ok: false, reason: "limited", minutes: 15 });
  });

  it("blocks an account after 5 failures, whatever the letter case, and forgets them after the window", async () => {
    const db = await testDb();
    const c = checker();
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { email: i % 2 ? "KIM@example.org" : "kim@example.org", ip: `10.0.0.${i}` }, c.check("nope"), T0 + i);
    expect(await attemptSignIn(db, { email: "kim@example.org", ip: "10.9.9.9" }, c.check(RIGHT), T0 + 10)).toMatchObject({ reason: "limited" });
    expect(await attemptSignIn(db, { email: "lee@example.org", ip: "10.9.9.9" }, c.check("nope"), T0 + 10)).toMatchObject({ reason: "invalid" });
    expect(await attemptSignIn(db, { email: "kim@example.org", ip: "10.9.9.9" }, c.check(RIGHT), T0 + WINDOW_MS + 10)).toEqual({ ok: true });
    expect(c.calls).toBe(7);
  });

  it("the owner escapes a lockout from an address they signed in from before; others stay locked out", async () => {
    const db = await testDb();
    const c = checker();
    expect(await attemptSignIn(db, { email: "admin@example.org", ip: "192.0.2.10" }, c.check(RIGHT), T0)).toEqual({ ok: true });
    // An attacker elsewhere spends the account's tries, over and over.
    for (let i = 0; i < 12; i++) await attemptSignIn(db, { email: "admin@example.org", ip: `203.0.113.${i}` }, c.check(`guess-${i}`), T0 + 1000 + i);
    expect(await attemptSignIn(db, { email: "admin@example.org", ip: "203.0.113.99" }, c.check(RIGHT), T0 + 2000)).toMatchObject({ reason: "limited" });
    expect(await attemptSignIn(db, { email: "admin@example.org", ip: "192.0.2.10" }, c.check(RIGHT), T0 + 2000)).toEqual({ ok: true });
    // The known address has a limit of its own: guessing from it is still stopped.
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { email: "admin@example.org", ip: "192.0.2.10" }, c.check("typo"), T0 + 3000 + i);
    expect(await attemptSignIn(db, { email: "admin@example.org", ip: "192.0.2.10" }, c.check(RIGHT), T0 + 4000)).toMatchObject({ reason: "limited" });
  });

  it("blocks an IP after 20 failures across accounts", async () => {
    const db = await testDb();
    const c = checker();
    for (let i = 0; i < MAX_PER_IP; i++) await attemptSignIn(db, { email: `u${i}@example.org`, ip: "192.0.2.1" }, c.check("nope"), T0 + i);
    expect(await attemptSignIn(db, { email: "fresh@example.org", ip: "192.0.2.1" }, c.check("nope"), T0 + 100)).toMatchObject({ reason: "limited" });
    expect(await attemptSignIn(db, { email: "fresh@example.org", ip: "192.0.2.2" }, c.check("nope"), T0 + 100)).toMatchObject({ reason: "invalid" });
  });

  it("says the account is deactivated only to someone who knows its password", async () => {
    const db = await testDb();
    const c = checker({ banned: true });
    expect(await attemptSignIn(db, { email: "leaver@example.org", ip: "10.0.0.1" }, c.check("wrong-password"), T0)).toMatchObject({ reason: "invalid" });
    expect(await attemptSignIn(db, { email: "leaver@example.org", ip: "10.0.0.1" }, c.check(RIGHT), T0 + 1)).toMatchObject({ reason: "deactivated" });
  });
});

describe("[ACCOUNTS] client address and X-Forwarded-For", () => {
  it("without TRUSTED_PROXIES a spoofed, rotated X-Forwarded-For is ignored: the per-IP limit holds on the socket address", async () => {
    const db = await testDb();
    const c = checker();
    const results = [];
    for (let i = 0; i < MAX_PER_IP + 5; i++) {
      const ip = resolveClientIp("::ffff:192.0.2.7", `203.0.113.${i}`, parseTrustedProxies(undefined));
      results.push(await attemptSignIn(db, { email: `spray${i}@example.org`, ip }, c.check("Password123!"), T0 + i));
    }
    expect(c.calls).toBe(MAX_PER_IP);
    expect(results.slice(MAX_PER_IP).every((r) => !r.ok && r.reason === "limited")).toBe(true);
    const ips = await db.select({ ip: auditEvent.ipAddress }).from(auditEvent).where(eq(auditEvent.event, "sign_in_failed"));
    expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(["192.0.2.7"]));
  });

  it("with TRUSTED_PROXIES, X-Forwarded-For is read right to left up to the first untrusted hop", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    expect(resolveClientIp("127.0.0.1", "203.0.113.66, 198.51.100.4", proxies)).toBe("198.51.100.4");
    expect(resolveClientIp("127.0.0.1", "198.51.100.4, 10.1.2.3", proxies)).toBe("198.51.100.4");
    expect(resolveClientIp("::1", "<img src=x onerror=alert(1)>", proxies)).toBe("::1");
    expect(resolveClientIp("198.51.100.9", "203.0.113.66", proxies)).toBe("198.51.100.9");
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/33"/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/TRUSTED_PROXIES/);
  });

  it("the app reads an address only from our server: a client writing the header itself is ignored", () => {
    const ip = (value: string, proof?: string) => readClientIp(new Headers({ [CLIENT_IP_HEADER]: value, ...(proof ? { [CLIENT_IP_PROOF_HEADER]: proof } : {}) }));
    expect(ip("198.51.100.77")).toBeNull();
    const proof = clientIpProof();
    expect(ip("198.51.100.77", "x".repeat(proof.length))).toBeNull();
    expect(ip("198.51.100.77", proof)).toBe("198.51.100.77");
    expect(ip("<img src=x onerror=alert(1)>", proof)).toBeNull();
  });

  it("markup never reaches the audit trail as an IP", async () => {
    const db = await testDb();
    await writeAudit(db, { userId: null, label: "x", role: "system", ip: "<img src=x onerror=alert(1)>" }, { event: "export", recordType: "report" });
    await writeAudit(db, { userId: null, label: "y", role: "system", ip: "::ffff:198.51.100.4" }, { event: "export", recordType: "report" });
    expect((await db.select({ ip: auditEvent.ipAddress }).from(auditEvent)).map((r) => r.ip)).toEqual([null, "198.51.100.4"]);
  });

  it("failed sign-ins are audited as one counted row per account and IP per window", async () => {
    const db = await testDb();
    const c = checker();
    for (let i = 0; i < 4; i++) await attemptSignIn(db, { email: "kim@example.org", ip: "10.0.0.1" }, c.check("nope"), T0 + i);
    await attemptSignIn(db, { email: "kim@example.org", ip: "10.0.0.2" }, c.check("nope"), T0 + 5);
    await attemptSignIn(db, { email: "kim@example.org", ip: "10.0.0.3" }, c.check("nope"), T0 + WINDOW_MS + 5);
    const rows = await db
      .select({ ip: auditEvent.ipAddress, after: auditEvent.after })
      .from(auditEvent)
      .where(and(eq(auditEvent.event, "sign_in_failed"), eq(auditEvent.actorLabel, "kim@example.org")));
    expect(rows.map((r) => [r.ip, (r.after as { failures: number }).failures])).toEqual([
      ["10.0.0.1", 4],
      ["10.0.0.2", 1],
      ["10.0.0.3", 1],
    ]);
  });
});
