import { describe, expect, it } from "vitest";
import { clearSignInFailures, MAX_PER_ACCOUNT, MAX_PER_IP, recordSignInFailure, signInBlockedFor, WINDOW_MS } from "@/lib/auth/rate-limit";
import { testDb } from "../helpers/db";

const T0 = Date.UTC(2026, 0, 5, 9, 0);

describe("[ACCOUNTS] sign-in rate limit", () => {
  it("blocks an account after 5 failures in 15 minutes, whatever the IP or letter case", () => {
    const db = testDb();
    expect([MAX_PER_ACCOUNT, MAX_PER_IP, WINDOW_MS]).toEqual([5, 20, 15 * 60_000]);
    for (let i = 0; i < 4; i++) recordSignInFailure(db, "kim@example.org", `10.0.0.${i}`, T0 + i * 1000);
    expect(signInBlockedFor(db, "kim@example.org", "10.9.9.9", T0 + 5000)).toBe(0);
    recordSignInFailure(db, "KIM@example.org", "10.0.0.4", T0 + 5000);
    expect(signInBlockedFor(db, "kim@example.org", "10.9.9.9", T0 + 6000)).toBe(15);
    expect(signInBlockedFor(db, "lee@example.org", "10.9.9.9", T0 + 6000)).toBe(0);
  });

  it("blocks an IP after 20 failures across accounts", () => {
    const db = testDb();
    for (let i = 0; i < 19; i++) recordSignInFailure(db, `u${i}@example.org`, "192.0.2.1", T0 + i);
    expect(signInBlockedFor(db, "fresh@example.org", "192.0.2.1", T0 + 100)).toBe(0);
    recordSignInFailure(db, "u19@example.org", "192.0.2.1", T0 + 50);
    expect(signInBlockedFor(db, "fresh@example.org", "192.0.2.1", T0 + 100)).toBe(15);
    expect(signInBlockedFor(db, "fresh@example.org", "192.0.2.2", T0 + 100)).toBe(0);
  });

  it("forgets failures once the window has passed", () => {
    const db = testDb();
    for (let i = 0; i < 5; i++) recordSignInFailure(db, "kim@example.org", "10.0.0.1", T0);
    expect(signInBlockedFor(db, "kim@example.org", "10.0.0.1", T0 + WINDOW_MS - 1)).toBe(15);
    expect(signInBlockedFor(db, "kim@example.org", "10.0.0.1", T0 + WINDOW_MS + 1)).toBe(0);
  });

  it("a successful sign-in clears the account's count but not the IP's", () => {
    const db = testDb();
    for (let i = 0; i < 5; i++) recordSignInFailure(db, "kim@example.org", "10.0.0.1", T0);
    clearSignInFailures(db, "Kim@example.org");
    expect(signInBlockedFor(db, "kim@example.org", "10.0.0.1", T0 + 1)).toBe(0);
    for (let i = 0; i < 15; i++) recordSignInFailure(db, `x${i}@example.org`, "10.0.0.1", T0);
    expect(signInBlockedFor(db, "kim@example.org", "10.0.0.1", T0 + 1)).toBe(15);
  });
});
