import { utcToZonedParts } from "@/lib/format";

// The programme as a day-by-day agenda: each item falls on the day its start has in the place's
// zone (a banquet at 23:30 in Berlin is on that Berlin day, whatever the viewer's clock says).

export interface AgendaDay<T> {
  date: string;
  items: T[];
}

export function agendaDays<T extends { startsAt: Date | null; timeZone: string; id: number }>(items: T[]): { days: AgendaDay<T>[]; unscheduled: T[] } {
  const days = new Map<string, T[]>();
  const unscheduled: T[] = [];
  const sorted = [...items].sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0) || a.id - b.id);
  for (const i of sorted) {
    if (!i.startsAt) {
      unscheduled.push(i);
      continue;
    }
    const d = utcToZonedParts(i.startsAt, i.timeZone).date;
    (days.get(d) ?? days.set(d, []).get(d)!).push(i);
  }
  return { days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, items: list })), unscheduled };
}

/** Minutes between two instants: across a daylight-saving change this is the real length. */
export function durationMinutes(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}
