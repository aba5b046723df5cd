/**
 * Exchange rates and the gift-declaration rule.
 *
 * `giftDeclarationStatus(db, gift)` is THE rule, for every screen, export and reminder (a streaming
 * export calls `declarationStatus(gift, rateLookup(conn))`, the same rule with the same query):
 *
 *   giftDeclarationStatus(db: Db, gift: DeclarableGift): Promise<GiftDeclaration>
 *
 *   DeclarableGift  = { direction: "given" | "received" | string; estimatedValue: number | null;
 *                       currency: string | null; onDate: "YYYY-MM-DD" (the meeting's local date) }
 *   GiftDeclaration = { status, valueKrw, rate, thresholdKrw } where status is
 *     "not_received" — a gift we gave: nothing to declare;
 *     "unvalued"     — no value yet ("to be valued"): cannot say, value it first;
 *     "no_rate"      — valued in a currency with no rate on or before onDate: cannot say, enter a rate;
 *     "below"        — under the threshold;
 *     "declare"      — at or above US$100 or KRW 100,000 (Public Service Ethics Act): declare it.
 *   valueKrw is the value in KRW (null when unknown); rate is the rate used (null for KRW and USD
 *   valued directly, or when none was found).
 *
 * KRW values are compared with KRW 100,000 and USD values with US$100 as they are; any other
 * currency is converted at the latest rate on or before the gift's date (never a later one, never
 * a guess) and compared with KRW 100,000, or with US$100 through that day's USD rate if that is lower.
 */
import type Database from "better-sqlite3";
import { and, desc, eq, isNull } from "drizzle-orm";
import Papa from "papaparse";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Db } from "../client";
import { exchangeRate, gift, meeting, type ExchangeRate } from "../schema";
import { GIFT_DECLARATION_THRESHOLD } from "@/lib/domain";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { utcToZonedParts } from "@/lib/format";
import { fieldErrors, messageKey, parseInput } from "@/lib/validation/common";
import { exchangeRateSchema } from "@/lib/validation/exchange-rates";
import { inTransaction, one } from "../tx";

export interface DeclarableGift {
  direction: string;
  estimatedValue: number | null;
  currency: string | null;
  /** The gift's date, "YYYY-MM-DD": the meeting's date in its own zone. */
  onDate: string;
}

export type DeclarationStatus = "not_received" | "unvalued" | "no_rate" | "below" | "declare";

export interface GiftDeclaration {
  status: DeclarationStatus;
  valueKrw: number | null;
  rate: { currency: string; date: string; rateToKrw: number } | null;
  thresholdKrw: number;
}

type Rate = NonNullable<GiftDeclaration["rate"]>;
/** The latest rate of a currency on or before a day, or null. */
export type RateLookup = (currency: string, onDate: string) => Rate | null;

/**
 * A rate lookup on a connection, synchronous so that a streaming export can call it per row on
 * its own reader connection.
 */
export function rateLookup(conn: Database.Database): RateLookup {
  const stmt = conn.prepare<[string, string], Rate>(
    "select currency, date, rate_to_krw as rateToKrw from exchange_rate where currency = ? and date <= ? order by date desc limit 1",
  );
  return (currency, onDate) => stmt.get(currency, onDate) ?? null;
}

/** The rule itself, given a rate lookup: see the top of this file. */
export function declarationStatus(gift: DeclarableGift, rateOn: RateLookup): GiftDeclaration {
  const thresholdKrw = GIFT_DECLARATION_THRESHOLD.KRW;
  const out = (status: DeclarationStatus, valueKrw: number | null = null, rate: Rate | null = null) => ({ status, valueKrw, rate, thresholdKrw });
  if (gift.direction !== "received") return out("not_received");
  if (gift.estimatedValue === null || !gift.currency) return out("unvalued");
  const value = gift.estimatedValue;
  const currency = gift.currency.toUpperCase();
  if (currency === "KRW") return out(value >= thresholdKrw ? "declare" : "below", value);
  const usd = rateOn("USD", gift.onDate);
  if (currency === "USD") return out(value >= GIFT_DECLARATION_THRESHOLD.USD ? "declare" : "below", usd ? value * usd.rateToKrw : null, usd);
  const rate = rateOn(currency, gift.onDate);
  if (!rate) return out("no_rate");
  const valueKrw = value * rate.rateToKrw;
  const limit = usd ? Math.min(thresholdKrw, GIFT_DECLARATION_THRESHOLD.USD * usd.rateToKrw) : thresholdKrw;
  return out(valueKrw >= limit ? "declare" : "below", valueKrw, rate);
}

/**
 * A rate lookup over every rate, read once: the table holds what administrators typed in (a few
 * per currency and year), so a pass over thousands of gifts judges them without a query each.
 */
export async function loadRateLookup(db: Db): Promise<RateLookup> {
  const rows = await db
    .select({ currency: exchangeRate.currency, date: exchangeRate.date, rateToKrw: exchangeRate.rateToKrw })
    .from(exchangeRate)
    .orderBy(exchangeRate.currency, desc(exchangeRate.date));
  const byCurrency = new Map<string, Rate[]>();
  for (const r of rows) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push(r);
    byCurrency.set(r.currency, list);
  }
  // Newest first: the first rate dated on or before the day.
  return (currency, onDate) => byCurrency.get(currency)?.find((r) => r.date <= onDate) ?? null;
}

export async function giftDeclarationStatus(db: Db, gift: DeclarableGift): Promise<GiftDeclaration> {
  return declarationStatus(gift, await loadRateLookup(db));
}

/** The same rule for many gifts at once (the scheduler's pass): the rates read once for all. */
export async function giftDeclarationRule(db: Db): Promise<(gift: DeclarableGift) => GiftDeclaration> {
  const lookup = await loadRateLookup(db);
  return (gift) => declarationStatus(gift, lookup);
}

/** Received gifts not yet declared: how many must be, and how many cannot be judged for want of a rate. */
export async function undeclaredGiftCounts(db: Db): Promise<{ declare: number; noRate: number }> {
  const rows = await db
    .select({ direction: gift.direction, estimatedValue: gift.estimatedValue, currency: gift.currency, startsAt: meeting.startsAt, timeZone: meeting.timeZone })
    .from(gift)
    .innerJoin(meeting, eq(meeting.id, gift.meetingId))
    .where(and(eq(gift.direction, "received"), isNull(gift.declaredOn), isNull(gift.archivedAt), isNull(meeting.archivedAt)));
  const lookup = await loadRateLookup(db);
  const counts = { declare: 0, noRate: 0 };
  for (const r of rows) {
    const { status } = declarationStatus({ ...r, onDate: utcToZonedParts(r.startsAt, r.timeZone).date }, lookup);
    if (status === "declare") counts.declare++;
    if (status === "no_rate") counts.noRate++;
  }
  return counts;
}

export async function listExchangeRates(db: Db): Promise<ExchangeRate[]> {
  return await db.select().from(exchangeRate).orderBy(exchangeRate.currency, desc(exchangeRate.date));
}

/** Enters a rate; the same currency and day again replaces the rate. */
export async function saveExchangeRate(db: Db, actor: Actor, input: unknown) {
  const v = parseInput(exchangeRateSchema, input);
  return await inTransaction(db, async (tx) => {
    const row = await one(tx
      .insert(exchangeRate)
      .values(v)
      .onConflictDoUpdate({ target: [exchangeRate.currency, exchangeRate.date], set: { rateToKrw: v.rateToKrw, updatedAt: new Date() } })
      .returning());
    await writeAudit(tx, actor, { event: "update", recordType: "exchange_rate", recordId: row.id, after: row });
    return row;
  });
}

export async function deleteExchangeRate(db: Db, actor: Actor, id: number) {
  return await inTransaction(db, async (tx) => {
    const row = (await tx.delete(exchangeRate).where(eq(exchangeRate.id, id)).returning())[0];
    // A rate that is not there (removed meanwhile, or an id that never was) is refused, not "removed".
    if (!row) throw new NotFoundError("Exchange rate", id);
    await writeAudit(tx, actor, { event: "delete", recordType: "exchange_rate", recordId: id, before: row });
    return row;
  });
}

export const MAX_RATE_ROWS = 5000;

/**
 * Imports a CSV of rates with the header `currency,date,rate` (`rate_to_krw` also accepted; `,` or
 * `;` between fields): every row or none. A bad row is named by its line.
 */
export async function importExchangeRates(db: Db, actor: Actor, csv: string): Promise<{ rows: number }> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  if (!headers.includes("currency") || !headers.includes("date") || !(headers.includes("rate") || headers.includes("rate_to_krw")))
    throw new ValidationError({ file: [messageKey("rateColumns")] });
  if (parsed.data.length === 0) throw new ValidationError({ file: [messageKey("noRows")] });
  if (parsed.data.length > MAX_RATE_ROWS) throw new ValidationError({ file: [messageKey("tooManyRows", { max: MAX_RATE_ROWS })] });
  const rows = parsed.data.map((r, i) => {
    const res = exchangeRateSchema.safeParse({ currency: r.currency, date: r.date, rateToKrw: r.rate ?? r.rate_to_krw });
    if (!res.success)
      throw new ValidationError(Object.fromEntries(Object.entries(fieldErrors(res.error)).map(([k, m]) => [`line ${i + 2}: ${k}`, m])));
    return res.data;
  });
  await inTransaction(db, async (tx) => {
    for (const v of rows)
      await tx.insert(exchangeRate)
        .values(v)
        .onConflictDoUpdate({ target: [exchangeRate.currency, exchangeRate.date], set: { rateToKrw: v.rateToKrw, updatedAt: new Date() } });
    await writeAudit(tx, actor, { event: "update", recordType: "exchange_rate", recordId: null, after: { imported: rows.length, currencies: [...new Set(rows.map((r) => r.currency))] } });
  });
  return { rows: rows.length };
}
