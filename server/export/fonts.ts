// The PDF's fonts come with `npm install`: Google's static TTF builds of Noto Sans KR, SC, TC and
// JP and the monochrome Noto Emoji, from the @expo-google-fonts packages (SIL OFL 1.1). Nothing
// is downloaded and no system font is read. @react-pdf embeds only the glyphs a document uses.
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

export const FAMILIES = {
  NotoKR: ["noto-sans-kr", "NotoSansKR"],
  NotoSC: ["noto-sans-sc", "NotoSansSC"],
  NotoTC: ["noto-sans-tc", "NotoSansTC"],
  NotoJP: ["noto-sans-jp", "NotoSansJP"],
  NotoEmoji: ["noto-emoji", "NotoEmoji"],
} as const;
export type Family = keyof typeof FAMILIES;
export type Weight = "regular" | "bold";

const WEIGHT_DIR: Record<Weight, string> = { regular: "400Regular", bold: "700Bold" };

export function fontFile(family: Family, weight: Weight): string {
  const [pkg, stem] = FAMILIES[family];
  const dir = WEIGHT_DIR[weight];
  // Ignored by Turbopack's file tracing, which otherwise takes the computed path for "anything under
  // the project" and copies the whole tree into the server output; next.config.js's
  // outputFileTracingIncludes names the font files instead.
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@expo-google-fonts", pkg, dir, `${stem}_${dir}.ttf`);
}

/** Every font file, or a clear error naming what to reinstall. */
export function checkFonts(): void {
  const missing = (Object.keys(FAMILIES) as Family[]).flatMap((f) => (["regular", "bold"] as const).map((w) => fontFile(f, w))).filter((p) => !fs.existsSync(p));
  if (missing.length) throw new Error(`PDF fonts are missing (${missing.map((p) => path.basename(p)).join(", ")}): run npm install.`);
}

/**
 * The chain for text in one script: the script's own face first (Han glyphs differ between
 * Korean, Chinese and Japanese), then the others for what it lacks, then emoji. Latin and
 * Hangul come from the first face that has them.
 */
export function fallbackChain(first: Family): Family[] {
  const order: Family[] = ["NotoKR", "NotoSC", "NotoTC", "NotoJP"];
  return [first, ...order.filter((f) => f !== first), "NotoEmoji"];
}

/** The face that should lead for a partner's local-script name, by its country. */
export function localFace(country: string): Family {
  if (country === "CN" || country === "SG") return "NotoSC";
  if (country === "TW" || country === "HK" || country === "MO") return "NotoTC";
  if (country === "JP") return "NotoJP";
  return "NotoKR";
}

let coverage: fontkit.Font[] | null = null;

/** Whether any face of the chain draws this code point (the bold faces cover the same set). */
export function hasGlyph(codePoint: number): boolean {
  coverage ??= (Object.keys(FAMILIES) as Family[]).map((f) => fontkit.openSync(fontFile(f, "regular")) as fontkit.Font);
  return coverage.some((f) => f.hasGlyphForCodePoint(codePoint));
}
