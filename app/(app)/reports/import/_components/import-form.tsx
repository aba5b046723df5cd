"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Table, Td, Th } from "@/components/ui/table";
import type { FileProblem, ImportKind, ImportPreview, RowProblem } from "@/db/queries/import";
import { checkImport, saveImport } from "../actions";

const KINDS: ImportKind[] = ["partners", "people", "meetings"];

export function ImportForm({ columns, maxRows, maxMb }: { columns: Record<ImportKind, { required: string[]; optional: string[] }>; maxRows: number; maxMb: string }) {
  const t = useTranslations("reports.import");
  const [kind, setKind] = useState<ImportKind>("partners");
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; problems?: RowProblem[] } | null>(null);
  const [pending, start] = useTransition();

  const fileProblem = (f: FileProblem) => t(f.key, f.values as Record<string, string | number>);
  const spec = columns[kind];

  function check() {
    setPreview(null);
    setResult(null);
    setProblem(null);
    if (!file) return setProblem(t("noFile"));
    if (file.size > Number(maxMb) * 1024 * 1024) return setProblem(t("tooBig", { mb: maxMb }));
    start(async () => {
      const body = await file.text();
      setText(body);
      const r = await checkImport({ kind, text: body });
      if (!r.ok) return setProblem(r.error.message);
      if (!r.data.ok) return setProblem(fileProblem(r.data.file));
      setPreview(r.data.preview);
    });
  }

  function commit() {
    if (!text) return;
    start(async () => {
      const r = await saveImport({ kind, text });
      if (!r.ok) return setResult({ tone: "error", text: r.error.message });
      if (r.data.ok) {
        setResult({ tone: "success", text: t("committed", { n: r.data.count }) });
        setPreview(null);
        return;
      }
      setResult({ tone: "error", text: r.data.file ? fileProblem(r.data.file) : t("refused"), problems: r.data.problems });
    });
  }

  const byRow = new Map<number, RowProblem[]>();
  for (const p of preview?.problems ?? []) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const bad = byRow.size;
  const shown = preview?.columns.slice(0, 4) ?? [];

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
            setPreview(null);
            setResult(null);
          }}
          options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            {t("file")}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className={inputClass}
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setResult(null);
            }}
          />
        </div>
        <p id="import-file-hint" className="text-xs text-slate-600 sm:col-span-2">
          {t("fileHint", { rows: maxRows, mb: maxMb, columns: [...spec.required.map((c) => `${c}*`), ...spec.optional].join(", ") })}
        </p>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("preview")}
          </Button>
        </div>
      </form>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {result ? (
        <Alert tone={result.tone} title={result.text}>
          {result.problems?.length ? (
            <ul className="list-disc pl-5">
              {result.problems.map((p, i) => (
                <li key={i}>
                  {t("row")} {p.row}, {p.field}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-h" className="space-y-3">
          <h2 id="preview-h" className="text-base font-semibold text-slate-900">
            {t("previewTitle")}
          </h2>
          <Alert tone={bad ? "error" : "info"}>{bad ? t("summaryBad", { bad }) : t("summaryOk", { n: preview.rows.length })}</Alert>
          <Table caption={t("previewTitle")}>
            <thead>
              <tr>
                <Th>{t("row")}</Th>
                {shown.map((c) => (
                  <Th key={c}>{c}</Th>
                ))}
                <Th>{t("problems")}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.filter((r, i) => i < 200 || byRow.has(r.row)).map((r) => {
                const ps = byRow.get(r.row);
                return (
                  <tr key={r.row} className={ps ? "bg-red-50" : undefined}>
                    <Td className="tabular-nums">{r.row}</Td>
                    {shown.map((c) => (
                      <Td key={c}>{r.values[c]}</Td>
                    ))}
                    <Td>
                      {ps ? (
                        <ul className="text-red-800">
                          {ps.map((p, i) => (
                            <li key={i}>
                              <span className="font-medium">{p.field}</span>: {p.message}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-emerald-800">{t("ok")}</span>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {bad === 0 ? (
            <Button type="button" onClick={commit} disabled={pending}>
              {t("commit", { n: preview.rows.length })}
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
