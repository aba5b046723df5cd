// The partner briefing as a PDF (@react-pdf/renderer). Korean and Chinese render with Noto Sans
// CJK split from Debian's collection (see fonts.ts); the PDF embeds only the glyphs it uses.
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { BriefingData } from "@/db/queries/reports";
import { formatDate, formatInstantWithZone, formatMoney, formatPrecisionDate, type Locale } from "@/lib/format";
import type { DatePrecision } from "@/lib/domain";
import { ensureCjkFonts, fontFile } from "./fonts";
import type { Translate } from "./reports";

let registered = false;

function registerFonts() {
  if (registered) return;
  ensureCjkFonts();
  for (const [family, face] of [
    ["NotoKR", "kr"],
    ["NotoSC", "sc"],
  ] as const)
    Font.register({
      family,
      fonts: [
        { src: fontFile(face, "regular"), fontWeight: "normal" },
        { src: fontFile(face, "bold"), fontWeight: "bold" },
      ],
    });
  // Han text has no spaces: let a line break between any two ideographs, and nowhere else
  // (Korean and Latin break at spaces; no hyphens are invented).
  Font.registerHyphenationCallback((word) => (/[\u3400-\u9fff]/.test(word) ? Array.from(word) : [word]));
  registered = true;
}

const BRAND = "#1d4ed8";
const s = StyleSheet.create({
  page: { fontFamily: "NotoKR", fontSize: 10, color: "#0f172a", paddingTop: 48, paddingBottom: 56, paddingHorizontal: 48, lineHeight: 1.4 },
  cover: { fontFamily: "NotoKR", color: "#0f172a", padding: 64, justifyContent: "space-between" },
  kicker: { fontSize: 11, color: BRAND, letterSpacing: 1, textTransform: "uppercase" },
  nameEn: { fontSize: 28, fontWeight: "bold", marginTop: 12, lineHeight: 1.3 },
  nameKo: { fontSize: 22, marginTop: 6, lineHeight: 1.3 },
  nameLocal: { fontFamily: "NotoSC", fontSize: 22, marginTop: 4, lineHeight: 1.3, color: "#334155" },
  rule: { borderBottomWidth: 2, borderBottomColor: BRAND, width: 80, marginVertical: 20 },
  facts: { flexDirection: "row", flexWrap: "wrap", gap: 24, marginTop: 8 },
  fact: { minWidth: 120 },
  factLabel: { fontSize: 9, color: "#64748b" },
  factValue: { fontSize: 12, fontWeight: "bold" },
  summary: { fontSize: 11, marginTop: 24, color: "#1e293b" },
  prepared: { fontSize: 9, color: "#64748b" },
  h2: { fontSize: 14, fontWeight: "bold", color: BRAND, marginTop: 16, marginBottom: 6, paddingBottom: 3, borderBottomWidth: 1, borderBottomColor: "#cbd5e1" },
  lead: { fontSize: 9, color: "#475569", marginBottom: 6 },
  item: { flexDirection: "row", marginBottom: 5 },
  when: { width: 140, paddingRight: 10, color: "#334155", fontSize: 9 },
  body: { flex: 1 },
  strong: { fontWeight: "bold" },
  muted: { color: "#64748b", fontSize: 9 },
  none: { color: "#64748b", fontStyle: "normal" },
  footer: { position: "absolute", bottom: 24, left: 48, right: 48, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: "#64748b" },
});

function Section({ title, lead, children }: { title: string; lead?: string; children: React.ReactNode }) {
  return (
    <View>
      <Text style={s.h2} minPresenceAhead={40}>
        {title}
      </Text>
      {lead ? <Text style={s.lead}>{lead}</Text> : null}
      {children}
    </View>
  );
}

function Briefing({ d, lang, t, preparedBy }: { d: BriefingData; lang: Locale; t: Translate; preparedBy: string }) {
  const p = d.partner;
  const pdf = (k: string, v?: Record<string, string | number>) => t(`reports.pdf.${k}`, v);
  const since = p.sinceDate ? pdf("since", { date: formatPrecisionDate(p.sinceDate, (p.sincePrecision ?? "day") as DatePrecision, lang) }) : pdf("sinceUnknown");
  const today = formatDate(new Date().toISOString().slice(0, 10), lang);
  const primary = lang === "ko" ? p.nameKo : p.nameEn;
  const secondary = lang === "ko" ? p.nameEn : p.nameKo;
  const footer = (
    <View style={s.footer} fixed>
      <Text>
        {pdf("briefing")} · {primary}
      </Text>
      <Text render={({ pageNumber, totalPages }) => pdf("page", { n: pageNumber, total: totalPages })} />
    </View>
  );
  return (
    <Document title={`${pdf("briefing")}: ${p.nameEn}`} author={preparedBy} creator="Bridgehead" language={lang}>
      <Page size="A4" style={[s.page, s.cover]}>
        <View>
          <Text style={s.kicker}>{pdf("briefing")}</Text>
          <Text style={s.nameEn}>{primary}</Text>
          <Text style={s.nameKo}>{secondary}</Text>
          {p.nameLocal ? <Text style={s.nameLocal}>{p.nameLocal}</Text> : null}
          <View style={s.rule} />
          <View style={s.facts}>
            <View style={s.fact}>
              <Text style={s.factLabel}>{pdf("relationship")}</Text>
              <Text style={s.factValue}>{t(`enums.level.${p.level}`)}</Text>
            </View>
            <View style={s.fact}>
              <Text style={s.factLabel}>{t("reports.columns.status")}</Text>
              <Text style={s.factValue}>{t(`enums.partnerStatus.${p.status}`)}</Text>
            </View>
            <View style={s.fact}>
              <Text style={s.factLabel}>{t("reports.columns.kind")}</Text>
              <Text style={s.factValue}>{t(`enums.partnerKind.${p.kind}`)}</Text>
            </View>
          </View>
          <Text style={[s.factValue, { marginTop: 16 }]}>{since}</Text>
          {p.summary ? <Text style={s.summary}>{p.summary}</Text> : null}
        </View>
        <Text style={s.prepared}>{pdf("prepared", { date: today, who: preparedBy })}</Text>
      </Page>
      <Page size="A4" style={s.page}>
        {footer}
        <Section title={pdf("timeline")}>
          {d.milestones.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
          {d.milestones.map((m) => (
            <View key={m.id} style={s.item} wrap={false}>
              <Text style={s.when}>{formatPrecisionDate(m.date, m.datePrecision as DatePrecision, lang)}</Text>
              <View style={s.body}>
                <Text style={s.strong}>{m.title}</Text>
                <Text style={s.muted}>
                  {t(`enums.milestoneKind.${m.kind}`)}
                  {m.expiresOn ? ` · ${t("reports.columns.expiresOn")}: ${formatDate(m.expiresOn, lang)}` : ""}
                </Text>
                {m.notes ? <Text>{m.notes}</Text> : null}
              </View>
            </View>
          ))}
        </Section>
        <Section title={pdf("lastMeetings")}>
          {d.meetings.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
          {d.meetings.map((m) => (
            <View key={m.id} style={s.item} wrap={false}>
              <Text style={s.when}>{formatInstantWithZone(m.startsAt, m.timeZone, lang)}</Text>
              <View style={s.body}>
                <Text style={s.strong}>{m.title}</Text>
                <Text style={s.muted}>
                  {t(`enums.meetingKind.${m.kind}`)} · {t(`enums.meetingStatus.${m.status}`)}
                  {m.venue ? ` · ${m.venue}` : ""}
                </Text>
                {m.outcomes ? (
                  <Text>
                    <Text style={s.strong}>{pdf("outcomes")}: </Text>
                    {m.outcomes}
                  </Text>
                ) : null}
              </View>
            </View>
          ))}
        </Section>
        <Section title={pdf("openActions")}>
          {d.actions.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
          {d.actions.map((a) => (
            <View key={a.id} style={s.item} wrap={false}>
              <Text style={s.when}>{a.dueOn ? formatDate(a.dueOn, lang) : pdf("noDue")}</Text>
              <View style={s.body}>
                <Text style={s.strong}>{a.title}</Text>
                <Text style={s.muted}>
                  {t(`enums.actionSide.${a.side}`)} · {a.ownerUser ?? a.ownerPerson ?? pdf("noOwner")} · {t(`enums.actionStatus.${a.status}`)}
                </Text>
              </View>
            </View>
          ))}
        </Section>
        <Section title={pdf("gifts")} lead={pdf("giftsLead")}>
          {d.gifts.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
          {d.gifts.map((g) => (
            <View key={g.id} style={s.item} wrap={false}>
              <Text style={s.when}>{formatInstantWithZone(g.meetingAt, g.meetingZone, lang).split(" (")[0]}</Text>
              <View style={s.body}>
                <Text style={s.strong}>
                  {t(`enums.giftDirection.${g.direction}`)}: {g.item}
                </Text>
                <Text style={s.muted}>
                  {g.meetingTitle}
                  {g.origin ? ` · ${g.origin}` : ""} ·{" "}
                  {g.estimatedValue !== null && g.currency ? formatMoney(g.estimatedValue, g.currency, lang) : pdf("toBeValued")}
                </Text>
                {g.description ? <Text>{g.description}</Text> : null}
              </View>
            </View>
          ))}
        </Section>
      </Page>
    </Document>
  );
}

/** Renders the briefing; small enough to build in memory. */
export async function renderBriefingPdf(d: BriefingData, opts: { lang: Locale; t: Translate; preparedBy: string }): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<Briefing d={d} {...opts} />);
}
