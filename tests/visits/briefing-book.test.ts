// The visit briefing book: its content model against real SQLite, the PDF read back with poppler
// (pages written as PNG to test-results/visit-briefing/), the workbook read back with exceljs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMeeting } from "@/db/queries/meetings";
import { visitBriefingData } from "@/db/queries/visit-briefing";
import { createVisit } from "@/db/queries/visits";
import { action, auditEvent, partner, person, visit } from "@/db/schema";
import { seedScale } from "@/db/seed";
import * as route from "@/app/api/v1/visits/[id]/briefing/route";
import { translator } from "@/server/export/report-columns";
import { parseExportParams, runExport } from "@/server/export/reports";
import { buildVisitBook } from "@/server/export/visit-book";
import { parseVisitBookParams, runVisitBookExport } from "@/server/export/visit-book-export";
import { EDITOR, seededDb, onPostgres } from "../helpers/db";
import { run } from "../helpers/tools";

const SHOTS = path.join(process.cwd(), "test-results", "visit-briefing");
const NOW = new Date("2026-12-02T03:00:00Z");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-visit-book-"));

let db: Db;
let chongqingVisit: number;
let delegationVisit: number;
let tang: number;

const idOf = async (direction: string) => (await db.select({ id: visit.id }).from(visit).where(eq(visit.direction, direction)).limit(1))[0]!.id;

async function book(id: number, lang: "en" | "ko") {
  return buildVisitBook(await visitBriefingData(db, id, NOW), { lang, t: translator(lang), preparedBy: "Test Preparer", viewerZone: "Asia/Seoul", now: NOW });
}

async function download(id: number, query: string): Promise<Buffer> {
  const out = await runVisitBookExport(db, EDITOR, id, parseVisitBookParams(new URLSearchParams(query)), { now: NOW });
  return Buffer.from(await new Response(out.body).arrayBuffer());
}

beforeAll(async () => {
  db = await seededDb();
  chongqingVisit = await idOf("outgoing");
  delegationVisit = await idOf("incoming");
  tang = (await db.select({ id: person.id }).from(person).where(eq(person.nameEn, "Tang Liangzhi")).limit(1))[0]!.id;
  fs.mkdirSync(SHOTS, { recursive: true });
}, 60_000);

describe("[VISITS] the briefing book's content", () => {
  it("gives each programme item in the place's zone and in the home zone where the clock differs", async () => {
    const m = await book(chongqingVisit, "en");
    const [day] = m.programme.days;
    expect(day!.label).toBe("Day 1 · 27 Nov 2019");
    expect(day!.rows[0]!.placeTime).toBe("27 Nov 2019, 15:00 – 16:00 (UTC+08:00, Asia/Shanghai)");
    expect(day!.rows[0]!.homeTime).toBe("27 Nov 2019, 16:00 – 17:00 (UTC+09:00, Asia/Seoul)");
    // An item in Seoul itself needs no second clock; one crossing Berlin's change says both offsets.
    const id = (
      await createVisit(db, EDITOR, {
        direction: "outgoing",
        title: "Berlin and back",
        status: "planned",
        partnerIds: [1],
        programme: [
          { kind: "transfer", title: "Overnight", timeZone: "Europe/Berlin", startDate: "2026-10-24", startTime: "22:00", endDate: "2026-10-25", endTime: "06:00" },
          { kind: "meeting", title: "Debrief", timeZone: "Asia/Seoul", startDate: "2026-10-27", startTime: "09:00", endTime: "10:00" },
        ],
      })
    ).id;
    const rows = (await book(id, "en")).programme.days.flatMap((d) => d.rows);
    expect(rows[0]!.placeTime).toBe("24 Oct 2026, 22:00 – 25 Oct 2026, 06:00 (UTC+02:00 → UTC+01:00, Europe/Berlin)");
    expect(rows[0]!.homeTime).toBe("25 Oct 2026, 05:00 – 14:00 (UTC+09:00, Asia/Seoul)");
    expect(rows[1]!.homeTime).toBeNull();
    // The delegation's site visits are still to be scheduled.
    const incoming = await book(delegationVisit, "ko");
    expect(incoming.programme.days).toEqual([]);
    expect(incoming.programme.unscheduled.map((r) => r.placeTime)).toEqual(["일정 미정 (Asia/Seoul)", "일정 미정 (Asia/Seoul)"]);
    expect(incoming.cover.facts).toContainEqual(["일정", "일정 미정"]);
  });

  it("profiles each counterpart with the title held and the past meetings with us", async () => {
    // A meeting still planned is not a past meeting.
    await createMeeting(db, EDITOR, {
      partnerId: (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")))[0]!.id,
      title: "Planned follow-up meeting",
      kind: "meeting",
      status: "planned",
      date: "2027-03-10",
      time: "10:30",
      timeZone: "Asia/Shanghai",
      participants: [{ personId: tang, role: "lead" }],
    });
    const m = await book(chongqingVisit, "en");
    expect(m.counterparts.map((c) => c.name)).toEqual(["Tang Liangzhi", "Luo Qingchen"]);
    const [tangProfile, luo] = m.counterparts;
    expect(tangProfile).toMatchObject({ local: "唐良智", title: "Mayor", organisation: "Chongqing Municipal People's Government", partner: "Chongqing Municipality" });
    expect(tangProfile!.meetings).toEqual([
      { date: "27 Nov 2019", title: "Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation", titleAtTime: "Mayor of Chongqing" },
    ]);
    expect(luo!.meetings[0]!.titleAtTime).toBe("Director, Big Data Development Bureau");
    // Our own people are the delegation, not counterparts.
    expect(m.delegation.map((d) => [d.name, d.local, d.role, d.title])).toEqual([
      ["Lee Jae-myung", "이재명", "Head of delegation", "Governor of Gyeonggi Province"],
      ["Lim Mun-yeong", "임문영", "Member", "Director General, Future Growth Policy Bureau"],
    ]);
    expect(m.cover.facts).toContainEqual(["Head of delegation", "Lee Jae-myung (이재명), Governor of Gyeonggi Province"]);
  });

  it("lists the open commitments of both sides, only unfinished ones", async () => {
    const chongqing = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")))[0]!.id;
    await db.insert(action).values([
      { partnerId: chongqing, title: "A finished commitment", side: "ours", status: "done", completedAt: new Date() },
      { partnerId: chongqing, title: "A cancelled commitment", side: "theirs", status: "cancelled" },
      { partnerId: chongqing, title: "An archived commitment", side: "ours", status: "open", archivedAt: new Date() },
    ]);
    const m = await book(delegationVisit, "en");
    expect(m.commitments.ours.map((a) => a.title)).toEqual([
      "Start cooperation on big data information and data sharing",
      "Cooperate closely with Chongqing's task force (Director General Lim Mun-yeong and Director Luo Qingchen)",
    ]);
    expect(m.commitments.theirs.map((a) => a.title)).toEqual([
      "Organise a task force for a Chongqing delegation's visit to Gyeonggi Province",
      "Mayor Tang's visit to Gyeonggi Province: Pangyo Techno Valley and SK Hynix",
    ]);
    expect(m.commitments.ours[0]).toMatchObject({ owner: "Lim Mun-yeong (임문영)", due: "No due date", status: "Open" });
    // The talking points are the record's own words, labelled so.
    expect(m.points.lead).toContain("no talking points");
    expect(m.points.items[0]).toMatch(/^Purpose of the visit: Mayor Tang/);
    expect(m.points.items).toContain("Their commitment: Organise a task force for a Chongqing delegation's visit to Gyeonggi Province");
  });

  it("shows the gifts exchanged before and warns a planned gift that repeats one", async () => {
    const id = (
      await createVisit(db, EDITOR, {
        direction: "incoming",
        title: "Second meeting",
        status: "idea",
        partnerIds: [(await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")))[0]!.id],
        members: [{ personId: tang, role: "head" }],
        gifts: [{ item: "Moon jar, white porcelain", toPersonId: tang }],
      })
    ).id;
    const m = await book(id, "en");
    expect(m.giftsBefore.map((g) => [g.date, g.direction, g.item, g.to])).toEqual(
      expect.arrayContaining([
        ["27 Nov 2019", "Given", 'White porcelain "Moon Jar"', "Tang Liangzhi (唐良智)"],
        ["27 Nov 2019", "Received", "Handcrafted fan", "Lee Jae-myung (이재명)"],
      ]),
    );
    expect(m.plannedGifts[0]!.warnings).toEqual([
      'Already given: White porcelain "Moon Jar", at “Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation” (27 Nov 2019).',
    ]);
    // The Chongqing visit's own Moon Jar is its register entry, not a repeat.
    expect((await book(chongqingVisit, "en")).plannedGifts[0]).toMatchObject({ inRegister: true, warnings: [] });
  });
});

describe("[VISITS] the briefing book as files", () => {
  it("writes 重庆 and 충칭 into the PDF text in both languages, each language's own words", async () => {
    for (const lang of ["en", "ko"] as const) {
      const file = path.join(dir, `book-${lang}.pdf`);
      fs.writeFileSync(file, await download(chongqingVisit, `format=pdf&lang=${lang}`));
      const text = run("pdftotext", [file, "-"]);
      expect(text).toContain("重庆");
      expect(text).toContain("충칭");
      expect(text).toContain("唐良智");
      expect(text).toContain(lang === "en" ? "Visit briefing book" : "방문 브리핑 북");
      expect(text).toContain(lang === "en" ? "Counterparts" : "상대측 인사");
      expect(text.replace(/\s+/g, " ")).toContain("16:00 – 17:00 (UTC+09:00, Asia/Seoul)");
      // Every font embedded: no standard Helvetica.
      const fonts = run("pdffonts", [file]);
      expect(fonts).not.toMatch(/Helvetica/);
      run("pdftoppm", ["-png", "-r", "70", file, path.join(SHOTS, `chongqing-${lang}`)]);
    }
  }, 60_000);

  it("writes one sheet per part with the same words, Korean and Chinese intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(chongqingVisit, "format=xlsx&lang=ko")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["표지", "일정표", "대표단", "상대측 인사", "교류 관계", "약속", "이전 선물", "전달할 선물", "행정 지원", "이동", "제기할 사항"]);
    const cells = (name: string) => wb.getWorksheet(name)!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
    expect(cells("표지")).toContain("Chongqing Municipality / 충칭시 / 重庆市");
    const ko = await book(chongqingVisit, "ko");
    expect(cells("일정표")).toContain(ko.programme.days[0]!.rows[0]!.homeTime!);
    expect(ko.programme.days[0]!.rows[0]!.homeTime).toContain("16:00 – 17:00 (UTC+09:00, Asia/Seoul)");
    expect(cells("상대측 인사")).toContain("唐良智");
    expect(cells("이전 선물")).toContain('White porcelain "Moon Jar"');
  }, 60_000);

  it("answers a bad id with 400, an unknown one with 404, a bad format with 400, and audits a download", async () => {
    (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
    const get = (id: string, q = "") => route.GET(new Request(`http://test/api/v1/visits/${id}/briefing${q}`), { params: Promise.resolve({ id }) });
    // No session and no token: 401 before anything else.
    expect((await get(String(chongqingVisit))).status).toBe(401);
    const before = (await db.select().from(auditEvent).where(eq(auditEvent.event, "export"))).length;
    const out = await runVisitBookExport(db, EDITOR, chongqingVisit, parseVisitBookParams(new URLSearchParams("format=xlsx")));
    expect(out.filename).toMatch(/^briefing-visit-\d+-\d{4}-\d\d-\d\d\.xlsx$/);
    expect((await db.select().from(auditEvent).where(eq(auditEvent.event, "export"))).length).toBe(before + 1);
    expect(() => parseVisitBookParams(new URLSearchParams("format=csv"))).toThrow(/not valid/);
    await expect(runVisitBookExport(db, EDITOR, 999_999, parseVisitBookParams(new URLSearchParams("")))).rejects.toMatchObject({ code: "not_found" });
  });

  it.skipIf(onPostgres)("keeps a visit to the busiest partner to capped lists, a few pages, and no slower than its partner briefing", async () => {
    const busy = await seededDb();
    await seedScale(busy, 1000, 3);
    const [top] = busy.$client.prepare("select partner_id id, count(*) n from meeting group by partner_id order by n desc limit 1").all() as { id: number; n: number }[];
    const heads = busy.$client.prepare("select id from person where partner_id = ? limit 12").all(top!.id) as { id: number }[];
    const id = (
      await createVisit(busy, EDITOR, {
        direction: "incoming",
        title: "Busy delegation",
        status: "planned",
        partnerIds: [top!.id],
        members: heads.map((h, i) => ({ personId: h.id, role: i ? "member" : "head" })),
      })
    ).id;
    // Compared with the partner briefing of the same partner in the same process, best of two
    // each, so that a loaded machine slows both alike; the time is logged for the README.
    const time = async (make: () => Promise<{ body: ReadableStream<Uint8Array> }>) => {
      let best = Infinity;
      let bytes = Buffer.alloc(0);
      for (let k = 0; k < 2; k++) {
        const started = performance.now();
        bytes = Buffer.from(await new Response((await make()).body).arrayBuffer());
        best = Math.min(best, performance.now() - started);
      }
      return { ms: best, bytes };
    };
    const partnerBriefing = await time(async () => runExport(busy, EDITOR, "briefing", parseExportParams("briefing", new URLSearchParams(`format=pdf&partner=${top!.id}&lang=ko`))));
    const book = await time(async () => runVisitBookExport(busy, EDITOR, id, parseVisitBookParams(new URLSearchParams("format=pdf&lang=ko"))));
    const file = path.join(dir, "busy.pdf");
    fs.writeFileSync(file, book.bytes);
    const ms = book.ms;
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))![1]);
    console.log(`busiest partner (${top!.n} meetings): visit book ${pages} pages, ${ms.toFixed(0)} ms; partner briefing ${partnerBriefing.ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(partnerBriefing.ms * 1.5 + 500);
    const m = buildVisitBook(await visitBriefingData(busy, id), { lang: "en", t: translator("en"), preparedBy: "x", viewerZone: "Asia/Seoul" });
    expect(m.commitments.ours.length).toBeLessThanOrEqual(15);
    expect(m.giftsBefore.length).toBeLessThanOrEqual(40);
    expect(pages).toBeLessThanOrEqual(6);
  }, 180_000);
});

