"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { VISIT_FILL, VISIT_STROKE } from "@/lib/timeline";
import { MarkIcon } from "./mark-icon";

/** A legend entry's drawing, at the size it has in the chart. */
function Swatch({ w, h, children }: { w: number; h: number; children: ReactNode }) {
  return (
    <svg aria-hidden width={w} height={h} viewBox={`0 0 ${w} ${h}`}>
      {children}
    </svg>
  );
}

/** The chart's legend: every shape, line and band the chart can draw, in words. */
export function TimelineLegend({ hasBuckets, hasVisitBuckets, hasCancelledVisits }: { hasBuckets: boolean; hasVisitBuckets: boolean; hasCancelledVisits: boolean }) {
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const items: { key: string; icon: ReactNode; text: string; shown?: boolean }[] = [
    { key: "start", icon: <MarkIcon kind="start" />, text: te("milestoneKind.start") },
    { key: "agreement", icon: <MarkIcon kind="agreement" />, text: t("legendAgreement") },
    { key: "delegation", icon: <MarkIcon kind="delegation" />, text: t("legendOtherMilestone") },
    ...(["meeting", "visit", "video_call", "signing", "event"] as const).map((k) => ({ key: k, icon: <MarkIcon kind={k} />, text: te(`meetingKind.${k}`) })),
    {
      key: "visitSpan",
      icon: (
        <Swatch w={28} h={12}>
          <rect x="1" y="2" width="26" height="8" rx="3" fill={VISIT_FILL} stroke={VISIT_STROKE} />
        </Swatch>
      ),
      text: t("legendVisit"),
    },
    {
      key: "visitBucket",
      shown: hasVisitBuckets,
      icon: (
        <Swatch w={28} h={12}>
          <rect x="1" y="2" width="12" height="8" rx="2" fill={VISIT_FILL} fillOpacity={0.35} stroke={VISIT_STROKE} />
          <rect x="15" y="2" width="12" height="8" rx="2" fill={VISIT_FILL} fillOpacity={0.95} stroke={VISIT_STROKE} />
        </Swatch>
      ),
      text: t("legendVisitBucket"),
    },
    {
      key: "visitCancelled",
      shown: hasCancelledVisits,
      icon: (
        <Swatch w={28} h={12}>
          <rect x="1" y="2" width="26" height="8" rx="3" fill={VISIT_FILL} fillOpacity={0.25} stroke={VISIT_STROKE} strokeDasharray="3 2" />
        </Swatch>
      ),
      text: t("legendVisitCancelled"),
    },
    {
      key: "group",
      icon: (
        <Swatch w={20} h={20}>
          <circle cx="10" cy="10" r="9" fill="#ffffff" stroke="#0f172a" strokeWidth="1.5" />
          <text x="10" y="14" textAnchor="middle" fontSize="11" fontWeight="700" fill="#0f172a">
            3
          </text>
        </Swatch>
      ),
      text: t("legendGroup"),
    },
    {
      key: "bucket",
      shown: hasBuckets,
      icon: (
        <Swatch w={16} h={16}>
          <circle cx="8" cy="8" r="6" fill="#0072B2" fillOpacity={0.55} stroke="#0f2c4f" />
        </Swatch>
      ),
      text: t("legendBucket"),
    },
    {
      key: "lane",
      icon: (
        <Swatch w={28} h={10}>
          <line x1="0" y1="5" x2="28" y2="5" stroke="#184c88" strokeWidth="4" />
        </Swatch>
      ),
      text: t("legendLane"),
    },
    {
      key: "quiet",
      icon: (
        <Swatch w={28} h={10}>
          <line x1="0" y1="5" x2="28" y2="5" stroke="#64748b" strokeWidth="2" strokeDasharray="6 5" />
        </Swatch>
      ),
      text: t("legendQuiet"),
    },
    {
      key: "band",
      icon: (
        <Swatch w={20} h={12}>
          <rect x="0" y="1" width="20" height="10" fill="#000" fillOpacity={0.08} stroke="#000" strokeOpacity={0.25} />
        </Swatch>
      ),
      text: t("legendBand"),
    },
  ];
  return (
    <div className="mt-3">
      <h3 className="sr-only">{t("legend")}</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-xs text-slate-700">
        {items
          .filter((i) => i.shown !== false)
          .map((i) => (
            <li key={i.key} className="inline-flex items-center gap-1.5">
              {i.icon}
              {i.text}
            </li>
          ))}
      </ul>
    </div>
  );
}
