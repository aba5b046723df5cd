import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/guard";
import { viewerTimeZone } from "@/server/viewer";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const [t, { zone }, sp] = await Promise.all([getTranslations("notifications"), viewerTimeZone(), searchParams]);
  const before = typeof sp.before === "string" && /^[1-9]\d{0,14}$/.test(sp.before) ? sp.before : undefined;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <NotificationList zone={zone} before={before} />
    </>
  );
}
