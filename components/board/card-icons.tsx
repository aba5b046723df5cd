import { AlertTriangle, CalendarCheck, CalendarDays, GripVertical, Users } from "lucide-react";

// A board shows a hundred cards or more, and each would carry its icons' paths (about 1 KiB of
// HTML a card, and as many elements for React to render). The icons are drawn once per board as
// SVG symbols, and each card refers to them (<use>), which draws the same pixels.

const ICONS = { grip: GripVertical, users: Users, due: CalendarDays, done: CalendarCheck, overdue: AlertTriangle } as const;
export type CardIconName = keyof typeof ICONS;

/** The symbols, once per page that draws cards. */
export function CardIconSprite() {
  return (
    <svg aria-hidden width={0} height={0} className="absolute" focusable="false">
      {Object.entries(ICONS).map(([name, Icon]) => (
        <symbol key={name} id={`card-icon-${name}`} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

export function CardIcon({ name, className }: { name: CardIconName; className: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={className} focusable="false">
      <use href={`#card-icon-${name}`} />
    </svg>
  );
}
