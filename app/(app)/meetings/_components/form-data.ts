import "server-only";
import { getDb } from "@/db";
import { meetingPeopleOptions, type MeetingDetail } from "@/db/queries/meetings";
import { partnerOptions } from "@/db/queries/partners";
import type { Locale } from "@/lib/format";
import { emptyParticipant, rowKey, type MeetingFormValues, type ParticipantRow } from "./form-values";
import { fieldsFromMeeting } from "./meeting-form/fields-from-meeting";

/** What both the new and the edit page hand to the form. */
export async function formContext(locale: Locale, partnerId: number | null) {
  const db = getDb();
  const partners = (await partnerOptions(db)).map((p) => ({ id: p.id, name: locale === "ko" ? p.nameKo : p.nameEn, timeZone: p.timeZone }));
  // Computed here, not in the browser, so the server and the browser render the same list.
  const timeZones = Intl.supportedValuesOf("timeZone");
  if (!timeZones.includes("UTC")) timeZones.push("UTC");
  return { partners, timeZones, initialPeople: await meetingPeopleOptions(db, partnerId) };
}

export function blankValues(partner: { id: number; timeZone: string } | null, today: string): MeetingFormValues {
  return {
    partnerId: partner ? String(partner.id) : "",
    title: "",
    kind: "meeting",
    status: "held",
    date: today,
    time: "",
    timeZone: partner?.timeZone ?? "",
    durationMinutes: "",
    venue: "",
    city: "",
    attendeeCount: "",
    topics: "",
    summary: "",
    outcomes: "",
    notes: "",
    participants: [emptyParticipant("home"), emptyParticipant("partner")],
    gifts: [],
    actions: [],
  };
}

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** A stored meeting as the form's values: its start back in its own zone's wall clock. */
export function valuesFromMeeting(m: MeetingDetail): MeetingFormValues {
  const participants: ParticipantRow[] = m.participants.map((p) => ({
    ...emptyParticipant(p.person.side as "home" | "partner"),
    personId: String(p.personId),
    role: p.role,
    titleAtTime: s(p.titleAtTime),
  }));
  const ref = (personId: number | null) => {
    if (!personId) return "";
    const row = participants.find((r) => r.personId === String(personId));
    return row ? `row:${row.key}` : `id:${personId}`;
  };
  return {
    ...fieldsFromMeeting(m),
    participants,
    gifts: m.gifts.map((g) => ({
        key: rowKey(),
        id: g.id,
        direction: g.direction as "given" | "received",
        item: g.item,
        description: s(g.description),
        origin: s(g.origin),
        from: ref(g.fromPersonId),
        to: ref(g.toPersonId),
        estimatedValue: s(g.estimatedValue),
        currency: s(g.currency),
        toBeValued: g.estimatedValue === null,
        declaredOn: s(g.declaredOn),
        disposition: (g.disposition ?? "") as MeetingFormValues["gifts"][number]["disposition"],
      })),
    actions: [],
  };
}
