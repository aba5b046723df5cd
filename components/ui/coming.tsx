import { getTranslations } from "next-intl/server";
import { PageHeader } from "./page-header";

/** An honest placeholder for an area whose issue has not landed: it claims nothing works. */
export async function Coming({ area }: { area: string }) {
  const t = await getTranslations("common");
  return (
    <>
      <PageHeader title={area} />
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="text-lg font-semibold text-slate-900">{t("comingTitle", { area })}</h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{t("comingBody")}</p>
      </div>
    </>
  );
}
