import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action, auditEvent } from "@/db/schema";
import { addComment, moveAction } from "@/db/queries/actions";
import { getActionDetail, getBoard, partnerOverview } from "@/db/queries/board";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Db } from "@/db/client";
import { EDITOR, seededDb, onPostgres } from "../helpers/db";

const TODAY = "2026-11-28";
const get = async (db: Db, id: number) => (await db.select().from(action).where(eq(action.id, id)).limit(1))[0]!;
const column = async (db: Db, status: string) =>
  (await db.select({ id: action.id }).from(action).where(eq(action.status, status)).orderBy(asc(action.position), asc(action.id))).map((r) => r.id);

async function chongqing(db: Db) {
  const ids = await column(db, "open");
  expect(ids.length).toBeGreaterThanOrEqual(3);
  return Promise.all(ids.map((id) => get(db, id)));
}

describe("[BOARD] moving a card", () => {
  it("moving to Done sets completed_at, moving within Done keeps it, moving back clears it", async () => {
    const db = await seededDb();
    const [a] = await chongqing(db);
    expect(a!.completedAt).toBeNull();
    const done = await moveAction(db, EDITOR, { id: a!.id, version: a!.version, status: "done" });
    expect(done.status).toBe("done");
    expect(done.completedAt).not.toBeNull();
    const stamp = (await get(db, a!.id)).completedAt!.getTime();

    const b = await get(db, (await column(db, "open"))[0]!);
    await moveAction(db, EDITOR, { id: b.id, version: b.version, status: "done" });
    const within = await moveAction(db, EDITOR, { id: a!.id, version: done.version, status: "done", afterId: b.id });
    expect((await get(db, a!.id)).completedAt!.getTime()).toBe(stamp);
    expect(await column(db, "done")).toEqual([b.id, a!.id]);

    const back = await moveAction(db, EDITOR, { id: a!.id, version: within.version, status: "in_progress" });
    expect(back.completedAt).toBeNull();
    expect((await get(db, a!.id)).completedAt).toBeNull();
    expect((await get(db, a!.id)).status).toBe("in_progress");
  });

  it("places the card between its neighbours with one row written, and keeps the order", async () => {
    const db = await seededDb();
    const [x, y, z] = await chongqing(db);
    const before = { x: await get(db, x!.id), y: await get(db, y!.id) };
    const r = await moveAction(db, EDITOR, { id: z!.id, version: z!.version, status: "open", afterId: x!.id, beforeId: y!.id });
    expect((await column(db, "open")).slice(0, 3)).toEqual([x!.id, z!.id, y!.id]);
    expect(r.position).toBeGreaterThan(before.x.position);
    expect(r.position).toBeLessThan(before.y.position);
    // The neighbours were not rewritten.
    expect((await get(db, x!.id)).updatedAt.getTime()).toBe(before.x.updatedAt.getTime());
    expect((await get(db, y!.id)).position).toBe(before.y.position);
  });

  it("renumbers the column when no gap is left between the neighbours, and still lands in the right place", async () => {
    const db = await seededDb();
    const [x, y, z] = await chongqing(db);
    await db.update(action).set({ position: 10 }).where(eq(action.id, x!.id));
    await db.update(action).set({ position: 11 }).where(eq(action.id, y!.id));
    await db.update(action).set({ position: 12 }).where(eq(action.id, z!.id));
    await moveAction(db, EDITOR, { id: z!.id, version: z!.version, status: "open", afterId: x!.id });
    // The demo's fourth open follow-up (the delegation's checklist item of ours) stays below them.
    expect((await column(db, "open")).slice(0, 3)).toEqual([x!.id, z!.id, y!.id]);
    expect((await get(db, x!.id)).position).toBe(1024);
    expect((await get(db, z!.id)).position).toBe(2048);
    expect((await get(db, y!.id)).position).toBe(3072);
  });

  it("a stale version is a 409 conflict naming who moved it, and nothing changes", async () => {
    const db = await seededDb();
    const [a] = await chongqing(db);
    await moveAction(db, { ...EDITOR, label: "first@test" }, { id: a!.id, version: a!.version, status: "blocked" });
    const err = await moveAction(db, EDITOR, { id: a!.id, version: a!.version, status: "done" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).status).toBe(409);
    expect((err as ConflictError).message).toContain("first@test");
    expect((await get(db, a!.id)).status).toBe("blocked");
    expect((await get(db, a!.id)).completedAt).toBeNull();
  });

  it("refuses bad input and unknown cards without writing", async () => {
    const db = await seededDb();
    const [a] = await chongqing(db);
    await expect(moveAction(db, EDITOR, { id: a!.id, version: a!.version, status: "archived" })).rejects.toBeInstanceOf(ValidationError);
    await expect(moveAction(db, EDITOR, { id: 99999, version: 1, status: "open" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await get(db, a!.id)).version).toBe(a!.version);
  });

  it("audits the move in the same transaction, with before and after", async () => {
    const db = await seededDb();
    const [a] = await chongqing(db);
    await moveAction(db, EDITOR, { id: a!.id, version: a!.version, status: "in_progress" });
    const ev = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.recordType, "action"), eq(auditEvent.recordId, String(a!.id)), eq(auditEvent.event, "move")));
    expect(ev).toHaveLength(1);
    expect(ev[0]!.actorLabel).toBe("editor@test");
    expect(ev[0]!.before).toMatchObject({ status: "open" });
    expect(ev[0]!.after).toMatchObject({ status: "in_progress" });
    const detail = await getActionDetail(db, a!.id);
    expect(detail.history[0]!.event).toBe("move");
  });

  it("comments carry their author and show in the detail; an empty note is refused", async () => {
    const db = await seededDb();
    const [a] = await chongqing(db);
    await addComment(db, EDITOR, { actionId: a!.id, body: "Called Director Luo." });
    await expect(addComment(db, EDITOR, { actionId: a!.id, body: "  " })).rejects.toBeInstanceOf(ValidationError);
    const d = await getActionDetail(db, a!.id);
    expect(d.comments.map((c) => c.body)).toEqual(["Called Director Luo."]);
    expect(d.history[0]!.event).toBe("comment");
  });
});

describe("[BOARD] reading the board", () => {
  it("filters by partner and side, counts per column, and groups rows by partner", async () => {
    const db = await seededDb();
    const all = await getBoard(db, {}, TODAY);
    // The meeting's three follow-ups and the delegation's checklist item of ours.
    expect(all.totals.open).toBe(4);
    const theirs = await getBoard(db, { partner: "chongqing", side: "theirs" }, TODAY);
    expect(theirs.lanes[0]!.columns.find((c) => c.status === "open")!.cards.map((c) => c.title)).toEqual([
      "Organise a task force for a Chongqing delegation's visit to Gyeonggi Province",
      "Mayor Tang's visit to Gyeonggi Province: Pangyo Techno Valley and SK Hynix",
    ]);
    expect((await getBoard(db, { partner: "atlantis" }, TODAY)).lanes).toEqual([]);
    const grouped = await getBoard(db, { group: "partner" }, TODAY);
    expect(grouped.lanes.map((l) => l.key)).toEqual(["partner:chongqing"]);
    expect(grouped.totals.open).toBe(4);
  });

  it("overdue is due before today and still open; the partner overview puts overdue partners first", async () => {
    const db = await seededDb();
    const [a] = await chongqing(db);
    await db.update(action).set({ dueOn: "2026-01-01" }).where(eq(action.id, a!.id));
    const overdue = await getBoard(db, { due: "overdue" }, TODAY);
    expect(overdue.totals.open).toBe(1);
    const tiles = await partnerOverview(db, TODAY);
    expect(tiles[0]!.slug).toBe("chongqing");
    expect(tiles[0]!.overdueCount).toBe(1);
    expect(tiles[0]!.openCount).toBe(4);
    expect(tiles[0]!.needsAttention).toBe(true);
  });

  it.skipIf(onPostgres)("sends only the first cards per column with the full count", async () => {
    const db = await seededDb();
    const { seedScale } = await import("@/db/seed");
    await seedScale(db, 200, 7);
    const b = await getBoard(db, {}, TODAY, 10);
    for (const c of b.lanes[0]!.columns) {
      expect(c.cards.length).toBeLessThanOrEqual(10);
      expect(c.count).toBe((await db.select({ n: count() }).from(action).where(eq(action.status, c.status)).limit(1))[0]!.n);
    }
  });
});
