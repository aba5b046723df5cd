// Protocol offices keep a gift register so that no counterpart receives the same gift twice. A
// planned gift is compared with what the register says was already given to the same person
// (or, when the planned gift names no one, to anyone of the visit's partners).

export interface PlannedGiftLike {
  item: string;
  toPersonId: number | null | undefined;
}

export interface RegisterGift {
  id: number;
  item: string;
  toPersonId: number | null;
  partnerId: number;
  meetingTitle: string;
  startsAt: Date;
  timeZone: string;
}

/** Lower case, letters and digits only (any script), so "Moon Jar" and 'moon-jar' meet. */
export function giftKey(item: string): string {
  return item.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function same(a: string, b: string): boolean {
  const x = new Set(giftKey(a).split(" ").filter(Boolean));
  const y = new Set(giftKey(b).split(" ").filter(Boolean));
  if (!x.size || !y.size) return false;
  // Every word of one naming is in the other: "Moon jar (white porcelain)" repeats 'White porcelain "Moon Jar"'.
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return [...small].every((w) => large.has(w));
}

/** For each planned gift (by index), the register's gifts it would repeat. */
export function repeatedGifts(planned: PlannedGiftLike[], register: RegisterGift[]): Map<number, RegisterGift[]> {
  const out = new Map<number, RegisterGift[]>();
  planned.forEach((p, i) => {
    const hits = register.filter((g) => (p.toPersonId ? g.toPersonId === p.toPersonId : true) && same(p.item, g.item));
    if (hits.length) out.set(i, hits);
  });
  return out;
}
