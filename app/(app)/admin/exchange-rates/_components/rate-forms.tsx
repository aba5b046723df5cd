"use client";
import { SubmitButton } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCommand } from "@/components/forms/use-command";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { useFieldErrorText } from "@/components/forms/use-field-errors";
import { lazySchema } from "@/components/forms/lazy-schema";
import { importRates, removeRate, saveRate, type RateInput } from "../commands";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const exchangeRateSchema = lazySchema(() => import("@/lib/validation/exchange-rates").then((m) => m.exchangeRateSchema));

/** The last answer of a rate form: its error, or what it saved. */
function Outcome({ error, ok }: { error: string | null; ok: string | null }) {
  if (error) return <Alert tone="error">{error}</Alert>;
  if (ok) return <Alert tone="success">{ok}</Alert>;
  return null;
}

export function RateForm() {
  const t = useTranslations("rates");
  const [ok, setOk] = useState<string | null>(null);
  const { formProps, err, formError, pending } = useCommandForm({
    command: saveRate,
    schema: exchangeRateSchema,
    message: (e) => (e.code === "validation_failed" ? t("fixFields") : e.message),
    onSaved: (r) => setOk(t("saved", { currency: r.currency, date: r.date })),
    read: (form) => {
      setOk(null);
      return formValues(form) as unknown as RateInput;
    },
  });
  return (
    <form {...formProps} className="space-y-4" aria-label={t("enter")}>
      <Outcome error={formError} ok={ok} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("currency")} name="currency" required autoComplete="off" hint={t("currencyHint")} errors={err("currency")} />
        <Field label={t("date")} name="date" type="date" required errors={err("date")} />
        <Field label={t("rate")} name="rateToKrw" inputMode="decimal" required hint={t("rateHint")} errors={err("rateToKrw")} />
      </div>
      <SubmitButton pending={pending} busy={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}

/** The largest rates file taken; the server refuses a larger text too. */
const MAX_FILE = 1_000_000;

export function ImportRatesForm() {
  const t = useTranslations("rates");
  const fieldText = useFieldErrorText();
  const [ok, setOk] = useState<string | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // A refused file names each bad line (the field errors' paths) with its problem in the reader's language.
  const { attach, formError, pending, submit } = useCommandForm({
    command: importRates,
    message: (e) => (e.fields ? [t("importFailed"), ...Object.entries(fieldText(e.fields)).map(([line, m]) => `${line}: ${m.join(" ")}`)].join(" ") : e.message),
    onSaved: (r) => setOk(t("imported", { n: r.rows })),
  });
  return (
    <form
      ref={attach}
      className="space-y-4"
      noValidate
      aria-label={t("import")}
      onSubmit={(e) => {
        e.preventDefault();
        setOk(null);
        setLocal(null);
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        if (!file || file.size === 0) return setLocal(t("chooseFile"));
        if (file.size > MAX_FILE) return setLocal(t("tooBig"));
        setReading(true);
        void file
          .text()
          .then((text) => submit({ text }))
          .finally(() => setReading(false));
      }}
    >
      <Outcome error={local ?? formError} ok={ok} />
      <Field label={t("file")} name="file" type="file" accept=".csv,text/csv" required hint={t("fileHint")} />
      <Button type="submit" variant="secondary" disabled={pending || reading}>
        {pending || reading ? t("importing") : t("importButton")}
      </Button>
    </form>
  );
}

/** One rate's Remove button; a refusal shows beside it. */
export function RemoveRateForm({ id, label, children }: { id: number; label: string; children: ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  const remove = useCommand(removeRate, { onSuccess: () => setError(null), onFailure: (e) => setError(e.message) });
  return (
    <div>
      <Button type="button" variant="secondary" size="sm" aria-label={label} disabled={remove.pending} onClick={() => remove.trigger(id)}>
        {children}
      </Button>
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
