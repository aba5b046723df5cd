"use client";
import { useTranslations } from "next-intl";
import { FormSection, RowList } from "@/components/forms/form-section";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ACTION_PRIORITIES, ACTION_SIDES } from "@/lib/domain";
import { fieldId } from "../error-summary";
import { emptyAction, type ActionRow } from "../form-values";
import { DateField } from "../when-field";
import type { MeetingFormState } from "./use-meeting-form";
import type { usePeopleOptions } from "./use-people-options";

type People = ReturnType<typeof usePeopleOptions>;

/** Follow-ups agreed at the meeting: the ones on record, then new ones. */
export function FollowUpsSection({ form, people, editing, existing }: { form: MeetingFormState; people: People; editing: boolean; existing: { id: number; title: string; status: string }[] }) {
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  const te = useTranslations("enums");
  return (
    <FormSection title={tm("actions")} hint={editing ? t("actionsEditHint") : t("actionsHint")}>
      {existing.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label={t("existingActions")}>
          {existing.map((a) => (
            <li key={a.id}>
              {a.title} <span className="text-slate-600">({te(`actionStatus.${a.status}`)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <RowList {...form.rowList("actions", emptyAction, "add-action", { legend: (n) => t("actionLegend", { n }), remove: (n) => t("removeAction", { n }), add: t("addAction") })}>
        {(a, i) => <FollowUpFields form={form} people={people} a={a} i={i} />}
      </RowList>
    </FormSection>
  );
}

function FollowUpFields({ form, people, a, i }: { form: MeetingFormState; people: People; a: ActionRow; i: number }) {
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  const te = useTranslations("enums");
  const { err } = form;
  const base = `actions.${i}`;
  const patch = (x: Partial<ActionRow>) => form.update({ type: "update", list: "actions", key: a.key, patch: x });
  return (
    <>
      <Field label={t("actionTitle")} required value={a.title} onChange={(e) => patch({ title: e.target.value })} id={fieldId(`${base}.title`)} errors={err(`${base}.title`)} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label={tm("side")}
          value={a.side}
          onChange={(e) => patch({ side: e.target.value as ActionRow["side"] })}
          options={ACTION_SIDES.map((s) => ({ value: s, label: te(`actionSide.${s}`) }))}
          id={fieldId(`${base}.side`)} errors={err(`${base}.side`)}
        />
        <SelectField
          label={tm("owner")}
          value={a.owner}
          placeholder="—"
          onChange={(e) => patch({ owner: e.target.value })}
          options={people.refOptionsFor(a.owner)}
          id={fieldId(`${base}.ownerPersonId`)} errors={err(`${base}.ownerPersonId`, `${base}.ownerParticipantIndex`)}
        />
        <DateField label={t("dueOn")} value={a.dueOn} onChange={(e) => patch({ dueOn: e.target.value })} id={fieldId(`${base}.dueOn`)} errors={err(`${base}.dueOn`)} />
        <SelectField
          label={t("priority")}
          value={a.priority}
          onChange={(e) => patch({ priority: e.target.value })}
          options={ACTION_PRIORITIES.map((p) => ({ value: p, label: te(`priority.${p}`) }))}
          id={fieldId(`${base}.priority`)} errors={err(`${base}.priority`)}
        />
      </div>
    </>
  );
}
