"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCommand } from "@/components/forms/use-command";
import { importRates, removeRate, saveRate, type RateState } from "../commands";

function Outcome({ state }: { state: RateState }) {
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.ok) return <Alert tone="success">{state.ok}</Alert>;
  return null;
}

export function RateForm() {
  const t = useTranslations("rates");
  const [state, action, pending] = useActionState<RateState, FormData>(saveRate, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label={t("enter")}>
      <Outcome state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("currency")} name="currency" required autoComplete="off" hint={t("currencyHint")} defaultValue={state.values?.currency} errors={state.fields?.currency} />
        <Field label={t("date")} name="date" type="date" required defaultValue={state.values?.date} errors={state.fields?.date} />
        <Field label={t("rate")} name="rateToKrw" inputMode="decimal" required hint={t("rateHint")} defaultValue={state.values?.rateToKrw} errors={state.fields?.rateToKrw} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

export function ImportRatesForm() {
  const t = useTranslations("rates");
  const [state, action, pending] = useActionState<RateState, FormData>(importRates, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label={t("import")}>
      <Outcome state={state} />
      <Field label={t("file")} name="file" type="file" accept=".csv,text/csv" required hint={t("fileHint")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("importing") : t("importButton")}
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
