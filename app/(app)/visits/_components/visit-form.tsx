"use client";
import { SubmitButton } from "@/components/forms/form-parts";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormSection } from "@/components/forms/form-section";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import { ErrorSummary, fieldId } from "@/app/(app)/meetings/_components/error-summary";
import { DATE_PRECISIONS, DELEGATION_ROLES, PROGRAMME_KINDS, TRAVEL_MODES, VISIT_DIRECTIONS, VISIT_STATUSES, ACTION_SIDES } from "@/lib/domain";
import { lazySchema } from "@/components/forms/lazy-schema";
import { useSaveVisit } from "../queries";
import { emptyCheck, emptyGift, emptyItem, emptyLeg, emptyMember, toPayload, type VisitFormValues } from "./form-values";
import { PeopleChecks, Rows, type Option } from "./visit-form-parts";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const createVisitSchema = lazySchema(() => import("@/lib/validation/visits").then((m) => m.createVisitSchema));
const updateVisitSchema = lazySchema(() => import("@/lib/validation/visits").then((m) => m.updateVisitSchema));

type ListName = "members" | "programme" | "legs" | "gifts" | "checklist";

export function VisitForm(props: { visitId?: number; version?: number; initial: VisitFormValues; partners: Option[]; people: Option[]; timeZones: string[]; homeZone: string }) {
  const t = useTranslations("visits");
  const tf = useTranslations("visits.form");
  const tp = useTranslations("partners.errors");
  const router = useRouter();
  const save = useSaveVisit();
  const toast = useToast();
  const [v, setV] = useState(props.initial);
  const [baseline, setBaseline] = useState(props.initial);
  const summaryRef = useRef<HTMLDivElement>(null);
  const form = useCommandForm({
    command: (payload: Record<string, unknown>) => save.mutateAsync({ payload, id: props.visitId }),
    schema: props.visitId === undefined ? createVisitSchema : updateVisitSchema,
    message: (e) => (e.code === "conflict" ? tf("conflict") : e.code === "validation_failed" ? tf("fixFields") : tf("failed")),
    focus: () => summaryRef.current,
    guard: { dirty: JSON.stringify(v) !== JSON.stringify(baseline), message: tp("unsaved") },
    onSaved: (r) => {
      setBaseline(v);
      toast({ message: tf("saved"), tone: "success" });
      router.push(`/visits/${r.id}`);
    },
    read: () => toPayload(v, props.version),
  });
  const { formProps, err, errors, formError, pending } = form;

  const zones = props.timeZones.map((z) => ({ value: z, label: z }));
  const enumOptions = (values: readonly string[], ns: string) => values.map((x) => ({ value: x, label: t(`${ns}.${x}`) }));
  const set = <K extends keyof VisitFormValues>(k: K, value: VisitFormValues[K]) => setV((x) => ({ ...x, [k]: value }));
  const update = (list: ListName, key: string, patch: Record<string, unknown>) =>
    setV((x) => ({ ...x, [list]: (x[list] as { key: string }[]).map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const add = (list: ListName, row: { key: string }) => setV((x) => ({ ...x, [list]: [...(x[list] as { key: string }[]), row] }));
  const remove = (list: ListName) => (key: string) => setV((x) => ({ ...x, [list]: (x[list] as { key: string }[]).filter((r) => r.key !== key) }));
  const field = (path: string, label: string, value: string, onChange: (s: string) => void, extra: Record<string, unknown> = {}) => (
    <Field id={fieldId(path)} label={label} value={value} errors={err(path)} onChange={(e) => onChange(e.currentTarget.value)} {...extra} />
  );
  const select = (path: string, label: string, value: string, options: Option[], onChange: (s: string) => void, placeholder?: string) => (
    <SelectField id={fieldId(path)} label={label} value={value} options={options} placeholder={placeholder} errors={err(path)} onChange={(e) => onChange(e.currentTarget.value)} />
  );

  const labelFor = (path: string) => {
    const last = path.split(".").filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
    const labels: Record<string, string> = { partnerIds: tf("partners"), personId: tf("person"), startDate: tf("date"), startTime: tf("start"), endTime: tf("end"), endDate: tf("endDate"), attendeeIds: tf("attendees"), departDate: tf("departDate"), departTime: tf("departTime"), arriveDate: tf("arriveDate"), arriveTime: tf("arriveTime"), fromPlace: tf("from"), toPlace: tf("to"), item: tf("giftItem"), startsOn: tf("startsOn"), endsOn: tf("endsOn") };
    return labels[last] ?? (tf.has(last as "title") ? tf(last as "title") : last);
  };

  return (
    <form {...formProps} className="space-y-6">
      {formError ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error" title={formError}>
            <ErrorSummary errors={errors} labelFor={labelFor} />
          </Alert>
        </div>
      ) : null}

      <FormSection title={tf("basics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("title", tf("title"), v.title, (s) => set("title", s), { required: true, className: "sm:col-span-2" })}
          {select("direction", tf("direction"), v.direction, enumOptions(VISIT_DIRECTIONS, "direction"), (s) => set("direction", s))}
          {select("status", tf("status"), v.status, enumOptions(VISIT_STATUSES, "status"), (s) => set("status", s))}
          {select("datePrecision", tf("precision"), v.datePrecision, DATE_PRECISIONS.map((p) => ({ value: p, label: tf(`precisions.${p}`) })), (s) => set("datePrecision", s))}
          <div className="grid grid-cols-2 gap-3">
            {field("startsOn", tf("startsOn"), v.startsOn, (s) => set("startsOn", s), { placeholder: "2026-05-12", hint: tf("precisionHint") })}
            {field("endsOn", tf("endsOn"), v.endsOn, (s) => set("endsOn", s), { placeholder: "2026-05-14" })}
          </div>
          <TextareaField id={fieldId("purpose")} className="sm:col-span-2" label={tf("purpose")} value={v.purpose} rows={3} errors={err("purpose")} onChange={(e) => set("purpose", e.currentTarget.value)} />
        </div>
      </FormSection>

      <FormSection title={tf("partners")}>
        <div className="grid gap-3 sm:grid-cols-2">
          {v.partnerIds.map((p, i) => (
            <div key={i} className="flex items-end gap-2">
              {select(i === 0 ? "partnerIds" : `partnerIds.${i}`, tf("partnerN", { n: i + 1 }), p, props.partners, (s) => set("partnerIds", v.partnerIds.map((x, j) => (j === i ? s : x))), tf("choose"))}
              {i > 0 ? (
                <Button type="button" variant="ghost" size="sm" onClick={() => set("partnerIds", v.partnerIds.filter((_, j) => j !== i))}>
                  {tf("remove")}
                </Button>
              ) : null}
            </div>
          ))}
        </div>
        <Button type="button" variant="secondary" size="sm" onClick={() => set("partnerIds", [...v.partnerIds, ""])}>
          {tf("addPartner")}
        </Button>
      </FormSection>

      <FormSection title={tf("delegation")}>
        <Rows rows={v.members} legend={(n) => tf("member", { n })} addLabel={tf("addMember")} onAdd={() => add("members", emptyMember())} onRemove={remove("members")} render={(m, i) => (
          <>
            {select(`members.${i}.personId`, tf("person"), m.personId, props.people, (s) => update("members", m.key, { personId: s }), tf("choose"))}
            {select(`members.${i}.role`, tf("role"), m.role, enumOptions(DELEGATION_ROLES, "role"), (s) => update("members", m.key, { role: s }))}
            {field(`members.${i}.titleAtTime`, tf("titleAtTime"), m.titleAtTime, (s) => update("members", m.key, { titleAtTime: s }), { className: "sm:col-span-2" })}
          </>
        )} />
      </FormSection>

      <FormSection title={tf("programme")} hint={tf("programmeHint")}>
        <Rows rows={v.programme} legend={(n) => tf("item", { n })} addLabel={tf("addItem")} onAdd={() => add("programme", emptyItem(v.programme.at(-1)?.timeZone ?? props.homeZone))} onRemove={remove("programme")} render={(p, i) => (
          <>
            {field(`programme.${i}.title`, tf("itemTitle"), p.title, (s) => update("programme", p.key, { title: s }), { className: "sm:col-span-2" })}
            {select(`programme.${i}.kind`, tf("kind"), p.kind, enumOptions(PROGRAMME_KINDS, "kind"), (s) => update("programme", p.key, { kind: s }))}
            {select(`programme.${i}.timeZone`, tf("timeZone"), p.timeZone, zones, (s) => update("programme", p.key, { timeZone: s }))}
            {field(`programme.${i}.startDate`, tf("date"), p.startDate, (s) => update("programme", p.key, { startDate: s }), { type: "date" })}
            {field(`programme.${i}.startTime`, tf("start"), p.startTime, (s) => update("programme", p.key, { startTime: s }), { type: "time" })}
            {field(`programme.${i}.endDate`, tf("endDate"), p.endDate, (s) => update("programme", p.key, { endDate: s }), { type: "date" })}
            {field(`programme.${i}.endTime`, tf("end"), p.endTime, (s) => update("programme", p.key, { endTime: s }), { type: "time" })}
            {field(`programme.${i}.place`, tf("place"), p.place, (s) => update("programme", p.key, { place: s }), { className: "sm:col-span-2" })}
            {field(`programme.${i}.notes`, tf("notes"), p.notes, (s) => update("programme", p.key, { notes: s }), { className: "sm:col-span-2" })}
            <PeopleChecks legend={tf("attendees")} path={`programme.${i}.attendeeIds`} people={props.people} value={p.attendeeIds} errors={err(`programme.${i}.attendeeIds`)} onChange={(ids) => update("programme", p.key, { attendeeIds: ids })} />
          </>
        )} />
      </FormSection>

      <FormSection title={tf("legs")}>
        <Rows rows={v.legs} legend={(n) => tf("leg", { n })} addLabel={tf("addLeg")} onAdd={() => add("legs", emptyLeg(props.homeZone))} onRemove={remove("legs")} render={(l, i) => (
          <>
            {select(`legs.${i}.personId`, tf("traveller"), l.personId, props.people, (s) => update("legs", l.key, { personId: s }), tf("everyone"))}
            {select(`legs.${i}.mode`, tf("mode"), l.mode, enumOptions(TRAVEL_MODES, "mode"), (s) => update("legs", l.key, { mode: s }))}
            {field(`legs.${i}.number`, tf("number"), l.number, (s) => update("legs", l.key, { number: s }), { className: "sm:col-span-2" })}
            {field(`legs.${i}.fromPlace`, tf("from"), l.fromPlace, (s) => update("legs", l.key, { fromPlace: s }))}
            {select(`legs.${i}.fromTimeZone`, tf("fromZone"), l.fromTimeZone, zones, (s) => update("legs", l.key, { fromTimeZone: s }), tf("choose"))}
            {field(`legs.${i}.departDate`, tf("departDate"), l.departDate, (s) => update("legs", l.key, { departDate: s }), { type: "date" })}
            {field(`legs.${i}.departTime`, tf("departTime"), l.departTime, (s) => update("legs", l.key, { departTime: s }), { type: "time" })}
            {field(`legs.${i}.toPlace`, tf("to"), l.toPlace, (s) => update("legs", l.key, { toPlace: s }))}
            {select(`legs.${i}.toTimeZone`, tf("toZone"), l.toTimeZone, zones, (s) => update("legs", l.key, { toTimeZone: s }), tf("choose"))}
            {field(`legs.${i}.arriveDate`, tf("arriveDate"), l.arriveDate, (s) => update("legs", l.key, { arriveDate: s }), { type: "date" })}
            {field(`legs.${i}.arriveTime`, tf("arriveTime"), l.arriveTime, (s) => update("legs", l.key, { arriveTime: s }), { type: "time" })}
          </>
        )} />
      </FormSection>

      <FormSection title={tf("logistics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("hotel", tf("hotel"), v.hotel, (s) => set("hotel", s))}
          {field("interpreterLanguages", tf("languages"), v.interpreterLanguages, (s) => set("interpreterLanguages", s))}
          {field("dietaryNeeds", tf("dietary"), v.dietaryNeeds, (s) => set("dietaryNeeds", s))}
          {field("accessNeeds", tf("access"), v.accessNeeds, (s) => set("accessNeeds", s))}
          {field("budgetAmount", tf("budget"), v.budgetAmount, (s) => set("budgetAmount", s), { inputMode: "decimal" })}
          {field("budgetCurrency", tf("currency"), v.budgetCurrency, (s) => set("budgetCurrency", s.toUpperCase()), { maxLength: 3, placeholder: "KRW" })}
        </div>
      </FormSection>

      <FormSection title={tf("gifts")}>
        <Rows rows={v.gifts} legend={(n) => tf("gift", { n })} addLabel={tf("addGift")} onAdd={() => add("gifts", emptyGift())} onRemove={remove("gifts")} render={(g, i) => (
          <>
            {field(`gifts.${i}.item`, tf("giftItem"), g.item, (s) => update("gifts", g.key, { item: s }))}
            {select(`gifts.${i}.toPersonId`, tf("giftTo"), g.toPersonId, props.people, (s) => update("gifts", g.key, { toPersonId: s }), tf("none"))}
            {field(`gifts.${i}.description`, tf("giftDescription"), g.description, (s) => update("gifts", g.key, { description: s }), { className: "sm:col-span-2" })}
          </>
        )} />
      </FormSection>

      <FormSection title={tf("checklist")}>
        <Rows rows={v.checklist} legend={(n) => tf("check", { n })} addLabel={tf("addCheck")} onAdd={() => add("checklist", emptyCheck())} onRemove={remove("checklist")} render={(c, i) => (
          <>
            {field(`checklist.${i}.title`, tf("checkTitle"), c.title, (s) => update("checklist", c.key, { title: s }), { className: "sm:col-span-2" })}
            {select(`checklist.${i}.side`, tf("side"), c.side, enumOptions(ACTION_SIDES, "side"), (s) => update("checklist", c.key, { side: s }))}
            {field(`checklist.${i}.dueOn`, tf("dueOn"), c.dueOn, (s) => update("checklist", c.key, { dueOn: s }), { type: "date" })}
            <label className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" className="size-4 accent-brand-700" checked={c.done} onChange={(e) => update("checklist", c.key, { done: e.currentTarget.checked })} />
              {tf("done")}
            </label>
          </>
        )} />
      </FormSection>

      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} busy={tf("saving")}>
          {tf("save")}
        </SubmitButton>
        <Button type="button" variant="secondary" onClick={() => router.push(props.visitId ? `/visits/${props.visitId}` : "/visits")}>
          {tf("cancel")}
        </Button>
      </div>
    </form>
  );
}
