"use client";
import { useTranslations } from "next-intl";
import { FormSection } from "@/components/forms/form-section";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { MEETING_KINDS, MEETING_STATUSES } from "@/lib/domain";
import { formatInstantWithZone, zonedTimeToUtc, zoneOffset, type Locale } from "@/lib/format";
import { fieldId } from "../error-summary";
import { WhenField } from "../when-field";
import type { PartnerChoice } from "./types";
import type { MeetingFormState } from "./use-meeting-form";

/** The meeting itself: partner, title, when and where, and what was said. */
export function DetailsSection({ form, partners, timeZones, viewerZone, locale }: { form: MeetingFormState; partners: PartnerChoice[]; timeZones: string[]; viewerZone: string; locale: Locale }) {
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  const te = useTranslations("enums");
  const { values, set, err } = form;

  // "= 16:00 in your zone" as they type.
  // Intl throws on an unknown zone, and a half-typed zone is normal here.
  const tzValid = timeZones.includes(values.timeZone);
  const instant = tzValid ? zonedTimeToUtc(values.date, values.time, values.timeZone) : null;
  const inYourZone = instant
    ? zoneOffset(instant, values.timeZone) === zoneOffset(instant, viewerZone)
      ? t("sameAsYourZone", { zone: viewerZone })
      : t("inYourZone", { time: formatInstantWithZone(instant, viewerZone, locale) })
    : t("inYourZonePending");

  return (
    <FormSection title={t("sectionMeeting")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={tm("partner")}
          required
          value={values.partnerId}
          onChange={(e) => form.onPartnerChange(e.target.value)}
          placeholder={t("choosePartner")}
          options={partners.map((p) => ({ value: String(p.id), label: p.name }))}
          id={fieldId("partnerId")} errors={err("partnerId")}
        />
        <Field label={t("title")} required value={values.title} onChange={(e) => set({ title: e.target.value })} id={fieldId("title")} errors={err("title")} maxLength={300} />
        <SelectField label={tm("kind")} value={values.kind} onChange={(e) => set({ kind: e.target.value })} options={MEETING_KINDS.map((k) => ({ value: k, label: te(`meetingKind.${k}`) }))} id={fieldId("kind")} errors={err("kind")} />
        <SelectField label={tm("status")} value={values.status} onChange={(e) => set({ status: e.target.value })} options={MEETING_STATUSES.map((k) => ({ value: k, label: te(`meetingStatus.${k}`) }))} id={fieldId("status")} errors={err("status")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <WhenField
          id={fieldId("when")}
          label={t("when")}
          hint={t("whenHint")}
          date={values.date}
          time={values.time}
          errors={err("date", "time")}
          onChange={(v) => set(v)}
        />
        <Field
          label={t("timeZone")}
          list="meeting-time-zones"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.timeZone}
          onChange={(e) => form.onTimeZoneChange(e.target.value)}
          hint={t("timeZoneHint")}
          id={fieldId("timeZone")} errors={err("timeZone")}
        />
        <datalist id="meeting-time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="in-your-zone">
        {inYourZone}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t("durationMinutes")} type="number" inputMode="numeric" min={0} value={values.durationMinutes} onChange={(e) => set({ durationMinutes: e.target.value })} id={fieldId("durationMinutes")} errors={err("durationMinutes")} />
        <Field label={t("attendeeCount")} type="number" inputMode="numeric" min={0} value={values.attendeeCount} onChange={(e) => set({ attendeeCount: e.target.value })} id={fieldId("attendeeCount")} errors={err("attendeeCount")} />
        <Field label={tm("venue")} value={values.venue} onChange={(e) => set({ venue: e.target.value })} id={fieldId("venue")} errors={err("venue")} />
        <Field label={t("city")} value={values.city} onChange={(e) => set({ city: e.target.value })} id={fieldId("city")} errors={err("city")} />
      </div>
      <TextareaField label={tm("topics")} rows={2} value={values.topics} onChange={(e) => set({ topics: e.target.value })} id={fieldId("topics")} errors={err("topics")} />
      <TextareaField label={tm("summary")} rows={4} value={values.summary} onChange={(e) => set({ summary: e.target.value })} id={fieldId("summary")} errors={err("summary")} />
      <TextareaField label={tm("outcomes")} rows={3} value={values.outcomes} onChange={(e) => set({ outcomes: e.target.value })} id={fieldId("outcomes")} errors={err("outcomes")} />
      <TextareaField label={tm("notes")} rows={2} value={values.notes} onChange={(e) => set({ notes: e.target.value })} id={fieldId("notes")} errors={err("notes")} />
    </FormSection>
  );
}
