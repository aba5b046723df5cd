import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabasePath } from "@/db/client";
import { engineOf } from "@/db/engine";

describe("[DB] DATABASE_URL", () => {
  it("takes a path, a file: URL or :memory:", () => {
    expect(resolveDatabasePath(undefined)).toBe(path.join(process.cwd(), "data", "bridgehead.db"));
    expect(resolveDatabasePath(":memory:")).toBe(":memory:");
    expect(resolveDatabasePath("data/x.db")).toBe(path.resolve("data/x.db"));
    expect(resolveDatabasePath("file:data/x.db")).toBe(path.resolve("data/x.db"));
    expect(resolveDatabasePath("file:///tmp/x.db")).toBe("/tmp/x.db");
  });

  it("picks PostgreSQL for postgres:// and postgresql://, SQLite for the rest", () => {
    expect(engineOf("postgres://bh:secret@db.example:5432/bridgehead")).toBe("pg");
    expect(engineOf("postgresql://localhost/bridgehead")).toBe("pg");
    expect(engineOf(undefined)).toBe("sqlite");
    expect(engineOf("data/x.db")).toBe("sqlite");
    expect(engineOf("file:data/x.db")).toBe("sqlite");
    expect(engineOf(":memory:")).toBe("sqlite");
    expect(engineOf("C:\\data\\x.db")).toBe("sqlite");
  });

  it.each([
    ["postgres://bh:secret@db.example:5432/bridgehead", /DATABASE_URL names a PostgreSQL server/],
    ["mysql://localhost/bridgehead", /DATABASE_URL has the scheme "mysql:"/],
    ["https://example.org/db", /DATABASE_URL has the scheme "https:"/],
    ["file:", /DATABASE_URL is a file: URL without a path/],
    ["data/x\u0000.db", /DATABASE_URL holds a control character/],
  ])("refuses %j with a message naming the variable", (url, message) => {
    expect(() => resolveDatabasePath(url)).toThrow(message);
  });

  it.each(["mysql://localhost/bridgehead", "postgres:/no-slashes", "data/x\u0000.db"])("the engine choice refuses %j naming the variable", (url) => {
    expect(() => engineOf(url)).toThrow(/DATABASE_URL/);
  });

  it("npm start on an unreachable PostgreSQL says so in one line, naming the variable, and makes no folder named postgres:", () => {
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgres://bh@127.0.0.1:1/bridgehead", BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret", SMTP_URL: "", MAIL_FROM: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot open the database: nothing answers at DATABASE_URL \(postgres:\/\/bh@127\.0\.0\.1:1\/bridgehead\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync("postgres:")).toBe(false);
  }, 90_000);

  it("npm start on PostgreSQL without BETTER_AUTH_SECRET says the instances need one", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "postgres://bh@127.0.0.1:1/bridgehead", SMTP_URL: "", MAIL_FROM: "" };
    delete env.BETTER_AUTH_SECRET;
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/On PostgreSQL, set BETTER_AUTH_SECRET/);
  }, 90_000);
});
