"use client";
import { SubmitButton } from "@/components/forms/form-parts";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "../error-summary";
import { DetailsSection } from "./details-section";
import { FollowUpsSection } from "./follow-ups-section";
import { GiftsSection } from "./gifts-section";
import { ParticipantsSection } from "./participants-section";
import type { MeetingFormProps } from "./types";
import { useMeetingForm } from "./use-meeting-form";
import { usePeopleOptions } from "./use-people-options";

/** A meeting with its people, gifts and follow-ups, saved as one record. */
export function MeetingForm(props: MeetingFormProps) {
  const { meetingId } = props;
  const t = useTranslations("meetings.form");
  const summaryRef = useRef<HTMLDivElement>(null);
  const form = useMeetingForm(props, summaryRef);
  const people = usePeopleOptions({ values: form.values, initialPartnerId: props.initial.partnerId, initialPeople: props.initialPeople, knownPeople: props.knownPeople });

  return (
    <form {...form.formProps} data-sticky-actions className="space-y-6" aria-describedby={form.formError ? "form-error" : undefined}>
      <div ref={summaryRef} tabIndex={-1} className="outline-none" id="form-error">
        {form.formError ? (
          <Alert tone="error" title={form.formError}>
            <ErrorSummary errors={form.errors} labelFor={form.summaryLabel} />
          </Alert>
        ) : null}
      </div>
      {form.conflict ? <ConflictNotice changedBy={form.conflict.changedBy} changes={form.conflict.changes} onKeepMine={form.conflict.keepMine} onTakeTheirs={form.conflict.takeTheirs} /> : null}

      <DetailsSection form={form} partners={props.partners} timeZones={props.timeZones} viewerZone={props.viewerZone} locale={props.locale} />
      <ParticipantsSection form={form} people={people} />
      <GiftsSection form={form} people={people} locale={props.locale} />
      <FollowUpsSection form={form} people={people} editing={meetingId !== undefined} existing={props.existingActions} />

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 sm:mx-0 sm:rounded-lg sm:border">
        <SubmitButton pending={form.pending} busy={t("saving")}>
          {meetingId !== undefined ? t("saveChanges") : t("saveMeeting")}
        </SubmitButton>
        <Button variant="ghost" asChild>
          <Link href={meetingId !== undefined ? `/meetings/${meetingId}` : "/meetings"}>{t("cancel")}</Link>
        </Button>
        {form.dirty ? <span className="text-sm text-slate-600">{t("unsavedBadge")}</span> : null}
      </div>
    </form>
  );
}
