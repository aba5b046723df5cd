// The partner briefing checked with the tools a reader has: pdftotext, pdffonts and pdftoppm
// (poppler-utils). Screenshots of every page land in test-results/briefing/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { partner, user } from "@/db/schema";
import { briefingData } from "@/db/queries/briefing";
import { createMeeting } from "@/db/queries/meetings";
import { createPerson } from "@/db/queries/people";
import { createApiToken } from "@/db/queries/tokens";
import * as exportRoute from "@/app/api/v1/exports/[report]/route";
import { translator } from "@/server/export/report-columns";
import { parseExportParams, runExport } from "@/server/export/reports";
import { renderBriefingPdf } from "@/server/export/pdf";
import { MISSING_MARK, breakParts, printable } from "@/server/export/pdf-text";
import { FAMILIES, fontFile, type Family } from "@/server/export/fonts";
import * as fontkit from "fontkit";
import { seedScale } from "@/db/seed";
import { EDITOR, seededDb, onPostgres } from "../helpers/db";
import { run } from "../helpers/tools";

const SHOTS = path.join(process.cwd(), "test-results", "briefing");
// 20:30 UTC on 1 December is already 2 December in Seoul.
const NOW = new Date("2026-12-01T20:30:00Z");
const LONG_HAN = "重庆市智慧城市大数据产业合作与数字经济发展联合工作组第一次会议纪要".repeat(2);
const NO_FONT = "\u{10000}"; // Linear B: no embedded face draws it.

let db: Db;
let chongqingId: number;
let tokenActor: Actor;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-briefing-"));

async function briefing(lang: "en" | "ko", actor: Actor, viewerZone = "Asia/Seoul"): Promise<{ file: string; text: string }> {
  const v = parseExportParams("briefing", new URLSearchParams(`format=pdf&partner=${chongqingId}&lang=${lang}`));
  const out = await runExport(db, actor, "briefing", v, { viewerZone });
  const file = path.join(dir, `briefing-${lang}.pdf`);
  fs.writeFileSync(file, Buffer.from(await new Response(out.body).arrayBuffer()));
  return { file, text: run("pdftotext", [file, "-"]) };
}

beforeAll(async () => {
  db = await seededDb();
  chongqingId = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;
  await db.insert(user).values({ id: "u-briefing", name: "Preparer Test", email: "preparer@test", role: "viewer" });
  tokenActor = { userId: null, label: "token:ci-feed", role: "viewer", onBehalfOf: "u-briefing" };
  await createPerson(db, EDITOR, { nameEn: "Test Interpreter", nameLocal: "測試翻譯員", side: "partner", partnerId: chongqingId, title: "Interpreter" });
  await createMeeting(db, EDITOR, {
    partnerId: chongqingId,
    title: `🎁 ${LONG_HAN} ${NO_FONT}`,
    kind: "meeting",
    status: "planned",
    date: "2027-03-10",
    time: "10:30",
    timeZone: "Asia/Shanghai",
    durationMinutes: 60,
    outcomes: "회의 결과 ✅ 🤝",
    actions: [{ title: "충칭시 측 회신 — reply from Chongqing", side: "theirs", dueOn: "2027-01-15" }],
  });
}, 60_000);

describe("[REPORTS] briefing PDF with real tools", () => {
  it("ships fonts under the OFL that cover Hangul, Hanja, Simplified and Traditional Chinese, kana and emoji", () => {
    const face = (f: Family) => fontkit.openSync(fontFile(f, "regular")) as fontkit.Font;
    const covers = (f: Family, text: string) => [...text].filter((c) => !face(f).hasGlyphForCodePoint(c.codePointAt(0)!)).join("");
    expect(covers("NotoKR", "경기도 충칭시 京畿道 慶尙 漢字")).toBe("");
    expect(covers("NotoSC", "重庆市 黑龙江省 江苏省 天津市")).toBe("");
    expect(covers("NotoTC", "重慶市 臺灣 黑龍江省 江蘇省")).toBe("");
    expect(covers("NotoJP", "ひらがな カタカナ 東京都")).toBe("");
    expect(covers("NotoEmoji", "🎁🤝✅📅")).toBe("");
    for (const f of Object.keys(FAMILIES) as Family[]) {
      const licence = fs.readFileSync(path.join(path.dirname(path.dirname(fontFile(f, "regular"))), "LICENSE_FONT"), "utf8");
      expect(licence, f).toContain("SIL Open Font License, Version 1.1");
    }
    expect(printable("a\u0007b ✅\uFE0F")).toBe("a b ✅");
  });

  it("breaks Han text at UAX #14 opportunities without hyphens and keeps Korean words whole", () => {
    const parts = breakParts("重庆市智慧城市");
    expect(parts.filter((p) => p !== "\uFEFF").join("")).toBe("重庆市智慧城市");
    expect(parts.filter((p) => p === "\uFEFF")).toHaveLength(6);
    expect(breakParts("충칭시청")).toEqual(["충칭시청"]);
    // No line may start with a closing mark: "，" stays with the ideograph before it.
    expect(breakParts("重庆，天津").join("|")).toBe("重|\uFEFF|庆，|\uFEFF|天|\uFEFF|津");
  });

  it("names every partner and person in both languages, embeds every font, prints no tofu", async () => {
    const d = (await briefingData(db, chongqingId))!;
    const names = [d.partner.nameEn, d.partner.nameKo, d.partner.nameLocal!, ...d.people.flatMap((p) => [p.nameEn, p.nameLocal].filter((n): n is string => !!n))];
    expect(names).toContain("測試翻譯員");
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) fs.rmSync(path.join(SHOTS, f));
    for (const lang of ["en", "ko"] as const) {
      const { file, text } = await briefing(lang, tokenActor);
      for (const n of names) expect(text, `${lang}: ${n}`).toContain(n);
      expect(text).toContain("🎁");
      expect(text).toContain("🤝");
      expect(text).toContain(MISSING_MARK);
      expect(text).not.toContain(NO_FONT);
      // Long Chinese titles wrap without an invented hyphen.
      expect(text.replace(/\s+/g, "")).toContain(LONG_HAN);
      // Default pdftotext joins a word hyphenated at a line's end; -raw shows the lines as set.
      const raw = run("pdftotext", ["-raw", file, "-"]);
      expect(raw, "the long title wraps").not.toContain(LONG_HAN);
      expect(raw.replace(/\n/g, "")).toContain(LONG_HAN);
      expect(raw).not.toMatch(/[\u3400-\u9fff]-\n/);
      // A time label never breaks inside.
      for (const line of raw.split("\n").filter((l) => l.includes("(UTC"))) expect(line).toMatch(/\d\d:\d\d \(UTC[+-]\d\d:\d\d[,)]/);
      const fonts = run("pdffonts", [file]).trim().split("\n").slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) expect(row, row).toMatch(/^\S+\+Noto\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      expect(fonts.join("\n")).not.toMatch(/Helvetica/);
      run("pdftoppm", ["-png", "-r", "80", file, path.join(SHOTS, `briefing-${lang}`)]);
    }
    expect(fs.readdirSync(SHOTS).filter((f) => f.startsWith("briefing-en")).length).toBeGreaterThan(1);
    expect(fs.readdirSync(SHOTS).filter((f) => f.startsWith("briefing-ko")).length).toBeGreaterThan(1);
  }, 120_000);

  it("says who prepared it (a token's creator, never the token) and when, in the reader's zone", async () => {
    const en = (await briefing("en", tokenActor)).text.replace(/\s+/g, " ");
    expect(en).not.toContain("token:");
    expect(en).toContain("Preparer Test");
    const ko = (await briefing("ko", tokenActor)).text.replace(/\s+/g, " ");
    expect(ko).toContain("작성자 Preparer Test");
    const d = (await briefingData(db, chongqingId))!;
    const t = translator("en");
    const pdf = await renderBriefingPdf(d, { lang: "en", t, preparedBy: "Preparer Test", viewerZone: "Asia/Seoul", preparedFor: "Gyeonggi Province", now: NOW });
    const file = path.join(dir, "stamp.pdf");
    fs.writeFileSync(file, pdf);
    const text = run("pdftotext", [file, "-"]).replace(/\s+/g, " ");
    expect(text).toContain("Prepared 2 Dec 2026, 05:30 (UTC+09:00, Asia/Seoul) by Preparer Test");
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))![1]);
    expect(text).toContain(`Confidential — prepared for Gyeonggi Province, page 1 of ${pages}`);
    expect(text).toContain(`Confidential — prepared for Gyeonggi Province, page ${pages} of ${pages}`);
  }, 60_000);

  it("over HTTP with an API token, names the token's creator and writes the time in the cookie's zone", async () => {
    (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
    const creator: Actor = { userId: "u-briefing", label: "preparer@test", role: "admin" };
    const { token } = await createApiToken(db, creator, { name: "ci-feed", role: "viewer" });
    const req = new Request(`http://test/api/v1/exports/briefing?format=pdf&partner=${chongqingId}`, {
      headers: { authorization: `Bearer ${token}`, cookie: `bh_tz=${encodeURIComponent("America/New_York")}` },
    });
    const res = await exportRoute.GET(req, {
      params: Promise.resolve({ report: "briefing" }),
    });
    expect(res.status).toBe(200);
    const file = path.join(dir, "http.pdf");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = run("pdftotext", [file, "-"]).replace(/\s+/g, " ");
    expect(text).toMatch(/Prepared \d{1,2} \w{3} \d{4}, \d\d:\d\d \(UTC-0[45]:00, America\/New_York\) by Preparer Test/);
    expect(text).not.toContain("token:");
    expect(text).not.toContain("ci-feed");
  }, 60_000);

  it("puts the essentials on the cover: names, relationship, next events, commitments of both sides", async () => {
    const { file } = await briefing("ko", tokenActor);
    const cover = run("pdftotext", ["-f", "1", "-l", "1", file, "-"]);
    for (const s of ["충칭시", "Chongqing Municipality", "重庆市", "한눈에 보기", "예정된 일정", "진행 중인 약속", "우리 측", "상대 측", "충칭시 측 회신", "대외비"])
      expect(cover, s).toContain(s);
    expect(cover).toMatch(/10:30 \(UTC\+08:00\)/);
  }, 60_000);

  // The goal is 2 s: about 1.2 s here when the machine is idle, but CI's two cores are shared with
  // other suites, so the test guards what keeps it fast (a few pages, lists capped) and logs the
  // time, failing only on a gross regression (uncapped, this briefing took 22 pages and 9 s).
  it.skipIf(onPostgres)("keeps the busiest partner's briefing to a few pages, made in about 2 seconds", async () => {
    const busy = await seededDb();
    await seedScale(busy, 1000, 3);
    const [top] = busy.$client
      .prepare("select partner_id id, count(*) n from meeting group by partner_id order by n desc limit 1")
      .all() as { id: number; n: number }[];
    const v = parseExportParams("briefing", new URLSearchParams(`format=pdf&partner=${top!.id}&lang=ko`));
    const timed = async () => {
      const t0 = performance.now();
      const out = await runExport(busy, tokenActor, "briefing", v, { viewerZone: "Asia/Seoul" });
      const bytes = Buffer.from(await new Response(out.body).arrayBuffer());
      return { ms: performance.now() - t0, bytes };
    };
    const first = await timed();
    const warm = await timed();
    const file = path.join(dir, "busiest.pdf");
    fs.writeFileSync(file, warm.bytes);
    const pages = /Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))![1];
    console.log(`busiest partner (${top!.n} meetings): ${pages} pages, first ${first.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms`);
    expect(Number(pages)).toBeLessThanOrEqual(6);
    expect(warm.ms).toBeLessThan(8000);
  }, 120_000);
});
