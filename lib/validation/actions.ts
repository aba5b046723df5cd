import { z } from "zod";
import { ACTION_PRIORITIES, ACTION_SIDES, ACTION_STATUSES } from "@/lib/domain";
import { id, optionalId, optionalIsoDate, optionalText, requiredText, version } from "./common";

const ownerUserId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().min(1).max(100).optional());

export const actionFields = z.object({
  title: requiredText(300),
  description: optionalText(5000),
  side: z.enum(ACTION_SIDES),
  ownerPersonId: optionalId,
  ownerUserId,
  /** Index into the meeting form's participants, for an owner added in the same form. */
  ownerParticipantIndex: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(0).max(499).optional()),
  dueOn: optionalIsoDate,
  priority: z.enum(ACTION_PRIORITIES).default("normal"),
});

export const actionInMeetingSchema = actionFields.extend({ title: requiredText(300, "enterActionTitle") });
export const createActionSchema = actionFields.extend({
  partnerId: id,
  meetingId: optionalId,
  status: z.enum(ACTION_STATUSES).default("open"),
});
export const updateActionSchema = createActionSchema.extend({ version });
export const moveActionSchema = z.object({
  id,
  version,
  status: z.enum(ACTION_STATUSES),
  /** The card it now follows in its column, or none for the top. */
  afterId: optionalId,
  /** The card it now precedes, or none for the bottom. */
  beforeId: optionalId,
});
export const commentSchema = z.object({ actionId: id, body: requiredText(5000) });

export type ActionInMeeting = z.output<typeof actionInMeetingSchema>;
export type CreateAction = z.output<typeof createActionSchema>;
export type UpdateAction = z.output<typeof updateActionSchema>;
export type MoveAction = z.output<typeof moveActionSchema>;
