import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links that keep the rest of the URL's query. */
export async function Pager({ page, size, total, basePath, query }: { page: number; size: number; total: number; basePath: string; query: Record<string, string | undefined> }) {
  const t = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / size));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== "page") q.set(k, v);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav aria-label={t("page", { page, pages })} className="mt-4 flex items-center justify-between text-sm">
      <span className="text-slate-600">{t("page", { page, pages })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
