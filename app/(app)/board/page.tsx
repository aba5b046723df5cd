import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Board } from "@/components/board/board";
import { BoardFilters } from "@/components/board/board-filters";
import { Alert } from "@/components/ui/alert";
import { LoadingBlock } from "@/components/ui/loading-block";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { boardOwnerOptions, getBoard } from "@/db/queries/board";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { afterShell } from "@/lib/defer";
import { can } from "@/lib/permissions";
import { filtersToQuery, parseBoardFilters, type BoardFilters as Filters } from "@/lib/board/filters";
import { todayIn } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("board.title");

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [t, locale, { zone }, sp] = await Promise.all([getTranslations("board"), viewerLocale(), viewerTimeZone(), searchParams]);
  const filters = parseBoardFilters(sp);
  const db = getDb();
  const [partners, owners] = await Promise.all([partnerOptions(db), boardOwnerOptions(db)]);
  const canMove = can(user.role, "write");
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        link={{ href: "/board/partners", label: t("partnerOverview"), variant: "secondary" }}
      />
      <BoardFilters
        filters={filters}
        partners={partners.map((p) => ({ value: p.slug, label: locale === "ko" ? p.nameKo : p.nameEn }))}
        owners={owners}
      />
      {!canMove ? (
        <Alert tone="info" className="mb-4">
          {t("readOnly")}
        </Alert>
      ) : null}
      {/* The header and filters paint at once; the columns stream in when read. */}
      <Suspense fallback={<LoadingBlock className="h-96" />}>
        <BoardBody filters={filters} canMove={canMove} zone={zone} />
      </Suspense>
    </>
  );
}

async function BoardBody({ filters, canMove, zone }: { filters: Filters; canMove: boolean; zone: string }) {
  await afterShell();
  const [t, board] = await Promise.all([getTranslations("board"), getBoard(getDb(), filters, todayIn(zone))]);
  const query = filtersToQuery(filters);
  return (
    <>
      {board.lanesTruncated ? (
        <Alert tone="warning" className="mb-4">
          {t("lanesTruncated", { n: board.lanes.length })}
        </Alert>
      ) : null}
      <Board key={query} initial={board} query={query} canMove={canMove} zone={zone} />
    </>
  );
}
