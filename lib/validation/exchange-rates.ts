import { z } from "zod";
import { isoDate } from "./common";

export const currencyCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{3}$/, { message: "A three-letter currency code, such as KRW." }),
);

/** One rate: 1 unit of `currency` was worth `rateToKrw` won on `date`. */
export const exchangeRateSchema = z.object({
  currency: currencyCode.refine((c) => c !== "KRW", { message: "KRW is the base currency; it needs no rate." }),
  date: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), isoDate),
  rateToKrw: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replaceAll(",", "") : v),
    z.coerce.number({ message: "A number, such as 1391.5." }).positive({ message: "Must be more than zero." }).max(1e9),
  ),
});
export type ExchangeRateInput = z.output<typeof exchangeRateSchema>;
