import type { z } from "zod";
import type { SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { action, gift, meeting, milestone, partner, person, visit } from "@/db/schema";
import type { Actor } from "@/db/audit";
import type { Db } from "@/db/client";
import { actionCursorPage, actionWhere, createAction, getAction, setActionArchived, updateAction } from "@/db/queries/actions";
import { meetingCursorPage, meetingCursorWhere } from "@/db/queries/api";
import { createGift, getGift, giftCursorPage, giftCursorWhere, setGiftArchived, updateGift } from "@/db/queries/gifts";
import { createMeeting, getMeeting, setMeetingArchived, updateMeeting } from "@/db/queries/meetings";
import { createMilestone, getMilestone, milestoneCursorPage, milestoneCursorWhere, setMilestoneArchived, updateMilestone } from "@/db/queries/milestones";
import { createPartner, getPartner, partnerCursorPage, partnerWhere, setPartnerArchived, updatePartner } from "@/db/queries/partners";
import { createPerson, getPerson, personCursorPage, personWhere, setPersonArchived, updatePerson } from "@/db/queries/people";
import type { CursorPage } from "@/db/queries/paging";
import { createActionSchema, updateActionSchema } from "@/lib/validation/actions";
import { createGiftSchema, updateGiftSchema } from "@/lib/validation/gifts";
import {
  actionListSchema,
  giftListSchema,
  meetingListSchema,
  milestoneListSchema,
  partnerListSchema,
  personListSchema,
} from "@/lib/validation/lists";
import { actionRecord, giftRecord, meetingDetail, meetingRecord, milestoneRecord, partnerRecord, personRecord, visitDetail, visitRecord } from "./responses";
import { getVisit, visitCursorPage, visitCursorWhere } from "@/db/queries/visit-views";
import { createVisit, setVisitArchived, updateVisit } from "@/db/queries/visits";
import { createVisitSchema, updateVisitSchema, visitListSchema } from "@/lib/validation/visits";
import { createMeetingSchema, updateMeetingSchema } from "@/lib/validation/meetings";
import { createMilestoneSchema, updateMilestoneSchema } from "@/lib/validation/milestones";
import { createPartnerSchema, updatePartnerSchema } from "@/lib/validation/partners";
import { createPersonSchema, updatePersonSchema } from "@/lib/validation/people";

// One description per API resource: its zod schemas (the same objects the forms and server
// actions use) and its query functions. The route handlers and the OpenAPI document are both
// generated from this table, so the document cannot drift from what the handlers accept.

type Row = Record<string, unknown> & { id: number };

export interface ApiResource {
  path: string;
  name: string;
  listSchema: z.ZodObject;
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  /** A row of the list, as answered (server/api/responses.ts). */
  record: z.ZodType;
  /** The record as GET, POST, PUT, PATCH and archive answer it. */
  detail: z.ZodType;
  list: (db: Db, params: Record<string, unknown>) => Promise<CursorPage<Row>>;
  /** The list's table and filter: the fast path (db/queries/list-rows.ts) reads the same page as `list`. */
  table: SQLiteTable;
  listWhere: (db: Db, params: Record<string, unknown>) => Promise<SQL | undefined> | SQL | undefined;
  get: (db: Db, id: number) => Promise<Row>;
  create: (db: Db, actor: Actor, input: unknown) => Promise<Row>;
  update: (db: Db, actor: Actor, id: number, input: unknown) => Promise<Row>;
  setArchived: (db: Db, actor: Actor, id: number, archived: boolean) => Promise<Row>;
  /** The stored record as an update payload, so PATCH can send only what changes. */
  toInput: (db: Db, row: Row) => Promise<Record<string, unknown>>;
  /**
   * Fields that say one thing in two ways (date + time or startsAt): a PATCH that sends any of
   * a group replaces the whole group, so the stored form cannot override the one sent.
   */
  linked?: readonly (readonly string[])[];
}

const plain = async (_db: Db, row: Row) => row as Record<string, unknown>;

export const RESOURCES: ApiResource[] = [
  {
    path: "partners",
    name: "Partner",
    listSchema: partnerListSchema.omit({ page: true, sort: true }),
    createSchema: createPartnerSchema,
    updateSchema: updatePartnerSchema,
    record: partnerRecord,
    detail: partnerRecord,
    list: (db, p) => partnerCursorPage(db, p),
    table: partner,
    listWhere: (_db, p) => partnerWhere(p),
    get: getPartner,
    create: createPartner,
    update: updatePartner,
    setArchived: setPartnerArchived,
    toInput: plain,
    linked: [["since", "sinceDate", "sincePrecision"]],
  },
  {
    path: "people",
    name: "Person",
    listSchema: personListSchema.omit({ page: true, sort: true }),
    createSchema: createPersonSchema,
    updateSchema: updatePersonSchema,
    record: personRecord,
    detail: personRecord,
    list: (db, p) => personCursorPage(db, p),
    table: person,
    listWhere: (_db, p) => personWhere(p),
    get: getPerson,
    create: createPerson,
    update: updatePerson,
    setArchived: setPersonArchived,
    toInput: plain,
  },
  {
    path: "meetings",
    name: "Meeting",
    listSchema: meetingListSchema,
    createSchema: createMeetingSchema,
    updateSchema: updateMeetingSchema,
    record: meetingRecord,
    detail: meetingDetail,
    list: (db, p) => meetingCursorPage(db, p),
    table: meeting,
    listWhere: (db, p) => meetingCursorWhere(db, p),
    get: getMeeting,
    create: createMeeting,
    update: updateMeeting,
    setArchived: setMeetingArchived,
    toInput: async (db, row) => {
      // Participants and gifts are replaced by an update, so PATCH keeps the current ones (gifts
      // by id, archived ones too); actions in an update are added, so none are carried over.
      const m = await getMeeting(db, row.id);
      return {
        ...m,
        participants: m.participants.map((p) => ({ personId: p.personId, role: p.role, titleAtTime: p.titleAtTime })),
        actions: [],
      };
    },
    linked: [["date", "time", "startsAt"]],
  },
  {
    path: "actions",
    name: "Action",
    listSchema: actionListSchema.omit({ page: true, sort: true }),
    createSchema: createActionSchema,
    updateSchema: updateActionSchema,
    record: actionRecord,
    detail: actionRecord,
    list: (db, p) => actionCursorPage(db, p),
    table: action,
    listWhere: (_db, p) => actionWhere(p),
    get: getAction,
    create: createAction,
    update: updateAction,
    setArchived: setActionArchived,
    toInput: plain,
  },
  {
    path: "gifts",
    name: "Gift",
    listSchema: giftListSchema,
    createSchema: createGiftSchema,
    updateSchema: updateGiftSchema,
    record: giftRecord,
    detail: giftRecord,
    list: (db, p) => giftCursorPage(db, p),
    table: gift,
    listWhere: (_db, p) => giftCursorWhere(p),
    get: getGift,
    create: createGift,
    update: updateGift,
    setArchived: setGiftArchived,
    toInput: plain,
  },
  {
    path: "milestones",
    name: "Milestone",
    listSchema: milestoneListSchema,
    createSchema: createMilestoneSchema,
    updateSchema: updateMilestoneSchema,
    record: milestoneRecord,
    detail: milestoneRecord,
    list: (db, p) => milestoneCursorPage(db, p),
    table: milestone,
    listWhere: (_db, p) => milestoneCursorWhere(p),
    get: getMilestone,
    create: createMilestone,
    update: updateMilestone,
    setArchived: setMilestoneArchived,
    toInput: plain,
    linked: [["date", "datePrecision"]],
  },
  {
    path: "visits",
    name: "Visit",
    listSchema: visitListSchema,
    createSchema: createVisitSchema,
    updateSchema: updateVisitSchema,
    record: visitRecord,
    detail: visitDetail,
    list: (db, p) => visitCursorPage(db, p),
    table: visit,
    listWhere: (_db, p) => visitCursorWhere(p),
    get: getVisit,
    create: createVisit,
    update: updateVisit,
    setArchived: setVisitArchived,
    toInput: plain,
    linked: [["startsOn", "endsOn", "datePrecision"]],
  },
];

export function resource(path: string): ApiResource {
  const r = RESOURCES.find((x) => x.path === path);
  if (!r) throw new Error(`No API resource ${path}`);
  return r;
}
