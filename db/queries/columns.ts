// Column sets that several reads select: one name for one shape, spread into each select.
import type { DatePrecision } from "@/lib/domain";
import { action, gift, partner, person, user } from "../schema";

/** A follow-up as the lists, the partner page and the briefing show it. */
export const actionColumns = {
  id: action.id,
  title: action.title,
  side: action.side,
  status: action.status,
  priority: action.priority,
  dueOn: action.dueOn,
};

/** A follow-up's owner by name; the read left-joins person and user on the owner ids. */
export const actionOwnerColumns = {
  ownerPerson: person.nameEn,
  ownerPersonLocal: person.nameLocal,
  ownerUser: user.name,
};

/** A gift as the registers (a partner's, a briefing's) list it. */
export const giftColumns = {
  id: gift.id,
  direction: gift.direction,
  item: gift.item,
  description: gift.description,
  origin: gift.origin,
  estimatedValue: gift.estimatedValue,
  currency: gift.currency,
};

/** A partner as a lane of the timeline or a column of the partner board: names, standing, since. */
export const partnerLaneColumns = {
  id: partner.id,
  slug: partner.slug,
  nameEn: partner.nameEn,
  nameKo: partner.nameKo,
  status: partner.status,
  sinceDate: partner.sinceDate,
  sincePrecision: partner.sincePrecision,
};

type LaneRow = { id: number; slug: string; nameEn: string; nameKo: string; status: string; sinceDate: string | null; sincePrecision: string | null };

/** A row's `partnerLaneColumns`, with the precision typed: the lane's part of a tile or a lane. */
export function partnerLane(r: LaneRow) {
  const { id, slug, nameEn, nameKo, status, sinceDate } = r;
  return { id, slug, nameEn, nameKo, status, sinceDate, sincePrecision: (r.sincePrecision ?? null) as DatePrecision | null };
}
