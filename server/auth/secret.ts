import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabasePath } from "@/db/client";
import { engineOf } from "@/db/engine";

/**
 * BETTER_AUTH_SECRET, or one generated on first start and kept beside the database
 * (never committed), so sessions survive restarts without configuration.
 */
export function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  // Several instances on one PostgreSQL must sign sessions with one secret: no file can be shared.
  if (engineOf() === "pg") throw new Error("On PostgreSQL, set BETTER_AUTH_SECRET (at least 32 random characters, the same on every instance).");
  const dbPath = resolveDatabasePath();
  const dir = dbPath === ":memory:" ? path.join(process.cwd(), "data") : path.dirname(dbPath);
  const file = path.join(dir, ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export function authBaseUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
