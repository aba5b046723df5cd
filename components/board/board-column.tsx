"use client";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ActionStatus } from "@/lib/domain";
import { cn } from "@/lib/cn";
import { SortableCard } from "./board-card";
import { type BoardCard } from "@/lib/types/board";

/** Above this many loaded cards a column renders only what is in view. */
const VIRTUAL_FROM = 60;

/**
 * Column widths: on a phone or a narrow window the lane scrolls sideways, a column a swipe; from
 * 1024 px the columns share the width, so a long title wraps instead of widening its column.
 */
const COLUMN_WIDTH = "min-w-48 lg:min-w-0";

export function CollapsedColumn({ id, label, count, onOpen, showLabel }: { id: string; label: string; count: number; onOpen: () => void; showLabel: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div ref={setNodeRef} className={cn("relative w-32 shrink-0 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-2", isOver && "ring-2 ring-brand-500")}>
      <button
        type="button"
        onClick={onOpen}
        aria-expanded={false}
        data-column-header
        className="flex w-full items-start gap-1 rounded px-1 py-1 text-left text-sm font-semibold text-slate-800 hover:bg-slate-100"
      >
        <ChevronRight aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span className="min-w-0 flex-1 break-keep">
          {label} <span className="whitespace-nowrap font-normal tabular-nums text-slate-600">({count})</span>
          <span className="sr-only"> — {showLabel}</span>
        </span>
      </button>
    </div>
  );
}

export interface ColumnProps {
  id: string;
  status: ActionStatus;
  label: string;
  count: number;
  cards: BoardCard[];
  today: string;
  zone: string;
  canMove: boolean;
  liftedId: number | null;
  onOpen: (id: number) => void;
  onHandleKeyDown: (e: KeyboardEvent<HTMLButtonElement>, id: number) => void;
  onLoadMore: () => Promise<void>;
  onCollapse?: () => void;
  headingLevel: 2 | 3;
}

export function Column(props: ColumnProps) {
  const { id, label, count, cards, onLoadMore } = props;
  const t = useTranslations("board");
  const { setNodeRef, isOver } = useDroppable({ id });
  const [loading, setLoading] = useState(false);
  const H = props.headingLevel === 2 ? "h2" : "h3";
  const headingId = `col-${id.replace(/[^\w-]/g, "_")}`;
  const more = count - cards.length;
  const load = useCallback(async () => {
    if (loading) return;
    setLoading(true);
    try {
      await onLoadMore();
    } finally {
      setLoading(false);
    }
  }, [loading, onLoadMore]);
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={cn("relative flex flex-1 basis-0 flex-col rounded-lg border border-slate-200 bg-slate-50", COLUMN_WIDTH, isOver && "ring-2 ring-brand-500")}
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <H id={headingId} data-column-header className="min-w-0 break-keep text-sm font-semibold text-slate-900">
          {label}
          <span className="sr-only"> — {t("wip", { count })}</span>
        </H>
        <span className="flex items-center gap-1">
          <span aria-hidden className="rounded-full bg-white px-2 py-0.5 text-xs font-semibold tabular-nums text-slate-800 ring-1 ring-slate-300">
            {count}
          </span>
          {props.onCollapse ? (
            <button type="button" onClick={props.onCollapse} aria-expanded className="rounded p-1 text-slate-700 hover:bg-slate-200" aria-label={t("hideCancelled")}>
              <ChevronDown aria-hidden className="size-4" />
            </button>
          ) : null}
        </span>
      </div>
      <SortableContext id={id} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <CardList {...props} onNearEnd={more > 0 ? load : undefined} />
      </SortableContext>
      {more > 0 ? (
        <div className="border-t border-slate-200 p-2">
          <button type="button" onClick={() => void load()} disabled={loading} className="w-full rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:text-slate-500">
            {loading ? t("loading") : t("loadMore", { n: more })}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The column's cards. A short column grows with the page (no scroll box hiding most of it); a
 * long one renders only the cards in view and loads more near the end.
 */
function CardList({ cards, label, count, onNearEnd, ...card }: ColumnProps & { onNearEnd?: () => Promise<void> }) {
  const t = useTranslations("board");
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = cards.length > VIRTUAL_FROM;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const v = useVirtualizer({
    count: virtual ? cards.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 8,
    getItemKey: (i) => cards[i]!.id,
  });
  const items = v.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (virtual && onNearEnd && lastIndex >= cards.length - 5) void onNearEnd();
  }, [virtual, onNearEnd, lastIndex, cards.length]);
  const listLabel = t("column", { status: label, count });
  const cardProps = (c: BoardCard) => ({
    card: c,
    today: card.today,
    zone: card.zone,
    canMove: card.canMove,
    lifted: card.liftedId === c.id,
    onOpen: card.onOpen,
    onHandleKeyDown: card.onHandleKeyDown,
  });
  if (!cards.length)
    return (
      <ul aria-label={listLabel} className="min-h-24 p-2">
        <li className="px-1 py-6 text-center text-sm text-slate-600">{t("emptyColumn")}</li>
      </ul>
    );
  if (!virtual)
    return (
      <ul aria-label={listLabel} className="min-h-24 space-y-2 p-2">
        {cards.map((c) => (
          <SortableCard key={c.id} {...cardProps(c)} />
        ))}
      </ul>
    );
  const before = items[0]?.start ?? 0;
  const after = v.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto">
      <ul aria-label={listLabel} className="p-2" style={{ paddingTop: before + 8, paddingBottom: after + 8 }}>
        {items.map((it) => (
          <SortableCard key={it.key} index={it.index} measureRef={v.measureElement} style={{ marginBottom: 8 }} {...cardProps(cards[it.index]!)} />
        ))}
      </ul>
    </div>
  );
}
