import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appDatabaseUrl } from "../helpers/db";
import { getAuth } from "@/server/auth/server";
import { SESSION_MAX_AGE_MS, sessionOutlived } from "@/server/auth/session";
import { proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

describe("[ACCOUNTS] sessions and transport", () => {
  it("a session ends 30 days after sign-in however active it was", () => {
    const signedIn = new Date(Date.UTC(2026, 0, 1));
    expect(SESSION_MAX_AGE_MS).toBe(30 * 24 * 60 * 60_000);
    expect(sessionOutlived(signedIn, signedIn.getTime() + SESSION_MAX_AGE_MS - 1)).toBe(false);
    expect(sessionOutlived(signedIn, signedIn.getTime() + SESSION_MAX_AGE_MS + 1)).toBe(true);
  });

  it("pages carry HSTS when BETTER_AUTH_URL is https, and not over plain http", async () => {
    vi.stubEnv("BETTER_AUTH_URL", "https://bridgehead.example.org");
    const secure = await proxy(new NextRequest("https://bridgehead.example.org/partners"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    vi.stubEnv("BETTER_AUTH_URL", "http://localhost:3000");
    expect((await proxy(new NextRequest("http://localhost:3000/partners"))).headers.get("strict-transport-security")).toBeNull();
  });

  it("session cookies are Secure (and __Secure- named) when BETTER_AUTH_URL is https", async () => {
    vi.stubEnv("DATABASE_URL", await appDatabaseUrl());
    vi.stubEnv("BETTER_AUTH_SECRET", "test-secret-test-secret-test-secret");
    vi.stubEnv("BETTER_AUTH_URL", "https://bridgehead.example.org");
    const cookie = (await getAuth().$context).authCookies.sessionToken;
    expect(cookie.name).toBe("__Secure-better-auth.session_token");
    expect(cookie.attributes).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });
});
