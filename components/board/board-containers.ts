// The board's cards as lists keyed by "<lane>::<status>", the shape both kinds of move work on.
import type { ActionStatus } from "@/lib/domain";
import { type BoardCard, type BoardData } from "@/lib/types/board";

export type Containers = Record<string, BoardCard[]>;
const SEP = "::";
export const containerId = (lane: string, status: ActionStatus) => `${lane}${SEP}${status}`;
export const splitContainer = (id: string) => {
  const i = id.lastIndexOf(SEP);
  return { lane: id.slice(0, i), status: id.slice(i + SEP.length) as ActionStatus };
};

export function toContainers(data: BoardData): Containers {
  const out: Containers = {};
  for (const lane of data.lanes) for (const c of lane.columns) out[containerId(lane.key, c.status)] = c.cards;
  return out;
}
