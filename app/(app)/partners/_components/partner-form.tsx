"use client";
import { SubmitButton } from "@/components/forms/form-parts";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useRecordForm } from "@/components/forms/use-record-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import type { PartnerBasics } from "@/lib/types/lists";
import { DATE_PRECISIONS, PARTNER_KINDS, PARTNER_STATUSES, RELATIONSHIP_LEVELS } from "@/lib/domain";
import { lazySchema } from "@/components/forms/lazy-schema";
import { useSavePartner } from "../queries";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const createPartnerSchema = lazySchema(() => import("@/lib/validation/partners").then((m) => m.createPartnerSchema));
const updatePartnerSchema = lazySchema(() => import("@/lib/validation/partners").then((m) => m.updatePartnerSchema));

export interface PartnerFormValues extends PartnerBasics {
  version: number;
  since: string;
  sincePrecision: string | null;
  timeZone: string;
  summary: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function PartnerForm({ partner }: { partner?: PartnerFormValues }) {
  const t = useTranslations("partners");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const router = useRouter();
  const toast = useToast();
  const save = useSavePartner();
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const f = useRecordForm({
    schema: partner ? updatePartnerSchema : createPartnerSchema,
    save: (v) => save.mutateAsync({ id: partner?.id ?? null, input: v }),
    onSaved: (d) => {
      toast({ message: t("form.saved"), link: { href: `/partners/${d.slug}`, label: t("form.open") } });
      router.push(`/partners/${d.slug}`);
    },
  });
  const e = f.errors;
  const opts = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: te(`${ns}.${v}`) }));
  return (
    <form {...f.formProps} className="space-y-6" aria-describedby={f.formError ? "partner-form-error" : undefined}>
      {f.formError ? (
        <div id="partner-form-error" tabIndex={-1}>
          <Alert tone="error">{f.formError}</Alert>
        </div>
      ) : null}
      {partner ? <input type="hidden" name="version" value={partner.version} /> : null}
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("names")}</legend>
        <Field label={t("nameEn")} name="nameEn" defaultValue={partner?.nameEn} errors={e.nameEn} required lang="en" />
        <Field label={t("nameKo")} name="nameKo" defaultValue={partner?.nameKo} errors={e.nameKo} required lang="ko" />
        <Field label={t("nameLocal")} name="nameLocal" defaultValue={partner?.nameLocal ?? ""} errors={e.nameLocal} hint={t("form.nameLocalHint")} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("form.slug")} name="slug" defaultValue={partner?.slug} errors={e.slug} hint={t("form.slugHint")} required autoCapitalize="none" />
        <Field label={t("country")} name="country" defaultValue={partner?.country} errors={e.country} hint={t("form.countryHint")} required maxLength={2} autoCapitalize="characters" />
        <Field label={t("timeZone")} name="timeZone" defaultValue={partner?.timeZone ?? ""} errors={e.timeZone} hint={t("form.timeZoneHint")} list="bh-time-zones" />
        <datalist id="bh-time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={t("kind")} name="kind" defaultValue={partner?.kind ?? "province"} errors={e.kind} options={opts(PARTNER_KINDS, "partnerKind")} />
        <SelectField label={t("level")} name="level" defaultValue={partner?.level ?? "exploring"} errors={e.level} options={opts(RELATIONSHIP_LEVELS, "level")} />
        <SelectField label={t("status")} name="status" defaultValue={partner?.status ?? "exploring"} errors={e.status} options={opts(PARTNER_STATUSES, "partnerStatus")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("since")} name="since" defaultValue={partner?.since ?? ""} errors={e.since} hint={t("form.sinceHint")} inputMode="numeric" />
        <SelectField
          label={t("form.precision")}
          name="sincePrecision"
          defaultValue={partner?.sincePrecision ?? ""}
          errors={e.sincePrecision}
          placeholder={t("form.precisionAuto")}
          options={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`form.precisionValue.${p}`) }))}
        />
      </div>
      <TextareaField label={t("summary")} name="summary" defaultValue={partner?.summary ?? ""} errors={e.summary} rows={5} />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("form.coordinates")}</legend>
        <Field label={t("form.latitude")} name="latitude" defaultValue={partner?.latitude ?? ""} errors={e.latitude} inputMode="decimal" />
        <Field label={t("form.longitude")} name="longitude" defaultValue={partner?.longitude ?? ""} errors={e.longitude} inputMode="decimal" />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={f.pending} busy={t("form.saving")}>
          {tc("save")}
        </SubmitButton>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
