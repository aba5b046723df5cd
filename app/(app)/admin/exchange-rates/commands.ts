"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { deleteExchangeRate, importExchangeRates, saveExchangeRate } from "@/db/queries/exchange-rates";
import { runCommand } from "@/server/auth/command";
import { argId } from "@/lib/validation/common";
import type { CommandResult } from "@/lib/types/command";

/** The rate form's input; the query checks it (currency code, day, a positive rate). */
export interface RateInput {
  currency: string;
  date: string;
  rateToKrw: string;
}

/** Saves one day's rate; field errors are message keys, worded in the browser. */
export async function saveRate(input: RateInput) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    // Fuzzed or forged calls may send anything; the query refuses what is not a rate.
    const { currency, date, rateToKrw } = (input ?? {}) as Partial<RateInput>;
    const saved = await saveExchangeRate(db, actor, { currency, date, rateToKrw });
    return { currency: saved.currency, date: saved.date };
  });
  if (res.ok) revalidatePath("/admin/exchange-rates");
  return res;
}

/** The largest rates file taken (the browser checks it first). */
const MAX_TEXT = 1_000_000;

/**
 * Imports a CSV of rates, read as text in the browser. A refused file names its lines in the
 * field errors (one per line, as message keys), so the form can say where to look.
 */
export async function importRates(input: { text: string }) {
  const t = await getTranslations("rates");
  const text = (input as { text?: unknown } | null)?.text;
  if (typeof text !== "string" || !text.trim()) return refused(t("chooseFile"));
  if (text.length > MAX_TEXT) return refused(t("tooBig"));
  const res = await runCommand("admin", async ({ db, actor }) => {
    const r = await importExchangeRates(db, actor, text);
    return { rows: r.rows };
  });
  if (res.ok) revalidatePath("/admin/exchange-rates");
  return res;
}

function refused(message: string): CommandResult<{ rows: number }> {
  return { ok: false, error: { code: "validation_failed", message } };
}

/** Removes one rate; the revalidation redraws the table the button sits in. */
export async function removeRate(id: number) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    await deleteExchangeRate(db, actor, argId(id));
  });
  if (res.ok) revalidatePath("/admin/exchange-rates");
  return res;
}
