"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { deleteExchangeRate, importExchangeRates, saveExchangeRate } from "@/db/queries/exchange-rates";
import { runCommand } from "@/server/auth/command";
import { formText } from "@/lib/form-data";
import { argId } from "@/lib/validation/common";
import { localFieldErrors } from "@/lib/validation/local-errors";

export interface RateState {
  ok?: string;
  error?: string;
  fields?: Record<string, string[]>;
  values?: { currency: string; date: string; rateToKrw: string };
}

export async function saveRate(_prev: RateState, form: FormData): Promise<RateState> {
  const t = await getTranslations("rates");
  const values = { currency: formText(form, "currency") ?? "", date: formText(form, "date") ?? "", rateToKrw: formText(form, "rateToKrw") ?? "" };
  const res = await runCommand("admin", ({ db, actor }) => saveExchangeRate(db, actor, values));
  if (!res.ok) return { error: res.error.code === "validation_failed" ? t("fixFields") : res.error.message, fields: await localFieldErrors(res.error.fields), values };
  revalidatePath("/admin/exchange-rates");
  return { ok: t("saved", { currency: res.data.currency, date: res.data.date }) };
}

/** The CSV's lines are named in the message, so a bad file says where to look. */
export async function importRates(_prev: RateState, form: FormData): Promise<RateState> {
  const t = await getTranslations("rates");
  // A forged call can send anything in place of the form.
  const file = form instanceof FormData ? form.get("file") : null;
  if (!(file instanceof File) || file.size === 0) return { error: t("chooseFile") };
  if (file.size > 1_000_000) return { error: t("tooBig") };
  const text = await file.text();
  const res = await runCommand("admin", ({ db, actor }) => importExchangeRates(db, actor, text));
  if (!res.ok) {
    const lines = Object.entries((await localFieldErrors(res.error.fields)) ?? {}).map(([k, m]) => `${k}: ${m.join(" ")}`);
    return { error: [t("importFailed"), ...lines].join(" ") };
  }
  revalidatePath("/admin/exchange-rates");
  return { ok: t("imported", { n: res.data.rows }) };
}

/** Removes one rate; the revalidation redraws the table the button sits in. */
export async function removeRate(id: number) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    await deleteExchangeRate(db, actor, argId(id));
  });
  if (res.ok) revalidatePath("/admin/exchange-rates");
  return res;
}
