import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { commitImport, previewImport, type ImportKind } from "@/db/queries/import";
import { createMeeting } from "@/db/queries/meetings";
import { createPerson } from "@/db/queries/people";
import { meeting, partner, person } from "@/db/schema";
import { parseExportParams, runExport } from "@/server/export/reports";
import type { Locale } from "@/lib/format";
import { EDITOR, seededDb, testDb } from "../helpers/db";
import type { ImportMode } from "@/lib/types/import";

const VIEWER = { userId: null, label: "viewer@test", role: "viewer" as const };

async function exported(db: Db, kind: ImportKind, lang: Locale, format: "csv" | "xlsx" = "csv"): Promise<Buffer> {
  const out = await runExport(db, VIEWER, kind, parseExportParams(kind, new URLSearchParams({ format, lang })));
  return Buffer.from(await new Response(out.body).arrayBuffer());
}

/** The export's rows without the ID column, which a copy into another database cannot keep. */
function withoutIds(csv: Buffer): string[][] {
  const rows: string[][] = parse(csv.toString("utf8"), { bom: true });
  return rows.map((r) => r.slice(1));
}

const run = (db: Db, kind: ImportKind, bytes: Uint8Array, mode: ImportMode = "update") => commitImport(db, EDITOR, { kind, bytes, mode });

/** The demo data plus what breaks naive files: formula-like text, line breaks, quotes, CJK and empty fields. */
async function trickyDb(): Promise<Db> {
  const db = await seededDb();
  const cq = (await db.select().from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!;
  await createMeeting(db, EDITOR, {
    partnerId: cq.id,
    title: "충칭시 후속 회의 — 重庆市智慧城市 follow-up",
    kind: "video_call",
    status: "planned",
    date: "2020-03-10",
    time: "09:30",
    timeZone: "Asia/Shanghai",
    notes: '=HYPERLINK("http://x","y")',
    summary: '-5 is not a number, "quoted", and a line\nbreak',
    topics: "'=already quoted by hand",
  });
  await createPerson(db, EDITOR, { nameEn: "Wang Wei", nameLocal: "王伟", side: "partner", partnerId: cq.id, phone: "+86 23 6389 0000", notes: "@handle, line\nbreak" });
  return db;
}

const KINDS: ImportKind[] = ["partners", "people", "meetings"];

describe("[IMPORT] export → import round trip", () => {
  for (const kind of KINDS)
    for (const lang of ["en", "ko"] as const) {
      it(`${kind} (${lang}): the export re-imports as updates that change nothing`, async () => {
        const db = await trickyDb();
        const csv = await exported(db, kind, lang);
        const p = await previewImport(db, { kind, bytes: csv });
        expect(p.ok && p.preview.problems).toEqual([]);
        expect(p.ok && new Set(p.preview.rows.map((r) => r.action))).toEqual(new Set(["unchanged"]));
        const r = await run(db, kind, csv);
        expect(r).toMatchObject({ ok: true, created: 0, updated: 0 });
        expect((await exported(db, kind, lang)).equals(csv)).toBe(true);
      });

      it(`${kind} (${lang}): as new records into an empty database, the same rows come back`, async () => {
        const src = await trickyDb();
        const dst = await testDb();
        // People and meetings name their partner: bring the partners over first.
        if (kind !== "partners") expect(await run(dst, "partners", await exported(src, "partners", lang), "create")).toMatchObject({ ok: true });
        const csv = await exported(src, kind, lang);
        const r = await run(dst, kind, csv, "create");
        expect(r).toMatchObject({ ok: true, updated: 0, unchanged: 0 });
        expect(withoutIds(await exported(dst, kind, lang))).toEqual(withoutIds(csv));
      });
    }

  it("meetings: the Excel export re-imports unchanged, and a new one lands with its zone and instant", async () => {
    const src = await trickyDb();
    const xlsx = await exported(src, "meetings", "ko", "xlsx");
    expect(await run(src, "meetings", xlsx)).toMatchObject({ ok: true, created: 0, updated: 0 });
    const dst = await testDb();
    await run(dst, "partners", await exported(src, "partners", "en"), "create");
    expect(await run(dst, "meetings", xlsx, "create")).toMatchObject({ ok: true, updated: 0 });
    expect(withoutIds(await exported(dst, "meetings", "en"))).toEqual(withoutIds(await exported(src, "meetings", "en")));
  });

  it("an edited cell updates only that record and field, with its version and audit", async () => {
    const db = await trickyDb();
    const csv = (await exported(db, "meetings", "en")).toString("utf8");
    const first = (await db.select().from(meeting).orderBy(meeting.startsAt).limit(1))[0]!;
    const edited = csv.replace(first.title, "Renamed in Excel");
    const r = await run(db, "meetings", Buffer.from(edited));
    expect(r).toMatchObject({ ok: true, created: 0, updated: 1 });
    const after = (await db.select().from(meeting).where(eq(meeting.id, first.id)).limit(1))[0]!;
    expect(after).toMatchObject({ title: "Renamed in Excel", version: first.version + 1, startsAt: first.startsAt, notes: first.notes });
  });

  it("an update names only the columns it changes; emptied cells clear the field", async () => {
    const db = await trickyDb();
    const wang = (await db.select().from(person).where(eq(person.nameEn, "Wang Wei")).limit(1))[0]!;
    const r = await run(db, "people", Buffer.from(`ID,Phone,Notes\r\n${wang.id},,Met in Seoul\r\n`));
    expect(r).toMatchObject({ ok: true, updated: 1 });
    expect((await db.select().from(person).where(eq(person.id, wang.id)).limit(1))[0]).toMatchObject({ nameLocal: "王伟", phone: null, notes: "Met in Seoul" });
  });
});
