import type { Locale } from "@/lib/format";
import type { TimelineLane } from "@/lib/timeline";

export function laneName(l: Pick<TimelineLane, "nameEn" | "nameKo">, locale: Locale) {
  return locale === "ko" ? l.nameKo : l.nameEn;
}
