// The reports and the formats each comes in: one list for the export API (server/export/reports.ts)
// and the export form that offers them (app/(app)/reports/_components/export-form.tsx).

export const REPORTS = ["briefing", "meetings", "actions", "gifts", "partners", "people", "audit"] as const;
export type ReportKind = (typeof REPORTS)[number];
export const FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** Which formats each report comes in, the first being the one offered first. */
export const REPORT_FORMATS: Record<ReportKind, readonly ExportFormat[]> = {
  briefing: ["pdf", "xlsx"],
  meetings: ["csv", "xlsx"],
  actions: ["csv", "xlsx"],
  gifts: ["csv", "xlsx"],
  partners: ["csv", "xlsx"],
  people: ["csv", "xlsx"],
  audit: ["csv", "xlsx"],
};
