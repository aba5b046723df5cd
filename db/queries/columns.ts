// Column sets that several reads select: one name for one shape, spread into each select.
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
