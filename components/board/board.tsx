"use client";
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { GripVertical } from "lucide-react";
import { useToast } from "@/components/ui/toast";
import { useHydrated } from "@/components/use-hydrated";
import type { BoardCard, BoardData } from "@/db/queries/board";
import type { ActionStatus } from "@/lib/domain";
import { keyboardStep } from "@/lib/board/keyboard";
import { boardKey, fetchBoard, fetchColumnPage, postMove, type MoveInput, type MoveResult } from "./board-api";
import type { ApiError } from "./board-api";
import { CardBody } from "./board-card";
import { boardCollision } from "./board-collision";
import { containerId, splitContainer, toContainers, withContainers, type Containers } from "./board-containers";
import { CollapsedColumn, Column } from "./board-column";
import { CardPanel } from "./card-panel";

export function Board({ initial, query, canMove, zone }: { initial: BoardData; query: string; canMove: boolean; zone: string }) {
  const t = useTranslations("board");
  const te = useTranslations("enums.actionStatus");
  const locale = useLocale();
  const toast = useToast();
  const qc = useQueryClient();
  const key = boardKey(query);
  const { data = initial } = useQuery({ queryKey: key, queryFn: () => fetchBoard(query), initialData: initial, staleTime: 30_000 });
  // A move under way: by pointer (dnd-kit) or by keyboard (our own steps, `keyboard` is the card).
  const [drag, setDrag] = useState<{ containers: Containers; from: string; index: number; activeId: number; keyboard: boolean } | null>(null);
  const [said, setSaid] = useState("");
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

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const collision = useMemo(() => boardCollision(() => live.current), []);

  function onDragStart(e: DragStartEvent) {
    const cs = toContainers(data);
    const from = findContainer(e.active.id, cs);
    if (!from) return;
    setDrag({ containers: cs, from, index: cs[from]!.findIndex((c) => c.id === e.active.id), activeId: Number(e.active.id), keyboard: false });
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
    // Over the column itself (below its last card): to the end.
    const overIndex = over.id === container ? list.length - 1 : list.findIndex((c) => c.id === over.id);
    if (overIndex >= 0 && overIndex !== oldIndex) list = arrayMove(list, oldIndex, overIndex);
    commit(d, container, list);
  }

  /** Saves where a card was dropped: its column and its neighbours there. */
  function commit(d: NonNullable<typeof drag>, container: string, list: BoardCard[]) {
    const index = list.findIndex((c) => c.id === d.activeId);
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

  // The card the keyboard moves keeps the focus: a move to another column remounts it there.
  // It stops when the user goes elsewhere: a click, or focus on anything but that handle.
  const follow = useRef<number | null>(null);
  useEffect(() => {
    const stop = (e: Event) => {
      const id = follow.current;
      if (id == null) return;
      const el = e.target instanceof Element ? e.target.closest("[data-card-id]") : null;
      if (e.type === "pointerdown" || el?.getAttribute("data-card-id") !== String(id)) follow.current = null;
    };
    document.addEventListener("pointerdown", stop);
    document.addEventListener("focusin", stop);
    return () => {
      document.removeEventListener("pointerdown", stop);
      document.removeEventListener("focusin", stop);
    };
  }, []);
  useLayoutEffect(() => {
    const id = follow.current;
    const active = document.activeElement;
    if (id == null || (active && active !== document.body)) return;
    document.querySelector<HTMLElement>(`[data-board] [data-card-id="${id}"] [data-drag-handle]`)?.focus();
  }, [containers]);

  const laneOrder = (container: string) => {
    const { lane } = splitContainer(container);
    return data.lanes.find((l) => l.key === lane)?.columns.map((c) => containerId(lane, c.status)) ?? [];
  };
  const position = (cs: Containers, id: number) => {
    const c = findContainer(id, cs)!;
    const list = cs[c]!;
    return { column: columnName(c), position: list.findIndex((x) => x.id === id) + 1, count: list.length };
  };

  /** Space or Enter lifts and drops, the arrows move one step, Escape (or Tab away) cancels. */
  function onHandleKeyDown(e: KeyboardEvent<HTMLButtonElement>, id: number) {
    const lifted = drag?.keyboard && drag.activeId === id ? drag : null;
    const title = cardOf(id)?.title ?? "";
    const pick = e.key === " " || e.key === "Enter";
    follow.current = id;
    if (!lifted) {
      if (!pick || drag) return;
      e.preventDefault();
      const cs = toContainers(data);
      const from = findContainer(id, cs);
      if (!from) return;
      setDrag({ containers: cs, from, index: cs[from]!.findIndex((c) => c.id === id), activeId: id, keyboard: true });
      setSaid(t("dnd.picked", { title, column: columnName(from) }));
      return;
    }
    if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") e.preventDefault();
      setDrag(null);
      setSaid(t("dnd.cancelled", { title, column: columnName(lifted.from) }));
      return;
    }
    if (pick) {
      e.preventDefault();
      const container = findContainer(id, lifted.containers)!;
      setDrag(null);
      commit(lifted, container, lifted.containers[container]!);
      setSaid(t("dnd.dropped", { title, ...position(lifted.containers, id) }));
      return;
    }
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    const order = laneOrder(findContainer(id, lifted.containers)!);
    const step = keyboardStep(lifted.containers, order, id, e.key, (c, to) => ({ ...c, status: splitContainer(to).status }));
    if (!step) {
      setSaid(t("dnd.over", { title, ...position(lifted.containers, id) }));
      return;
    }
    if (splitContainer(step.to).status === "cancelled") setShowCancelled(true);
    setDrag({ ...lifted, containers: step.containers });
    setSaid(t("dnd.over", { title, ...position(step.containers, id) }));
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
  const overlay = drag && !drag.keyboard ? Object.values(containers).flat().find((c) => c.id === drag.activeId) : undefined;
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
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(null)}
        // Pointer drags only: the keyboard moves cards with onHandleKeyDown and speaks in #board-live.
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
      >
        <div className="space-y-6" data-board data-hydrated={hydrated ? "true" : undefined}>
          {data.lanes.map((lane) => (
            <section key={lane.key} aria-label={grouped ? (locale === "ko" ? lane.labelKo : lane.label) || t("noOwner") : undefined}>
              {grouped ? (
                <h2 className="mb-2 text-base font-semibold text-slate-900">{(locale === "ko" ? lane.labelKo : lane.label) || t("noOwner")}</h2>
              ) : null}
              <div className="relative flex gap-2 overflow-x-auto pb-2 lg:overflow-x-visible">
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
                      liftedId={drag?.keyboard ? drag.activeId : null}
                      onOpen={setOpenId}
                      onHandleKeyDown={onHandleKeyDown}
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
        {/* In the body, above every column: a dragged card is never clipped by the column it leaves. */}
        {hydrated
          ? createPortal(
              <DragOverlay>
                {overlay ? (
                  <div data-board-overlay className="flex gap-1 rounded-md border border-slate-300 bg-white p-2 shadow-lg ring-2 ring-brand-500">
                    <span aria-hidden className="-ml-1 flex h-8 w-6 shrink-0 items-center justify-center text-slate-500">
                      <GripVertical className="size-4" />
                    </span>
                    <CardBody card={overlay} today={data.today} zone={zone} />
                  </div>
                ) : null}
              </DragOverlay>,
              document.body,
            )
          : null}
      </DndContext>
      <p id="board-live" aria-live="assertive" aria-atomic="true" className="sr-only">
        {said}
      </p>
      <CardPanel id={openId} onClose={() => setOpenId(null)} canEdit={canMove} zone={zone} boardQueryKey={key} />
    </>
  );
}
