"use client";
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { createPortal } from "react-dom";
import { useHydrated } from "@/components/use-hydrated";
import { CardBody } from "./board-card";
import { BoardLane } from "./board-lane";
import { useBoardData } from "./use-board-data";
import { useBoardDnd } from "./use-board-dnd";
import { type BoardData } from "@/lib/types/board";
import { CardIcon, CardIconSprite } from "./card-icons";

// The card panel (a Radix dialog, its forms and their words) loads when a card is first opened.
const CardPanel = lazy(() => import("./card-panel").then((m) => ({ default: m.CardPanel })));

export function Board({ initial, query, canMove, zone }: { initial: BoardData; query: string; canMove: boolean; zone: string }) {
  const t = useTranslations("board");
  const te = useTranslations("enums.actionStatus");
  const { data, move, loadMore } = useBoardData(initial, query);
  const dnd = useBoardDnd({ data, onMove: move });
  const [openId, setOpenId] = useState<number | null>(null);
  // Mounted from the first open on, so closing it runs the dialog's own close (focus goes back).
  const [panelLoaded, setPanelLoaded] = useState(false);
  if (openId !== null && !panelLoaded) setPanelLoaded(true);
  const hydrated = useHydrated();
  const { drag, containers } = dnd;
  const overlay = drag && !drag.keyboard ? Object.values(containers).flat().find((c) => c.id === drag.activeId) : undefined;
  const grouped = data.lanes.length !== 1 || data.lanes[0]!.key !== "";
  return (
    <>
      <CardIconSprite />
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
        {...dnd.context}
        // Pointer drags only: the keyboard moves cards with onHandleKeyDown and speaks in #board-live.
        accessibility={{ announcements: dnd.context.announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
      >
        <div className="space-y-6" data-board data-hydrated={hydrated ? "true" : undefined}>
          {data.lanes.map((lane) => (
            <BoardLane
              key={lane.key}
              lane={lane}
              grouped={grouped}
              containers={containers}
              today={data.today}
              zone={zone}
              canMove={canMove}
              liftedId={drag?.keyboard ? drag.activeId : null}
              showCancelled={dnd.showCancelled}
              setShowCancelled={dnd.setShowCancelled}
              onOpen={setOpenId}
              onHandleKeyDown={dnd.onHandleKeyDown}
              onLoadMore={loadMore}
            />
          ))}
        </div>
        {/* In the body, above every column: a dragged card is never clipped by the column it leaves. */}
        {hydrated
          ? createPortal(
              <DragOverlay>
                {overlay ? (
                  <div data-board-overlay className="flex gap-1 rounded-md border border-slate-300 bg-white p-2 shadow-lg ring-2 ring-brand-500">
                    <span aria-hidden className="-ml-1 flex h-8 w-6 shrink-0 items-center justify-center text-slate-500">
                      <CardIcon name="grip" className="size-4" />
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
        {dnd.said}
      </p>
      {panelLoaded ? (
        <Suspense fallback={null}>
          <CardPanel id={openId} onClose={() => setOpenId(null)} canEdit={canMove} zone={zone} />
        </Suspense>
      ) : null}
    </>
  );
}
