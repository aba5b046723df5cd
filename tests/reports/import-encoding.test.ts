import iconv from "iconv-lite";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitImport, previewImport, type ImportKind, type ImportRequest } from "@/db/queries/import";
import { meeting, partner, person } from "@/db/schema";
import { EDITOR, seededDb } from "../helpers/db";

const req = (kind: ImportKind, bytes: Uint8Array, more: Partial<ImportRequest> = {}): ImportRequest => ({ kind, bytes, ...more });

// What Korean Excel writes for "CSV (쉼표로 분리)": CP949, Korean headers, no BOM.
const KOREAN_PEOPLE = ["영문 명칭,현지 명칭,직위,소속 기관,소속,상대 지역", "Kim Min-ji,김민지,국제협력과장,경기도청,우리 측,", "Jang Hyun-woo,장현우,주무관,경기도 국제협력국,우리 측,", "Li Ming,李明,처장,충칭시 외사판공실,상대 측,충칭시"].join("\r\n");

// What Chinese Excel writes: GB18030 (a superset of GBK and GB2312), English headers here.
const CHINESE_PEOPLE = ["nameEn,nameLocal,title,organisation,side,partner", "Wang Wei,王伟,处长,重庆市人民政府外事办公室,partner,chongqing", "Zhao Li,赵丽,科长,重庆市大数据应用发展管理局,partner,chongqing"].join("\r\n");

const TAIWAN_PEOPLE = ["nameEn,nameLocal,title,organisation,side,partner", "Chen Mei-ling,陳美玲,科長,臺北市政府觀光傳播局,partner,chongqing"].join("\r\n");

const count_ = (db: Awaited<ReturnType<typeof seededDb>>) => db.select({ n: count() }).from(person).get()!.n;
const local = (db: Awaited<ReturnType<typeof seededDb>>, nameEn: string) => db.select().from(person).where(eq(person.nameEn, nameEn)).get();

describe("[IMPORT] text encodings", () => {
  it("a CP949 file from Korean Excel is read as CP949 and stored with its Korean intact", async () => {
    const db = await seededDb();
    const bytes = iconv.encode(KOREAN_PEOPLE, "cp949");
    const p = await previewImport(db, req("people", bytes));
    expect(p.ok && { encoding: p.preview.encoding, guessed: p.preview.guessed, problems: p.preview.problems }).toEqual({ encoding: "cp949", guessed: false, problems: [] });
    expect(await commitImport(db, EDITOR, req("people", bytes))).toMatchObject({ ok: true, created: 3 });
    expect(local(db, "Kim Min-ji")).toMatchObject({ nameLocal: "김민지", title: "국제협력과장", organisation: "경기도청", side: "home", partnerId: null });
    expect(local(db, "Li Ming")).toMatchObject({ nameLocal: "李明", organisation: "충칭시 외사판공실", side: "partner" });
  });

  it("a GB18030 file from Chinese Excel is read as GB18030 and stored with its Chinese intact", async () => {
    const db = await seededDb();
    const bytes = iconv.encode(CHINESE_PEOPLE, "gb18030");
    const p = await previewImport(db, req("people", bytes));
    expect(p.ok && { encoding: p.preview.encoding, problems: p.preview.problems }).toEqual({ encoding: "gb18030", problems: [] });
    expect(await commitImport(db, EDITOR, req("people", bytes))).toMatchObject({ ok: true, created: 2 });
    expect(local(db, "Wang Wei")).toMatchObject({ nameLocal: "王伟", title: "处长", organisation: "重庆市人民政府外事办公室" });
    expect(local(db, "Zhao Li")?.organisation).toBe("重庆市大数据应用发展管理局");
  });

  it("Big5 is read when chosen, and a guess between code pages is said so", async () => {
    const db = await seededDb();
    const bytes = iconv.encode(TAIWAN_PEOPLE, "big5");
    const chosen = await previewImport(db, req("people", bytes, { encoding: "big5" }));
    expect(chosen.ok && chosen.preview.rows[0]!.values.organisation).toBe("臺北市政府觀光傳播局");
    const auto = await previewImport(db, req("people", bytes));
    // One short line reads cleanly in more than one code page: either it is right or it says it guessed.
    expect(auto.ok && (auto.preview.encoding === "big5" || auto.preview.guessed)).toBe(true);
  });

  it("UTF-8 with and without BOM, and Excel's 'Unicode text' (UTF-16LE, tab-separated)", async () => {
    const db = await seededDb();
    for (const bytes of [Buffer.from(KOREAN_PEOPLE), Buffer.from(`\uFEFF${KOREAN_PEOPLE}`), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(KOREAN_PEOPLE.replaceAll(",", "\t"), "utf-16le")])]) {
      const p = await previewImport(db, req("people", bytes));
      expect(p.ok && p.preview.problems).toEqual([]);
      expect(p.ok && p.preview.rows[0]!.values.nameLocal).toBe("김민지");
    }
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(KOREAN_PEOPLE, "utf-16be")]);
    const p = await previewImport(db, req("people", be));
    expect(p.ok && p.preview.encoding).toBe("utf-16be");
  });

  it("bytes that no encoding reads are refused, naming the row, and nothing is stored", async () => {
    const db = await seededDb();
    const before = count_(db);
    // A UTF-8 file with one row pasted in from a CP949 file: neither reading is clean.
    const mixed = Buffer.concat([Buffer.from("nameEn,nameLocal,side\r\nKim,김민지,home\r\n"), Buffer.from("Park,"), iconv.encode("박서연", "cp949"), Buffer.from(",home\r\n")]);
    const p = await previewImport(db, req("people", mixed));
    expect(p).toMatchObject({ ok: false, file: { key: "badBytes", values: { row: expect.any(Number) as number } } });
    const r = await commitImport(db, EDITOR, req("people", mixed));
    expect(r.ok).toBe(false);
    expect(count_(db)).toBe(before);
  });

  it("a CP949 file read as UTF-8 on request is refused at the first bad row, never stored as U+FFFD", async () => {
    const db = await seededDb();
    const before = count_(db);
    const bytes = iconv.encode(["nameEn,nameLocal,side", "Kim,Kim,home", "Park,박서연,home"].join("\r\n"), "cp949");
    expect(await previewImport(db, req("people", bytes, { encoding: "utf-8" }))).toEqual({ ok: false, file: { key: "badBytes", values: { row: 3, encoding: "utf-8" } } });
    expect(await commitImport(db, EDITOR, req("people", bytes, { encoding: "utf-8" }))).toMatchObject({ ok: false });
    expect(count_(db)).toBe(before);
    expect(db.select({ name: person.nameLocal }).from(person).all().filter((r) => r.name?.includes("\uFFFD"))).toEqual([]);
  });

  it("a CP949 meetings file with Korean headers, labels and Korean AM/PM times lands in the right zone", async () => {
    const db = await seededDb();
    const csv = ["상대 지역,제목,유형,상태,날짜,시각,시간대,참석 인원(약)", "충칭시,충칭시 빅데이터 협력 실무회의,화상회의,개최,2020-01-15,오후 2:30:00,Asia/Shanghai,12"].join("\r\n");
    const bytes = iconv.encode(csv, "cp949");
    expect(await commitImport(db, EDITOR, req("meetings", bytes))).toMatchObject({ ok: true, created: 1 });
    const m = db.select().from(meeting).where(eq(meeting.title, "충칭시 빅데이터 협력 실무회의")).get()!;
    const cq = db.select().from(partner).where(eq(partner.slug, "chongqing")).get()!;
    expect(m).toMatchObject({ partnerId: cq.id, kind: "video_call", status: "held", timeZone: "Asia/Shanghai", attendeeCount: 12 });
    expect(m.startsAt.toISOString()).toBe("2020-01-15T06:30:00.000Z");
  });
});
