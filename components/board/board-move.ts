// The pointer's moves on the board's model (columns as lists), apart from dnd-kit and React.
import { arrayMove } from "@dnd-kit/sortable";
import type { UniqueIdentifier } from "@dnd-kit/core";
import { splitContainer, type Containers } from "./board-containers";
import { type BoardCard } from "@/lib/types/board";

/** The column holding `id`: a column's own id, or the column of the card with that id. */
export function findContainer(cs: Containers, id: UniqueIdentifier): string | null {
  if (typeof id === "string" && id in cs) return id;
  for (const [k, cards] of Object.entries(cs)) if (cards.some((c) => c.id === id)) return k;
  return null;
}

/**
 * The dragged card carried into the column it is over, before the card it is over (or at the end
 * when over the column itself), taking that column's status. Null when nothing changes: over its
 * own column, over nothing known, or over another swimlane (changing a card's partner or owner is
 * an edit, not a move).
 */
export function moveAcross(cs: Containers, activeId: UniqueIdentifier, overId: UniqueIdentifier): Containers | null {
  const from = findContainer(cs, activeId);
  const to = findContainer(cs, overId);
  if (!from || !to || from === to) return null;
  if (splitContainer(from).lane !== splitContainer(to).lane) return null;
  const card = cs[from]!.find((c) => c.id === activeId)!;
  const target = cs[to]!;
  const overIndex = target.findIndex((c) => c.id === overId);
  const at = overIndex >= 0 ? overIndex : target.length;
  return {
    ...cs,
    [from]: cs[from]!.filter((c) => c.id !== activeId),
    [to]: [...target.slice(0, at), { ...card, status: splitContainer(to).status }, ...target.slice(at)],
  };
}

/** Where a drop leaves the card: its column, and that column's order with the card in its place. */
export function dropInto(cs: Containers, activeId: UniqueIdentifier, overId: UniqueIdentifier): { container: string; list: BoardCard[] } | null {
  const container = findContainer(cs, activeId);
  if (!container) return null;
  const list = cs[container]!;
  const oldIndex = list.findIndex((c) => c.id === activeId);
  // Over the column itself (below its last card): to the end.
  const overIndex = overId === container ? list.length - 1 : list.findIndex((c) => c.id === overId);
  return { container, list: overIndex >= 0 && overIndex !== oldIndex ? arrayMove(list, oldIndex, overIndex) : list };
}
