import { getTranslations } from "next-intl/server";
import { changedFields, type AuditRow } from "@/db/queries/audit";

const MAX = 200;

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > MAX ? `${s.slice(0, MAX)}…` : s;
}

/** "nameEn" → "name en": field keys read as words where no label exists. */
function fieldLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
}

/**
 * The fields an audit event touched, before → after. Values are rendered as text by React,
 * so whatever a user typed (markup included) shows as typed.
 */
export async function FieldChanges({ event }: { event: Pick<AuditRow, "before" | "after" | "event"> }) {
  const t = await getTranslations("audit");
  const rows = changedFields(event);
  if (!rows.length) return null;
  // A creation or deletion has one side only: list its values, not an arrow from nothing, and
  // fold them away, since a whole record is long.
  const oneSided = !event.before || !event.after;
  const list = (
    <dl className="mt-1 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-0.5 text-xs">
      {rows.map((r) => (
        <div key={r.field} className="contents">
          <dt className="text-slate-600">{fieldLabel(r.field)}</dt>
          <dd className="min-w-0 break-words text-slate-900">
            {oneSided ? (
              show(r.after ?? r.before)
            ) : (
              <>
                <span className="sr-only">{t("was")} </span>
                <del className="text-red-800">{show(r.before)}</del>
                <span aria-hidden> → </span>
                <span className="sr-only"> {t("now")} </span>
                <ins className="text-emerald-800 no-underline">{show(r.after)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (!oneSided) return list;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-700 underline">{t("fields", { n: rows.length })}</summary>
      {list}
    </details>
  );
}
