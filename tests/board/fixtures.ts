// Small boards for the pure board helpers: cards with only what the helpers read set apart.
import type { ActionStatus } from "@/lib/domain";
import { containerId, type Containers } from "@/components/board/board-containers";
import { type BoardCard, type BoardData } from "@/lib/types/board";

export function card(id: number, status: ActionStatus, position = id): BoardCard {
  return {
    id,
    version: 1,
    title: `Card ${id}`,
    status,
    priority: "normal",
    side: "ours",
    dueOn: null,
    completedAt: null,
    position,
    partnerSlug: "p",
    partnerNameEn: "P",
    partnerNameKo: "P",
    ownerName: null,
    meetingId: null,
    meetingTitle: null,
    visitId: null,
    visitTitle: null,
  };
}

/** Columns keyed as the board keys them, from `{ "<lane>": { open: [1, 2], … } }`. */
export function columns(spec: Record<string, Partial<Record<ActionStatus, number[]>>>): Containers {
  const out: Containers = {};
  for (const [lane, cols] of Object.entries(spec))
    for (const [status, ids] of Object.entries(cols)) out[containerId(lane, status as ActionStatus)] = ids.map((id) => card(id, status as ActionStatus));
  return out;
}

export const ids = (cs: Containers) => Object.fromEntries(Object.entries(cs).map(([k, v]) => [k, v.map((c) => c.id)]));

/** A board of the given lanes, each with an open and an in-progress column. */
export function board(spec: Record<string, { open: number[]; in_progress: number[] }>): BoardData {
  const lanes = Object.entries(spec).map(([key, cols]) => ({
    key,
    label: key,
    labelKo: key,
    columns: (["open", "in_progress"] as const).map((status) => ({ status, cards: cols[status].map((id) => card(id, status)), count: cols[status].length + 5 })),
  }));
  const totals: BoardData["totals"] = { open: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0 };
  for (const l of lanes) for (const c of l.columns) totals[c.status] += c.count;
  return { today: "2026-11-28", lanes, totals, lanesTruncated: false };
}
