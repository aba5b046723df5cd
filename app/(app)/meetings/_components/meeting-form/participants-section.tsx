"use client";
import { useTranslations } from "next-intl";
import { FormSection, RowList } from "@/components/forms/form-section";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { PARTICIPANT_ROLES, PERSON_SIDES } from "@/lib/domain";
import { fieldId } from "../error-summary";
import { emptyParticipant, type NewPersonValues, type ParticipantRow } from "../form-values";
import type { MeetingFormState } from "./use-meeting-form";
import type { usePeopleOptions } from "./use-people-options";

/** The Person select's value for "+ Add a new person" (person ids are digits). */
const NEW_PERSON = "new";

type People = ReturnType<typeof usePeopleOptions>;

/** Who took part: a person on file, or a new one entered here. */
export function ParticipantsSection({ form, people }: { form: MeetingFormState; people: People }) {
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  return (
    <FormSection title={tm("people")} hint={t("peopleHint")}>
      {people.isError ? <Alert tone="error">{t("peopleLoadFailed")}</Alert> : null}
      <RowList {...form.rowList("participants", emptyParticipant, "add-participant", { legend: (n) => t("participantLegend", { n }), remove: (n) => t("removeParticipant", { n }), add: t("addParticipant") })}>
        {(p, i) => <ParticipantFields form={form} people={people} p={p} i={i} />}
      </RowList>
    </FormSection>
  );
}

function ParticipantFields({ form, people, p, i }: { form: MeetingFormState; people: People; p: ParticipantRow; i: number }) {
  const t = useTranslations("meetings.form");
  const te = useTranslations("enums");
  const { err } = form;
  const base = `participants.${i}`;
  const { opts, missing } = people.personOptions(p.personId);
  const pErr = err(`${base}.personId`, `${base}.newPerson`);
  const patch = (x: Partial<ParticipantRow>) => form.update({ type: "update", list: "participants", key: p.key, patch: x });
  const person = (x: Partial<NewPersonValues>) => patch({ newPerson: { ...p.newPerson, ...x } });
  return (
    <>
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
          onChange={(e) => patch(e.target.value === NEW_PERSON ? { mode: "new" } : { mode: "existing", personId: e.target.value })}
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
            onChange={(e) => person({ nameEn: e.target.value })}
            id={fieldId(`${base}.newPerson.nameEn`)} errors={err(`${base}.newPerson.nameEn`, `${base}.personId`)}
          />
          <Field label={t("nameLocal")} value={p.newPerson.nameLocal} onChange={(e) => person({ nameLocal: e.target.value })} id={fieldId(`${base}.newPerson.nameLocal`)} errors={err(`${base}.newPerson.nameLocal`)} />
          <SelectField
            label={t("side")}
            value={p.newPerson.side}
            onChange={(e) => person({ side: e.target.value as "home" | "partner" })}
            options={PERSON_SIDES.map((s) => ({ value: s, label: te(`personSide.${s}`) }))}
            id={fieldId(`${base}.newPerson.side`)} errors={err(`${base}.newPerson.side`)}
          />
          <Field label={t("personTitle")} value={p.newPerson.title} onChange={(e) => person({ title: e.target.value })} id={fieldId(`${base}.newPerson.title`)} errors={err(`${base}.newPerson.title`)} />
          <Field
            label={t("organisation")}
            className="sm:col-span-2"
            value={p.newPerson.organisation}
            onChange={(e) => person({ organisation: e.target.value })}
            id={fieldId(`${base}.newPerson.organisation`)} errors={err(`${base}.newPerson.organisation`)}
          />
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("role")}
          value={p.role}
          onChange={(e) => patch({ role: e.target.value })}
          options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: te(`participantRole.${r}`) }))}
          id={fieldId(`${base}.role`)} errors={err(`${base}.role`)}
        />
        <Field label={t("titleAtTime")} value={p.titleAtTime} onChange={(e) => patch({ titleAtTime: e.target.value })} id={fieldId(`${base}.titleAtTime`)} errors={err(`${base}.titleAtTime`)} />
      </div>
    </>
  );
}
