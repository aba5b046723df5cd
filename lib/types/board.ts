// What the board sends to the browser: the cards, columns and lanes, and the partner tiles.
import type { ActionStatus } from "@/lib/domain";

export interface BoardCard {
  id: number;
  version: number;
  title: string;
  status: ActionStatus;
  priority: string;
  side: string;
  dueOn: string | null;
  /** ISO instant. */
  completedAt: string | null;
  position: number;
  partnerSlug: string;
  partnerNameEn: string;
  partnerNameKo: string;
  ownerName: string | null;
  meetingId: number | null;
  meetingTitle: string | null;
  /** The visit whose checklist item this follow-up is. */
  visitId: number | null;
  visitTitle: string | null;
}

export interface BoardColumn {
  status: ActionStatus;
  count: number;
  cards: BoardCard[];
}

export interface BoardLane {
  /** "" when not grouped; else "partner:<slug>" or "owner:p12" / "owner:u<id>". */
  key: string;
  label: string;
  labelKo: string;
  columns: BoardColumn[];
}

export interface BoardData {
  today: string;
  lanes: BoardLane[];
  /** Total per column over all lanes (the WIP counts). */
  totals: Record<ActionStatus, number>;
  lanesTruncated: boolean;
}

export interface PartnerTile {
  id: number;
  slug: string;
  nameEn: string;
  nameKo: string;
  status: string;
  level: string;
  sinceDate: string | null;
  sincePrecision: "year" | "month" | "day" | null;
  lastContactAt: string | null;
  openCount: number;
  overdueCount: number;
  nextExpiry: { on: string; title: string } | null;
  /** Within 90 days, or already lapsed. */
  expirySoon: boolean;
  needsAttention: boolean;
}

/** The card panel: the follow-up, its comments and its history. */
export type ActionDetail = {
  action: {
    completedAt: string | null;
    updatedAt: string;
    id: number;
    version: number;
    partnerId: number;
    partnerSlug: string;
    partnerNameEn: string;
    partnerNameKo: string;
    meetingId: number | null;
    meetingTitle: string | null;
    title: string;
    description: string | null;
    side: string;
    ownerPersonId: number | null;
    ownerUserId: string | null;
    dueOn: string | null;
    status: string;
    priority: string;
  };
  comments: {
    createdAt: string;
    id: number;
    body: string;
    author: string | null;
    authorEmail: string | null;
  }[];
  history: {
    id: number;
    at: string;
    actor: string;
    event: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
};
