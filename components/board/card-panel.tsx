"use client";
import { SubmitButton } from "@/components/forms/form-parts";
import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { FollowButton } from "@/components/notifications/follow-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useToast } from "@/components/ui/toast";
import { ACTION_PRIORITIES, ACTION_SIDES, ACTION_STATUSES } from "@/lib/domain";
import { formatDate, formatInstant, isLocale, utcToZonedParts } from "@/lib/format";
import { cardQuery, useCommentOnCard, useSaveCard, type CardDetail as Detail } from "./queries";

/** The side panel of one card: full edit, notes, and history. Read-only for viewers. */
export function CardPanel({
  id,
  onClose,
  canEdit,
  zone,
}: {
  id: number | null;
  onClose: () => void;
  canEdit: boolean;
  zone: string;
}) {
  const t = useTranslations("board.panel");
  const q = useQuery(cardQuery(id));
  return (
    <Dialog.Root open={id !== null} onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-lg flex-col overflow-y-auto bg-white shadow-xl focus:outline-none"
        >
          <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
            <Dialog.Title className="text-lg font-semibold text-slate-900">{q.data?.action.title ?? t("loading")}</Dialog.Title>
            <Dialog.Close className="rounded p-1 text-slate-600 hover:bg-slate-100" aria-label={t("close")}>
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <div className="space-y-6 px-5 py-4">
            {q.isError ? <Alert tone="error">{t("loadFailed")}</Alert> : null}
            {q.data ? (
              <>
                <FollowButton key={q.data.action.id} type="action" id={q.data.action.id} following={q.data.following} />
                {canEdit ? (
                  <EditForm key={`${q.data.action.id}-${q.data.action.version}`} d={q.data} />
                ) : (
                  <ReadOnly d={q.data} zone={zone} />
                )}
                <Comments d={q.data} canEdit={canEdit} zone={zone} />
                <History d={q.data} zone={zone} />
              </>
            ) : null}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function useLoc() {
  const l = useLocale();
  return isLocale(l) ? l : "en";
}

function ReadOnly({ d, zone }: { d: Detail; zone: string }) {
  const t = useTranslations("board.panel");
  const te = useTranslations("enums");
  const locale = useLoc();
  const a = d.action;
  const owner = d.owners.find((o) => o.id === a.ownerPersonId)?.name;
  const rows: [string, string | null][] = [
    [t("partner"), locale === "ko" ? a.partnerNameKo : a.partnerNameEn],
    [t("status"), te(`actionStatus.${a.status}`)],
    [t("priority"), te(`priority.${a.priority}`)],
    [t("side"), te(`actionSide.${a.side}`)],
    [t("owner"), owner ?? null],
    [t("due"), a.dueOn ? formatDate(a.dueOn, locale) : null],
    [t("completed"), a.completedAt ? formatDate(utcToZonedParts(new Date(a.completedAt), zone).date, locale) : null],
    [t("meeting"), a.meetingTitle],
    [t("description"), a.description],
  ];
  return (
    <PanelSection id="panel-details" title={t("details")}>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className="whitespace-pre-line text-slate-900">{v}</dd>
            </div>
          ))}
      </dl>
    </PanelSection>
  );
}

function EditForm({ d }: { d: Detail }) {
  const t = useTranslations("board.panel");
  const te = useTranslations("enums");
  const locale = useLoc();
  const toast = useToast();
  const save = useSaveCard();
  const a = d.action;
  // The board's mutation (its cache and invalidation) runs under the kit's form state.
  const { formProps, errors, formError, pending } = useCommandForm({
    command: (input: Record<string, unknown>) => save.mutateAsync({ id: a.id, input }),
    message: (e) => e.message,
    onSaved: () => toast({ tone: "success", message: t("saved") }),
    read: (form) => ({ ...formValues(form), partnerId: a.partnerId, meetingId: a.meetingId ?? "", ownerUserId: a.ownerUserId ?? "", version: a.version }),
  });
  const enumOptions = (xs: readonly string[], ns: string) => xs.map((x) => ({ value: x, label: te(`${ns}.${x}`) }));
  return (
    <PanelSection id="panel-edit" title={t("edit")}>
      <p className="mb-3 text-sm text-slate-700">
        <Link href={`/partners/${a.partnerSlug}`} className="text-brand-700 underline-offset-2 hover:underline">
          {locale === "ko" ? a.partnerNameKo : a.partnerNameEn}
        </Link>
        {a.meetingTitle && a.meetingId ? (
          <>
            {" · "}
            <Link href={`/meetings/${a.meetingId}`} className="text-brand-700 underline-offset-2 hover:underline">
              {a.meetingTitle}
            </Link>
          </>
        ) : null}
      </p>
      {formError ? (
        <Alert tone="error" className="mb-3">
          {formError}
        </Alert>
      ) : null}
      <form {...formProps} className="space-y-3">
        <Field label={t("title")} name="title" defaultValue={a.title} required errors={errors.title} />
        <TextareaField label={t("description")} name="description" defaultValue={a.description ?? ""} rows={3} errors={errors.description} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={t("owner")}
            name="ownerPersonId"
            defaultValue={a.ownerPersonId ? String(a.ownerPersonId) : ""}
            placeholder="—"
            options={d.owners.map((o) => ({ value: String(o.id), label: o.name }))}
            errors={errors.ownerPersonId}
          />
          <Field label={t("due")} name="dueOn" type="date" defaultValue={a.dueOn ?? ""} errors={errors.dueOn} />
          <SelectField label={t("status")} name="status" defaultValue={a.status} options={enumOptions(ACTION_STATUSES, "actionStatus")} errors={errors.status} />
          <SelectField label={t("priority")} name="priority" defaultValue={a.priority} options={enumOptions(ACTION_PRIORITIES, "priority")} errors={errors.priority} />
          <SelectField label={t("side")} name="side" defaultValue={a.side} options={enumOptions(ACTION_SIDES, "actionSide")} errors={errors.side} />
        </div>
        <SubmitButton pending={pending} busy={t("saving")}>
          {t("save")}
        </SubmitButton>
      </form>
    </PanelSection>
  );
}

function Comments({ d, canEdit, zone }: { d: Detail; canEdit: boolean; zone: string }) {
  const t = useTranslations("board.panel");
  const locale = useLoc();
  const toast = useToast();
  const [body, setBody] = useState("");
  const comment = useCommentOnCard();
  const { formProps, err, formError, pending } = useCommandForm({
    command: (text: string) => comment.mutateAsync({ id: d.action.id, body: text }),
    read: () => body,
    message: (e) => e.message,
    onSaved: () => {
      setBody("");
      toast({ tone: "success", message: t("commentAdded") });
    },
  });
  const errors = err("body") ?? (formError ? [formError] : undefined);
  return (
    <PanelSection id="panel-comments" title={t("comments")}>
      {d.comments.length ? (
        <ol className="mb-3 space-y-2">
          {d.comments.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
              <p className="whitespace-pre-line text-slate-900">{c.body}</p>
              <p className="mt-1 text-xs text-slate-600">{t("by", { who: c.author ?? t("unknownAuthor"), time: formatInstant(new Date(c.createdAt), zone, locale) })}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mb-3 text-sm text-slate-600">{t("noComments")}</p>
      )}
      {canEdit ? (
        <form {...formProps} className="space-y-2">
          <TextareaField label={t("addComment")} name="body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} errors={errors} />
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            {t("postComment")}
          </Button>
        </form>
      ) : null}
    </PanelSection>
  );
}

function History({ d, zone }: { d: Detail; zone: string }) {
  const t = useTranslations("board.panel");
  const te = useTranslations("enums");
  const locale = useLoc();
  const value = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (k === "status" && typeof v === "string") return te(`actionStatus.${v}`);
    if (k === "priority" && typeof v === "string") return te(`priority.${v}`);
    if (k === "side" && typeof v === "string") return te(`actionSide.${v}`);
    if (k === "completedAt" && typeof v === "string") return formatDate(utcToZonedParts(new Date(v), zone).date, locale);
    return (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v)).slice(0, 80);
  };
  const known = new Set(["status", "completedAt", "title", "description", "ownerPersonId", "dueOn", "priority", "side", "meetingId", "body"]);
  return (
    <PanelSection id="panel-history" title={t("history")}>
      {d.history.length ? (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-3">
          {d.history.map((h) => {
            const changes = Object.keys(h.after ?? {})
              .filter((k) => known.has(k))
              .map((k) => (h.event === "create" || h.event === "comment" ? null : `${t(`fields.${k}`)}: ${value(k, h.before?.[k])} → ${value(k, h.after?.[k])}`))
              .filter(Boolean);
            return (
              <li key={h.id} className="text-sm">
                <p className="text-slate-900">
                  <span className="font-medium">{t.has(`events.${h.event}`) ? t(`events.${h.event}`) : h.event}</span>
                  {changes.length ? <span className="text-slate-700"> — {changes.join("; ")}</span> : null}
                </p>
                <p className="text-xs text-slate-600">{t("by", { who: h.actor, time: formatInstant(new Date(h.at), zone, locale) })}</p>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t("noHistory")}</p>
      )}
    </PanelSection>
  );
}

function PanelSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}
