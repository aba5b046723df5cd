"use client";
import { useTranslations } from "next-intl";
import { FormSection, RowList } from "@/components/forms/form-section";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { GIFT_DECLARATION_THRESHOLD, GIFT_DIRECTIONS, GIFT_DISPOSITIONS } from "@/lib/domain";
import { formatMoney, type Locale } from "@/lib/format";
import { fieldId } from "../error-summary";
import { emptyGift, reachesDeclarationThreshold, type GiftRow } from "../form-values";
import { DateField } from "../when-field";
import type { MeetingFormState } from "./use-meeting-form";
import type { usePeopleOptions } from "./use-people-options";

type People = ReturnType<typeof usePeopleOptions>;

/** Gifts given and received at the meeting, with the declaration warning. */
export function GiftsSection({ form, people, locale }: { form: MeetingFormState; people: People; locale: Locale }) {
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  return (
    <FormSection title={tm("gifts")} hint={t("giftsHint")}>
      <datalist id="meeting-currencies">
        {["KRW", "USD", "CNY", "EUR", "JPY"].map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <RowList {...form.rowList("gifts", emptyGift, "add-gift", { legend: (n) => t("giftLegend", { n }), remove: (n) => t("removeGift", { n }), add: t("addGift") })}>
        {(g, i) => <GiftFields form={form} people={people} locale={locale} g={g} i={i} />}
      </RowList>
    </FormSection>
  );
}

function GiftFields({ form, people, locale, g, i }: { form: MeetingFormState; people: People; locale: Locale; g: GiftRow; i: number }) {
  const t = useTranslations("meetings.form");
  const te = useTranslations("enums");
  const { err } = form;
  const base = `gifts.${i}`;
  const patch = (x: Partial<GiftRow>) => form.update({ type: "update", list: "gifts", key: g.key, patch: x });
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("direction")}
          value={g.direction}
          onChange={(e) => patch({ direction: e.target.value as GiftRow["direction"] })}
          options={GIFT_DIRECTIONS.map((d) => ({ value: d, label: te(`giftDirection.${d}`) }))}
          id={fieldId(`${base}.direction`)} errors={err(`${base}.direction`)}
        />
        <Field label={t("item")} required value={g.item} onChange={(e) => patch({ item: e.target.value })} id={fieldId(`${base}.item`)} errors={err(`${base}.item`)} />
        <Field label={t("origin")} value={g.origin} onChange={(e) => patch({ origin: e.target.value })} id={fieldId(`${base}.origin`)} errors={err(`${base}.origin`)} />
        <SelectField
          label={t("from")}
          value={g.from}
          placeholder="—"
          onChange={(e) => patch({ from: e.target.value })}
          options={people.refOptionsFor(g.from)}
          id={fieldId(`${base}.fromPersonId`)} errors={err(`${base}.fromPersonId`, `${base}.fromParticipantIndex`)}
        />
        <SelectField
          label={t("to")}
          value={g.to}
          placeholder="—"
          onChange={(e) => patch({ to: e.target.value })}
          options={people.refOptionsFor(g.to)}
          id={fieldId(`${base}.toPersonId`)} errors={err(`${base}.toPersonId`, `${base}.toParticipantIndex`)}
        />
        <TextareaField label={t("description")} rows={2} className="sm:col-span-2" value={g.description} onChange={(e) => patch({ description: e.target.value })} id={fieldId(`${base}.description`)} errors={err(`${base}.description`)} />
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" checked={g.toBeValued} onChange={(e) => patch({ toBeValued: e.target.checked })} />
        {t("toBeValued")}
      </label>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          label={t("estimatedValue")}
          type="number"
          inputMode="decimal"
          min={0}
          disabled={g.toBeValued}
          value={g.toBeValued ? "" : g.estimatedValue}
          onChange={(e) => patch({ estimatedValue: e.target.value })}
          id={fieldId(`${base}.estimatedValue`)} errors={err(`${base}.estimatedValue`)}
        />
        <Field
          label={t("currency")}
          list="meeting-currencies"
          maxLength={3}
          autoComplete="off"
          disabled={g.toBeValued}
          value={g.toBeValued ? "" : g.currency}
          onChange={(e) => patch({ currency: e.target.value.toUpperCase() })}
          id={fieldId(`${base}.currency`)} errors={err(`${base}.currency`)}
        />
        <DateField label={t("declaredOn")} value={g.declaredOn} onChange={(e) => patch({ declaredOn: e.target.value })} id={fieldId(`${base}.declaredOn`)} errors={err(`${base}.declaredOn`)} />
        <SelectField
          label={t("disposition")}
          value={g.disposition}
          placeholder="—"
          onChange={(e) => patch({ disposition: e.target.value as GiftRow["disposition"] })}
          options={GIFT_DISPOSITIONS.map((d) => ({ value: d, label: te(`disposition.${d}`) }))}
          id={fieldId(`${base}.disposition`)} errors={err(`${base}.disposition`)}
        />
      </div>
      {reachesDeclarationThreshold(g) ? (
        <Alert tone="warning" title={t("declarationTitle")}>
          {t("declarationBody", {
            krw: formatMoney(GIFT_DECLARATION_THRESHOLD.KRW, "KRW", locale),
            usd: formatMoney(GIFT_DECLARATION_THRESHOLD.USD, "USD", locale),
          })}
        </Alert>
      ) : null}
    </>
  );
}
