import { utcToZonedParts } from "@/lib/format";
import type { MeetingFields } from "../form-values";

/** A stored meeting as the API, an action's conflict answer or a query returns it. */
export interface StoredMeeting {
  partnerId: unknown;
  title: unknown;
  kind: unknown;
  status: unknown;
  startsAt: string | number | Date;
  timeZone: unknown;
  durationMinutes?: unknown;
  venue?: unknown;
  city?: unknown;
  attendeeCount?: unknown;
  topics?: unknown;
  summary?: unknown;
  outcomes?: unknown;
  notes?: unknown;
}

const str = (x: unknown) => (typeof x === "string" ? x : typeof x === "number" ? String(x) : "");

/**
 * The meeting's own fields as the form's strings, its start back in its own zone's wall clock:
 * for the edit page's first values and for "their version" of a conflict alike.
 */
export function fieldsFromMeeting(m: StoredMeeting): MeetingFields {
  const timeZone = str(m.timeZone);
  const { date, time } = utcToZonedParts(new Date(m.startsAt), timeZone);
  return {
    partnerId: str(m.partnerId),
    title: str(m.title),
    kind: str(m.kind),
    status: str(m.status),
    date,
    time,
    timeZone,
    durationMinutes: str(m.durationMinutes),
    venue: str(m.venue),
    city: str(m.city),
    attendeeCount: str(m.attendeeCount),
    topics: str(m.topics),
    summary: str(m.summary),
    outcomes: str(m.outcomes),
    notes: str(m.notes),
  };
}
