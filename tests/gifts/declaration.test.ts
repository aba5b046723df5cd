import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { giftDeclarationStatus, importExchangeRates, listExchangeRates, saveExchangeRate, undeclaredGiftCounts } from "@/db/queries/exchange-rates";
import Papa from "papaparse";
import { createGift } from "@/db/queries/gifts";
import { parseExportParams, runExport } from "@/server/export/reports";
import { EDITOR, seededDb, testDb } from "../helpers/db";

// The declaration rule on a real database: KRW 100,000 or US$100, any other currency at the rate
// of the gift's day (the latest on or before it), and "no rate" rather than a guess.

let db: Db;
const received = (estimatedValue: number | null, currency: string | null, onDate = "2019-11-27") => ({ direction: "received", estimatedValue, currency, onDate });

beforeEach(async () => {
  db = await testDb();
  await importExchangeRates(db, EDITOR, "currency,date,rate\nUSD,2019-11-01,1170\nCNY,2019-11-01,166.5\nCNY,2019-12-01,170\nJPY,2019-11-27,10.8\n");
});

describe("[GIFTS] declaration threshold", () => {
  it("flags KRW and USD values at or above the threshold as they are", async () => {
    expect((await giftDeclarationStatus(db, received(100_000, "KRW"))).status).toBe("declare");
    expect((await giftDeclarationStatus(db, received(99_999, "KRW"))).status).toBe("below");
    const usd = await giftDeclarationStatus(db, received(1234.56, "USD"));
    expect(usd).toMatchObject({ status: "declare", valueKrw: 1234.56 * 1170 });
    expect((await giftDeclarationStatus(db, received(99.99, "usd"))).status).toBe("below");
  });

  it("converts other currencies at the latest rate on or before the gift's day", async () => {
    // CNY 600 × 166.5 = KRW 99,900: under KRW 100,000 (US$100 was KRW 117,000 that day).
    const cny = await giftDeclarationStatus(db, received(600, "CNY"));
    expect(cny).toMatchObject({ status: "below", valueKrw: 99_900, rate: { date: "2019-11-01", rateToKrw: 166.5 } });
    expect((await giftDeclarationStatus(db, received(601, "CNY"))).status).toBe("declare");
    // On 2 December the December rate applies.
    expect((await giftDeclarationStatus(db, received(600, "CNY", "2019-12-02"))).rate).toMatchObject({ date: "2019-12-01", rateToKrw: 170 });
  });

  it("says so when there is no rate or no value, and ignores gifts we gave", async () => {
    expect((await giftDeclarationStatus(db, received(600, "CNY", "2019-10-31"))).status).toBe("no_rate");
    expect((await giftDeclarationStatus(db, received(50, "EUR"))).status).toBe("no_rate");
    expect((await giftDeclarationStatus(db, received(null, null))).status).toBe("unvalued");
    expect((await giftDeclarationStatus(db, { ...received(1e6, "KRW"), direction: "given" })).status).toBe("not_received");
  });

  it("imports all rows or none, naming the bad line; entering a rate again replaces it", async () => {
    await expect(importExchangeRates(db, EDITOR, "currency,date,rate\nEUR,2019-11-01,1290\nEUR,2019-13-01,1300\n")).rejects.toMatchObject({
      fields: { "line 3: date": expect.any(Array) as unknown },
    });
    await expect(importExchangeRates(db, EDITOR, "code;day;value\nEUR;2019-11-01;1290\n")).rejects.toThrow();
    expect((await listExchangeRates(db)).some((r) => r.currency === "EUR")).toBe(false);
    await importExchangeRates(db, EDITOR, "\uFEFFCurrency;Date;Rate\nEUR;2019-11-01;1,290.5\n");
    await saveExchangeRate(db, EDITOR, { currency: "eur", date: "2019-11-01", rateToKrw: "1300" });
    expect((await listExchangeRates(db)).filter((r) => r.currency === "EUR").map((r) => r.rateToKrw)).toEqual([1300]);
    await expect(saveExchangeRate(db, EDITOR, { currency: "KRW", date: "2019-11-01", rateToKrw: 1 })).rejects.toThrow();
    await expect(saveExchangeRate(db, EDITOR, { currency: "EUR", date: "2019-11-01", rateToKrw: -3 })).rejects.toThrow();
  });
});

describe("[GIFTS] the gifts register flags what must be declared", () => {
  it("writes the KRW value and the verdict per gift in the CSV, in both languages", async () => {
    const sdb = await seededDb();
    await importExchangeRates(sdb, EDITOR, "currency,date,rate\nUSD,2019-11-01,1170\n");
    await createGift(sdb, EDITOR, { meetingId: 1, direction: "received", item: "Lacquer box", estimatedValue: 1234.56, currency: "USD" });
    await createGift(sdb, EDITOR, { meetingId: 1, direction: "received", item: "Silk scarf", estimatedValue: 300, currency: "CNY" });
    const csv = async (lang: string) => {
      const out = await runExport(sdb, EDITOR, "gifts", parseExportParams("gifts", new URLSearchParams(`format=csv&lang=${lang}`)));
      return Papa.parse<Record<string, string>>((await new Response(out.body).text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    };
    const en = await csv("en");
    expect(en.find((r) => r.Item === "Lacquer box")).toMatchObject({ "Value (KRW)": "1444435", Declaration: "Declare (at or above threshold)" });
    expect(en.find((r) => r.Item === "Silk scarf")).toMatchObject({ "Value (KRW)": "", Declaration: "No exchange rate for that day" });
    expect(await undeclaredGiftCounts(sdb)).toEqual({ declare: 1, noRate: 1 });
    const ko = await csv("ko");
    expect(ko.some((r) => r["신고"] === "신고 대상(기준 이상)")).toBe(true);
  });
});
