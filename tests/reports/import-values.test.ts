import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { commitImport, previewImport, type ImportKind } from "@/db/queries/import";
import { meeting, partner } from "@/db/schema";
import { readDate, readPartialDate, readStart, readTime } from "@/lib/import/values";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/request";
import { translator } from "@/server/export/report-columns";
import { keyOf, translateMessage, type Translate } from "@/lib/validation/error-keys";
import { MESSAGE_NAMESPACE, messageKey } from "@/lib/validation/message-key";
import { EDITOR, seededDb } from "../helpers/db";

const bytes = (s: string) => Buffer.from(s);
const preview = async (kind: ImportKind, s: string | Uint8Array) => previewImport(await seededDb(), { kind, bytes: typeof s === "string" ? bytes(s) : s });

describe("[IMPORT] what spreadsheets write", () => {
  it("reads 12-hour, Korean and Chinese AM/PM, seconds and serial times", () => {
    expect(["02:30:00 PM", "2:30 PM", "2:30PM", "2:30 p.m.", "오후 2:30:00", "下午 2:30", "14:30", "14:30:00", "0.6041666666666666"].map(readTime)).toEqual(Array(9).fill("14:30"));
    expect(["12:05 AM", "12:05 PM", "오전 12:05", "0"].map(readTime)).toEqual(["00:05", "12:05", "00:05", "00:00"]);
    expect(["13:00 PM", "2:30:15 PM", "25:00", "2:60", "noon", "PM 2:30 PM"].map(readTime)).toEqual(Array(6).fill(null));
  });

  it("reads ISO, slashed, dotted and serial dates; a four-digit since is a year, not a serial", () => {
    expect(["2019-11-27", "2019/11/27", "2019.11.27", "2019. 11. 27.", "43796", "43796.625"].map(readDate)).toEqual(Array(6).fill("2019-11-27"));
    expect(readDate("27/11/2019")).toBeNull();
    expect(["2008", "2019-11", "2019/11", "43796"].map(readPartialDate)).toEqual(["2008", "2019-11", "2019-11", "2019-11-27"]);
  });

  it("reads a start as the export writes it, as typed, or as an Excel serial", () => {
    expect(readStart("2019-11-27T15:00:00+08:00")).toEqual({ date: "2019-11-27", time: "15:00", offset: 480 });
    expect(readStart("2019-11-27 3:00 PM")).toEqual({ date: "2019-11-27", time: "15:00" });
    expect(readStart("43796.625")).toEqual({ date: "2019-11-27", time: "15:00" });
    expect(readStart("yesterday")).toBeNull();
  });

  it("a ';' file with 12-hour times, serial dates and labels in both languages imports", async () => {
    const db = await seededDb();
    const csv = [
      "Partner;Title;Kind;Status;Date;Time;Time zone;Participants (approx.)",
      "Chongqing Municipality;Working group;Video call;Held;43845;02:30:00 PM;Asia/Shanghai;1.200",
      "충칭시;실무 회의;회의;예정;2020/02/03;오후 3:00;Asia/Seoul;",
      "chongqing;Trade fair;event;cancelled;2020-03-01;9:00 AM;Asia/Shanghai;",
      "重庆市;Delegation;Visit;Held;2020-04-01;10:00;Asia/Shanghai;",
    ].join("\r\n");
    const p = await previewImport(db, { kind: "meetings", bytes: bytes(csv) });
    expect(p.ok && p.preview.problems).toEqual([{ row: 2, column: "attendeeCount", error: messageKey("wholeNumber") }]);
    const fixed = csv.replace(";1.200", ";12");
    expect(await commitImport(db, EDITOR, { kind: "meetings", bytes: bytes(fixed) })).toMatchObject({ ok: true, created: 4 });
    const wg = (await db.select().from(meeting).where(eq(meeting.title, "Working group")).limit(1))[0]!;
    expect(wg).toMatchObject({ kind: "video_call", status: "held", attendeeCount: 12 });
    expect(wg.startsAt.toISOString()).toBe("2020-01-15T06:30:00.000Z");
    const kr = (await db.select().from(meeting).where(eq(meeting.title, "실무 회의")).limit(1))[0]!;
    expect(kr).toMatchObject({ kind: "meeting", status: "planned", timeZone: "Asia/Seoul" });
    expect(kr.startsAt.toISOString()).toBe("2020-02-03T06:00:00.000Z");
    const cq = (await db.select().from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!;
    expect((await db.select().from(meeting).where(eq(meeting.title, "Delegation")).limit(1))[0]!.partnerId).toBe(cq.id);
  });

  it("an offset that contradicts the time zone is reported on the start column", async () => {
    const p = await preview("meetings", 'Partner,Title,Kind,Status,"Starts (ISO 8601, local time)",Time zone\r\nchongqing,T,meeting,held,2019-11-27T15:00:00+09:00,Asia/Shanghai');
    expect(p.ok && p.preview.problems).toEqual([{ row: 2, column: "start", key: "import.problem.offset", values: { zone: "Asia/Shanghai" } }]);
  });

  it("a short row is a column-count problem, and labels that are not choices are named", async () => {
    const p = await preview("meetings", "partner,title,kind,status,date,time,timeZone\r\nchongqing,Short row,meeting,held,2020-01-15\r\nchongqing,Bad kind,Banquet,held,2020-01-15,10:00,Asia/Shanghai");
    expect(p.ok && p.preview.problems).toEqual([
      { row: 2, column: "_", key: "import.problem.columnCount", values: { found: 5, expected: 7 } },
      { row: 3, column: "kind", key: "import.problem.enum", values: { value: "Banquet" } },
    ]);
  });

  it("every problem reads as a sentence in English and Korean, never as validator text", async () => {
    const p = await preview("meetings", "partner,title,kind,status,date,time,timeZone,durationMinutes\r\nchongqing,T,meeting,held,2020-01-15,10:00,Asia/Shanghai,abc\r\natlantis,,meeting,held,2020-02-30,25:00,Mars/Base,");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    // The reading's own problems under import.problem, the schema's in the forms' words (validation).
    expect(p.preview.problems.map((x) => ("error" in x ? keyOf(x.error).key : x.key))).toEqual(["number", "import.problem.unknownPartner", "import.problem.time", "enterTitle", "notRealDate", "timeZone"]);
    for (const locale of ["en", "ko"] as const) {
      const t = translator(locale);
      const tv = createTranslator({ locale, messages: loadMessages(locale), namespace: MESSAGE_NAMESPACE, onError: (e) => { throw e; } }) as unknown as Translate;
      for (const x of p.preview.problems) {
        const text = "error" in x ? translateMessage(x.error, tv) : t(x.key, x.values);
        expect(text).not.toMatch(/Invalid input|expected|received|^import\.|^validation\.|^partners\./);
      }
    }
    expect(translator("ko")("validation.number")).toBe("숫자를 입력하세요.");
  });

  it("reads the first sheet of an Excel workbook with typed dates, times and numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("회의");
    ws.addRow(["상대 지역", "제목", "유형", "상태", "날짜", "시각", "시간대", "참석 인원(약)"]);
    ws.addRow(["충칭시", "엑셀 회의", "회의", "개최", new Date("2020-05-06T00:00:00Z"), new Date("1899-12-30T14:30:00Z"), "Asia/Shanghai", 30]);
    const db = await seededDb();
    const file = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = await previewImport(db, { kind: "meetings", bytes: file });
    expect(p.ok && { format: p.preview.format, problems: p.preview.problems }).toEqual({ format: "xlsx", problems: [] });
    expect(await commitImport(db, EDITOR, { kind: "meetings", bytes: file })).toMatchObject({ ok: true, created: 1 });
    const m = (await db.select().from(meeting).where(eq(meeting.title, "엑셀 회의")).limit(1))[0]!;
    expect(m.startsAt.toISOString()).toBe("2020-05-06T06:30:00.000Z");
    expect(m.attendeeCount).toBe(30);
  });
});
