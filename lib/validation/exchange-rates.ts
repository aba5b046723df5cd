import { z } from "zod";
import { isoDate, keyed } from "./common";

export const currencyCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{3}$/, keyed("currencyCode")),
);

/** One rate: 1 unit of `currency` was worth `rateToKrw` won on `date`. */
export const exchangeRateSchema = z.object({
  currency: currencyCode.refine((c) => c !== "KRW", keyed("baseCurrency")),
  date: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), isoDate),
  rateToKrw: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replaceAll(",", "") : v),
    z.coerce.number(keyed("rateNumber")).positive(keyed("positive")).max(1e9),
  ),
});
export type ExchangeRateInput = z.output<typeof exchangeRateSchema>;
