"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { ConflictNotice, type ConflictChange } from "@/components/forms/conflict-notice";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import type { MeetingPersonOption } from "@/db/queries/meetings";
import {
  ACTION_PRIORITIES,
  ACTION_SIDES,
  GIFT_DECLARATION_THRESHOLD,
  GIFT_DIRECTIONS,
  GIFT_DISPOSITIONS,
  MEETING_KINDS,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  PERSON_SIDES,
} from "@/lib/domain";
import { formatInstantWithZone, formatMoney, utcToZonedParts, zonedTimeToUtc, zoneOffset, type Locale } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { fieldErrors } from "@/lib/validation/common";
import { createMeetingSchema, updateMeetingSchema } from "@/lib/validation/meetings";
import { saveMeetingAction } from "../actions";
import { ErrorSummary, fieldId } from "./error-summary";
import { translateFieldErrors } from "./field-errors";
import { DateField, WhenField } from "./when-field";
import {
  emptyAction,
  emptyGift,
  emptyParticipant,
  MEETING_FIELD_NAMES,
  reachesDeclarationThreshold,
  formPath,
  toPayload,
  type ActionRow,
  type GiftRow,
  type MeetingFields,
  type MeetingFormValues,
  type ParticipantRow,
} from "./form-values";

/** The Person select's value for "+ Add a new person" (person ids are digits). */
const NEW_PERSON = "new";

export interface PartnerChoice {
  id: number;
  name: string;
  timeZone: string;
}

interface Props {
  meetingId?: number;
  version?: number;
  initial: MeetingFormValues;
  partners: PartnerChoice[];
  initialPeople: MeetingPersonOption[];
  /** People already on this meeting, so an archived one still shows by name. */
  knownPeople: { id: number; label: string }[];
  existingActions: { id: number; title: string; status: string }[];
  timeZones: string[];
  viewerZone: string;
  locale: Locale;
}

async function fetchPeople(partnerId: number | null): Promise<MeetingPersonOption[]> {
  const res = await fetch(`/meetings/people-options${partnerId ? `?partner=${partnerId}` : ""}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { people: MeetingPersonOption[] }).people;
}

function Section({ title, children, hint }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

export function MeetingForm(props: Props) {
  const { meetingId, partners, timeZones, viewerZone, locale } = props;
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  const terr = useTranslations("meetings.errors");
  const te = useTranslations("enums");
  const tf = useTranslations("forms");
  const router = useRouter();
  const toast = useToast();
  const qc = useQueryClient();
  const [values, setValues] = useState<MeetingFormValues>(props.initial);
  const [baseline, setBaseline] = useState<MeetingFormValues>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ changedBy: string | null; current: MeetingFields; version: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const [tzTouched, setTzTouched] = useState(meetingId !== undefined);
  const summaryRef = useRef<HTMLDivElement>(null);
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

  const partnerId = Number(values.partnerId) || null;
  const people = useQuery({
    queryKey: queryKeys.meetings.peopleOptions(partnerId),
    queryFn: () => fetchPeople(partnerId),
    initialData: partnerId === (Number(props.initial.partnerId) || null) ? props.initialPeople : undefined,
  });
  const personName = useMemo(() => {
    const m = new Map<number, string>();
    for (const p of props.knownPeople) m.set(p.id, p.label);
    for (const p of people.data ?? []) m.set(p.id, p.nameLocal ? `${p.nameEn} (${p.nameLocal})` : p.nameEn);
    return m;
  }, [people.data, props.knownPeople]);

  const set = <K extends keyof MeetingFormValues>(k: K, v: MeetingFormValues[K]) => setValues((x) => ({ ...x, [k]: v }));
  const err = (...paths: string[]) => {
    const out = paths.flatMap((p) => errors[p] ?? []);
    return out.length ? out : undefined;
  };
  const updateRow = <R extends { key: string }>(list: "participants" | "gifts" | "actions", key: string, patch: Partial<R>) =>
    setValues((x) => ({ ...x, [list]: (x[list] as unknown as R[]).map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const removeRow = (list: "participants" | "gifts" | "actions", key: string, addButtonId: string) => {
    setValues((x) => {
      const next = { ...x, [list]: (x[list] as { key: string }[]).filter((r) => r.key !== key) };
      if (list === "participants") {
        // A gift or action pointing at the removed participant loses that pointer, not its row.
        const gone = `row:${key}`;
        next.gifts = next.gifts.map((g) => ({ ...g, from: g.from === gone ? "" : g.from, to: g.to === gone ? "" : g.to }));
        next.actions = next.actions.map((a) => ({ ...a, owner: a.owner === gone ? "" : a.owner }));
      }
      return next;
    });
    setErrors({});
    document.getElementById(addButtonId)?.focus();
  };
  const addRow = (list: "participants" | "gifts" | "actions", row: ParticipantRow | GiftRow | ActionRow) => {
    focusNext.current = row.key;
    setValues((x) => ({ ...x, [list]: [...(x[list] as unknown[]), row] }));
  };

  const onPartnerChange = (id: string) => {
    const p = partners.find((x) => String(x.id) === id);
    setValues((x) => ({ ...x, partnerId: id, timeZone: !tzTouched && p ? p.timeZone : x.timeZone }));
  };

  // "= 16:00 in your zone" as they type.
  // Intl throws on an unknown zone, and a half-typed zone is normal here.
  const tzValid = timeZones.includes(values.timeZone);
  const instant = tzValid ? zonedTimeToUtc(values.date, values.time, values.timeZone) : null;
  const inYourZone =
    instant
      ? zoneOffset(instant, values.timeZone) === zoneOffset(instant, viewerZone)
        ? t("sameAsYourZone", { zone: viewerZone })
        : t("inYourZone", { time: formatInstantWithZone(instant, viewerZone, locale) })
      : t("inYourZonePending");

  // People a gift or action can point at: this form's participants, then everyone else offered.
  const refOptions = useMemo(() => {
    const rows = values.participants
      .map((p, i) => {
        const label = p.mode === "new" ? p.newPerson.nameEn.trim() : p.personId ? (personName.get(Number(p.personId)) ?? "") : "";
        // Name first, so typing a name in a native select picks that person.
        return label ? { value: `row:${p.key}`, label: t("participantN", { n: i + 1, name: label }) } : null;
      })
      .filter((x): x is { value: string; label: string } => x !== null);
    const inRows = new Set(values.participants.filter((p) => p.mode === "existing").map((p) => p.personId));
    const others = (people.data ?? []).filter((p) => !inRows.has(String(p.id))).map((p) => ({ value: `id:${p.id}`, label: personName.get(p.id) ?? p.nameEn }));
    return [...rows, ...others];
  }, [values.participants, people.data, personName, t]);
  const refOptionsFor = (current: string) =>
    current && !refOptions.some((o) => o.value === current) && current.startsWith("id:")
      ? [...refOptions, { value: current, label: personName.get(Number(current.slice(3))) ?? `#${current.slice(3)}` }]
      : refOptions;

  const showErrors = (fields: Record<string, string[]>) => {
    // The payload leaves blank rows out: its row numbers are mapped back to the form's.
    const own = Object.fromEntries(Object.entries(fields).map(([path, m]) => [formPath(path, values), m]));
    setErrors(translateFieldErrors(own, (k) => terr(k)));
    setFormError(t("fixErrors"));
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = (overrideVersion?: number) => {
    const v = overrideVersion ?? version;
    const payload = toPayload(values, meetingId !== undefined ? v : undefined);
    // The same schema the server parses with: the client refuses exactly what the server would.
    const check = (meetingId !== undefined ? updateMeetingSchema : createMeetingSchema).safeParse(payload);
    if (!check.success) return showErrors(fieldErrors(check.error));
    setErrors({});
    setFormError(null);
    startTransition(async () => {
      const r = await saveMeetingAction(payload, meetingId);
      if (r.ok) {
        setConflict(null);
        setSaved(true);
        await qc.invalidateQueries({ queryKey: queryKeys.meetings.all });
        toast({
          message: meetingId !== undefined ? t("savedChanges", { title: values.title.trim() }) : t("savedNew", { title: values.title.trim() }),
          tone: "success",
          link: { href: `/meetings/${r.data.id}`, label: t("openMeeting") },
        });
        router.push(`/meetings/${r.data.id}`);
        return;
      }
      if (r.error.code === "conflict") {
        const current = r.error.details?.current as Record<string, unknown> | undefined;
        if (current) {
          const at = new Date(current.startsAt as string | number | Date);
          const zone = String(current.timeZone);
          const parts = utcToZonedParts(at, zone);
          const str = (x: unknown) => (typeof x === "string" ? x : typeof x === "number" ? String(x) : "");
          setConflict({
            changedBy: (r.error.details?.changedBy as string | null) ?? null,
            version: Number(current.version),
            current: {
              partnerId: str(current.partnerId),
              title: str(current.title),
              kind: str(current.kind),
              status: str(current.status),
              date: parts.date,
              time: parts.time,
              timeZone: zone,
              durationMinutes: str(current.durationMinutes),
              venue: str(current.venue),
              city: str(current.city),
              attendeeCount: str(current.attendeeCount),
              topics: str(current.topics),
              summary: str(current.summary),
              outcomes: str(current.outcomes),
              notes: str(current.notes),
            },
          });
          return;
        }
      }
      if (r.error.fields) return showErrors(r.error.fields);
      setFormError(r.error.code === "forbidden" ? terr("forbidden") : r.error.code === "unauthorized" ? terr("signedOut") : r.error.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };

  const fieldLabel = (f: keyof MeetingFields): string =>
    ({
      partnerId: tm("partner"),
      title: t("title"),
      kind: tm("kind"),
      status: tm("status"),
      date: t("date"),
      time: t("time"),
      timeZone: t("timeZone"),
      durationMinutes: t("durationMinutes"),
      venue: tm("venue"),
      city: t("city"),
      attendeeCount: t("attendeeCount"),
      topics: tm("topics"),
      summary: tm("summary"),
      outcomes: tm("outcomes"),
      notes: tm("notes"),
    })[f];
  // "Gift 2: Item" for the error summary's links.
  const ROW_FIELDS: Record<string, string> = {
    personId: "person", "newPerson.nameEn": "nameEn", "newPerson.nameLocal": "nameLocal", "newPerson.side": "side", "newPerson.title": "personTitle",
    "newPerson.organisation": "organisation", role: "role", titleAtTime: "titleAtTime", direction: "direction", item: "item", origin: "origin",
    fromPersonId: "from", toPersonId: "to", description: "description", estimatedValue: "estimatedValue", currency: "currency",
    declaredOn: "declaredOn", disposition: "disposition", title: "actionTitle", dueOn: "dueOn", priority: "priority",
  };
  const summaryLabel = (path: string): string => {
    if (path === "when") return t("when");
    const m = /^(participants|gifts|actions)\.(\d+)\.(.+)$/.exec(path);
    if (!m) return (MEETING_FIELD_NAMES as readonly string[]).includes(path) ? fieldLabel(path as keyof MeetingFields) : path;
    const n = Number(m[2]) + 1;
    const row = t(m[1] === "participants" ? "participantLegend" : m[1] === "gifts" ? "giftLegend" : "actionLegend", { n });
    const sub = m[3]!;
    const label = sub === "side" && m[1] === "actions" ? tm("side") : sub === "ownerPersonId" ? tm("owner") : ROW_FIELDS[sub] ? t(ROW_FIELDS[sub]) : sub;
    return `${row}: ${label}`;
  };
  const displayValue = (f: keyof MeetingFields, v: string) =>
    f === "partnerId" ? (partners.find((p) => String(p.id) === v)?.name ?? v) : f === "kind" ? (v ? te(`meetingKind.${v}`) : "") : f === "status" ? (v ? te(`meetingStatus.${v}`) : "") : v;
  const conflictChanges: ConflictChange[] = conflict
    ? MEETING_FIELD_NAMES.filter((f) => conflict.current[f] !== baseline[f]).map((f) => ({ field: f, label: fieldLabel(f), theirs: displayValue(f, conflict.current[f]) }))
    : [];

  const personOptions = (current: string) => {
    const list = people.data ?? [];
    const opts = PERSON_SIDES.map((side) => ({
      side,
      items: list.filter((p) => p.side === side).map((p) => ({ value: String(p.id), label: (personName.get(p.id) ?? p.nameEn) + (p.title ? ` — ${p.title}` : "") })),
    }));
    const missing = current && !list.some((p) => String(p.id) === current) ? { value: current, label: personName.get(Number(current)) ?? `#${current}` } : null;
    return { opts, missing };
  };

  return (
    <form onSubmit={onSubmit} noValidate data-sticky-actions className="space-y-6" aria-describedby={formError ? "form-error" : undefined}>
      <div ref={summaryRef} tabIndex={-1} className="outline-none" id="form-error">
        {formError ? (
          <Alert tone="error" title={formError}>
            <ErrorSummary errors={errors} labelFor={summaryLabel} />
          </Alert>
        ) : null}
      </div>
      {conflict ? (
        <ConflictNotice
          changedBy={conflict.changedBy}
          changes={conflictChanges}
          onKeepMine={() => {
            const next = conflict.version;
            setVersion(next);
            setBaseline((b) => ({ ...b, ...conflict.current }));
            setConflict(null);
            submit(next);
          }}
          onTakeTheirs={() => {
            // Only the fields they changed: the user's other typing stays.
            const theirs = Object.fromEntries(conflictChanges.map((c) => [c.field, conflict.current[c.field as keyof MeetingFields]]));
            setValues((x) => ({ ...x, ...theirs }));
            setBaseline((b) => ({ ...b, ...conflict.current }));
            setVersion(conflict.version);
            setConflict(null);
          }}
        />
      ) : null}

      <Section title={t("sectionMeeting")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={tm("partner")}
            required
            value={values.partnerId}
            onChange={(e) => onPartnerChange(e.target.value)}
            placeholder={t("choosePartner")}
            options={partners.map((p) => ({ value: String(p.id), label: p.name }))}
            id={fieldId("partnerId")} errors={err("partnerId")}
          />
          <Field label={t("title")} required value={values.title} onChange={(e) => set("title", e.target.value)} id={fieldId("title")} errors={err("title")} maxLength={300} />
          <SelectField label={tm("kind")} value={values.kind} onChange={(e) => set("kind", e.target.value)} options={MEETING_KINDS.map((k) => ({ value: k, label: te(`meetingKind.${k}`) }))} id={fieldId("kind")} errors={err("kind")} />
          <SelectField label={tm("status")} value={values.status} onChange={(e) => set("status", e.target.value)} options={MEETING_STATUSES.map((k) => ({ value: k, label: te(`meetingStatus.${k}`) }))} id={fieldId("status")} errors={err("status")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <WhenField
            id={fieldId("when")}
            label={t("when")}
            hint={t("whenHint")}
            date={values.date}
            time={values.time}
            errors={err("date", "time")}
            onChange={(v) => setValues((x) => ({ ...x, ...v }))}
          />
          <Field
            label={t("timeZone")}
            list="meeting-time-zones"
            required
            autoComplete="off"
            spellCheck={false}
            value={values.timeZone}
            onChange={(e) => {
              setTzTouched(true);
              set("timeZone", e.target.value);
            }}
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
          <Field label={t("durationMinutes")} type="number" inputMode="numeric" min={0} value={values.durationMinutes} onChange={(e) => set("durationMinutes", e.target.value)} id={fieldId("durationMinutes")} errors={err("durationMinutes")} />
          <Field label={t("attendeeCount")} type="number" inputMode="numeric" min={0} value={values.attendeeCount} onChange={(e) => set("attendeeCount", e.target.value)} id={fieldId("attendeeCount")} errors={err("attendeeCount")} />
          <Field label={tm("venue")} value={values.venue} onChange={(e) => set("venue", e.target.value)} id={fieldId("venue")} errors={err("venue")} />
          <Field label={t("city")} value={values.city} onChange={(e) => set("city", e.target.value)} id={fieldId("city")} errors={err("city")} />
        </div>
        <TextareaField label={tm("topics")} rows={2} value={values.topics} onChange={(e) => set("topics", e.target.value)} id={fieldId("topics")} errors={err("topics")} />
        <TextareaField label={tm("summary")} rows={4} value={values.summary} onChange={(e) => set("summary", e.target.value)} id={fieldId("summary")} errors={err("summary")} />
        <TextareaField label={tm("outcomes")} rows={3} value={values.outcomes} onChange={(e) => set("outcomes", e.target.value)} id={fieldId("outcomes")} errors={err("outcomes")} />
        <TextareaField label={tm("notes")} rows={2} value={values.notes} onChange={(e) => set("notes", e.target.value)} id={fieldId("notes")} errors={err("notes")} />
      </Section>

      <Section title={tm("people")} hint={t("peopleHint")}>
        {people.isError ? <Alert tone="error">{t("peopleLoadFailed")}</Alert> : null}
        <ol className="space-y-4">
          {values.participants.map((p, i) => {
            const base = `participants.${i}`;
            const { opts, missing } = personOptions(p.personId);
            const pErr = err(`${base}.personId`, `${base}.newPerson`);
            return (
              <li key={p.key} data-row={p.key}>
                <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-800">{t("participantLegend", { n: i + 1 })}</legend>
                  {/* First in the row: a row added by keyboard starts at its first field, past this button. */}
                  <div className="-mt-2 flex justify-end">
                    <Button type="button" variant="ghost" size="sm" onClick={() => removeRow("participants", p.key, "add-participant")}>
                      <Trash2 aria-hidden className="size-4" />
                      {t("removeParticipant", { n: i + 1 })}
                    </Button>
                  </div>
                  {/* One stop for "who": a person on file, or "+ Add a new person" and the fields for them below. */}
                  <div className="space-y-1">
                    <label htmlFor={fieldId(`${base}.personId`)} className="block text-sm font-medium text-slate-800">
                      {t("person")}
                    </label>
                    <select
                      id={fieldId(`${base}.personId`)}
                      className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
                      value={p.mode === "new" ? NEW_PERSON : p.personId}
                      aria-invalid={pErr ? true : undefined}
                      aria-describedby={pErr ? `person-${p.key}-err` : undefined}
                      onChange={(e) =>
                        updateRow<ParticipantRow>("participants", p.key, e.target.value === NEW_PERSON ? { mode: "new" } : { mode: "existing", personId: e.target.value })
                      }
                    >
                      <option value="">{people.isLoading ? t("loadingPeople") : t("choosePerson")}</option>
                      <option value={NEW_PERSON}>{t("addNew")}</option>
                      {missing ? <option value={missing.value}>{missing.label}</option> : null}
                      {opts.map((g) =>
                        g.items.length ? (
                          <optgroup key={g.side} label={te(`personSide.${g.side}`)}>
                            {g.items.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </optgroup>
                        ) : null,
                      )}
                    </select>
                    {pErr ? (
                      <p id={`person-${p.key}-err`} className="text-xs text-red-700">
                        {pErr.join(" ")}
                      </p>
                    ) : null}
                  </div>
                  {p.mode === "new" ? (
                    <div className="grid gap-3 sm:grid-cols-2">
                      <Field
                        label={t("nameEn")}
                        required
                        value={p.newPerson.nameEn}
                        onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { newPerson: { ...p.newPerson, nameEn: e.target.value } })}
                        id={fieldId(`${base}.newPerson.nameEn`)} errors={err(`${base}.newPerson.nameEn`, `${base}.personId`)}
                      />
                      <Field
                        label={t("nameLocal")}
                        value={p.newPerson.nameLocal}
                        onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { newPerson: { ...p.newPerson, nameLocal: e.target.value } })}
                        id={fieldId(`${base}.newPerson.nameLocal`)} errors={err(`${base}.newPerson.nameLocal`)}
                      />
                      <SelectField
                        label={t("side")}
                        value={p.newPerson.side}
                        onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { newPerson: { ...p.newPerson, side: e.target.value as "home" | "partner" } })}
                        options={PERSON_SIDES.map((s) => ({ value: s, label: te(`personSide.${s}`) }))}
                        id={fieldId(`${base}.newPerson.side`)} errors={err(`${base}.newPerson.side`)}
                      />
                      <Field
                        label={t("personTitle")}
                        value={p.newPerson.title}
                        onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { newPerson: { ...p.newPerson, title: e.target.value } })}
                        id={fieldId(`${base}.newPerson.title`)} errors={err(`${base}.newPerson.title`)}
                      />
                      <Field
                        label={t("organisation")}
                        className="sm:col-span-2"
                        value={p.newPerson.organisation}
                        onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { newPerson: { ...p.newPerson, organisation: e.target.value } })}
                        id={fieldId(`${base}.newPerson.organisation`)} errors={err(`${base}.newPerson.organisation`)}
                      />
                    </div>
                  ) : null}
                  <div className="grid gap-3 sm:grid-cols-2">
                    <SelectField
                      label={t("role")}
                      value={p.role}
                      onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { role: e.target.value })}
                      options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: te(`participantRole.${r}`) }))}
                      id={fieldId(`${base}.role`)} errors={err(`${base}.role`)}
                    />
                    <Field label={t("titleAtTime")} value={p.titleAtTime} onChange={(e) => updateRow<ParticipantRow>("participants", p.key, { titleAtTime: e.target.value })} id={fieldId(`${base}.titleAtTime`)} errors={err(`${base}.titleAtTime`)} />
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" id="add-participant" onClick={() => addRow("participants", emptyParticipant())}>
          <Plus aria-hidden className="size-4" />
          {t("addParticipant")}
        </Button>
      </Section>

      <Section title={tm("gifts")} hint={t("giftsHint")}>
        <ol className="space-y-4">
          {values.gifts.map((g, i) => {
            const base = `gifts.${i}`;
            const hint = reachesDeclarationThreshold(g);
            return (
              <li key={g.key} data-row={g.key}>
                <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-800">{t("giftLegend", { n: i + 1 })}</legend>
                  {/* First in the row: a row added by keyboard starts at its first field, past this button. */}
                  <div className="-mt-2 flex justify-end">
                    <Button type="button" variant="ghost" size="sm" onClick={() => removeRow("gifts", g.key, "add-gift")}>
                      <Trash2 aria-hidden className="size-4" />
                      {t("removeGift", { n: i + 1 })}
                    </Button>
                  </div>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <SelectField
                      label={t("direction")}
                      value={g.direction}
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { direction: e.target.value as GiftRow["direction"] })}
                      options={GIFT_DIRECTIONS.map((d) => ({ value: d, label: te(`giftDirection.${d}`) }))}
                      id={fieldId(`${base}.direction`)} errors={err(`${base}.direction`)}
                    />
                    <Field label={t("item")} required value={g.item} onChange={(e) => updateRow<GiftRow>("gifts", g.key, { item: e.target.value })} id={fieldId(`${base}.item`)} errors={err(`${base}.item`)} />
                    <Field label={t("origin")} value={g.origin} onChange={(e) => updateRow<GiftRow>("gifts", g.key, { origin: e.target.value })} id={fieldId(`${base}.origin`)} errors={err(`${base}.origin`)} />
                    <SelectField
                      label={t("from")}
                      value={g.from}
                      placeholder="—"
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { from: e.target.value })}
                      options={refOptionsFor(g.from)}
                      id={fieldId(`${base}.fromPersonId`)} errors={err(`${base}.fromPersonId`, `${base}.fromParticipantIndex`)}
                    />
                    <SelectField
                      label={t("to")}
                      value={g.to}
                      placeholder="—"
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { to: e.target.value })}
                      options={refOptionsFor(g.to)}
                      id={fieldId(`${base}.toPersonId`)} errors={err(`${base}.toPersonId`, `${base}.toParticipantIndex`)}
                    />
                    <TextareaField
                      label={t("description")}
                      rows={2}
                      className="sm:col-span-2"
                      value={g.description}
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { description: e.target.value })}
                      id={fieldId(`${base}.description`)} errors={err(`${base}.description`)}
                    />
                  </div>
                  <label className="inline-flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={g.toBeValued} onChange={(e) => updateRow<GiftRow>("gifts", g.key, { toBeValued: e.target.checked })} />
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
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { estimatedValue: e.target.value })}
                      id={fieldId(`${base}.estimatedValue`)} errors={err(`${base}.estimatedValue`)}
                    />
                    <Field
                      label={t("currency")}
                      list="meeting-currencies"
                      maxLength={3}
                      autoComplete="off"
                      disabled={g.toBeValued}
                      value={g.toBeValued ? "" : g.currency}
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { currency: e.target.value.toUpperCase() })}
                      id={fieldId(`${base}.currency`)} errors={err(`${base}.currency`)}
                    />
                    <DateField label={t("declaredOn")} value={g.declaredOn} onChange={(e) => updateRow<GiftRow>("gifts", g.key, { declaredOn: e.target.value })} id={fieldId(`${base}.declaredOn`)} errors={err(`${base}.declaredOn`)} />
                    <SelectField
                      label={t("disposition")}
                      value={g.disposition}
                      placeholder="—"
                      onChange={(e) => updateRow<GiftRow>("gifts", g.key, { disposition: e.target.value as GiftRow["disposition"] })}
                      options={GIFT_DISPOSITIONS.map((d) => ({ value: d, label: te(`disposition.${d}`) }))}
                      id={fieldId(`${base}.disposition`)} errors={err(`${base}.disposition`)}
                    />
                  </div>
                  {hint ? (
                    <Alert tone="warning" title={t("declarationTitle")}>
                      {t("declarationBody", {
                        krw: formatMoney(GIFT_DECLARATION_THRESHOLD.KRW, "KRW", locale),
                        usd: formatMoney(GIFT_DECLARATION_THRESHOLD.USD, "USD", locale),
                      })}
                    </Alert>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <datalist id="meeting-currencies">
          {["KRW", "USD", "CNY", "EUR", "JPY"].map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Button type="button" variant="secondary" id="add-gift" onClick={() => addRow("gifts", emptyGift())}>
          <Plus aria-hidden className="size-4" />
          {t("addGift")}
        </Button>
      </Section>

      <Section title={tm("actions")} hint={meetingId !== undefined ? t("actionsEditHint") : t("actionsHint")}>
        {props.existingActions.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label={t("existingActions")}>
            {props.existingActions.map((a) => (
              <li key={a.id}>
                {a.title} <span className="text-slate-600">({te(`actionStatus.${a.status}`)})</span>
              </li>
            ))}
          </ul>
        ) : null}
        <ol className="space-y-4">
          {values.actions.map((a, i) => {
            const base = `actions.${i}`;
            return (
              <li key={a.key} data-row={a.key}>
                <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-800">{t("actionLegend", { n: i + 1 })}</legend>
                  {/* First in the row: a row added by keyboard starts at its first field, past this button. */}
                  <div className="-mt-2 flex justify-end">
                    <Button type="button" variant="ghost" size="sm" onClick={() => removeRow("actions", a.key, "add-action")}>
                      <Trash2 aria-hidden className="size-4" />
                      {t("removeAction", { n: i + 1 })}
                    </Button>
                  </div>
                  <Field label={t("actionTitle")} required value={a.title} onChange={(e) => updateRow<ActionRow>("actions", a.key, { title: e.target.value })} id={fieldId(`${base}.title`)} errors={err(`${base}.title`)} />
                  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                    <SelectField
                      label={tm("side")}
                      value={a.side}
                      onChange={(e) => updateRow<ActionRow>("actions", a.key, { side: e.target.value as ActionRow["side"] })}
                      options={ACTION_SIDES.map((s) => ({ value: s, label: te(`actionSide.${s}`) }))}
                      id={fieldId(`${base}.side`)} errors={err(`${base}.side`)}
                    />
                    <SelectField
                      label={tm("owner")}
                      value={a.owner}
                      placeholder="—"
                      onChange={(e) => updateRow<ActionRow>("actions", a.key, { owner: e.target.value })}
                      options={refOptionsFor(a.owner)}
                      id={fieldId(`${base}.ownerPersonId`)} errors={err(`${base}.ownerPersonId`, `${base}.ownerParticipantIndex`)}
                    />
                    <DateField label={t("dueOn")} value={a.dueOn} onChange={(e) => updateRow<ActionRow>("actions", a.key, { dueOn: e.target.value })} id={fieldId(`${base}.dueOn`)} errors={err(`${base}.dueOn`)} />
                    <SelectField
                      label={t("priority")}
                      value={a.priority}
                      onChange={(e) => updateRow<ActionRow>("actions", a.key, { priority: e.target.value })}
                      options={ACTION_PRIORITIES.map((p) => ({ value: p, label: te(`priority.${p}`) }))}
                      id={fieldId(`${base}.priority`)} errors={err(`${base}.priority`)}
                    />
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" id="add-action" onClick={() => addRow("actions", emptyAction())}>
          <Plus aria-hidden className="size-4" />
          {t("addAction")}
        </Button>
      </Section>

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 sm:mx-0 sm:rounded-lg sm:border">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : meetingId !== undefined ? t("saveChanges") : t("saveMeeting")}
        </Button>
        <Button variant="ghost" asChild>
          <Link href={meetingId !== undefined ? `/meetings/${meetingId}` : "/meetings"}>{t("cancel")}</Link>
        </Button>
        {dirty ? <span className="text-sm text-slate-600">{t("unsavedBadge")}</span> : null}
      </div>
    </form>
  );
}
