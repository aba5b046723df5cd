// Text as the PDF sets it: characters no font has become a visible mark, and lines break only
// where the Unicode line-breaking algorithm (UAX #14, the `linebreak` package) allows.
import LineBreaker from "linebreak";
import { hasGlyph } from "./fonts";

/** Printed in place of a character that no embedded font can draw (never a blank or tofu). */
export const MISSING_MARK = "□";

// Variation selectors choose colour or text presentation; the monochrome emoji face has one.
const SELECTORS = /[\uFE0E\uFE0F]/g;
// Controls other than the line feed would print as boxes (Cc, by Unicode property).
const CONTROLS = /(?!\n)\p{Cc}/gu;

/** The string with every character drawable by the embedded fonts. */
export function printable(s: string): string {
  let out = "";
  for (const ch of s.replace(SELECTORS, "").replace(CONTROLS, " ")) {
    const cp = ch.codePointAt(0)!;
    // A zero-width joiner is invisible: kept where a face has it, else dropped, never marked.
    if (cp === 0x200d) out += hasGlyph(cp) ? ch : "";
    else out += cp === 0x0a || hasGlyph(cp) ? ch : MISSING_MARK;
  }
  return out;
}

/** Joins with no-break spaces, so that a label such as "10:30 (UTC+08:00)" stays on one line. */
export function keepTogether(s: string): string {
  return s.replace(/ /g, "\u00A0");
}

// @react-pdf turns a break between two parts of a word into a hyphen unless the parts are
// separated by a part that is blank to String.trim(). U+FEFF is such a character, has no width
// and is dropped by text extraction, so it marks a break opportunity that adds nothing.
const BREAK = "\uFEFF";
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;

/**
 * The hyphenation callback: splits a space-free run at its UAX #14 break opportunities (between
 * ideographs, after a dash) and never inserts a hyphen. Korean keeps its words whole between
 * spaces, the "keep-all" tailoring UAX #14 describes for Hangul.
 */
export function breakParts(word: string): string[] {
  if (word.length < 2) return [word];
  const breaker = new LineBreaker(word);
  const parts: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position >= word.length) break;
    const before = word[bk.position - 1] ?? "";
    const after = word[bk.position] ?? "";
    if (HANGUL.test(before) && HANGUL.test(after)) continue;
    parts.push(word.slice(last, bk.position), BREAK);
    last = bk.position;
  }
  parts.push(word.slice(last));
  return parts;
}
