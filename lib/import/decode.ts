// Turns an uploaded file's bytes into text without ever inventing characters. Spreadsheets write
// CSV in the machine's code page: Korean Excel writes CP949, Chinese Excel GB18030 or Big5. A byte
// order mark or valid UTF-8 settles it; otherwise chardet ranks the candidates and a decoding that
// would need U+FFFD is refused, so mojibake never reaches the database.
import chardet from "chardet";
import iconv from "iconv-lite";
import { normalLabel } from "./values";

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "cp949", "gb18030", "big5"] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type EncodingChoice = Encoding | "auto";

/** The legacy CJK code pages tried when the bytes are not UTF-8. */
const LEGACY: readonly Encoding[] = ["cp949", "gb18030", "big5"];

/** chardet's names → the decoder that reads them (CP949 and GB18030 are supersets). */
const CHARDET_NAMES: Record<string, Encoding> = { "EUC-KR": "cp949", GB18030: "gb18030", Big5: "big5" };

export function hasGarbage(s: string): boolean {
  return GARBAGE.test(s);
}

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; guessed: boolean }
  | { ok: false; problem: "badBytes"; encoding: Encoding; line: number; text: string }
  | { ok: false; problem: "unknownEncoding" };

// Characters that real text never holds but a wrong code page produces: the replacement
// character, C1 controls and the private-use area.
const GARBAGE = /[\uFFFD\u0080-\u009F\uE000-\uF8FF]/;

/** The 1-based line of the first garbage character (0 when there is none). */
function badLine(text: string): number {
  const i = text.search(GARBAGE);
  return i < 0 ? 0 : text.slice(0, i).split("\n").length;
}

function decodeAs(bytes: Uint8Array, enc: Encoding): string {
  return iconv.decode(Buffer.from(bytes), enc, { stripBOM: true });
}

function bomOf(b: Uint8Array): Encoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Reading a Korean file as Chinese gives Han characters between Hangul: a sign of the wrong code page. */
function scriptMixes(text: string): number {
  const m = text.match(/[\uAC00-\uD7A3][\u4E00-\u9FFF]|[\u4E00-\u9FFF][\uAC00-\uD7A3]/g);
  return m?.length ?? 0;
}

/**
 * Decodes `bytes`. With `choice` set the user has said which encoding it is. `headers` are the
 * column names the import knows: a header row that reads as them settles a legacy code page.
 * `prefer` breaks a tie between code pages (the viewer's language).
 */
export function decodeBytes(bytes: Uint8Array, opts: { choice?: EncodingChoice; headers?: Set<string>; prefer?: Encoding } = {}): Decoded {
  const chosen = opts.choice && opts.choice !== "auto" ? opts.choice : null;
  const fixed = chosen ?? bomOf(bytes) ?? (isUtf8(bytes) ? "utf-8" : null);
  if (fixed) {
    const text = decodeAs(bytes, fixed);
    const row = badLine(text);
    return row ? { ok: false, problem: "badBytes", encoding: fixed, line: row, text } : { ok: true, text, encoding: fixed, guessed: false };
  }
  const ranked = chardet.analyse(bytes);
  const confidence = (enc: Encoding) => ranked.find((r) => CHARDET_NAMES[r.name] === enc)?.confidence ?? 0;
  const headerHits = (text: string) => {
    const first = text.split(/\r?\n/, 1)[0] ?? "";
    return first.split(/[,;\t]/).filter((h) => opts.headers?.has(normalLabel(h.trim().replace(/^"|"$/g, "")))).length;
  };
  const candidates = LEGACY.map((enc) => {
    const text = decodeAs(bytes, enc);
    return { enc, text, bad: badLine(text), hits: headerHits(text), mixes: scriptMixes(text), conf: confidence(enc) };
  });
  const clean = candidates.filter((c) => !c.bad);
  if (!clean.length) {
    // Not one code page reads it: name the row where the most likely one fails.
    const best = [...candidates].sort((a, b) => b.conf - a.conf)[0]!;
    return best.conf > 0 ? { ok: false, problem: "badBytes", encoding: best.enc, line: best.bad, text: best.text } : { ok: false, problem: "unknownEncoding" };
  }
  const score = (c: (typeof clean)[number]) => [c.hits, -c.mixes, c.conf, c.enc === opts.prefer ? 1 : 0];
  clean.sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
    return 0;
  });
  const [best, next] = clean;
  // Sure when it is the only clean reading, its header row is ours, or chardet is confident.
  const sure = !next || best!.hits > next.hits || best!.conf >= 50;
  return { ok: true, text: best!.text, encoding: best!.enc, guessed: !sure };
}
