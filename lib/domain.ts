// The closed vocabularies of the domain, shared by the schema's CHECK constraints,
// the zod schemas and the UI's labels (messages/*.json key on these values).

export const PARTNER_KINDS = ["province", "municipality", "city", "prefecture", "state", "other"] as const;
export const RELATIONSHIP_LEVELS = ["exploring", "cooperation", "friendship", "sister"] as const;
export const PARTNER_STATUSES = ["active", "dormant", "exploring", "ended"] as const;
export const DATE_PRECISIONS = ["year", "month", "day"] as const;
export const MILESTONE_KINDS = ["start", "agreement", "mou", "visit", "delegation", "other"] as const;
export const PERSON_SIDES = ["home", "partner"] as const;
export const MEETING_KINDS = ["meeting", "visit", "video_call", "signing", "event"] as const;
export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export const PARTICIPANT_ROLES = ["lead", "speaker", "attendee", "interpreter"] as const;
export const GIFT_DIRECTIONS = ["given", "received"] as const;
export const GIFT_DISPOSITIONS = ["kept_by_office", "transferred", "archived", "other"] as const;
export const ACTION_SIDES = ["ours", "theirs"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "blocked", "done", "cancelled"] as const;
/**
 * The one meaning of an "open" (unfinished) follow-up on every screen: open, in progress or
 * blocked. Done and cancelled are finished. Counts, overdue flags and lists all use this list.
 */
export const UNFINISHED_ACTION_STATUSES = ["open", "in_progress", "blocked"] as const satisfies readonly (typeof ACTION_STATUSES)[number][];
export const isUnfinishedAction = (status: string): boolean => (UNFINISHED_ACTION_STATUSES as readonly string[]).includes(status);
export const ACTION_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const ROLES = ["admin", "editor", "viewer"] as const;
export const VISIT_DIRECTIONS = ["outgoing", "incoming"] as const;
export const VISIT_STATUSES = ["idea", "planned", "confirmed", "under_way", "completed", "cancelled"] as const;
export const DELEGATION_ROLES = ["head", "member", "interpreter", "protocol", "press", "security", "support"] as const;
export const PROGRAMME_KINDS = ["meeting", "site_visit", "meal", "ceremony", "transfer", "press", "free_time"] as const;
export const TRAVEL_MODES = ["flight", "train", "car", "other"] as const;
export const TOKEN_SCOPES = ["api", "calendar"] as const;

export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type PersonSide = (typeof PERSON_SIDES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type GiftDirection = (typeof GIFT_DIRECTIONS)[number];
export type GiftDisposition = (typeof GIFT_DISPOSITIONS)[number];
export type ActionSide = (typeof ACTION_SIDES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export type Role = (typeof ROLES)[number];
export type VisitDirection = (typeof VISIT_DIRECTIONS)[number];
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type DelegationRole = (typeof DELEGATION_ROLES)[number];
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** Korea's Public Service Ethics Act: a foreign-government gift at or above this is declared. */
export const GIFT_DECLARATION_THRESHOLD = { KRW: 100_000, USD: 100 } as const;
