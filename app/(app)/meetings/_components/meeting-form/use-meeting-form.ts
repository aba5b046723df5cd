"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useReducer, useState, type RefObject } from "react";
import type { ConflictChange } from "@/components/forms/conflict-notice";
import { useCommandForm } from "@/components/forms/use-command-form";
import { useToast } from "@/components/ui/toast";
import { lazySchema } from "@/components/forms/lazy-schema";
import { useSaveMeeting } from "../../queries";
import { formPath, MEETING_FIELD_NAMES, toPayload, type MeetingFields, type MeetingFormValues } from "../form-values";
import { fieldsFromMeeting, type StoredMeeting } from "./fields-from-meeting";
import { useMeetingLabels } from "./labels";
import { rowsReducer, type RowList, type RowsAction } from "./rows";
import type { MeetingFormProps } from "./types";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const createMeetingSchema = lazySchema(() => import("@/lib/validation/meetings").then((m) => m.createMeetingSchema));
const updateMeetingSchema = lazySchema(() => import("@/lib/validation/meetings").then((m) => m.updateMeetingSchema));

/**
 * The meeting form's life: its values and their rows, dirty state, checking, saving, and a conflict
 * with another save. `summaryRef` is the error summary that takes the focus when a save fails.
 */
export function useMeetingForm(props: MeetingFormProps, summaryRef: RefObject<HTMLDivElement | null>) {
  const { meetingId } = props;
  const editing = meetingId !== undefined;
  const t = useTranslations("meetings.form");
  const terr = useTranslations("meetings.errors");
  const tf = useTranslations("forms");
  const router = useRouter();
  const toast = useToast();
  const save = useSaveMeeting();
  const labels = useMeetingLabels(props.partners);
  const [values, dispatch] = useReducer(rowsReducer, props.initial);
  const [baseline, setBaseline] = useState<MeetingFormValues>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [conflict, setConflict] = useState<{ changedBy: string | null; current: MeetingFields; version: number } | null>(null);
  const [tzTouched, setTzTouched] = useState(editing);
  const dirty = JSON.stringify(values) !== JSON.stringify(baseline);

  const form = useCommandForm({
    command: (payload: Record<string, unknown>) => save.mutateAsync({ payload, id: meetingId }),
    // The same schema the server parses with: the client refuses exactly what the server would.
    schema: editing ? updateMeetingSchema : createMeetingSchema,
    // The payload leaves blank rows out: its row numbers are mapped back to the form's.
    path: (p) => formPath(p, values),
    message: (e) => (e.fields ? t("fixErrors") : e.code === "forbidden" ? terr("forbidden") : e.code === "unauthorized" ? terr("signedOut") : e.message),
    focus: () => summaryRef.current,
    guard: { dirty, message: tf("unsaved") },
    onFailure: (e) => {
      // Someone else saved first: the conflict notice shows who and what, and offers two ways on.
      const current = e.code === "conflict" ? (e.details?.current as (StoredMeeting & { version: unknown }) | undefined) : undefined;
      if (!current) return false;
      setConflict({ changedBy: (e.details?.changedBy as string | null) ?? null, version: Number(current.version), current: fieldsFromMeeting(current) });
      return true;
    },
    onSaved: (r) => {
      setConflict(null);
      setBaseline(values);
      toast({
        message: editing ? t("savedChanges", { title: values.title.trim() }) : t("savedNew", { title: values.title.trim() }),
        tone: "success",
        link: { href: `/meetings/${r.id}`, label: t("openMeeting") },
      });
      router.push(`/meetings/${r.id}`);
    },
    read: () => toPayload(values, editing ? version : undefined),
  });

  const set = (patch: Partial<MeetingFields>) => dispatch({ type: "set", patch });
  const update = (a: Extract<RowsAction, { type: "update" }>) => dispatch(a);
  const add = (a: Extract<RowsAction, { type: "add" }>) => dispatch(a);
  const remove = (list: RowList, key: string) => {
    dispatch({ type: "remove", list, key });
    // The errors' row numbers no longer match the rows.
    form.clearFieldErrors();
  };

  /** A row list's props (components/forms/form-section.tsx RowList) for one of the form's lists. */
  const rowList = <L extends RowList>(list: L, empty: () => MeetingFormValues[L][number], addId: string, words: { legend: (n: number) => string; remove: (n: number) => string; add: string }) => ({
    rows: values[list] as MeetingFormValues[L][number][],
    legend: words.legend,
    removeLabel: words.remove,
    addLabel: words.add,
    addId,
    onRemove: (key: string) => remove(list, key),
    onAdd: () => add({ type: "add", list, row: empty() } as Extract<RowsAction, { type: "add" }>),
  });

  const onPartnerChange = (id: string) => {
    const p = props.partners.find((x) => String(x.id) === id);
    set({ partnerId: id, ...(!tzTouched && p ? { timeZone: p.timeZone } : {}) });
  };
  const onTimeZoneChange = (timeZone: string) => {
    setTzTouched(true);
    set({ timeZone });
  };

  const submit = (overrideVersion?: number) => form.submit(toPayload(values, editing ? (overrideVersion ?? version) : undefined));

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
    rowList,
    err: form.err,
    errors: form.errors,
    formError: form.formError,
    formProps: form.formProps,
    pending: form.pending,
    dirty,
    summaryLabel: labels.summaryLabel,
    onPartnerChange,
    onTimeZoneChange,
    submit,
    conflict: conflict ? { changedBy: conflict.changedBy, changes: conflictChanges, keepMine, takeTheirs } : null,
  };
}

export type MeetingFormState = ReturnType<typeof useMeetingForm>;
