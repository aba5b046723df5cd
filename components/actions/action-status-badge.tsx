import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { open: "brand", in_progress: "amber", blocked: "red", done: "green", cancelled: "neutral" };

export async function ActionStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("enums.actionStatus");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status)}</Badge>;
}
