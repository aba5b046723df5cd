import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvent, partner } from "@/db/schema";
import { createMeeting } from "@/db/queries/meetings";
import { csvCell, neutralise } from "@/server/export/csv";
import { parseExportParams, runExport, type ReportKind } from "@/server/export/reports";
import { isUserError } from "@/lib/errors";
import { EDITOR, seededDb } from "../helpers/db";

const VIEWER = { userId: null, label: "viewer@test", role: "viewer" as const };
const INJECTION = '=HYPERLINK("http://x","y")';

async function exportBytes(db: Db, report: ReportKind, query: string): Promise<{ bytes: Buffer; rows: number | null; filename: string }> {
  const v = parseExportParams(report, new URLSearchParams(query));
  const out = await runExport(db, VIEWER, report, v);
  const bytes = Buffer.from(await new Response(out.body).arrayBuffer());
  return { bytes, rows: out.rows, filename: out.filename };
}

let db: Db;
let chongqingId: number;

beforeAll(async () => {
  db = await seededDb();
  chongqingId = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;
  await createMeeting(db, EDITOR, {
    partnerId: chongqingId,
    title: "충칭시 후속 회의 — 重庆市 follow-up",
    kind: "video_call",
    status: "planned",
    date: "2020-03-10",
    time: "09:30",
    timeZone: "Asia/Shanghai",
    durationMinutes: 45,
    notes: INJECTION,
    summary: "-5 is not a number here, \"quoted\", and a line\nbreak",
    gifts: [{ direction: "given", item: "+Tea set", estimatedValue: 120000, currency: "KRW", declaredOn: "2020-03-11" }],
    actions: [{ title: "@Send the minutes", side: "ours", dueOn: "2020-03-20" }],
  });
});

describe("[REPORTS] CSV", () => {
  it("neutralises every formula trigger and leaves other text alone", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralise(`${c}1`)).toBe(`'${c}1`);
    expect(neutralise("Chongqing")).toBe("Chongqing");
    expect(neutralise("'=1")).toBe("''=1");
    expect(neutralise("it's")).toBe("it's");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });

  it("exports meetings as UTF-8 with BOM, one header row, offsets and zones, neutralised notes", async () => {
    const { bytes, rows } = await exportBytes(db, "meetings", `format=csv&partner=${chongqingId}`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.includes("\r\n")).toBe(true);
    const records = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(records).toHaveLength(2);
    expect(rows).toBe(2);
    const first = records[0]!;
    expect(first["Starts (ISO 8601, local time)"]).toBe("2019-11-27T15:00:00+08:00");
    expect(first["Time zone"]).toBe("Asia/Shanghai");
    expect(first.Partner).toBe("Chongqing Municipality");
    expect(first.Status).toBe("Held");
    expect(first["Participants (approx.)"]).toBe("30");
    const second = records[1]!;
    expect(second.Title).toBe("충칭시 후속 회의 — 重庆市 follow-up");
    expect(second.Notes).toBe(`'${INJECTION}`);
    expect(second.Summary).toBe("'-5 is not a number here, \"quoted\", and a line\nbreak");
    expect(second.Kind).toBe("Video call");
  });

  it("writes headers, enum labels and partner names in Korean", async () => {
    const { bytes } = await exportBytes(db, "meetings", `format=csv&partner=${chongqingId}&lang=ko&status=held`);
    const records = parse<Record<string, string>>(bytes.toString("utf8"), { bom: true, columns: true });
    expect(records).toHaveLength(1);
    expect(Object.keys(records[0]!)).toContain("제목");
    expect(records[0]!["상대 지역"]).toBe("충칭시");
    expect(records[0]!["상태"]).toBe("개최");
  });

  it("exports actions and gifts with the filters applied", async () => {
    const actions = parse<Record<string, string>>((await exportBytes(db, "actions", `format=csv&from=2020-03-01&to=2020-03-31`)).bytes.toString("utf8"), {
      bom: true,
      columns: true,
    });
    expect(actions.map((a) => a.Title)).toEqual(["'@Send the minutes"]);
    expect(actions[0]!.Due).toBe("2020-03-20");
    const gifts = parse<Record<string, string>>((await exportBytes(db, "gifts", `format=csv&status=declared`)).bytes.toString("utf8"), {
      bom: true,
      columns: true,
    });
    expect(gifts.map((g) => g.Item)).toEqual(["'+Tea set"]);
    expect(gifts[0]!["Estimated value"]).toBe("120000");
  });

  it("records every export in the audit trail", async () => {
    const before = (await db.select().from(auditEvent).where(eq(auditEvent.event, "export"))).length;
    await exportBytes(db, "gifts", "format=csv&lang=ko");
    const events = await db.select().from(auditEvent).where(eq(auditEvent.event, "export"));
    expect(events.length).toBe(before + 1);
    const last = events.at(-1)!;
    expect(last.recordType).toBe("report");
    expect(last.actorLabel).toBe("viewer@test");
    expect(last.after).toMatchObject({ report: "gifts", format: "csv", filters: { lang: "ko" } });
  });
});

describe("[REPORTS] bad filters", () => {
  const bad: [ReportKind, string, string][] = [
    ["meetings", "format=csv&status=open", "status"],
    ["meetings", "format=pdf", "format"],
    ["meetings", "format=csv&from=2020-02-30", "from"],
    ["meetings", "format=csv&from=2021-01-01&to=2020-01-01", "to"],
    ["meetings", "format=csv&partner=abc", "partner.0"],
    ["gifts", "format=csv&owner=3", "owner"],
    ["briefing", "format=pdf", "partner"],
    ["actions", "format=docx", "format"],
  ];
  for (const [report, q, field] of bad)
    it(`${report}?${q} is a 400 naming ${field}`, async () => {
      const err = await (async () => runExport(db, VIEWER, report, parseExportParams(report, new URLSearchParams(q))))().catch((e: unknown) => e);
      expect(isUserError(err)).toBe(true);
      if (!isUserError(err)) return;
      expect(err.status).toBe(400);
      expect(Object.keys(err.fields ?? {})).toContain(field);
    });

  it("an unknown partner is a 400, and nothing is audited", async () => {
    const before = (await db.select().from(auditEvent)).length;
    const err = await runExport(db, VIEWER, "meetings", parseExportParams("meetings", new URLSearchParams("format=csv&partner=9999"))).catch((e: unknown) => e);
    expect(isUserError(err) && err.status).toBe(400);
    expect((await db.select().from(auditEvent)).length).toBe(before);
  });

  it("an export over the row cap is a 413 that says how many rows and what to narrow, in the export's language, and is not audited", async () => {
    const before = (await db.select().from(auditEvent)).length;
    const all = await runExport(db, VIEWER, "meetings", parseExportParams("meetings", new URLSearchParams("format=csv")));
    await all.body.cancel();
    const n = all.rows!;
    const audited = (await db.select().from(auditEvent)).length;
    expect(audited).toBe(before + 1);
    for (const [lang, words] of [
      ["en", `This export would have ${n} rows; the limit is ${n - 1}. Narrow the period or the partners.`],
      ["ko", `내보낼 행이 ${n}개로 한도(${n - 1}개)를 넘습니다.`],
    ] as const) {
      const err = await runExport(db, VIEWER, "meetings", parseExportParams("meetings", new URLSearchParams(`format=xlsx&lang=${lang}`)), { maxRows: n - 1 }).catch((e: unknown) => e);
      expect(isUserError(err) && err.status).toBe(413);
      expect(isUserError(err) && err.message).toContain(words);
    }
    expect((await db.select().from(auditEvent)).length).toBe(audited);
    const exact = await runExport(db, VIEWER, "meetings", parseExportParams("meetings", new URLSearchParams("format=csv")), { maxRows: n });
    await exact.body.cancel();
    expect(exact.rows).toBe(n);
  });
});

describe("[REPORTS] Excel", () => {
  it("has typed cells, a frozen header and a filter", async () => {
    const { bytes } = await exportBytes(db, "meetings", `format=xlsx&partner=${chongqingId}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Meetings");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = ws.getRow(2);
    expect(row.getCell(col("ID")).value).toBeTypeOf("number");
    expect(row.getCell(col("Participants (approx.)")).value).toBe(30);
    const start = row.getCell(col("Starts (ISO 8601, local time)")).value;
    expect(start).toBeInstanceOf(Date);
    // Wall-clock time in the meeting's zone (Excel has no zones; the zone is its own column).
    expect((start as Date).toISOString()).toBe("2019-11-27T15:00:00.000Z");
    expect(row.getCell(col("Time zone")).value).toBe("Asia/Shanghai");
    expect(ws.getRow(3).getCell(col("Notes")).value).toBe(INJECTION);
    expect(ws.getRow(3).getCell(col("Title")).value).toBe("충칭시 후속 회의 — 重庆市 follow-up");
  });

  it("the briefing workbook has one sheet per record type", async () => {
    const { bytes } = await exportBytes(db, "briefing", `format=xlsx&partner=${chongqingId}&lang=ko`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["상대 지역", "주요 연혁", "회의", "진행 중인 후속 조치", "선물"]);
    const p = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(p).toContain("충칭시");
    expect(p).toContain("重庆市");
    expect(wb.worksheets[4]!.rowCount).toBe(1 + 4);
  });
});

describe("[REPORTS] PDF briefing", () => {
  it("renders Korean and Chinese names that a text extractor can read", async () => {
    const { bytes } = await exportBytes(db, "briefing", `format=pdf&partner=${chongqingId}`);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-pdf-"));
    const file = path.join(dir, "briefing.pdf");
    fs.writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", [file, "-"]).toString("utf8");
    expect(text).toContain("Chongqing Municipality");
    expect(text).toContain("충칭시");
    expect(text).toContain("重庆市");
    expect(text).toContain("Partners since");
    expect(text).toContain("27 Nov 2019");
    expect(text).toContain("White porcelain");
    expect(text).toContain("Organise a task force");
  }, 60_000);
});
