// What a search answers: hits grouped by the kind of record.

export type SearchType = "meeting" | "partner" | "person" | "action" | "gift" | "visit";

export interface SearchHit {
  type: SearchType;
  id: number;
  /** The record's name or title. */
  title: string;
  /** A second line: the partner, a title held, a date. */
  detail: string | null;
  /** Names in the other scripts, shown beside the title. */
  alt: string | null;
  href: string;
  at: number | null;
  timeZone: string | null;
}

export interface SearchGroup {
  type: SearchType;
  total: number;
  hits: SearchHit[];
}
