// Pure patches of the board in the query cache: the saved move's answer, and a column's next page.
import type { ActionStatus } from "@/lib/domain";
import { containerId, type Containers } from "./board-containers";
import { type BoardCard, type BoardData } from "@/lib/types/board";

/** The board with one card's fields replaced by the server's answer, wherever the card is. */
export function patchCard(data: BoardData, saved: Partial<BoardCard> & { id: number }): BoardData {
  return {
    ...data,
    lanes: data.lanes.map((lane) => ({
      ...lane,
      columns: lane.columns.map((c) => ({ ...c, cards: c.cards.map((x) => (x.id === saved.id ? { ...x, ...saved } : x)) })),
    })),
  };
}

/** One column of one lane with its next page appended; cards it already shows are not repeated. */
export function appendCards(data: BoardData, lane: string, status: ActionStatus, more: BoardCard[]): BoardData {
  return {
    ...data,
    lanes: data.lanes.map((l) =>
      l.key !== lane
        ? l
        : {
            ...l,
            columns: l.columns.map((c) => {
              if (c.status !== status) return c;
              const seen = new Set(c.cards.map((x) => x.id));
              return { ...c, cards: [...c.cards, ...more.filter((x) => !seen.has(x.id))] };
            }),
          },
    ),
  };
}

/** The board with the cards of `containers` in place of its own (counts follow the moves). */
export function withContainers(data: BoardData, containers: Containers): BoardData {
  const totals = { ...data.totals };
  const lanes = data.lanes.map((lane) => ({
    ...lane,
    columns: lane.columns.map((c) => {
      const cards = containers[containerId(lane.key, c.status)] ?? c.cards;
      const delta = cards.length - c.cards.length;
      totals[c.status] += delta;
      return { ...c, cards, count: c.count + delta };
    }),
  }));
  return { ...data, lanes, totals };
}
