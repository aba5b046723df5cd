import type { Locale } from "@/lib/format";
import { localLang } from "@/lib/lang";

/** A partner's name in the reader's language first, then the other scripts. */
export function PartnerNames({
  p,
  locale,
  as = "span",
}: {
  p: { nameEn: string; nameKo: string; nameLocal: string | null; country?: string };
  locale: Locale;
  as?: "span" | "h1";
}) {
  const first = locale === "ko" ? p.nameKo : p.nameEn;
  const second = locale === "ko" ? p.nameEn : p.nameKo;
  const big = as === "h1";
  const Main = as;
  return (
    <>
      <Main lang={locale === "ko" ? "ko" : "en"} className={big ? "text-2xl font-semibold tracking-tight text-slate-900" : "font-medium"}>
        {first}
      </Main>
      <span className={big ? "mt-1 block text-base text-slate-600" : "block text-xs text-slate-600"}>
        <span lang={locale === "ko" ? "en" : "ko"}>{second}</span>
        {p.nameLocal ? (
          <>
            {" · "}
            <span lang={localLang(p.country)}>{p.nameLocal}</span>
          </>
        ) : null}
      </span>
    </>
  );
}
