// The tables the app queries, for the engine DATABASE_URL names (db/engine.ts): SQLite's
// (db/schema-sqlite.ts, where each column's meaning is said) or PostgreSQL's (db/schema-pg.ts,
// the same tables in that dialect; tests/db/schema-drift.test.ts holds the two together).
// The engine is fixed for the process, so it is chosen once, here, at load. The TypeScript types
// are SQLite's: the two dialects map every column to the same JS type (Date, boolean, JSON).
import { engineOf } from "./engine";
import * as pg from "./schema-pg";
import * as lite from "./schema-sqlite";

/** The engine these tables are for. */
export const SCHEMA_ENGINE = engineOf();
const chosen = (SCHEMA_ENGINE === "pg" ? pg : lite) as unknown as typeof lite;

export const {
  user,
  session,
  account,
  verification,
  twoFactor,
  signInAttempt,
  signInKnownAddress,
  apiToken,
  setting,
  partner,
  milestone,
  person,
  meeting,
  participant,
  gift,
  exchangeRate,
  action,
  actionComment,
  auditEvent,
  visit,
  visitPartner,
  visitMember,
  programmeItem,
  programmeAttendee,
  travelLeg,
  plannedGift,
  checklistItem,
  notification,
  follow,
  notificationPreference,
  schedulerLease,
  partnerRelations,
  milestoneRelations,
  personRelations,
  meetingRelations,
  participantRelations,
  giftRelations,
  actionRelations,
  actionCommentRelations,
} = chosen;

export type { ExchangeRate,Visit,ProgrammeItem,TravelLeg,Partner,NewPartner,Milestone,Person,Meeting,Participant,Gift,Action,AuditEvent,User,Notification } from "./schema-sqlite";
