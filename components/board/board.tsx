"use client";
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { useHydrated } from "@/components/use-hydrated";
import type { BoardCard, BoardData } from "@/db/queries/board";
import type { ActionStatus } from "@/lib/domain";
import { cn } from "@/lib/cn";
import { boardKey, fetchBoard, fetchColumnPage, postMove, type MoveInput, type MoveResult } from "./board-api";
import type { ApiError } from "./board-api";
import { SortableCard } from "./board-card";
import { CardPanel } from "./card-panel";

/** Above this many loaded cards a column renders only what is in view. */
const VIRTUAL_FROM = 60;

type Containers = Record<string, BoardCard[]>;
const SEP = "::";
const containerId = (lane: string, status: ActionStatus) => `${lane}${SEP}${status}`;
const splitContainer = (id: string) => {
  const i = id.lastIndexOf(SEP);
  return { lane: id.slice(0, i), status: id.slice(i + SEP.length) as ActionStatus };
};

function toContainers(data: BoardData): Containers {
  const out: Containers = {};
  for (const lane of data.lanes) for (const c of lane.columns) out[containerId(lane.key, c.status)] = c.cards;
  return out;
}

/** The board with the cards of `containers` in place of its own (counts follow the moves). */
function withContainers(data: BoardData, containers: Containers): BoardData {
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

export function Board({ initial, query, canMove, zone }: { initial: BoardData; query: string; canMove: boolean; zone: string }) {
  const t = useTranslations("board");
  const te = useTranslations("enums.actionStatus");
  const locale = useLocale();
  const toast = useToast();
  const qc = useQueryClient();
  const key = boardKey(query);
  const { data = initial } = useQuery({ queryKey: key, queryFn: () => fetchBoard(query), initialData: initial, staleTime: 30_000 });
  const [drag, setDrag] = useState<{ containers: Containers; from: string; index: number } | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const containers = useMemo(() => drag?.containers ?? toContainers(data), [drag, data]);
  // Read by dnd-kit's callbacks and announcements, which run outside render.
  const live = useRef(containers);
  useLayoutEffect(() => {
    live.current = containers;
  }, [containers]);

  const findContainer = useCallback((id: UniqueIdentifier, cs: Containers = live.current): string | null => {
    if (typeof id === "string" && id in cs) return id;
    for (const [k, cards] of Object.entries(cs)) if (cards.some((c) => c.id === id)) return k;
    return null;
  }, []);
  const cardOf = (id: UniqueIdentifier) => Object.values(live.current).flat().find((c) => c.id === id);
  const columnName = (container: string) => te(splitContainer(container).status);

  const move = useMutation<MoveResult, ApiError, MoveInput & { containers: Containers; title: string }, { prev?: BoardData }>({
    mutationFn: ({ containers: _c, title: _t, ...m }) => postMove(m),
    onMutate: async (m) => {
      await qc.cancelQueries({ queryKey: key });
      const prev = qc.getQueryData<BoardData>(key);
      if (prev) qc.setQueryData<BoardData>(key, withContainers(prev, m.containers));
      return { prev };
    },
    onError: (e, m, ctx) => {
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
      qc.setQueryData<BoardData>(key, (d) =>
        d && {
          ...d,
          lanes: d.lanes.map((lane) => ({
            ...lane,
            columns: lane.columns.map((c) => ({ ...c, cards: c.cards.map((x) => (x.id === r.id ? { ...x, ...r } : x)) })),
          })),
        },
      );
      void qc.invalidateQueries({ queryKey: ["board", "action", r.id] });
    },
  });

  // The card's own column is never a keyboard target (its edges surround the card, so it would be
  // the nearest and a key press would do nothing); left and right skip its cards as well.
  const coordinateGetter: KeyboardCoordinateGetter = (event, args) => {
    const { active, droppableContainers } = args.context;
    if (!active) return sortableKeyboardCoordinates(event, args);
    const own = findContainer(active.id);
    const sideways = event.code === "ArrowLeft" || event.code === "ArrowRight";
    const ownCards = new Set<UniqueIdentifier>(sideways ? ((own ? live.current[own] : undefined)?.map((c) => c.id) ?? []) : []);
    const others = {
      getEnabled: () => droppableContainers.getEnabled().filter((e) => e.id !== own && !ownCards.has(e.id)),
      get: (id: UniqueIdentifier) => droppableContainers.get(id),
    } as unknown as typeof droppableContainers;
    return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: others } });
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  function onDragStart(e: DragStartEvent) {
    const cs = toContainers(data);
    const from = findContainer(e.active.id, cs);
    if (!from) return;
    setDrag({ containers: cs, from, index: cs[from]!.findIndex((c) => c.id === e.active.id) });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !drag) return;
    const from = findContainer(active.id);
    const to = findContainer(over.id);
    if (!from || !to || from === to) return;
    // A card stays in its swimlane: moving it to another partner's or owner's row is an edit, not a move.
    if (splitContainer(from).lane !== splitContainer(to).lane) return;
    setDrag((d) => {
      if (!d) return d;
      const card = d.containers[from]!.find((c) => c.id === active.id)!;
      const target = d.containers[to]!;
      const overIndex = target.findIndex((c) => c.id === over.id);
      const at = overIndex >= 0 ? overIndex : target.length;
      return {
        ...d,
        containers: {
          ...d.containers,
          [from]: d.containers[from]!.filter((c) => c.id !== active.id),
          [to]: [...target.slice(0, at), { ...card, status: splitContainer(to).status }, ...target.slice(at)],
        },
      };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const d = drag;
    setDrag(null);
    if (!d || !over) return;
    const container = findContainer(active.id, d.containers);
    if (!container) return;
    let list = d.containers[container]!;
    const oldIndex = list.findIndex((c) => c.id === active.id);
    const overIndex = list.findIndex((c) => c.id === over.id);
    if (overIndex >= 0 && overIndex !== oldIndex) list = arrayMove(list, oldIndex, overIndex);
    const index = list.findIndex((c) => c.id === active.id);
    if (container === d.from && index === d.index) return;
    const card = list[index]!;
    const status = splitContainer(container).status;
    move.mutate({
      id: card.id,
      version: card.version,
      status,
      afterId: list[index - 1]?.id,
      beforeId: list[index + 1]?.id,
      containers: { ...d.containers, [container]: list },
      title: card.title,
    });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const c = findContainer(active.id);
      return t("dnd.picked", { title: cardOf(active.id)?.title ?? "", column: c ? columnName(c) : "" });
    },
    onDragOver: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? "";
      if (!over) return t("dnd.overNothing", { title });
      // Over itself where it started: keep "picked up" as the last thing said.
      if (over.id === active.id && drag && findContainer(active.id) === drag.from) return undefined;
      const c = findContainer(over.id);
      if (!c) return t("dnd.overNothing", { title });
      const list = live.current[c]!;
      const i = list.findIndex((x) => x.id === over.id);
      return t("dnd.over", { title, column: columnName(c), position: (i >= 0 ? i : list.length - 1) + 1, count: Math.max(list.length, 1) });
    },
    onDragEnd: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? "";
      const c = over ? findContainer(active.id) : null;
      if (!c) return t("dnd.cancelled", { title, column: "" });
      const list = live.current[c]!;
      return t("dnd.dropped", { title, column: columnName(c), position: list.findIndex((x) => x.id === active.id) + 1, count: list.length });
    },
    onDragCancel: ({ active }) => {
      const c = findContainer(active.id);
      return t("dnd.cancelled", { title: cardOf(active.id)?.title ?? "", column: c ? columnName(c) : "" });
    },
  };

  async function loadMore(lane: string, status: ActionStatus) {
    const cards = live.current[containerId(lane, status)] ?? [];
    const last = cards[cards.length - 1];
    if (!last) return;
    const { cards: more } = await fetchColumnPage(query, { status, lane, after: { position: last.position, id: last.id } });
    qc.setQueryData<BoardData>(key, (d) =>
      d && {
        ...d,
        lanes: d.lanes.map((l) =>
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
      },
    );
  }

  const hydrated = useHydrated();
  const grouped = data.lanes.length !== 1 || data.lanes[0]!.key !== "";
  return (
    <>
      {grouped ? (
        <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label={t("filters")}>
          {data.lanes.length
            ? Object.entries(data.totals).map(([s, n]) => (
                <span key={s}>
                  {te(s)}: <span className="font-semibold tabular-nums">{n}</span>
                </span>
              ))
            : null}
        </p>
      ) : null}
      <DndContext
        id="board"
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
      >
        <div className="space-y-6" data-board data-hydrated={hydrated ? "true" : undefined}>
          {data.lanes.map((lane) => (
            <section key={lane.key} aria-label={grouped ? (locale === "ko" ? lane.labelKo : lane.label) || t("noOwner") : undefined}>
              {grouped ? (
                <h2 className="mb-2 text-base font-semibold text-slate-900">{(locale === "ko" ? lane.labelKo : lane.label) || t("noOwner")}</h2>
              ) : null}
              <div className="relative flex gap-2 overflow-x-auto pb-2">
                {lane.columns.map((col) => {
                  const id = containerId(lane.key, col.status);
                  const cards = containers[id] ?? [];
                  const count = col.count + (cards.length - col.cards.length);
                  if (col.status === "cancelled" && !showCancelled)
                    return (
                      <CollapsedColumn key={id} id={id} label={te(col.status)} count={count} onOpen={() => setShowCancelled(true)} showLabel={t("showCancelled")} />
                    );
                  return (
                    <Column
                      key={id}
                      id={id}
                      status={col.status}
                      label={te(col.status)}
                      count={count}
                      cards={cards}
                      today={data.today}
                      zone={zone}
                      canMove={canMove}
                      onOpen={setOpenId}
                      onLoadMore={() => loadMore(lane.key, col.status)}
                      onCollapse={col.status === "cancelled" ? () => setShowCancelled(false) : undefined}
                      headingLevel={grouped ? 3 : 2}
                    />
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      </DndContext>
      <CardPanel id={openId} onClose={() => setOpenId(null)} canEdit={canMove} zone={zone} boardQueryKey={key} />
    </>
  );
}


function CollapsedColumn({ id, label, count, onOpen, showLabel }: { id: string; label: string; count: number; onOpen: () => void; showLabel: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div ref={setNodeRef} className={cn("relative w-24 shrink-0 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-2", isOver && "ring-2 ring-brand-500")}>
      <button type="button" onClick={onOpen} aria-expanded={false} className="flex w-full items-center gap-1 rounded px-1 py-1 text-left text-sm font-semibold text-slate-800 hover:bg-slate-100">
        <ChevronRight aria-hidden className="size-4" />
        <span className="min-w-0 flex-1">
          {label} <span className="font-normal tabular-nums text-slate-600">({count})</span>
          <span className="sr-only"> — {showLabel}</span>
        </span>
      </button>
    </div>
  );
}

function Column(props: {
  id: string;
  status: ActionStatus;
  label: string;
  count: number;
  cards: BoardCard[];
  today: string;
  zone: string;
  canMove: boolean;
  onOpen: (id: number) => void;
  onLoadMore: () => Promise<void>;
  onCollapse?: () => void;
  headingLevel: 2 | 3;
}) {
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
      className={cn("relative flex min-w-52 flex-1 basis-0 flex-col rounded-lg border border-slate-200 bg-slate-50", isOver && "ring-2 ring-brand-500")}
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <H id={headingId} className="text-sm font-semibold text-slate-900">
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

/** The column's cards; long columns render only the cards in view (and load more near the end). */
function CardList({
  cards,
  label,
  count,
  today,
  zone,
  canMove,
  onOpen,
  onNearEnd,
}: {
  cards: BoardCard[];
  label: string;
  count: number;
  today: string;
  zone: string;
  canMove: boolean;
  onOpen: (id: number) => void;
  onNearEnd?: () => Promise<void>;
}) {
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
  if (!cards.length)
    return (
      <ul aria-label={listLabel} className="min-h-24 p-2">
        <li className="px-1 py-6 text-center text-sm text-slate-600">{t("emptyColumn")}</li>
      </ul>
    );
  if (!virtual)
    return (
      <div className="max-h-[70vh] overflow-y-auto">
        <ul aria-label={listLabel} className="min-h-24 space-y-2 p-2">
          {cards.map((c) => (
            <SortableCard key={c.id} card={c} today={today} zone={zone} canMove={canMove} onOpen={onOpen} />
          ))}
        </ul>
      </div>
    );
  const before = items[0]?.start ?? 0;
  const after = v.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto">
      <ul aria-label={listLabel} className="p-2" style={{ paddingTop: before + 8, paddingBottom: after + 8 }}>
        {items.map((it) => (
          <SortableCard
            key={it.key}
            index={it.index}
            measureRef={v.measureElement}
            card={cards[it.index]!}
            today={today}
            zone={zone}
            canMove={canMove}
            onOpen={onOpen}
            style={{ marginBottom: 8 }}
          />
        ))}
      </ul>
    </div>
  );
}
