// The board's client-side calls to /api/v1/board; errors keep the API's code and message.
import type { BoardCard, BoardData } from "@/db/queries/board";
import type { ActionStatus } from "@/lib/domain";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? "internal", body?.error?.message ?? res.statusText, body?.error?.details);
  return body as T;
}

export const boardKey = (query: string) => ["board", query] as const;
export const actionKey = (id: number) => ["board", "action", id] as const;

export const fetchBoard = (query: string) => call<BoardData>(`/api/v1/board/column?${query}`);

export function fetchColumnPage(query: string, p: { status: ActionStatus; lane: string; after: { position: number; id: number } }) {
  const q = new URLSearchParams(query);
  q.set("status", p.status);
  if (p.lane) q.set("lane", p.lane);
  q.set("afterPosition", String(p.after.position));
  q.set("afterId", String(p.after.id));
  return call<{ cards: BoardCard[] }>(`/api/v1/board/column?${q.toString()}`);
}

export interface MoveInput {
  id: number;
  version: number;
  status: ActionStatus;
  afterId?: number;
  beforeId?: number;
}
export interface MoveResult {
  id: number;
  version: number;
  status: ActionStatus;
  position: number;
  completedAt: string | null;
}
export const postMove = (m: MoveInput) => call<MoveResult>("/api/v1/board/move", { method: "POST", body: JSON.stringify(m) });
