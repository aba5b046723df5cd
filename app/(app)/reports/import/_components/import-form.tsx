"use client";
import { FormError } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { useErrorText } from "@/components/forms/use-field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { RowProblem } from "@/lib/types/import";
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from "@/lib/import/columns";
import { ENCODINGS, type EncodingChoice } from "@/lib/import/decode";
import type { Locale } from "@/lib/format";
import { checkImport, saveImport } from "../commands";
import { ImportPreviewTable } from "./import-preview";
import { type FileProblem, type ImportMode, type ImportPreview } from "@/lib/types/import";

export function ImportForm({ templates, maxRows, maxMb }: { templates: Record<ImportKind, Record<Locale, string>>; maxRows: number; maxMb: string }) {
  const t = useTranslations("import");
  const tr = useTranslations();
  const errorText = useErrorText();
  const [kind, setKind] = useState<ImportKind>("partners");
  const [mode, setMode] = useState<ImportMode>("update");
  const [encoding, setEncoding] = useState<EncodingChoice>("auto");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; problems?: RowProblem[] } | null>(null);

  const label = (k: ImportKind, column: string) => {
    const c = IMPORT_COLUMNS[k].find((x) => x.key === column);
    return c ? tr(c.label) : t("wholeRow");
  };
  const fileProblem = (f: FileProblem) => {
    if (f.key === "missingColumns") return t("missingColumns", { columns: f.values.columns.map((c) => label(kind, c)).join(", ") });
    if (f.key === "badBytes") return t("badBytes", { row: f.values.row, encoding: t(`encodings.${f.values.encoding}`) });
    return t(f.key, f.values as Record<string, string | number>);
  };
  const problemText = (p: RowProblem) => ("error" in p ? errorText(p.error) : tr(p.key, p.values));
  const reset = () => {
    setPreview(null);
    setResult(null);
    setProblem(null);
  };
  const formData = () => {
    const fd = new FormData();
    fd.set("kind", kind);
    fd.set("mode", mode);
    fd.set("encoding", encoding);
    if (file) fd.set("file", file);
    return fd;
  };

  const checking = useCommand(checkImport, {
    onSuccess: (r) => (r.ok ? setPreview(r.preview) : setProblem(fileProblem(r.file))),
    onFailure: (e) => setProblem(e.message),
  });
  // Whatever happened, the old preview no longer describes the database: it goes.
  const saving = useCommand(saveImport, {
    onSuccess: (r) => {
      setPreview(null);
      if (r.ok) return setResult({ tone: "success", text: t("committed", { created: r.created, updated: r.updated, unchanged: r.unchanged }) });
      setResult({ tone: "error", text: r.file ? fileProblem(r.file) : t("refused"), problems: r.problems });
    },
    onFailure: (e) => {
      setPreview(null);
      setResult({ tone: "error", text: e.message });
    },
  });
  const pending = checking.pending || saving.pending;

  function check() {
    reset();
    if (!file) return setProblem(t("noFile"));
    if (file.size > Number(maxMb) * 1024 * 1024) return setProblem(t("tooBig", { mb: maxMb }));
    checking.trigger(formData());
  }

  function commit() {
    if (file) saving.trigger(formData());
  }

  const columns = IMPORT_COLUMNS[kind].filter((c) => c.key !== "date" && c.key !== "time");

  return (
    <div className="space-y-5">
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <SelectField
          label={t("kind")}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ImportKind);
            reset();
          }}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            {t("file")}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={inputClass}
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
        </div>
        <SelectField
          label={t("mode")}
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as ImportMode);
            reset();
          }}
          options={(["update", "create"] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
        />
        <SelectField
          label={t("encoding")}
          value={encoding}
          onChange={(e) => {
            setEncoding(e.target.value as EncodingChoice);
            reset();
          }}
          options={(["auto", ...ENCODINGS] as const).map((m) => ({ value: m, label: t(`encodings.${m}`) }))}
        />
        <div id="import-file-hint" className="space-y-2 text-xs text-slate-600 sm:col-span-2">
          <p>{t("fileHint", { rows: maxRows, mb: maxMb })}</p>
          <p>
            <span className="font-medium text-slate-800">{t("columnsTitle")}</span>{" "}
            {columns.map((c) => `${tr(c.label)}${c.required ? "*" : ""}`).join(", ")}
          </p>
          <p>{t(`columnsHint.${kind}`)}</p>
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm sm:col-span-2">
          <span>{t("template")}</span>
          <a className="text-brand-700 underline underline-offset-2" href={templates[kind].en} download={`${kind}-template-en.csv`} lang="en">
            {t("templateIn", { language: "English" })}
          </a>
          <a className="text-brand-700 underline underline-offset-2" href={templates[kind].ko} download={`${kind}-template-ko.csv`} lang="ko">
            {t("templateIn", { language: "한국어" })}
          </a>
        </p>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("preview")}
          </Button>
        </div>
      </form>
      <FormError error={problem} />
      {result ? (
        <Alert tone={result.tone} title={result.text}>
          {result.problems?.length ? (
            <ul className="list-disc pl-5">
              {result.problems.map((p, i) => (
                <li key={i}>
                  {p.column === "_" ? `${t("row")} ${p.row}` : t("rowColumn", { row: p.row, column: label(kind, p.column) })}: {problemText(p)}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {preview ? (
        <ImportPreviewTable preview={preview} label={(c) => label(preview.kind, c)} problemText={problemText} pending={pending} onCommit={commit} />
      ) : null}
    </div>
  );
}
