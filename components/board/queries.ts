// The board's reads (GET /api/v1/board/…) and writes, with the cache keys they read and invalidate.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { commentOnAction, saveBoardAction } from "@/app/(app)/board/commands";
import { useToast } from "@/components/ui/toast";
import type { ActionStatus } from "@/lib/domain";
import { fetchJson, searchOf, type ApiError } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { patchCard, withContainers } from "./board-cache";
import type { Containers } from "./board-containers";
import { type ActionDetail, type BoardCard, type BoardData } from "@/lib/types/board";

export type CardDetail = ActionDetail & { owners: { id: number; name: string; side: string }[]; following: boolean };

/** The board for the page's filters (`query` is the page's own query string). */
export const boardQuery = (query: string) =>
  queryOptions({ queryKey: queryKeys.board.view(query), queryFn: () => fetchJson<BoardData>(`/api/v1/board/column?${query}`), staleTime: 30_000 });

/** One card's panel: always fresh, since others edit and comment on it. */
export const cardQuery = (id: number | null) =>
  queryOptions({ queryKey: queryKeys.board.card(id ?? 0), queryFn: () => fetchJson<CardDetail>(`/api/v1/board/actions/${id}`), enabled: id !== null, staleTime: 0 });

/** The cards of one column of one lane after `after`, for "load more". */
export function fetchColumnPage(query: string, p: { status: ActionStatus; lane: string; after: { position: number; id: number } }) {
  const q = Object.fromEntries(new URLSearchParams(query));
  const search = searchOf({ ...q, status: p.status, lane: p.lane || undefined, afterPosition: p.after.position, afterId: p.after.id });
  return fetchJson<{ cards: BoardCard[] }>(`/api/v1/board/column${search}`);
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
type Move = MoveInput & { containers: Containers };

/**
 * Moves a card: the board shows the drop at once, takes the server's answer, and on a refusal
 * goes back and says why (a conflict or a vanished card also reloads the board).
 */
export function useMoveCard(query: string) {
  const t = useTranslations("board");
  const toast = useToast();
  const qc = useQueryClient();
  const key = queryKeys.board.view(query);
  return useMutation<MoveResult, ApiError, Move, { prev?: BoardData }>({
    mutationFn: ({ containers: _c, ...m }) => fetchJson<MoveResult>("/api/v1/board/move", { method: "POST", body: JSON.stringify(m) }),
    onMutate: async (m) => {
      await qc.cancelQueries({ queryKey: key });
      const prev = qc.getQueryData<BoardData>(key);
      if (prev) qc.setQueryData<BoardData>(key, withContainers(prev, m.containers));
      return { prev };
    },
    onError: (e, _m, ctx) => {
      if (ctx?.prev) qc.setQueryData(key, ctx.prev);
      const who = typeof e.details?.changedBy === "string" ? e.details.changedBy : "none";
      const message =
        e.code === "forbidden"
          ? t("errors.forbidden")
          : e.code === "conflict"
            ? t("errors.conflict", { who })
            : e.code === "not_found"
              ? t("errors.notFound")
              : e.code === "network"
                ? t("errors.network")
                : t("errors.failed", { message: e.message });
      toast({ tone: "error", message });
      if (e.code === "conflict" || e.code === "not_found") void qc.invalidateQueries({ queryKey: key });
    },
    onSuccess: (r) => {
      qc.setQueryData<BoardData>(key, (d) => d && patchCard(d, r));
      void qc.invalidateQueries({ queryKey: queryKeys.board.card(r.id) });
    },
  });
}

/** Saves the panel's edit (a server action); the board and the card reload, a conflict reloads the board. */
export function useSaveCard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: Record<string, unknown> }) => saveBoardAction(id, input),
    onSuccess: async (r) => {
      if (r.ok) await qc.invalidateQueries({ queryKey: queryKeys.board.all });
      else if (r.error.code === "conflict") void qc.invalidateQueries({ queryKey: queryKeys.board.all });
    },
  });
}

/** Adds a note to a card (a server action); the card's panel reloads. */
export function useCommentOnCard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) => commentOnAction(id, body),
    onSuccess: async (r, { id }) => {
      if (r.ok) await qc.invalidateQueries({ queryKey: queryKeys.board.card(id) });
    },
  });
}
