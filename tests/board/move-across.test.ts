import { describe, expect, it } from "vitest";
import { containerId } from "@/components/board/board-containers";
import { dropInto, findContainer, moveAcross } from "@/components/board/board-move";
import { columns, ids } from "./fixtures";

const OPEN = containerId("partner:a", "open");
const DOING = containerId("partner:a", "in_progress");
const B_OPEN = containerId("partner:b", "open");
const B_DOING = containerId("partner:b", "in_progress");
const cs = () => columns({ "partner:a": { open: [1, 2, 3], in_progress: [4, 5] }, "partner:b": { open: [6], in_progress: [] } });

describe("[BOARD] moveAcross: a dragged card carried into another column", () => {
  it("goes before the card it is over, and takes that column's status", () => {
    const next = moveAcross(cs(), 2, 5)!;
    expect(ids(next)).toMatchObject({ [OPEN]: [1, 3], [DOING]: [4, 2, 5] });
    expect(next[DOING]!.find((c) => c.id === 2)!.status).toBe("in_progress");
  });

  it("goes to the end when over the column itself", () => {
    expect(ids(moveAcross(cs(), 1, DOING)!)).toMatchObject({ [OPEN]: [2, 3], [DOING]: [4, 5, 1] });
  });

  it("leaves the other columns and lanes as they are", () => {
    const before = cs();
    const next = moveAcross(before, 3, 4)!;
    expect(next[B_OPEN]).toBe(before[B_OPEN]);
    expect(ids(before)).toMatchObject({ [OPEN]: [1, 2, 3], [DOING]: [4, 5] });
  });

  it("does nothing within its own column, over nothing known, or over another swimlane", () => {
    expect(moveAcross(cs(), 1, 3)).toBeNull();
    expect(moveAcross(cs(), 1, 99)).toBeNull();
    expect(moveAcross(cs(), 1, B_DOING)).toBeNull();
    expect(moveAcross(cs(), 1, 6)).toBeNull();
  });
});

describe("[BOARD] dropInto: where a drop leaves the card", () => {
  it("reorders within the column to the place of the card it is over", () => {
    expect(dropInto(cs(), 1, 3)).toMatchObject({ container: OPEN });
    expect(dropInto(cs(), 1, 3)!.list.map((c) => c.id)).toEqual([2, 3, 1]);
    expect(dropInto(cs(), 3, 1)!.list.map((c) => c.id)).toEqual([3, 1, 2]);
  });

  it("goes to the end when dropped on the column below its last card", () => {
    expect(dropInto(cs(), 1, OPEN)!.list.map((c) => c.id)).toEqual([2, 3, 1]);
  });

  it("keeps the order when dropped on itself or outside its column", () => {
    expect(dropInto(cs(), 2, 2)!.list.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(dropInto(cs(), 2, 5)!.list.map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it("is null for a card the board does not hold", () => {
    expect(dropInto(cs(), 99, OPEN)).toBeNull();
  });
});

describe("[BOARD] findContainer", () => {
  it("names a column by its own id or by one of its cards", () => {
    expect(findContainer(cs(), DOING)).toBe(DOING);
    expect(findContainer(cs(), 6)).toBe(B_OPEN);
    expect(findContainer(cs(), 99)).toBeNull();
  });
});
