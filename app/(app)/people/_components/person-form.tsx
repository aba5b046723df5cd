"use client";
import { FormError } from "@/components/forms/form-parts";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRecordForm } from "@/components/forms/use-record-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import { PERSON_SIDES } from "@/lib/domain";
import type { PersonBasics } from "@/lib/types/lists";
import { lazySchema } from "@/components/forms/lazy-schema";
import { useSavePerson } from "../queries";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const createPersonSchema = lazySchema(() => import("@/lib/validation/people").then((m) => m.createPersonSchema));
const updatePersonSchema = lazySchema(() => import("@/lib/validation/people").then((m) => m.updatePersonSchema));

export interface PersonFormValues extends PersonBasics {
  version: number;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

export function PersonForm({ person, partners, defaultPartnerId }: { person?: PersonFormValues; partners: { id: number; label: string }[]; defaultPartnerId?: number }) {
  const t = useTranslations("people");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const router = useRouter();
  const toast = useToast();
  const save = useSavePerson();
  const [side, setSide] = useState(person?.side ?? (defaultPartnerId ? "partner" : "home"));
  const f = useRecordForm({
    schema: person ? updatePersonSchema : createPersonSchema,
    save: (v) => save.mutateAsync({ id: person?.id ?? null, input: v }),
    // People on our side belong to no partner: the hidden picker's value is not sent.
    prepare: (v) => (side === "home" ? { ...v, partnerId: "" } : v),
    onSaved: (d) => {
      toast({ message: t("form.saved", { name: d.name }), link: { href: `/people/${d.id}`, label: t("form.open") } });
      router.push(`/people/${d.id}`);
    },
  });
  const e = f.errors;
  return (
    <form {...f.formProps} className="space-y-6">
      <FormError error={f.formError} />
      {person ? <input type="hidden" name="version" value={person.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("form.nameEn")} name="nameEn" defaultValue={person?.nameEn} errors={e.nameEn} required />
        <Field label={t("form.nameLocal")} name="nameLocal" defaultValue={person?.nameLocal ?? ""} errors={e.nameLocal} hint={t("form.nameLocalHint")} />
        <Field label={t("form.title")} name="title" defaultValue={person?.title ?? ""} errors={e.title} hint={t("form.titleHint")} />
        <Field label={t("form.organisation")} name="organisation" defaultValue={person?.organisation ?? ""} errors={e.organisation} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("side")}
          name="side"
          value={side}
          onChange={(ev) => setSide(ev.target.value)}
          errors={e.side}
          options={PERSON_SIDES.map((s) => ({ value: s, label: te(`personSide.${s}`) }))}
        />
        {side === "partner" ? (
          <SelectField
            label={t("partner")}
            name="partnerId"
            defaultValue={person?.partnerId ?? defaultPartnerId ?? ""}
            errors={e.partnerId}
            placeholder={t("form.choosePartner")}
            options={partners.map((p) => ({ value: String(p.id), label: p.label }))}
          />
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("form.email")} name="email" type="email" defaultValue={person?.email ?? ""} errors={e.email} autoComplete="off" />
        <Field label={t("form.phone")} name="phone" type="tel" defaultValue={person?.phone ?? ""} errors={e.phone} autoComplete="off" />
      </div>
      <TextareaField label={t("form.notes")} name="notes" defaultValue={person?.notes ?? ""} errors={e.notes} rows={4} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={f.pending}>
          {tc("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
