"use client";
import { useTranslations } from "next-intl";
import { MEETING_FIELD_NAMES, type MeetingFields } from "../form-values";
import type { PartnerChoice } from "./types";

// "Gift 2: Item" for the error summary's links: a row field's path end and its label key.
const ROW_FIELDS: Record<string, string> = {
  personId: "person", "newPerson.nameEn": "nameEn", "newPerson.nameLocal": "nameLocal", "newPerson.side": "side", "newPerson.title": "personTitle",
  "newPerson.organisation": "organisation", role: "role", titleAtTime: "titleAtTime", direction: "direction", item: "item", origin: "origin",
  fromPersonId: "from", toPersonId: "to", description: "description", estimatedValue: "estimatedValue", currency: "currency",
  declaredOn: "declaredOn", disposition: "disposition", title: "actionTitle", dueOn: "dueOn", priority: "priority",
};

/** The words the form's summary and conflict notice put to field paths and stored values. */
export function useMeetingLabels(partners: PartnerChoice[]) {
  const t = useTranslations("meetings.form");
  const tm = useTranslations("meetings");
  const te = useTranslations("enums");

  const fieldLabel = (f: keyof MeetingFields): string =>
    ({
      partnerId: tm("partner"),
      title: t("title"),
      kind: tm("kind"),
      status: tm("status"),
      date: t("date"),
      time: t("time"),
      timeZone: t("timeZone"),
      durationMinutes: t("durationMinutes"),
      venue: tm("venue"),
      city: t("city"),
      attendeeCount: t("attendeeCount"),
      topics: tm("topics"),
      summary: tm("summary"),
      outcomes: tm("outcomes"),
      notes: tm("notes"),
    })[f];

  const summaryLabel = (path: string): string => {
    if (path === "when") return t("when");
    const m = /^(participants|gifts|actions)\.(\d+)\.(.+)$/.exec(path);
    if (!m) return (MEETING_FIELD_NAMES as readonly string[]).includes(path) ? fieldLabel(path as keyof MeetingFields) : path;
    const n = Number(m[2]) + 1;
    const row = t(m[1] === "participants" ? "participantLegend" : m[1] === "gifts" ? "giftLegend" : "actionLegend", { n });
    const sub = m[3]!;
    const label = sub === "side" && m[1] === "actions" ? tm("side") : sub === "ownerPersonId" ? tm("owner") : ROW_FIELDS[sub] ? t(ROW_FIELDS[sub]) : sub;
    return `${row}: ${label}`;
  };

  const displayValue = (f: keyof MeetingFields, v: string) =>
    f === "partnerId" ? (partners.find((p) => String(p.id) === v)?.name ?? v) : f === "kind" ? (v ? te(`meetingKind.${v}`) : "") : f === "status" ? (v ? te(`meetingStatus.${v}`) : "") : v;

  return { fieldLabel, summaryLabel, displayValue };
}
