import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { setting } from "@/db/schema";
import { inTransaction, rawGet } from "@/db/tx";
import { testDb } from "../helpers/db";

// A transaction body awaits between its statements. On SQLite, whose one connection the whole
// process shares, nothing from another request may run inside it meanwhile.

const tick = () => new Promise((resolve) => setTimeout(resolve, 15));
const settings = async (db: Db) => (await db.select({ n: count() }).from(setting))[0]!.n;
const put = (db: Db, key: string) => db.insert(setting).values({ key, value: "1" });

const opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.$client.close()));

describe("[DB] transactions across await", () => {
  it("another request's read waits for the commit and never sees uncommitted rows", async () => {
    const db = await testDb();
    const base = await settings(db);
    const order: string[] = [];
    const tx = inTransaction(db, async (t) => {
      await put(t, "a");
      await tick();
      await put(t, "b");
      await tick();
      order.push("commit");
    });
    await Promise.resolve();
    const seen = await settings(db);
    order.push("read");
    await tx;
    expect(seen).toBe(base + 2);
    expect(order).toEqual(["commit", "read"]);
  });

  it("a rollback takes only its own writes, not a write another request made meanwhile", async () => {
    const db = await testDb();
    const tx = inTransaction(db, async (t) => {
      await put(t, "mine");
      await tick();
      throw new Error("spoilt");
    });
    const other = put(db, "theirs").then(() => "written");
    await expect(tx).rejects.toThrow("spoilt");
    expect(await other).toBe("written");
    const keys = (await db.select({ key: setting.key }).from(setting)).map((r) => r.key);
    expect(keys).toContain("theirs");
    expect(keys).not.toContain("mine");
  });

  it("raw SQL from another request waits too", async () => {
    const db = await testDb();
    const tx = inTransaction(db, async (t) => {
      await put(t, "raw");
      await tick();
      throw new Error("spoilt");
    });
    const raw = rawGet<{ n: number }>(db, (await import("drizzle-orm")).sql`select count(*) n from setting where key = 'raw'`);
    await expect(tx).rejects.toThrow();
    expect((await raw)!.n).toBe(0);
  });

  it("two transactions in turn keep both, whatever their awaits", async () => {
    const db = await testDb();
    const base = await settings(db);
    await Promise.all(
      ["x", "y", "z"].map((k) =>
        inTransaction(db, async (t) => {
          const before = await settings(t);
          await tick();
          await put(t, k);
          expect(await settings(t)).toBe(before + 1);
        }),
      ),
    );
    expect(await settings(db)).toBe(base + 3);
  });

  it("a nested transaction is a savepoint: its failure undoes only its part", async () => {
    const db = await testDb();
    await inTransaction(db, async (t) => {
      await put(t, "outer");
      await inTransaction(t, async (inner) => {
        await put(inner, "inner");
        throw new Error("inner fails");
      }).catch(() => undefined);
    });
    const keys = (await db.select({ key: setting.key }).from(setting)).map((r) => r.key);
    expect(keys).toContain("outer");
    expect(keys).not.toContain("inner");
  });

  it("two connections to one file (a CLI beside the server) take the write lock in turn without stalling", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-tx-")), "t.db");
    const a = openDb(file);
    opened.push(a);
    await runMigrations(a);
    const b = openDb(file);
    opened.push(b);
    let timerRan = false;
    const timer = new Promise<void>((resolve) => setTimeout(() => ((timerRan = true), resolve()), 30));
    await Promise.all([
      inTransaction(a, async (t) => {
        await put(t, "from-a");
        await tick();
        await tick();
        await tick();
      }),
      inTransaction(b, async (t) => {
        // The event loop kept turning while b waited for a's lock.
        expect(timerRan).toBe(true);
        await put(t, "from-b");
      }),
      timer,
    ]);
    const keys = (await a.select({ key: setting.key }).from(setting).where(eq(setting.value, "1"))).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(["from-a", "from-b"]));
  });
});
