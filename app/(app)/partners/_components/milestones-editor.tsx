"use client";
import { FormError } from "@/components/forms/form-parts";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { useErrorMessage, useRecordForm } from "@/components/forms/use-record-form";
import { Button } from "@/components/ui/button";
import { Empty } from "@/components/ui/empty";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import { DATE_PRECISIONS, MILESTONE_KINDS, type DatePrecision } from "@/lib/domain";
import { formatDate, formatPrecisionDate, type Locale } from "@/lib/format";
import { lazySchema } from "@/components/forms/lazy-schema";
import { useArchiveMilestone, useSaveMilestone } from "../queries";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const createMilestoneSchema = lazySchema(() => import("@/lib/validation/milestones").then((m) => m.createMilestoneSchema));
const updateMilestoneSchema = lazySchema(() => import("@/lib/validation/milestones").then((m) => m.updateMilestoneSchema));

export interface MilestoneItem {
  id: number;
  kind: string;
  date: string;
  datePrecision: string;
  expiresOn: string | null;
  title: string;
  notes: string | null;
  version: number;
}

function typedDate(m: MilestoneItem): string {
  return m.datePrecision === "year" ? m.date.slice(0, 4) : m.datePrecision === "month" ? m.date.slice(0, 7) : m.date;
}

/** The partner page's milestones, with add / edit / archive for editors. */
export function MilestonesEditor({ partnerId, items, canWrite }: { partnerId: number; items: MilestoneItem[]; canWrite: boolean }) {
  const t = useTranslations("partners");
  const te = useTranslations("enums");
  const locale = useLocale() as Locale;
  const [editing, setEditing] = useState<number | "new" | null>(null);
  return (
    <div className="space-y-4">
      {items.length ? (
        <ol className="space-y-3 border-l-2 border-brand-100 pl-4 text-sm">
          {items.map((m) =>
            editing === m.id ? (
              <li key={m.id}>
                <MilestoneForm partnerId={partnerId} item={m} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={m.id}>
                <p className="font-medium text-slate-900">{formatPrecisionDate(m.date, m.datePrecision as DatePrecision, locale)}</p>
                <p className="text-slate-800">{m.title}</p>
                <p className="text-xs text-slate-600">
                  {te(`milestoneKind.${m.kind}`)}
                  {m.expiresOn ? ` · ${t("expires", { date: formatDate(m.expiresOn, locale) })}` : ""}
                </p>
                {m.notes ? <p className="mt-1 whitespace-pre-line text-xs text-slate-700">{m.notes}</p> : null}
                {canWrite ? (
                  <button type="button" className="mt-1 text-xs font-medium text-brand-700 underline" onClick={() => setEditing(m.id)}>
                    {t("milestone.edit", { title: m.title })}
                  </button>
                ) : null}
              </li>
            ),
          )}
        </ol>
      ) : (
        <Empty>{t("noMilestones")}</Empty>
      )}
      {canWrite ? (
        editing === "new" ? (
          <MilestoneForm partnerId={partnerId} onDone={() => setEditing(null)} />
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setEditing("new")}>
            {t("milestone.add")}
          </Button>
        )
      ) : null}
    </div>
  );
}

function MilestoneForm({ partnerId, item, onDone }: { partnerId: number; item?: MilestoneItem; onDone: () => void }) {
  const t = useTranslations("partners");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const saveM = useSaveMilestone();
  const archiveM = useArchiveMilestone();
  const toast = useToast();
  const message = useErrorMessage();
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const [kind, setKind] = useState(item?.kind ?? "visit");
  const f = useRecordForm({
    schema: item ? updateMilestoneSchema : createMilestoneSchema,
    save: (v) => saveM.mutateAsync({ id: item?.id ?? null, input: v }),
    prepare: (v) => (kind === "agreement" || kind === "mou" ? v : { ...v, expiresOn: "" }),
    onSaved: () => {
      toast({ message: t("milestone.saved") });
      onDone();
    },
  });
  const e = f.errors;
  const archive = useCommand((id: number, archived: boolean) => archiveM.mutateAsync({ id, archived }), {
    onSuccess: () => {
      toast({ message: t("milestone.archived") });
      onDone();
    },
    onFailure: (error) => setArchiveError(message(error)),
  });
  return (
    <form {...f.formProps} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={item ? t("milestone.editTitle") : t("milestone.add")}>
      <FormError error={f.formError} />
      <input type="hidden" name="partnerId" value={partnerId} />
      {item ? <input type="hidden" name="version" value={item.version} /> : null}
      <SelectField
        label={t("milestone.kind")}
        name="kind"
        value={kind}
        onChange={(ev) => setKind(ev.target.value)}
        errors={e.kind}
        options={MILESTONE_KINDS.map((k) => ({ value: k, label: te(`milestoneKind.${k}`) }))}
      />
      <Field label={t("milestone.title")} name="title" defaultValue={item?.title} errors={e.title} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("milestone.date")} name="date" defaultValue={item ? typedDate(item) : ""} errors={e.date} hint={t("form.sinceHint")} required />
        <SelectField
          label={t("form.precision")}
          name="datePrecision"
          defaultValue={item?.datePrecision ?? ""}
          errors={e.datePrecision}
          placeholder={t("form.precisionAuto")}
          options={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`form.precisionValue.${p}`) }))}
        />
      </div>
      {kind === "agreement" || kind === "mou" ? (
        <Field label={t("milestone.expiresOn")} name="expiresOn" type="date" defaultValue={item?.expiresOn ?? ""} errors={e.expiresOn} hint={t("milestone.expiresHint")} />
      ) : null}
      <TextareaField label={t("milestone.notes")} name="notes" defaultValue={item?.notes ?? ""} errors={e.notes} rows={3} />
      <FormError error={archiveError} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={f.pending}>
          {tc("save")}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDone}>
          {tc("cancel")}
        </Button>
        {item ? (
          <Button type="button" size="sm" variant="ghost" disabled={archive.pending} onClick={() => archive.trigger(item.id, true)}>
            {t("form.archive")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
