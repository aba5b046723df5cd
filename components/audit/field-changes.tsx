import { getTranslations } from "next-intl/server";
import type { Change } from "@/lib/audit/changes";

/**
 * The changes of an audit event, described by lib/audit/changes.ts: a field before → after, or
 * a list's people and items added, removed or changed. Values are rendered as text by React,
 * so whatever a user typed (markup included) shows as typed.
 */
export async function FieldChanges({ changes, oneSided }: { changes: Change[]; oneSided: boolean }) {
  const t = await getTranslations("audit");
  if (!changes.length) return null;
  const list = (
    <dl className="mt-1 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-0.5 text-xs">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="text-slate-600">{c.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">
            {c.kind === "items" ? (
              <ul>
                {c.added.map((s) => (
                  <li key={`+${s}`}>
                    <span className="text-slate-600">{t("added")}: </span>
                    <ins className="text-emerald-800 no-underline">{s}</ins>
                  </li>
                ))}
                {c.removed.map((s) => (
                  <li key={`-${s}`}>
                    <span className="text-slate-600">{t("removed")}: </span>
                    <del className="text-red-800">{s}</del>
                  </li>
                ))}
                {c.changed.map((s) => (
                  <li key={`~${s.before}`}>
                    <span className="text-slate-600">{t("changedItem")}: </span>
                    <del className="text-red-800">{s.before}</del>
                    <span aria-hidden> → </span>
                    <ins className="text-emerald-800 no-underline">{s.after}</ins>
                  </li>
                ))}
              </ul>
            ) : oneSided ? (
              c.before === "—" ? c.after : c.before
            ) : (
              <>
                <span className="sr-only">{t("was")} </span>
                <del className="text-red-800">{c.before}</del>
                <span aria-hidden> → </span>
                <span className="sr-only"> {t("now")} </span>
                <ins className="text-emerald-800 no-underline">{c.after}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
  // A creation or deletion lists a whole record: folded away, since it is long.
  if (!oneSided) return list;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-700 underline">{t("fields", { n: changes.length })}</summary>
      {list}
    </details>
  );
}
