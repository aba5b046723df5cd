// Moving cards: by pointer (dnd-kit) or by keyboard (our own steps). It holds the columns as the
// move under way shows them, says each step in #board-live, and hands the drop to `onMove`.
import { PointerSensor, useSensor, useSensors, type DragEndEvent, type DragOverEvent, type DragStartEvent } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { keyboardStep } from "@/lib/board/keyboard";
import { boardAnnouncements } from "./board-announcements";
import { boardCollision } from "./board-collision";
import { containerId, splitContainer, toContainers, type Containers } from "./board-containers";
import { dropInto, findContainer, moveAcross } from "./board-move";
import type { MoveInput } from "./queries";
import { type BoardCard, type BoardData } from "@/lib/types/board";

/** A move under way; `keyboard` when the keyboard lifted the card. */
interface Drag {
  containers: Containers;
  from: string;
  index: number;
  activeId: number;
  keyboard: boolean;
}

export function useBoardDnd({ data, onMove }: { data: BoardData; onMove: (m: MoveInput & { containers: Containers }) => void }) {
  const t = useTranslations("board");
  const te = useTranslations("enums.actionStatus");
  const [drag, setDrag] = useState<Drag | null>(null);
  const [said, setSaid] = useState("");
  const [showCancelled, setShowCancelled] = useState(false);
  const containers = useMemo(() => drag?.containers ?? toContainers(data), [drag, data]);
  // Read by dnd-kit's callbacks and announcements, which run outside render.
  const live = useRef(containers);
  useLayoutEffect(() => {
    live.current = containers;
  }, [containers]);
  const columnName = (container: string) => te(splitContainer(container).status);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const current = useCallback(() => live.current, []);
  // eslint-disable-next-line react-hooks/refs -- dnd-kit calls it while dragging, never during render
  const collision = useMemo(() => boardCollision(current), [current]);

  function lift(id: number, keyboard: boolean): string | null {
    const cs = toContainers(data);
    const from = findContainer(cs, id);
    if (!from) return null;
    setDrag({ containers: cs, from, index: cs[from]!.findIndex((c) => c.id === id), activeId: id, keyboard });
    return from;
  }

  /** Saves where a card was dropped: its column and its neighbours there. */
  function commit(d: Drag, container: string, list: BoardCard[]) {
    const index = list.findIndex((c) => c.id === d.activeId);
    if (container === d.from && index === d.index) return;
    const card = list[index]!;
    onMove({
      id: card.id,
      version: card.version,
      status: splitContainer(container).status,
      afterId: list[index - 1]?.id,
      beforeId: list[index + 1]?.id,
      containers: { ...d.containers, [container]: list },
    });
  }

  const onDragStart = (e: DragStartEvent) => void lift(Number(e.active.id), false);
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !drag) return;
    setDrag((d) => {
      const next = d && moveAcross(d.containers, active.id, over.id);
      return next ? { ...d, containers: next } : d;
    });
  }
  function onDragEnd({ active, over }: DragEndEvent) {
    const d = drag;
    setDrag(null);
    if (!d || !over) return;
    const drop = dropInto(d.containers, active.id, over.id);
    if (drop) commit(d, drop.container, drop.list);
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
    const c = findContainer(cs, id)!;
    const list = cs[c]!;
    return { column: columnName(c), position: list.findIndex((x) => x.id === id) + 1, count: list.length };
  };

  /** Space or Enter lifts and drops, the arrows move one step, Escape (or Tab away) cancels. */
  function onHandleKeyDown(e: KeyboardEvent<HTMLButtonElement>, id: number) {
    const lifted = drag?.keyboard && drag.activeId === id ? drag : null;
    const title =
      Object.values(live.current)
        .flat()
        .find((c) => c.id === id)?.title ?? "";
    const pick = e.key === " " || e.key === "Enter";
    follow.current = id;
    if (!lifted) {
      if (!pick || drag) return;
      e.preventDefault();
      const from = lift(id, true);
      if (from) setSaid(t("dnd.picked", { title, column: columnName(from) }));
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
      const container = findContainer(lifted.containers, id)!;
      setDrag(null);
      commit(lifted, container, lifted.containers[container]!);
      setSaid(t("dnd.dropped", { title, ...position(lifted.containers, id) }));
      return;
    }
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    const order = laneOrder(findContainer(lifted.containers, id)!);
    const step = keyboardStep(lifted.containers, order, id, e.key, (c, to) => ({ ...c, status: splitContainer(to).status }));
    if (!step) {
      setSaid(t("dnd.over", { title, ...position(lifted.containers, id) }));
      return;
    }
    if (splitContainer(step.to).status === "cancelled") setShowCancelled(true);
    setDrag({ ...lifted, containers: step.containers });
    setSaid(t("dnd.over", { title, ...position(step.containers, id) }));
  }

  // eslint-disable-next-line react-hooks/refs -- dnd-kit calls these while dragging, never during render
  const announcements = boardAnnouncements({ t, live: current, from: drag?.from ?? null, columnName });
  return {
    containers,
    drag,
    said,
    showCancelled,
    setShowCancelled,
    onHandleKeyDown,
    /** What `<DndContext>` takes. */
    context: { sensors, collisionDetection: collision, onDragStart, onDragOver, onDragEnd, onDragCancel: () => setDrag(null), announcements },
  };
}
