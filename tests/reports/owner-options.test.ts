import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionOwnerOptions, actionOwnerOptionsQuery } from "@/db/queries/actions";
import { action } from "@/db/schema";
import { seededDb, onPostgres } from "../helpers/db";

describe("[REPORTS] action owner filter options", () => {
  it("lists each person who owns a live action once, by name, and no one whose actions are all archived", async () => {
    const db = await seededDb();
    const owners = await actionOwnerOptions(db);
    const live = await db.selectDistinct({ id: action.ownerPersonId }).from(action).where(isNotNull(action.ownerPersonId));
    expect(owners.map((o) => o.id).sort()).toEqual(live.map((r) => r.id).sort());
    expect(owners.map((o) => o.nameEn)).toEqual([...owners.map((o) => o.nameEn)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const first = owners[0]!;
    await db.update(action).set({ archivedAt: new Date() }).where(eq(action.ownerPersonId, first.id));
    expect((await actionOwnerOptions(db)).map((o) => o.id)).not.toContain(first.id);
  });

  it.skipIf(onPostgres)("walks the people and probes the owner index instead of scanning every action", async () => {
    const db = await seededDb();
    const { sql, params } = actionOwnerOptionsQuery(db).toSQL();
    const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");
    expect(plan).toMatch(/USING INDEX action_owner_person_idx \(owner_person_id=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR DISTINCT/);
  });
});

