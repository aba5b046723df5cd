import { describe, expect, it } from "vitest";
import { appendCards, patchCard, withContainers } from "@/components/board/board-cache";
import { containerId, toContainers } from "@/components/board/board-containers";
import { moveAcross } from "@/components/board/board-move";
import { board, card } from "./fixtures";

const lanes = () => board({ "partner:a": { open: [1, 2], in_progress: [3] }, "partner:b": { open: [4], in_progress: [] } });
const column = (d: ReturnType<typeof lanes>, lane: string, status: string) => d.lanes.find((l) => l.key === lane)!.columns.find((c) => c.status === status)!;

describe("[BOARD] cache patches", () => {
  it("patchCard puts the server's answer on that card only", () => {
    const d = patchCard(lanes(), { id: 2, version: 7, position: 1500 });
    expect(column(d, "partner:a", "open").cards.map((c) => [c.id, c.version, c.position])).toEqual([
      [1, 1, 1],
      [2, 7, 1500],
    ]);
    expect(column(d, "partner:b", "open").cards[0]!.version).toBe(1);
  });

  it("appendCards adds the next page to that lane's column, without cards it already shows", () => {
    const d = appendCards(lanes(), "partner:a", "open", [card(2, "open"), card(8, "open"), card(9, "open")]);
    expect(column(d, "partner:a", "open").cards.map((c) => c.id)).toEqual([1, 2, 8, 9]);
    expect(column(d, "partner:a", "in_progress").cards.map((c) => c.id)).toEqual([3]);
    expect(column(d, "partner:b", "open").cards.map((c) => c.id)).toEqual([4]);
  });

  it("withContainers shows a move with the counts of both columns and the totals following", () => {
    const before = lanes();
    const moved = moveAcross(toContainers(before), 1, containerId("partner:a", "in_progress"))!;
    const d = withContainers(before, moved);
    expect(column(d, "partner:a", "open")).toMatchObject({ count: column(before, "partner:a", "open").count - 1 });
    expect(column(d, "partner:a", "in_progress").cards.map((c) => c.id)).toEqual([3, 1]);
    expect(column(d, "partner:a", "in_progress").count).toBe(column(before, "partner:a", "in_progress").count + 1);
    expect(d.totals.open).toBe(before.totals.open - 1);
    expect(d.totals.in_progress).toBe(before.totals.in_progress + 1);
    expect(column(d, "partner:b", "open")).toEqual(column(before, "partner:b", "open"));
  });
});
