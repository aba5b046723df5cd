"use client";
import { useLocale, useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import type { ActionStatus } from "@/lib/domain";
import { containerId, type Containers } from "./board-containers";
import { CollapsedColumn, Column } from "./board-column";
import { type BoardCard, type BoardData } from "@/lib/types/board";

type Lane = BoardData["lanes"][number];

/** One swimlane (a partner or an owner, or the whole board ungrouped): its columns left to right. */
export function BoardLane(props: {
  lane: Lane;
  grouped: boolean;
  containers: Containers;
  today: string;
  zone: string;
  canMove: boolean;
  liftedId: number | null;
  showCancelled: boolean;
  setShowCancelled: (show: boolean) => void;
  onOpen: (id: number) => void;
  onHandleKeyDown: (e: KeyboardEvent<HTMLButtonElement>, id: number) => void;
  onLoadMore: (lane: string, status: ActionStatus, shown: BoardCard[]) => Promise<void>;
}) {
  const { lane, grouped, containers, showCancelled, setShowCancelled } = props;
  const t = useTranslations("board");
  const te = useTranslations("enums.actionStatus");
  const locale = useLocale();
  const name = (locale === "ko" ? lane.labelKo : lane.label) || t("noOwner");
  return (
    <section aria-label={grouped ? name : undefined}>
      {grouped ? <h2 className="mb-2 text-base font-semibold text-slate-900">{name}</h2> : null}
      <div className="relative flex gap-2 overflow-x-auto pb-2 lg:overflow-x-visible">
        {lane.columns.map((col) => {
          const id = containerId(lane.key, col.status);
          const cards = containers[id] ?? [];
          const count = col.count + (cards.length - col.cards.length);
          if (col.status === "cancelled" && !showCancelled)
            return <CollapsedColumn key={id} id={id} label={te(col.status)} count={count} onOpen={() => setShowCancelled(true)} showLabel={t("showCancelled")} />;
          return (
            <Column
              key={id}
              id={id}
              status={col.status}
              label={te(col.status)}
              count={count}
              cards={cards}
              today={props.today}
              zone={props.zone}
              canMove={props.canMove}
              liftedId={props.liftedId}
              onOpen={props.onOpen}
              onHandleKeyDown={props.onHandleKeyDown}
              onLoadMore={() => props.onLoadMore(lane.key, col.status, cards)}
              onCollapse={col.status === "cancelled" ? () => setShowCancelled(false) : undefined}
              headingLevel={grouped ? 3 : 2}
            />
          );
        })}
      </div>
    </section>
  );
}
