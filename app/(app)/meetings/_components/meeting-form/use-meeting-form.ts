"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useReducer, useRef, useState, useTransition, type RefObject } from "react";
import type { ConflictChange } from "@/components/forms/conflict-notice";
import { useFieldErrorText } from "@/components/forms/use-field-errors";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { useToast } from "@/components/ui/toast";
import { clientFieldErrors, type FieldErrors } from "@/lib/validation/error-keys";
import { createMeetingSchema, updateMeetingSchema } from "@/lib/validation/meetings";
import { useSaveMeeting } from "../../queries";
import { formPath, MEETING_FIELD_NAMES, toPayload, type MeetingFields, type MeetingFormValues } from "../form-values";
import { fieldsFromMeeting, type StoredMeeting } from "./fields-from-meeting";
import { useMeetingLabels } from "./labels";
import { rowsReducer, type RowList, type RowsAction } from "./rows";
import type { MeetingFormProps } from "./types";

/**
 * The meeting form's life: its values and their rows, dirty state, checking, saving, and a conflict
 * with another save. `summaryRef` is the error summary that takes the focus when a save fails.
 */
export function useMeetingForm(props: MeetingFormProps, summaryRef: RefObject<HTMLDivElement | null>) {
  const { meetingId } = props;
  const t = useTranslations("meetings.form");
  const terr = useTranslations("meetings.errors");
  const tf = useTranslations("forms");
  const router = useRouter();
  const toast = useToast();
  const save = useSaveMeeting();
  const translate = useFieldErrorText();
  const labels = useMeetingLabels(props.partners);
  const [values, dispatch] = useReducer(rowsReducer, props.initial);
  const [baseline, setBaseline] = useState<MeetingFormValues>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ changedBy: string | null; current: MeetingFields; version: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const [tzTouched, setTzTouched] = useState(meetingId !== undefined);
  const focusNext = useRef<string | null>(null);

  const dirty = !saved && JSON.stringify(values) !== JSON.stringify(baseline);
  useUnsavedChanges(dirty, tf("unsaved"));

  // Focus the first field of a row that was just added (keyboard users stay where they work).
  useEffect(() => {
    if (!focusNext.current) return;
    const el = document.querySelector<HTMLElement>(`[data-row="${focusNext.current}"] :is(select, textarea, input)`);
    el?.focus();
    focusNext.current = null;
  });

  const set = (patch: Partial<MeetingFields>) => dispatch({ type: "set", patch });
  const update = (a: Extract<RowsAction, { type: "update" }>) => dispatch(a);
  const add = (a: Extract<RowsAction, { type: "add" }>) => {
    focusNext.current = a.row.key;
    dispatch(a);
  };
  const remove = (list: RowList, key: string, addButtonId: string) => {
    dispatch({ type: "remove", list, key });
    setErrors({});
    document.getElementById(addButtonId)?.focus();
  };
  const err = (...paths: string[]) => {
    const out = paths.flatMap((p) => errors[p] ?? []);
    return out.length ? out : undefined;
  };

  const onPartnerChange = (id: string) => {
    const p = props.partners.find((x) => String(x.id) === id);
    set({ partnerId: id, ...(!tzTouched && p ? { timeZone: p.timeZone } : {}) });
  };
  const onTimeZoneChange = (timeZone: string) => {
    setTzTouched(true);
    set({ timeZone });
  };

  const showErrors = (fields: FieldErrors) => {
    // The payload leaves blank rows out: its row numbers are mapped back to the form's.
    const own = Object.fromEntries(Object.entries(fields).map(([path, m]) => [formPath(path, values), m]));
    setErrors(translate(own));
    setFormError(t("fixErrors"));
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = (overrideVersion?: number) => {
    const v = overrideVersion ?? version;
    const payload = toPayload(values, meetingId !== undefined ? v : undefined);
    // The same schema the server parses with: the client refuses exactly what the server would.
    const local = clientFieldErrors(meetingId !== undefined ? updateMeetingSchema : createMeetingSchema, payload);
    if (local) return showErrors(local);
    setErrors({});
    setFormError(null);
    startTransition(async () => {
      const r = await save.mutateAsync({ payload, id: meetingId });
      if (r.ok) {
        setConflict(null);
        setSaved(true);
        toast({
          message: meetingId !== undefined ? t("savedChanges", { title: values.title.trim() }) : t("savedNew", { title: values.title.trim() }),
          tone: "success",
          link: { href: `/meetings/${r.data.id}`, label: t("openMeeting") },
        });
        router.push(`/meetings/${r.data.id}`);
        return;
      }
      const current = r.error.code === "conflict" ? (r.error.details?.current as (StoredMeeting & { version: unknown }) | undefined) : undefined;
      if (current) {
        setConflict({ changedBy: (r.error.details?.changedBy as string | null) ?? null, version: Number(current.version), current: fieldsFromMeeting(current) });
        return;
      }
      if (r.error.fields) return showErrors(r.error.fields);
      setFormError(r.error.code === "forbidden" ? terr("forbidden") : r.error.code === "unauthorized" ? terr("signedOut") : r.error.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  };

  const conflictChanges: ConflictChange[] = conflict
    ? MEETING_FIELD_NAMES.filter((f) => conflict.current[f] !== baseline[f]).map((f) => ({ field: f, label: labels.fieldLabel(f), theirs: labels.displayValue(f, conflict.current[f]) }))
    : [];
  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    setBaseline((b) => ({ ...b, ...conflict.current }));
    setConflict(null);
    submit(conflict.version);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    // Only the fields they changed: the user's other typing stays.
    set(Object.fromEntries(conflictChanges.map((c) => [c.field, conflict.current[c.field as keyof MeetingFields]])));
    setBaseline((b) => ({ ...b, ...conflict.current }));
    setVersion(conflict.version);
    setConflict(null);
  };

  return {
    values,
    set,
    update,
    add,
    remove,
    err,
    errors,
    formError,
    pending,
    dirty,
    summaryLabel: labels.summaryLabel,
    onPartnerChange,
    onTimeZoneChange,
    submit,
    conflict: conflict ? { changedBy: conflict.changedBy, changes: conflictChanges, keepMine, takeTheirs } : null,
  };
}

export type MeetingFormState = ReturnType<typeof useMeetingForm>;
