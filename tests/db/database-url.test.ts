import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabasePath } from "@/db/client";

describe("[DB] DATABASE_URL", () => {
  it("takes a path, a file: URL or :memory:", () => {
    expect(resolveDatabasePath(undefined)).toBe(path.join(process.cwd(), "data", "bridgehead.db"));
    expect(resolveDatabasePath(":memory:")).toBe(":memory:");
    expect(resolveDatabasePath("data/x.db")).toBe(path.resolve("data/x.db"));
    expect(resolveDatabasePath("file:data/x.db")).toBe(path.resolve("data/x.db"));
    expect(resolveDatabasePath("file:///tmp/x.db")).toBe("/tmp/x.db");
  });

  it.each([
    ["postgres://bh:secret@db.example:5432/bridgehead", /DATABASE_URL names a PostgreSQL server/],
    ["postgresql://localhost/bridgehead", /DATABASE_URL names a PostgreSQL server/],
    ["mysql://localhost/bridgehead", /DATABASE_URL has the scheme "mysql:"/],
    ["https://example.org/db", /DATABASE_URL has the scheme "https:"/],
    ["file:", /DATABASE_URL is a file: URL without a path/],
    ["data/x\u0000.db", /DATABASE_URL holds a control character/],
  ])("refuses %j with a message naming the variable", (url, message) => {
    expect(() => resolveDatabasePath(url)).toThrow(message);
  });

  it("npm start refuses a postgres:// URL before touching the disk (no folder named postgres:)", () => {
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgres://bh@127.0.0.1:1/bridgehead", SMTP_URL: "", MAIL_FROM: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL names a PostgreSQL server/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync("postgres:")).toBe(false);
  }, 90_000);
});
