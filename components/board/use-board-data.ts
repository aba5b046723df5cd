// The board's data: the cached board (the server page's first, then GET refetches), its moves and
// the "load more" of a column.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionStatus } from "@/lib/domain";
import { queryKeys } from "@/lib/query/keys";
import { appendCards } from "./board-cache";
import { boardQuery, fetchColumnPage, useMoveCard } from "./queries";
import { type BoardCard, type BoardData } from "@/lib/types/board";

export function useBoardData(initial: BoardData, query: string) {
  const qc = useQueryClient();
  const { data = initial } = useQuery({ ...boardQuery(query), initialData: initial });
  const move = useMoveCard(query);
  /** The next page of a column, after the last of the cards it shows now. */
  async function loadMore(lane: string, status: ActionStatus, shown: BoardCard[]) {
    const last = shown[shown.length - 1];
    if (!last) return;
    const { cards } = await fetchColumnPage(query, { status, lane, after: { position: last.position, id: last.id } });
    qc.setQueryData<BoardData>(queryKeys.board.view(query), (d) => d && appendCards(d, lane, status, cards));
  }
  return { data, move: move.mutate, loadMore };
}
