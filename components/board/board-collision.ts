// Where a dragged card is over. Columns stretch to the tallest one and never scroll inside
// themselves, so an empty column is a tall rectangle: dnd-kit's closestCorners, which sums the
// distance of all four corners, then prefers a small card in the next column to the empty column
// the pointer is in, and the card snaps back. The pointer decides instead.
import { closestCenter, closestCorners, pointerWithin, type CollisionDetection } from "@dnd-kit/core";
import type { Containers } from "./board-containers";

/** Card droppables have numeric ids, columns "<lane>::<status>" strings. */
export function boardCollision(containers: () => Containers): CollisionDetection {
  return (args) => {
    const within = pointerWithin(args);
    const card = within.find((c) => typeof c.id === "number");
    if (card) return [card];
    const column = within.find((c) => typeof c.id === "string");
    // Between columns, or off the board: the nearest, as before.
    if (!column) return closestCorners(args);
    const ids = new Set((containers()[column.id as string] ?? []).map((c) => c.id));
    const cards = args.droppableContainers.filter((d) => ids.has(d.id as number));
    const pointer = args.pointerCoordinates;
    const bottom = Math.max(...cards.map((d) => args.droppableRects.get(d.id)?.bottom ?? -Infinity));
    // Below its last card (or in an empty column): the column itself, so the card goes to its end.
    if (!cards.length || !pointer || pointer.y > bottom) return [column];
    // In a gap between two cards: the nearest of the column's own cards.
    return closestCenter({ ...args, droppableContainers: cards });
  };
}
