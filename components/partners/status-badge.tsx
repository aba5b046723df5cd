import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { active: "green", dormant: "amber", exploring: "brand", ended: "neutral" };

export async function PartnerStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("enums.partnerStatus");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status)}</Badge>;
}
