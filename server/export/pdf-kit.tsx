// The briefing's building blocks: fonts, styles, and a Text that picks its font chain from what
// it says and prints only what the embedded fonts can draw.
import { Font, StyleSheet, Text as PdfText, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import { Children } from "react";
import { formatDate, utcToZonedParts, zoneOffset, type Locale } from "@/lib/format";
import { FAMILIES, checkFonts, fallbackChain, fontFile, type Family } from "./fonts";
import { breakParts, keepTogether, printable } from "./pdf-text";

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  checkFonts();
  for (const family of Object.keys(FAMILIES) as Family[])
    Font.register({
      family,
      fonts: [
        { src: fontFile(family, "regular"), fontWeight: "normal" },
        { src: fontFile(family, "bold"), fontWeight: "bold" },
      ],
    });
  Font.registerHyphenationCallback(breakParts);
  registered = true;
}

// @react-pdf puts a hyphen penalty before every break inside a word as well as the blank glue that
// breakParts adds; at 10000 (its infinity) a line never breaks at the penalty, so no hyphen is
// ever invented and lines break only at the glue.
const NEVER = 10_000;

/** Text that breaks lines only where UAX #14 allows. */
export function Text(props: React.ComponentProps<typeof PdfText>) {
  return <PdfText hyphenationPenalty={NEVER} {...props} />;
}

const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;

/** Han without Hangul is Chinese (or Japanese with kana): its own face draws it, not Korean's. */
export function chainFor(text: string, hanFace: Family): Family[] {
  if (KANA.test(text)) return fallbackChain("NotoJP");
  if (HAN.test(text) && !HANGUL.test(text)) return fallbackChain(hanFace);
  return fallbackChain("NotoKR");
}

type Child = string | number | null | undefined | false;


/** Text from the data: every character drawable, in the face of its script. */
export function X({ children, style, han = "NotoSC" }: { children: Child | Child[]; style?: Style | Style[]; han?: Family }) {
  const text = (Array.isArray(children) ? children : [children]).filter((c) => c !== null && c !== undefined && c !== false).join("");
  const s = printable(text);
  return <Text style={[{ fontFamily: chainFor(s, han) }, ...(Array.isArray(style) ? style : style ? [style] : [])]}>{s}</Text>;
}

/** A meeting's time as three lines that never break inside: date, "15:00 (UTC+08:00)", zone. */
export function When({ at, zone, lang }: { at: Date; zone: string; lang: Locale }) {
  const p = utcToZonedParts(at, zone);
  return (
    <View style={s.when}>
      <X>{formatDate(p.date, lang)}</X>
      <X>{keepTogether(`${p.time} (UTC${zoneOffset(at, zone)})`)}</X>
      <X style={s.muted}>{zone}</X>
    </View>
  );
}

export const BRAND = "#1d4ed8";
export const s = StyleSheet.create({
  page: { fontFamily: fallbackChain("NotoKR"), fontSize: 10, color: "#0f172a", paddingTop: 44, paddingBottom: 60, paddingHorizontal: 48 },
  // On the page itself lineHeight hides the footer's page numbers (a @react-pdf quirk with `render`).
  content: { fontSize: 10, lineHeight: 1.4 },
  kicker: { fontSize: 10, color: BRAND },
  nameEn: { fontSize: 26, fontWeight: "bold", marginTop: 8, lineHeight: 1.25 },
  nameKo: { fontSize: 18, marginTop: 2, lineHeight: 1.3 },
  nameLocal: { fontSize: 18, marginTop: 2, lineHeight: 1.3, color: "#334155" },
  rule: { borderBottomWidth: 2, borderBottomColor: BRAND, width: 80, marginVertical: 14 },
  facts: { flexDirection: "row", flexWrap: "wrap", marginTop: 4 },
  fact: { width: "33%", marginBottom: 10, paddingRight: 8 },
  factLabel: { fontSize: 8, color: "#64748b" },
  factValue: { fontSize: 11, fontWeight: "bold" },
  summary: { fontSize: 10, marginTop: 4, color: "#1e293b" },
  prepared: { fontSize: 9, color: "#475569", marginTop: 16 },
  h2: { fontSize: 13, fontWeight: "bold", color: BRAND, marginTop: 14, marginBottom: 6, paddingBottom: 3, borderBottomWidth: 1, borderBottomColor: "#cbd5e1" },
  h3: { fontSize: 10, fontWeight: "bold", marginBottom: 4 },
  lead: { fontSize: 9, color: "#475569", marginBottom: 6 },
  item: { flexDirection: "row", marginBottom: 6 },
  when: { width: 120, paddingRight: 10, color: "#334155", fontSize: 9 },
  body: { flex: 1 },
  cols: { flexDirection: "row", gap: 16 },
  col: { flex: 1 },
  strong: { fontWeight: "bold" },
  muted: { color: "#64748b", fontSize: 9 },
  overdue: { color: "#b91c1c", fontWeight: "bold", fontSize: 9 },
  none: { color: "#64748b" },
  footer: { position: "absolute", bottom: 24, left: 48, right: 48, borderTopWidth: 0.5, borderTopColor: "#cbd5e1", paddingTop: 6, fontSize: 8, color: "#64748b" },
});

/** A titled section; the title, lead and first entry stay on one page (never an orphan title). */
export function Section({ title, lead, children }: { title: string; lead?: string; children: React.ReactNode }) {
  const [first, ...rest] = Children.toArray(children);
  return (
    <View>
      <View wrap={false}>
        <Text style={s.h2}>{title}</Text>
        {lead ? <Text style={s.lead}>{lead}</Text> : null}
        {first}
      </View>
      {rest}
    </View>
  );
}
