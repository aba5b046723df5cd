"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import type { RowProblem } from "@/lib/types/import";
import { type ImportPreview } from "@/lib/types/import";

/** What the file will do, row by row, before anything is saved. */
export function ImportPreviewTable({
  preview,
  label,
  problemText,
  pending,
  onCommit,
}: {
  preview: ImportPreview;
  label: (column: string) => string;
  problemText: (p: RowProblem) => string;
  pending: boolean;
  onCommit: () => void;
}) {
  const t = useTranslations("import");
  const byRow = new Map<number, RowProblem[]>();
  for (const p of preview.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const bad = byRow.size;
  const shown = preview.columns.filter((c) => c !== "id").slice(0, 4);
  const encoding = preview.format === "xlsx" ? t("encodings.xlsx") : t(`encodings.${preview.encoding ?? "utf-8"}`);
  return (
    <section aria-labelledby="preview-h" className="space-y-3">
      <h2 id="preview-h" className="text-base font-semibold text-slate-900">
        {t("previewTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("readAs", { encoding })}</p>
      {preview.guessed ? <Alert tone="warning">{t("guessed", { encoding })}</Alert> : null}
      <Alert tone={bad ? "error" : "info"}>{bad ? t("summaryBad", { bad }) : t("summaryOk", { n: preview.rows.length })}</Alert>
      <Table caption={t("previewTitle")} head={[t("row"), t("action"), ...shown.map((c) => ({ label: label(c), key: c })), t("problems")]}>
        <tbody>
          {preview.rows
            .filter((r, i) => i < 200 || byRow.has(r.row))
            .map((r) => {
              const ps = byRow.get(r.row);
              return (
                <tr key={r.row} className={ps ? "bg-red-50" : undefined}>
                  <Td className="tabular-nums">{r.row}</Td>
                  <Td>{t(`actions.${r.action}`)}</Td>
                  {shown.map((c) => (
                    <Td key={c}>{r.values[c]}</Td>
                  ))}
                  <Td>
                    {ps ? (
                      <ul className="text-red-800">
                        {ps.map((p, i) => (
                          <li key={i}>
                            <span className="font-medium">{label(p.column)}</span>: {problemText(p)}
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
        <Button type="button" onClick={onCommit} disabled={pending}>
          {t("commit", { n: preview.rows.length })}
        </Button>
      ) : null}
    </section>
  );
}
