import { VisitsAhead } from "@/components/visits/visits-ahead";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BarListChart } from "@/components/dashboard/bar-list-chart";
import { MeetingsPerYearChart } from "@/components/dashboard/meetings-per-year-chart";
import { MeetingRows } from "@/components/meetings/meeting-row";
import { Card } from "@/components/ui/card";
import { Empty } from "@/components/ui/empty";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { dashboardData } from "@/db/queries/dashboard";
import { getHomeRegion } from "@/db/queries/settings";
import { requireUser } from "@/server/auth/guard";
import { cn } from "@/lib/cn";
import { ACTION_STATUSES, PARTNER_STATUSES, UNFINISHED_ACTION_STATUSES } from "@/lib/domain";
import { formatDate, formatNumber, todayIn } from "@/lib/format";
import { SERIES_COLORS } from "@/lib/timeline";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("dashboard.title");

const STATUS_COLORS: Record<string, string> = {
  open: "#0072B2",
  in_progress: "#56B4E9",
  blocked: "#D55E00",
  done: "#009E73",
  cancelled: "#64748b",
};

const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

export default async function DashboardPage() {
  await requireUser();
  const db = getDb();
  const [t, te, locale, { zone }, home] = await Promise.all([getTranslations("dashboard"), getTranslations("enums"), viewerLocale(), viewerTimeZone(), getHomeRegion(db)]);
  const today = todayIn(zone);
  const d = await dashboardData(db, today);
  const name = (p: { nameEn: string; nameKo: string }) => (locale === "ko" ? p.nameKo : p.nameEn);
  const num = (n: number) => formatNumber(n, locale);
  const partnerById = new Map(d.partners.map((p) => [p.id, p]));
  const series = d.partners.map((p, i) => ({ id: p.id, name: name(p), color: SERIES_COLORS[i % SERIES_COLORS.length]! }));
  const firstYear = d.meetingsPerYear.length ? Math.min(...d.meetingsPerYear.map((r) => r.year), d.year) : d.year;
  const lastYear = d.meetingsPerYear.length ? Math.max(...d.meetingsPerYear.map((r) => r.year), d.year) : d.year;
  const years: ({ year: number } & Record<string, number>)[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push({ year: y, ...Object.fromEntries(d.partners.map((p) => [String(p.id), 0])) });
  for (const r of d.meetingsPerYear) {
    const row = years[r.year - firstYear];
    if (row) row[String(r.partnerId)] = (row[String(r.partnerId)] ?? 0) + r.count;
  }
  const totalPartners = Object.values(d.partnersByStatus).reduce((a, b) => a + b, 0);
  const yearRange = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={`${t("lead", { home: locale === "ko" ? home.nameKo : home.nameEn })} · ${t("asOf", { date: formatDate(today, locale) })}`}
      />
      <ul className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Tile label={t("partners")} value={num(totalPartners)} href="/partners">
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {PARTNER_STATUSES.filter((s) => d.partnersByStatus[s]).map((s) => (
              <li key={s}>
                <Link href={`/partners?${qs({ status: s })}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {num(d.partnersByStatus[s]!)} {te(`partnerStatus.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile label={t("meetingsThisYear", { year: d.year })} value={num(d.meetingsThisYear)} href={`/meetings?${qs(yearRange(d.year))}`}>
          <Link href={`/meetings?${qs(yearRange(d.year - 1))}`} className="text-brand-700 underline-offset-2 hover:underline">
            {t("meetingsLastYear", { n: num(d.meetingsLastYear), year: d.year - 1 })}
          </Link>
        </Tile>
        <Tile label={t("openActions")} value={num(d.openActions)} href="/board">
          {/* Every unfinished status, so the parts add up to the tile's number. */}
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {UNFINISHED_ACTION_STATUSES.map((s) => (
              <li key={s}>
                <Link href={`/actions?${qs({ status: s })}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {num(d.actionsByStatus[s] ?? 0)} {te(`actionStatus.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile label={t("overdueActions")} value={num(d.overdueActions)} href="/board?due=overdue" alert={d.overdueActions > 0}>
          {t("overdueLink")}
        </Tile>
      </ul>

      <VisitsAhead locale={locale} />

      <Card title={t("perYearTitle")} id="per-year" className="mb-6">
        <MeetingsPerYearChart rows={years} partners={series} locale={locale} axisX={t("perYearAxisX")} axisY={t("perYearAxisY")} />
        <FiguresTable summary={t("showTable")}>
          <Table caption={t("perYearTitle")} head={[t("year"), ...d.partners.map((p) => ({ label: name(p), numeric: true, key: p.id })), { label: t("total"), numeric: true }]}>
            <tbody>
              {years.map((row) => (
                <tr key={row.year}>
                  <Th scope="row">{row.year}</Th>
                  {d.partners.map((p) => {
                    const n = row[String(p.id)] ?? 0;
                    return (
                      <Td key={p.id} className="text-right tabular-nums">
                        {n ? (
                          <Link href={`/meetings?${qs({ partner: p.slug, ...yearRange(row.year) })}`} className="text-brand-700 underline">
                            {num(n)}
                          </Link>
                        ) : (
                          num(0)
                        )}
                      </Td>
                    );
                  })}
                  <Td className="text-right font-medium tabular-nums">{num(d.partners.reduce((a, p) => a + (row[String(p.id)] ?? 0), 0))}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </FiguresTable>
      </Card>

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title={t("actionsTitle")} id="actions-by-status">
          <BarListChart
            rows={ACTION_STATUSES.map((s) => ({ label: te(`actionStatus.${s}`), value: d.actionsByStatus[s] ?? 0, color: STATUS_COLORS[s]! }))}
            locale={locale}
            axis={t("actionsAxisX")}
          />
          <FiguresTable summary={t("showTable")}>
            <Table caption={t("actionsTitle")} head={[t("status"), { label: t("count"), numeric: true }]}>
              <tbody>
                {ACTION_STATUSES.map((s) => (
                  <tr key={s}>
                    <Th scope="row">{te(`actionStatus.${s}`)}</Th>
                    <Td className="text-right tabular-nums">
                      <Link href={`/actions?${qs({ status: s })}`} className="text-brand-700 underline">
                        {num(d.actionsByStatus[s] ?? 0)}
                      </Link>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </FiguresTable>
        </Card>

        <Card title={t("coldTitle")} id="cold">
          <p className="mb-2 text-sm text-slate-600">{t("coldLead")}</p>
          {/* Never met ranks first (the coldest of all), a bar of no length marked "no contact yet". */}
          <BarListChart
            rows={d.coldest.map((c) =>
              c.days === null
                ? { label: name(partnerById.get(c.partnerId)!), value: 0, color: "#94a3b8", note: t("noContactYet") }
                : { label: name(partnerById.get(c.partnerId)!), value: c.days, color: "#0072B2" },
            )}
            locale={locale}
            axis={t("coldAxisX")}
          />
          <FiguresTable summary={t("showTable")}>
            <Table caption={t("coldTitle")} head={[t("partner"), t("lastContact"), { label: t("days"), numeric: true }]}>
              <tbody>
                {d.coldest.map((c) => {
                  const p = partnerById.get(c.partnerId)!;
                  return (
                    <tr key={c.partnerId}>
                      <Th scope="row">
                        <Link href={`/meetings?${qs({ partner: p.slug })}`} className="text-brand-700 underline">
                          {name(p)}
                        </Link>
                      </Th>
                      <Td>{c.lastContact ? formatDate(c.lastContact.toISOString().slice(0, 10), locale) : t("noContactYet")}</Td>
                      <Td className="text-right tabular-nums">{c.days === null ? "—" : t("daysValue", { n: num(c.days), count: c.days })}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </FiguresTable>
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("upcomingTitle")} id="upcoming">
          <MeetingRows
            rows={d.upcoming}
            detail={(m) => {
              const p = partnerById.get(m.partnerId);
              return p ? name(p) : "";
            }}
            empty={t("noUpcoming")}
            viewerZone={zone}
            locale={locale}
            stacked
          />
        </Card>
        <Card
          title={t("overdueTitle")}
          id="overdue"
          actions={
            d.overdueActions ? (
              <Link href="/board?due=overdue" className="text-sm font-medium text-brand-700 underline">
                {t("seeAllOverdue", { n: num(d.overdueActions) })}
              </Link>
            ) : null
          }
        >
          {d.overdueList.length ? (
            <ul className="divide-y divide-slate-100">
              {d.overdueList.map((a) => {
                const p = partnerById.get(a.partnerId);
                return (
                  <li key={a.id} className="py-3 text-sm">
                    <p className="font-medium text-slate-900">{a.title}</p>
                    <p className="text-xs text-slate-600">
                      <span className="font-medium text-red-800">{t("dueOn", { date: formatDate(a.dueOn, locale) })}</span>
                      {" · "}
                      {te(`actionStatus.${a.status}`)} · {te(`actionSide.${a.side}`)}
                      {p ? (
                        <>
                          {" · "}
                          <Link href={`/partners/${p.slug}#actions`} className="text-brand-700 underline">
                            {name(p)}
                          </Link>
                        </>
                      ) : null}
                    </p>
                  </li>
                );
              })}
            </ul>
          ) : (
            <Empty>{t("noOverdue")}</Empty>
          )}
        </Card>
      </div>
    </>
  );
}

function Tile({ label, value, href, alert, children }: { label: string; value: string; href: string; alert?: boolean; children?: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Link href={href} className="group block">
        <span className="block text-sm font-medium text-slate-700 group-hover:underline">{label}</span>
        <span className={cn("mt-1 block text-3xl font-semibold tabular-nums", alert ? "text-red-700" : "text-slate-900")}>{value}</span>
      </Link>
      {children ? <div className="mt-2 text-sm text-slate-700">{children}</div> : null}
    </li>
  );
}

function FiguresTable({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="mt-3 text-sm" open={open}>
      <summary className="cursor-pointer text-brand-700 print:hidden">{summary}</summary>
      <div className="mt-2 overflow-x-auto">{children}</div>
    </details>
  );
}


