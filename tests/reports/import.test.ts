import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitImport, MAX_IMPORT_ROWS, previewImport, type ImportKind, type ImportRequest } from "@/db/queries/import";
import { auditEvent, meeting, partner, person } from "@/db/schema";
import { messageKey } from "@/lib/validation/message-key";
import { EDITOR, seededDb } from "../helpers/db";

const PARTNERS = [
  "slug,nameEn,nameKo,nameLocal,country,kind,level,status,since,timeZone",
  "sichuan,Sichuan Province,쓰촨성,四川省,CN,province,exploring,exploring,2024-05,Asia/Shanghai",
  "kanagawa,Kanagawa Prefecture,가나가와현,神奈川県,JP,prefecture,friendship,active,1990,Asia/Tokyo",
].join("\r\n");

const file = (kind: ImportKind, text: string, more: Partial<ImportRequest> = {}): ImportRequest => ({ kind, bytes: Buffer.from(text), ...more });

const counts = async (db: Awaited<ReturnType<typeof seededDb>>) => ({
  partners: (await db.select({ n: count() }).from(partner).limit(1))[0]!.n,
  people: (await db.select({ n: count() }).from(person).limit(1))[0]!.n,
  meetings: (await db.select({ n: count() }).from(meeting).limit(1))[0]!.n,
  audit: (await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n,
});

describe("[IMPORT] CSV import", () => {
  it("previews and commits partners in one go, with audit events", async () => {
    const db = await seededDb();
    const p = await previewImport(db, file("partners", `\uFEFF${PARTNERS}`));
    expect(p.ok && p.preview.problems).toEqual([]);
    expect(p.ok && p.preview.rows.map((r) => r.row)).toEqual([2, 3]);
    const before = await counts(db);
    const r = await commitImport(db, EDITOR, file("partners", PARTNERS));
    expect(r).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0 });
    const after = await counts(db);
    expect(after.partners).toBe(before.partners + 2);
    expect(after.audit).toBe(before.audit + 2);
    const k = (await db.select().from(partner).where(eq(partner.slug, "kanagawa")).limit(1))[0]!;
    expect(k).toMatchObject({ nameLocal: "神奈川県", sinceDate: "1990-01-01", sincePrecision: "year" });
  });

  it("a file with one bad row changes nothing and names that row and field", async () => {
    const db = await seededDb();
    const csv = [
      "partner,title,kind,status,date,time,timeZone,attendeeCount",
      "chongqing,Working group on big data,meeting,held,2020-01-15,10:00,Asia/Shanghai,12",
      "chongqing,Delegation visit,visit,planned,2020-02-30,10:00,Asia/Seoul,5",
      "tianjin,Trade fair,event,held,2020-03-01,09:00,Asia/Shanghai,",
    ].join("\n");
    const p = await previewImport(db, file("meetings", csv));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.preview.problems).toEqual([{ row: 3, column: "date", error: messageKey("notRealDate") }]);
    const before = await counts(db);
    const r = await commitImport(db, EDITOR, file("meetings", csv));
    expect(r).toEqual({ ok: false, problems: [{ row: 3, column: "date", error: messageKey("notRealDate") }] });
    expect(await counts(db)).toEqual(before);
  });

  it("a row that fails while saving rolls back the rows saved before it", async () => {
    const db = await seededDb();
    // The second row is valid on its own but clashes with the first (same short name).
    const csv = `${PARTNERS}\r\nsichuan,Sichuan again,쓰촨,四川,CN,province,exploring,exploring,,UTC`;
    const r = await commitImport(db, EDITOR, file("partners", csv));
    expect(r).toEqual({ ok: false, problems: [{ row: 4, column: "slug", key: "import.problem.sameSlug", values: { other: 2 } }] });
    expect((await db.select().from(partner).where(eq(partner.slug, "kanagawa")).limit(1))[0]).toBeUndefined();
  });

  it("people refer to partners by short name; unknown ones are reported", async () => {
    const db = await seededDb();
    const csv = "nameEn,nameLocal,side,partner,email\nWang Wei,王伟,partner,chongqing,wang@example.cn\nKim Min-ji,김민지,partner,atlantis,bad-email";
    const p = await previewImport(db, file("people", csv));
    expect(p.ok && p.preview.problems).toEqual([
      { row: 3, column: "partner", key: "import.problem.unknownPartner", values: { value: "atlantis" } },
      { row: 3, column: "email", error: messageKey("email") },
    ]);
  });

  it("refuses files with unknown or missing columns, no rows, or too many rows", async () => {
    const db = await seededDb();
    expect(await previewImport(db, file("people", "nameEn,side,shoeSize\nA,home,42"))).toEqual({ ok: false, file: { key: "unknownColumns", values: { columns: "shoeSize" } } });
    expect(await previewImport(db, file("people", "nameEn\nA"))).toEqual({ ok: false, file: { key: "missingColumns", values: { columns: ["side"] } } });
    expect(await previewImport(db, file("people", "nameEn,side\n"))).toEqual({ ok: false, file: { key: "empty" } });
    const many = `nameEn,side\n${"A,home\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(await previewImport(db, file("people", many))).toEqual({ ok: false, file: { key: "tooManyRows", values: { rows: MAX_IMPORT_ROWS } } });
    expect((await previewImport(db, file("people", `nameEn,side\n${"x".repeat(600 * 1024)},home`))).ok).toBe(false);
  });
});
