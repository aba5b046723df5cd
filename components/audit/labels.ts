import "server-only";
import { getTranslations } from "next-intl/server";

/** Translated names of audit events and record types; unknown ones show as stored. */
export async function auditLabels() {
  const t = await getTranslations("audit");
  return {
    event: (e: string) => (t.has(`events.${e}`) ? t(`events.${e}` as "events.create") : e),
    type: (r: string) => (t.has(`types.${r}`) ? t(`types.${r}` as "types.partner") : r),
  };
}
