"use client";
import { FormError } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { lazySchema } from "@/components/forms/lazy-schema";
import { useCreateFeed, useRevokeFeed } from "../queries";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const calendarFeedSchema = lazySchema(() => import("@/lib/validation/calendar-feeds").then((m) => m.calendarFeedSchema));

interface Feed {
  id: number;
  name: string;
  prefix: string;
  partner: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export function CalendarFeeds({ partners, feeds }: { partners: { id: number; label: string }[]; feeds: Feed[] }) {
  const t = useTranslations("reports.calendar");
  const createFeed = useCreateFeed();
  const revokeFeed = useRevokeFeed();
  const [name, setName] = useState("");
  const [partnerId, setPartnerId] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const { formProps, err, formError, pending: creating } = useCommandForm({
    command: (input: { name: string; partnerId?: string }) => createFeed.mutateAsync(input),
    schema: calendarFeedSchema,
    // A refused name shows at its field; anything else above the list.
    message: (e) => e.message,
    onSaved: (feed) => {
      setCreated(feed.url);
      setName("");
    },
    read: () => {
      setRevokeError(null);
      setCopied(false);
      return { name, partnerId };
    },
  });
  const revoke = useCommand((id: number) => revokeFeed.mutateAsync(id), {
    onFailure: (e) => setRevokeError(e.message),
  });
  const pending = creating || revoke.pending;
  const error = revokeError ?? (formError && !err("name") ? formError : null);

  function onRevoke(f: Feed) {
    if (!window.confirm(t("revokeConfirm", { name: f.name }))) return;
    setRevokeError(null);
    revoke.trigger(f.id);
  }

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600">{t("lead")}</p>
      <form
        {...formProps}
        className="space-y-3"
      >
        <Field label={t("name")} value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} errors={err("name")} maxLength={100} required />
        <SelectField
          label={t("scope")}
          value={partnerId}
          onChange={(e) => setPartnerId(e.target.value)}
          options={partners.map((p) => ({ value: String(p.id), label: p.label }))}
          placeholder={t("allPartners")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("create")}
        </Button>
      </form>
      <FormError error={error} />
      {created ? (
        <Alert tone="success" title={t("created")}>
          <label className="mt-2 block text-xs font-medium" htmlFor="feed-url">
            {t("address")}
          </label>
          <div className="mt-1 flex gap-2">
            <input id="feed-url" readOnly value={created} className={inputClass} onFocus={(e) => e.currentTarget.select()} />
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(created).then(() => setCopied(true));
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("yours")}</h3>
        {feeds.length === 0 ? <p className="mt-1 text-sm text-slate-600">{t("none")}</p> : null}
        <ul className="mt-2 divide-y divide-slate-100">
          {feeds.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <p className={f.revoked ? "font-medium text-slate-500 line-through" : "font-medium text-slate-900"}>
                  {f.name} <span className="font-mono text-xs text-slate-600">{f.prefix}…</span>
                </p>
                <p className="text-xs text-slate-600">
                  {f.partner ?? t("allPartners")} · {t("createdAt")} {f.createdAt} · {t("lastUsed")} {f.lastUsedAt ?? t("never")}
                </p>
              </div>
              {f.revoked ? (
                <span className="text-xs text-slate-600">{t("revoked")}</span>
              ) : (
                <Button type="button" size="sm" variant="danger" disabled={pending} onClick={() => onRevoke(f)} aria-label={`${t("revoke")}: ${f.name}`}>
                  {t("revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
