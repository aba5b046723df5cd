import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POSITION_GAP as DB_GAP } from "@/db/queries/actions";
import { planMove, positionBetween, POSITION_GAP, renormalise } from "@/lib/board/position";

describe("[BOARD] position arithmetic", () => {
  it("uses the same gap as the action queries", () => {
    expect(POSITION_GAP).toBe(DB_GAP);
  });

  it("puts a card at the midpoint, at the ends one gap away, and gives up only on adjacent integers", () => {
    expect(positionBetween(1024, 2048)).toBe(1536);
    expect(positionBetween(null, 1024)).toBe(0);
    expect(positionBetween(2048, null)).toBe(3072);
    expect(positionBetween(null, null)).toBe(POSITION_GAP);
    expect(positionBetween(5, 7)).toBe(6);
    expect(positionBetween(5, 6)).toBeNull();
    expect(positionBetween(5, 5)).toBeNull();
  });

  it("many inserts between two cards never collide: every position is distinct and in order until renumbering", () => {
    let column = [
      { id: 1, position: 1024 },
      { id: 2, position: 2048 },
    ];
    let renumbered = 0;
    for (let id = 3; id < 400; id++) {
      // Always insert directly after card 1: the worst case for a midpoint scheme.
      const plan = planMove(column, id, { afterId: 1 });
      if (plan.renumbered) {
        renumbered++;
        column = plan.renumbered;
      } else {
        const i = column.findIndex((c) => c.id === 1);
        column = [...column.slice(0, i + 1), { id, position: plan.position }, ...column.slice(i + 1)];
      }
      const ps = column.map((c) => c.position);
      expect(new Set(ps).size).toBe(ps.length);
      expect([...ps].sort((a, b) => a - b)).toEqual(ps);
      expect(column[1]!.id).toBe(id);
      expect(column.at(-1)!.id).toBe(2);
    }
    // log2(1024) = 10 halvings fit in a fresh gap: renumbering is rare, not per move.
    expect(renumbered).toBeGreaterThan(0);
    expect(renumbered).toBeLessThan(400 / 10);
  });

  it("renormalises the column with fresh gaps when no integer is left, keeping the intended order", () => {
    const column = [
      { id: 10, position: 7 },
      { id: 11, position: 8 },
      { id: 12, position: 9 },
    ];
    const plan = planMove(column, 99, { afterId: 10 });
    expect(plan.renumbered).toEqual([
      { id: 10, position: 1024 },
      { id: 99, position: 2048 },
      { id: 11, position: 3072 },
      { id: 12, position: 4096 },
    ]);
    expect(plan.position).toBe(2048);
    expect(renormalise(["a", "b"])).toEqual([
      { item: "a", position: 1024 },
      { item: "b", position: 2048 },
    ]);
  });

  it("property: any sequence of moves keeps a column strictly ordered with the card where it was dropped", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.boolean()), { minLength: 1, maxLength: 300 }), (ops) => {
        let column: { id: number; position: number }[] = [];
        let next = 1;
        for (const [slot, fresh] of ops) {
          const id = fresh || column.length === 0 ? next++ : column[slot % column.length]!.id;
          const rest = column.filter((c) => c.id !== id);
          const at = Math.min(slot, rest.length);
          const anchors = at > 0 ? { afterId: rest[at - 1]!.id } : { beforeId: rest[0]?.id };
          const plan = planMove(column, id, anchors);
          column = plan.renumbered ?? [...rest.slice(0, at), { id, position: plan.position }, ...rest.slice(at)];
          const idx = column.findIndex((c) => c.id === id);
          if (idx !== at) return false;
          for (let i = 1; i < column.length; i++) if (column[i]!.position <= column[i - 1]!.position) return false;
          if (!column.every((c) => Number.isSafeInteger(c.position))) return false;
        }
        return true;
      }),
    );
  });

  it("a card dropped with no anchors goes to the bottom; an unknown anchor falls back to the other one", () => {
    const column = [
      { id: 1, position: 1024 },
      { id: 2, position: 2048 },
    ];
    expect(planMove(column, 3, {}).position).toBe(3072);
    expect(planMove(column, 3, { afterId: 77, beforeId: 1 }).position).toBe(0);
  });
});
