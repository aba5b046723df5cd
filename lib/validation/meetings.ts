import { z } from "zod";
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES, PERSON_SIDES } from "@/lib/domain";
import { zonedTimeToUtc } from "@/lib/format";
import { actionInMeetingSchema } from "./actions";
import { giftInMeetingSchema } from "./gifts";
import { blankToUndefined, idWith, isoDate, keyed, messageKey, optionalId, optionalNumber, optionalText, requiredText, timeZone, version } from "./common";

export const newPersonSchema = z.object({
  nameEn: requiredText(200, "enterName"),
  nameLocal: optionalText(200),
  title: optionalText(300),
  organisation: optionalText(300),
  side: z.enum(PERSON_SIDES),
});

export const participantInMeetingSchema = z
  .object({
    personId: optionalId,
    newPerson: newPersonSchema.optional(),
    role: z.enum(PARTICIPANT_ROLES).default("attendee"),
    titleAtTime: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (!v.personId && !v.newPerson)
      ctx.addIssue({ code: "custom", path: ["personId"], message: messageKey("choosePerson") });
    if (v.personId && v.newPerson)
      ctx.addIssue({ code: "custom", path: ["personId"], message: messageKey("choosePersonNotBoth") });
  });

const meetingFields = z.object({
  // The form says what to do where a field is missing or unusable, whatever zod calls it.
  partnerId: idWith("choosePartner"),
  title: requiredText(300, "enterTitle"),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  /** The wall-clock date and time in timeZone, as the form sends them… */
  date: blankToUndefined(isoDate.optional()),
  time: blankToUndefined(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, keyed("time")).optional()),
  /** …or the UTC instant, as the API returns it. Date and time win when both are given. */
  startsAt: blankToUndefined(z.iso.datetime({ offset: true, ...keyed("instant") }).optional()),
  timeZone,
  durationMinutes: optionalNumber({ int: true, max: 60 * 24 * 30 }),
  venue: optionalText(300),
  city: optionalText(200),
  attendeeCount: optionalNumber({ int: true, max: 100_000 }),
  topics: optionalText(5000),
  summary: optionalText(20_000),
  outcomes: optionalText(20_000),
  notes: optionalText(20_000),
  participants: z.array(participantInMeetingSchema).max(500).default([]),
  gifts: z.array(giftInMeetingSchema).max(200).default([]),
  /** New follow-ups. Ones with an id already exist (a GET returns them) and are left as they are. */
  actions: z.array(actionInMeetingSchema.extend({ id: optionalId })).max(200).default([]),
});

function instant(v: z.infer<typeof meetingFields>, ctx: z.RefinementCtx): Date | null {
  if (v.date === undefined && v.time === undefined && v.startsAt !== undefined) return new Date(v.startsAt);
  for (const key of ["date", "time"] as const)
    if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: messageKey("enterWhen") });
  if (v.date === undefined || v.time === undefined) return null;
  const at = zonedTimeToUtc(v.date, v.time, v.timeZone);
  if (!at) ctx.addIssue({ code: "custom", path: ["date"], message: messageKey("notRealDateTime") });
  return at;
}

function withInstant<T extends z.infer<typeof meetingFields>>(v: T, ctx: z.RefinementCtx) {
  const startsAt = instant(v, ctx);
  if (!startsAt) return z.NEVER;
  const n = v.participants.length;
  const refs: [string, number | undefined][] = [
    ...v.gifts.flatMap((g, i): [string, number | undefined][] => [
      [`gifts.${i}.fromParticipantIndex`, g.fromParticipantIndex],
      [`gifts.${i}.toParticipantIndex`, g.toParticipantIndex],
    ]),
    ...v.actions.map((a, i): [string, number | undefined] => [`actions.${i}.ownerParticipantIndex`, a.ownerParticipantIndex]),
  ];
  for (const [path, idx] of refs)
    if (idx !== undefined && idx >= n)
      ctx.addIssue({ code: "custom", path: path.split("."), message: messageKey("participantGone") });
  const { date: _d, time: _t, startsAt: _s, ...rest } = v;
  return { ...rest, startsAt };
}

export const createMeetingSchema = meetingFields.transform(withInstant);
export const updateMeetingSchema = meetingFields.extend({ version }).transform(withInstant);
/** Meeting fields alone, for the API's and import's flat records. */
export const meetingOnlySchema = meetingFields.omit({ participants: true, gifts: true, actions: true });

export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type CreateMeeting = z.output<typeof createMeetingSchema>;
export type UpdateMeeting = z.output<typeof updateMeetingSchema>;
