"use client";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { isOverdue } from "@/lib/board/filters";
import { cn } from "@/lib/cn";
import { formatDate, isLocale, utcToZonedParts } from "@/lib/format";
import { type BoardCard as Card } from "@/lib/types/board";
import { CardIcon } from "./card-icons";

const PRIORITY_TONE: Record<string, string> = {
  urgent: "bg-red-50 text-red-800 ring-red-200",
  high: "bg-amber-50 text-amber-900 ring-amber-200",
  normal: "bg-slate-100 text-slate-800 ring-slate-300",
  low: "bg-slate-50 text-slate-700 ring-slate-200",
};

export function CardBody({ card, today, zone, onOpen }: { card: Card; today: string; zone: string; onOpen?: (id: number) => void }) {
  const t = useTranslations("board");
  const te = useTranslations("enums");
  const l = useLocale();
  const locale = isLocale(l) ? l : "en";
  const overdue = isOverdue(card, today);
  return (
    <div className="min-w-0 flex-1 space-y-1.5">
      {onOpen ? (
        <button
          type="button"
          onClick={() => onOpen(card.id)}
          aria-label={t("openCard", { title: card.title })}
          className="block w-full break-words text-left text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline"
        >
          {card.title}
        </button>
      ) : (
        <p className="break-words text-sm font-medium text-slate-900">{card.title}</p>
      )}
      <p className="text-xs text-slate-700">
        <span lang={locale}>{locale === "ko" ? card.partnerNameKo : card.partnerNameEn}</span>
        {" · "}
        {card.side === "ours" ? t("ours") : t("theirs")}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <span className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-medium ring-1 ring-inset", PRIORITY_TONE[card.priority])}>
          {te(`priority.${card.priority}`)}
        </span>
        {card.status === "done" && card.completedAt ? (
          <span className="inline-flex items-center gap-1 text-emerald-800">
            <CardIcon name="done" className="size-3.5" />
            {t("completedOn", { date: formatDate(utcToZonedParts(new Date(card.completedAt), zone).date, locale) })}
          </span>
        ) : card.dueOn ? (
          overdue ? (
            <span className="inline-flex items-center gap-1 rounded bg-red-50 px-1 font-semibold text-red-800">
              <CardIcon name="overdue" className="size-3.5" />
              {t("overdue")}: {formatDate(card.dueOn, locale)}
            </span>
          ) : (
            <span className="inline-flex items-center gap-1 text-slate-700">
              <CardIcon name="due" className="size-3.5" />
              {t("dueOn", { date: formatDate(card.dueOn, locale) })}
            </span>
          )
        ) : (
          <span className="text-slate-600">{t("noDue")}</span>
        )}
      </div>
      {card.ownerName ? (
        <p className="inline-flex items-center gap-1 text-xs text-slate-700">
          <CardIcon name="users" className="size-3.5" />
          {card.ownerName}
        </p>
      ) : null}
      {card.meetingTitle ? <p className="line-clamp-2 text-xs text-slate-600">{t("fromMeeting", { title: card.meetingTitle })}</p> : null}
      {card.visitId && card.visitTitle ? (
        <p className="line-clamp-2 text-xs">
          <Link href={`/visits/${card.visitId}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {t("fromVisit", { title: card.visitTitle })}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** A card in a column: a list item whose drag handle is a real button (keyboard and axe friendly). */
export function SortableCard({
  card,
  today,
  zone,
  canMove,
  lifted,
  onOpen,
  onHandleKeyDown,
  style: extraStyle,
  measureRef,
  index,
}: {
  card: Card;
  today: string;
  zone: string;
  canMove: boolean;
  /** Picked up by the keyboard and being moved with the arrow keys. */
  lifted: boolean;
  onOpen: (id: number) => void;
  onHandleKeyDown: (e: React.KeyboardEvent<HTMLButtonElement>, id: number) => void;
  style?: React.CSSProperties;
  measureRef?: (el: HTMLLIElement | null) => void;
  index?: number;
}) {
  const t = useTranslations("board");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { status: card.status },
    disabled: !canMove,
  });
  const overdue = isOverdue(card, today);
  return (
    <li
      ref={(el) => {
        setNodeRef(el);
        measureRef?.(el);
      }}
      data-index={index}
      data-card-id={card.id}
      style={{ ...extraStyle, transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        "flex min-w-0 gap-1 rounded-md border bg-white p-2 shadow-sm",
        overdue ? "border-red-300 border-l-4 border-l-red-600" : "border-slate-200",
        // While dragged the card is a placeholder; the overlay above the columns is what moves.
        isDragging && "opacity-40",
        lifted && "ring-2 ring-brand-500",
      )}
    >
      {canMove ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-pressed={lifted}
          data-drag-handle
          onKeyDown={(e) => onHandleKeyDown(e, card.id)}
          aria-label={t("moveCard", { title: card.title })}
          className="-ml-1 flex h-8 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing"
        >
          <CardIcon name="grip" className="size-4" />
        </button>
      ) : null}
      <CardBody card={card} today={today} zone={zone} onOpen={onOpen} />
    </li>
  );
}
