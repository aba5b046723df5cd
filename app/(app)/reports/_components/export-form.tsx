"use client";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ACTION_STATUSES, MEETING_STATUSES, PARTNER_STATUSES } from "@/lib/domain";
import type { Locale } from "@/lib/format";
import { REPORT_FORMATS, type ExportFormat, type ReportKind } from "@/lib/export/formats";

type Report = ReportKind;
type Format = ExportFormat;
const FORMATS = REPORT_FORMATS;
/** Partners and people are lists, not events: no period applies to them. */
const UNDATED: Report[] = ["partners", "people"];

interface Option {
  id: number;
  label: string;
}

type Progress = { received: number; rows: number | null; doneRows: number } | null;

/** Reads the response body chunk by chunk so the page can show how far the download is. */
async function readWithProgress(res: Response, onChunk: (received: number, lines: number) => void): Promise<Blob> {
  const reader = res.body!.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.byteLength;
    // CSV rows end in CRLF; counting LF bytes gives a close row estimate (notes may span lines).
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    onChunk(received, lines);
  }
  return new Blob(parts, { type: res.headers.get("content-type") ?? "application/octet-stream" });
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

export function ExportForm({ partners, owners, isAdmin, locale }: { partners: Option[]; owners: Option[]; isAdmin: boolean; locale: Locale }) {
  const t = useTranslations("reports");
  const te = useTranslations("enums");
  const ids = useId();
  const [report, setReport] = useState<Report>("briefing");
  const [format, setFormat] = useState<Format>("pdf");
  const [partnerId, setPartnerId] = useState<string>(String(partners.find((p) => p.label.includes("Chongqing") || p.label.includes("충칭"))?.id ?? partners[0]?.id ?? ""));
  const [chosen, setChosen] = useState<number[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [status, setStatus] = useState("");
  const [owner, setOwner] = useState("");
  const [lang, setLang] = useState<Locale>(locale);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  const common: Report[] = ["briefing", "meetings", "actions", "gifts", "partners", "people"];
  const reports: Report[] = isAdmin ? [...common, "audit"] : common;
  const statuses: { value: string; label: string }[] =
    report === "meetings"
      ? MEETING_STATUSES.map((s) => ({ value: s, label: te(`meetingStatus.${s}`) }))
      : report === "actions"
        ? ACTION_STATUSES.map((s) => ({ value: s, label: te(`actionStatus.${s}`) }))
        : report === "gifts"
          ? [
              { value: "declared", label: t("declared") },
              { value: "undeclared", label: t("undeclared") },
            ]
          : report === "partners"
            ? PARTNER_STATUSES.map((s) => ({ value: s, label: te(`partnerStatus.${s}`) }))
            : [];

  function chooseReport(r: Report) {
    setReport(r);
    setFormat(FORMATS[r][0]!);
    setStatus("");
    setFields({});
    setMessage(null);
  }

  function url(): string {
    const q = new URLSearchParams({ format, lang });
    if (report === "briefing") q.append("partner", partnerId);
    else {
      if (report !== "audit") for (const id of chosen) q.append("partner", String(id));
      if (from && !UNDATED.includes(report)) q.set("from", from);
      if (to && !UNDATED.includes(report)) q.set("to", to);
      if (status) q.set("status", status);
      if (owner && report === "actions") q.set("owner", owner);
    }
    return `/api/v1/exports/${report}?${q.toString()}`;
  }

  async function download() {
    setBusy(true);
    setMessage(null);
    setFields({});
    setProgress({ received: 0, rows: null, doneRows: 0 });
    try {
      const res = await fetch(url(), { credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
        setFields(body?.error?.fields ?? {});
        setMessage({ tone: "error", text: t("failed", { message: body?.error?.message ?? res.statusText }) });
        return;
      }
      const rowsHeader = res.headers.get("x-export-rows");
      const rows = rowsHeader ? Number(rowsHeader) : null;
      const blob = await readWithProgress(res, (received, lines) =>
        setProgress({ received, rows, doneRows: format === "csv" ? Math.max(0, lines - 1) : 0 }),
      );
      const name = filenameOf(res, `${report}.${format}`);
      const href = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = href;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setMessage({ tone: "success", text: t("done", { name, kb: Math.max(1, Math.round(blob.size / 1024)) }) });
    } catch (e) {
      setMessage({ tone: "error", text: t("failed", { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const pct = progress?.rows && format === "csv" ? Math.min(99, Math.round((progress.doneRows / Math.max(1, progress.rows)) * 100)) : null;

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        void download();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("chooseReport")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {reports.map((r) => (
            <label
              key={r}
              className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="report" value={r} checked={report === r} onChange={() => chooseReport(r)} className="mt-1" />
              <span>
                <span className="block font-medium text-slate-900">{t(`kinds.${r}`)}</span>
                <span className="block text-xs text-slate-600">{t(`kindHints.${r}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {report === "briefing" ? (
        <SelectField
          label={t("partner")}
          value={partnerId}
          onChange={(e) => setPartnerId(e.target.value)}
          options={partners.map((p) => ({ value: String(p.id), label: p.label }))}
          errors={fields.partner}
          required
        />
      ) : (
        <>
          {report !== "audit" ? (
            <fieldset aria-describedby={`${ids}-ph`}>
              <legend className="text-sm font-medium text-slate-800">{t("partners")}</legend>
              <p id={`${ids}-ph`} className="text-xs text-slate-600">
                {t("partnersHint")}
              </p>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
                {partners.map((p) => (
                  <label key={p.id} className="inline-flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={chosen.includes(p.id)}
                      onChange={(e) => setChosen((xs) => (e.target.checked ? [...xs, p.id] : xs.filter((x) => x !== p.id)))}
                    />
                    {p.label}
                  </label>
                ))}
              </div>
              {fields.partner ? <p className="mt-1 text-xs text-red-700">{fields.partner.join(" ")}</p> : null}
            </fieldset>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            {UNDATED.includes(report) ? null : (
              <>
                <Field label={t("from")} type="date" value={from} onChange={(e) => setFrom(e.target.value)} errors={fields.from} />
                <Field label={t("to")} type="date" value={to} onChange={(e) => setTo(e.target.value)} errors={fields.to} />
              </>
            )}
            {statuses.length ? (
              <SelectField label={t("status")} value={status} onChange={(e) => setStatus(e.target.value)} options={statuses} placeholder={t("anyStatus")} errors={fields.status} />
            ) : null}
            {report === "actions" ? (
              <SelectField
                label={t("owner")}
                value={owner}
                onChange={(e) => setOwner(e.target.value)}
                options={owners.map((o) => ({ value: String(o.id), label: o.label }))}
                placeholder={t("anyOwner")}
                errors={fields.owner}
              />
            ) : null}
          </div>
        </>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("language")}
          value={lang}
          onChange={(e) => setLang(e.target.value as Locale)}
          options={(["en", "ko"] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("format")}</legend>
          <div className="mt-2 space-y-1">
            {FORMATS[report].map((f) => (
              <label key={f} className="flex items-center gap-2 text-sm">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                {t(`formats.${f}`)}
              </label>
            ))}
          </div>
          {fields.format ? <p className="mt-1 text-xs text-red-700">{fields.format.join(" ")}</p> : null}
        </fieldset>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={busy}>
          <Download aria-hidden className="size-4" />
          {busy ? t("downloading") : t("download")}
        </Button>
        {progress ? (
          <div className="flex min-w-48 flex-1 items-center gap-3">
            <progress className="h-2 w-full max-w-xs accent-brand-700" aria-label={t("progress")} max={100} value={pct ?? undefined} />
            <span className="text-sm text-slate-700 tabular-nums" aria-live="polite">
              {pct !== null && progress.rows
                ? t("receivedRows", { done: Math.min(progress.doneRows, progress.rows), total: progress.rows })
                : t("receivedBytes", { kb: Math.round(progress.received / 1024) })}
            </span>
          </div>
        ) : null}
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
