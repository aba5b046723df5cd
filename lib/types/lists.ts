// One page of each list as the browser gets it (the loaders in db/queries return these).
import type { z } from "zod";
import type { meetingScreenListSchema } from "@/lib/validation/lists";

/** A partner's names and standing: what its list row, its export row and its form share. */
export interface PartnerBasics {
  id: number;
  slug: string;
  nameEn: string;
  nameKo: string;
  nameLocal: string | null;
  country: string;
  kind: string;
  level: string;
  status: string;
}

/** A person as the meeting and visit forms offer them. */
export interface PersonBasics {
  id: number;
  nameEn: string;
  nameLocal: string | null;
  title: string | null;
  side: string;
  partnerId: number | null;
}

export interface PartnerListItem extends PartnerBasics {
  sinceDate: string | null;
  sincePrecision: "year" | "month" | "day" | null;
  archivedAt: Date | null;
  meetingCount: number;
  openActionCount: number;
  lastContactAt: Date | null;
}

export type PartnerPage = {
  rows: PartnerListItem[];
  total: number;
  page: number;
  size: number;
};

export type PeoplePage = {
  rows: (PersonBasics & {
    organisation: string | null;
    partnerSlug: string | null;
    partnerNameEn: string | null;
    partnerNameKo: string | null;
    partnerCountry: string | null;
    archivedAt: Date | null;
  })[];
  total: number;
  page: number;
  size: number;
};

export type ActionsPage = {
  rows: {
    id: number;
    title: string;
    side: string;
    status: string;
    priority: string;
    dueOn: string | null;
    meetingId: number | null;
    partnerId: number;
    partnerSlug: string;
    partnerNameEn: string;
    partnerNameKo: string;
    ownerPersonId: number | null;
    ownerName: string | null;
    archivedAt: Date | null;
  }[];
  total: number;
  page: number;
  size: number;
};

/** A person the meeting form offers as a participant. */
export type MeetingPersonOption = PersonBasics;

/** The meetings list's filters, sort and page, as its URL and GET /meetings/list.json carry them. */
export type MeetingListParams = z.output<typeof meetingScreenListSchema>;

export interface MeetingListRow {
  id: number;
  title: string;
  kind: string;
  status: string;
  startsAt: string;
  whenLocal: string;
  whenViewer: string | null;
  place: string;
  partnerSlug: string;
  partnerName: string;
}
/** One page of the meetings list as plain JSON (times already formatted for the viewer). */
export type MeetingListPage = { rows: MeetingListRow[]; total: number; page: number; size: number };
