// What dnd-kit says to screen readers during a pointer drag (the keyboard speaks in #board-live).
import type { Announcements, UniqueIdentifier } from "@dnd-kit/core";
import type { Containers } from "./board-containers";
import { findContainer } from "./board-move";
import { type BoardCard } from "@/lib/types/board";

type Say = (key: string, values: Record<string, string | number>) => string;

export function boardAnnouncements(o: {
  t: Say;
  /** The columns as shown now (read when dnd-kit calls, outside render). */
  live: () => Containers;
  /** The column the drag started in. */
  from: string | null;
  columnName: (container: string) => string;
}): Announcements {
  const { t, live, columnName } = o;
  const cardOf = (id: UniqueIdentifier): BoardCard | undefined => Object.values(live()).flat().find((c) => c.id === id);
  const title = (id: UniqueIdentifier) => cardOf(id)?.title ?? "";
  const where = (id: UniqueIdentifier) => findContainer(live(), id);
  return {
    onDragStart: ({ active }) => {
      const c = where(active.id);
      return t("dnd.picked", { title: title(active.id), column: c ? columnName(c) : "" });
    },
    onDragOver: ({ active, over }) => {
      if (!over) return t("dnd.overNothing", { title: title(active.id) });
      // Over itself where it started: keep "picked up" as the last thing said.
      if (over.id === active.id && o.from && where(active.id) === o.from) return undefined;
      const c = where(over.id);
      if (!c) return t("dnd.overNothing", { title: title(active.id) });
      const list = live()[c]!;
      const i = list.findIndex((x) => x.id === over.id);
      return t("dnd.over", { title: title(active.id), column: columnName(c), position: (i >= 0 ? i : list.length - 1) + 1, count: Math.max(list.length, 1) });
    },
    onDragEnd: ({ active, over }) => {
      const c = over ? where(active.id) : null;
      if (!c) return t("dnd.cancelled", { title: title(active.id), column: "" });
      const list = live()[c]!;
      return t("dnd.dropped", { title: title(active.id), column: columnName(c), position: list.findIndex((x) => x.id === active.id) + 1, count: list.length });
    },
    onDragCancel: ({ active }) => {
      const c = where(active.id);
      return t("dnd.cancelled", { title: title(active.id), column: c ? columnName(c) : "" });
    },
  };
}
