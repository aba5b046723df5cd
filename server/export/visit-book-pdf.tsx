import "server-only";
// The visit briefing book as a PDF, on the partner briefing's kit (pdf-kit.tsx): the same fonts,
// styles, sections and footer. The words come from visit-book.ts, which the workbook shares.
import { Document, Page, StyleSheet, View, renderToBuffer } from "@react-pdf/renderer";
import { localFace, type Family } from "./fonts";
import { registerFonts, s, Section, Text, X } from "./pdf-kit";
import type { Style } from "@react-pdf/types";
import { keepTogether, printable } from "./pdf-text";
import type { Translate } from "./report-columns";
import type { BookModel, CommitmentRow, PartnerNames, ProgrammeRow } from "./visit-book";

const v = StyleSheet.create({
  title: { fontSize: 22, fontWeight: "bold", marginTop: 8, lineHeight: 1.3 },
  partner: { marginTop: 10 },
  partnerEn: { fontSize: 14, fontWeight: "bold", lineHeight: 1.35 },
  partnerOther: { fontSize: 13, color: "#334155", lineHeight: 1.35, marginTop: 2 },
  fact: { width: "50%", marginBottom: 10, paddingRight: 8 },
  kind: { fontSize: 8, color: "#1d4ed8" },
  when: { width: 165, paddingRight: 10, fontSize: 9, color: "#334155" },
  home: { fontSize: 8, color: "#64748b" },
  day: { fontSize: 11, fontWeight: "bold", marginTop: 6, marginBottom: 4 },
  warning: { color: "#92400e", backgroundColor: "#fef3c7", paddingHorizontal: 4, paddingVertical: 2, marginTop: 2, fontSize: 9 },
  bullet: { flexDirection: "row", marginBottom: 4 },
  dot: { width: 12 },
});

interface Ctx {
  lang: BookModel["lang"];
  b: (k: string, p?: Record<string, string | number>) => string;
  han: Family;
}

/** A partner in three scripts, the reader's language first (as on the partner briefing's cover). */
function Partner({ p, o }: { p: PartnerNames; o: Ctx }) {
  const [first, second] = o.lang === "ko" ? [p.ko, p.en] : [p.en, p.ko];
  return (
    <View style={v.partner} wrap={false}>
      <X style={v.partnerEn}>{first}</X>
      <X style={v.partnerOther}>{second}</X>
      {p.local ? (
        <X style={v.partnerOther} han={o.han}>
          {p.local}
        </X>
      ) : null}
    </View>
  );
}

function Facts({ facts }: { facts: [string, string][] }) {
  return (
    <View style={s.facts}>
      {facts.map(([label, value]) => (
        <View key={label} style={v.fact}>
          <Text style={s.factLabel}>{label}</Text>
          <X style={s.factValue}>{value}</X>
        </View>
      ))}
    </View>
  );
}

const None = ({ text }: { text: string }) => <Text style={s.none}>{text}</Text>;

/** "27 Nov 2019, 15:00 – 16:00" over "(UTC+08:00, Asia/Shanghai)": the zone never splits. */
function Clock({ text, style }: { text: string; style?: Style }) {
  const at = text.lastIndexOf(" (");
  if (at < 0) return <X style={style}>{text}</X>;
  return (
    <View style={{ marginBottom: 2 }}>
      <X style={style}>{text.slice(0, at)}</X>
      <X style={[s.muted, ...(style ? [style] : [])]}>{keepTogether(text.slice(at + 1))}</X>
    </View>
  );
}

function ProgrammeItem({ r, o }: { r: ProgrammeRow; o: Ctx }) {
  return (
    <View style={s.item} wrap={false}>
      <View style={v.when}>
        <Clock text={r.placeTime} />
        {r.homeTime ? <Clock text={r.homeTime} style={v.home} /> : null}
      </View>
      <View style={s.body}>
        <Text style={v.kind}>{r.kind}</Text>
        <X style={s.strong} han={o.han}>
          {r.title}
        </X>
        {r.place ? <X han={o.han}>{`${o.b("place")}: ${r.place}`}</X> : null}
        {r.attendees ? <X style={s.muted} han={o.han}>{`${o.b("attendees")}: ${r.attendees}`}</X> : null}
        {r.notes ? <X han={o.han}>{r.notes}</X> : null}
        {r.meeting ? <Text style={s.muted}>{r.meeting}</Text> : null}
      </View>
    </View>
  );
}

/** One side's commitments as separate elements, so a long list flows across pages. */
function commitments(title: string, list: CommitmentRow[], more: number, o: Ctx) {
  const entry = (a: CommitmentRow, i: number) => (
    <View key={i} style={{ marginBottom: 4 }} wrap={false}>
      <X style={s.strong} han={o.han}>
        {a.title}
      </X>
      <X style={a.overdue ? s.overdue : s.muted} han={o.han}>
        {[a.partner, a.owner, a.due, a.status].join(" · ")}
      </X>
    </View>
  );
  const [first, ...rest] = list;
  return [
    // The side's heading stays with its first entry: never alone at the foot of a page.
    <View key="h" wrap={false}>
      <Text style={[s.h3, { marginTop: 4 }]}>{title}</Text>
      {first ? entry(first, 0) : <None text={o.b("none")} />}
    </View>,
    ...rest.map((a, i) => entry(a, i + 1)),
    ...(more > 0 ? [<Text key="more" style={s.muted}>{o.b("moreCommitments", { n: more })}</Text>] : []),
  ];
}

function Book({ m, t, preparedFor }: { m: BookModel; t: Translate; preparedFor: string }) {
  const o: Ctx = { lang: m.lang, b: (k, p) => t(`visits.book.${k}`, p), han: localFace(m.country) };
  const { b, han } = o;
  const days = [...m.programme.days, ...(m.programme.unscheduled.length ? [{ label: b("unscheduled"), rows: m.programme.unscheduled }] : [])];
  return (
    <Document title={`${m.cover.kicker}: ${m.cover.title}`} creator="Bridgehead" producer="Bridgehead" language={m.lang}>
      <Page size="A4" style={s.page}>
        <View style={s.footer} fixed>
          <Text render={({ pageNumber, totalPages }) => t("reports.pdf.footer", { home: printable(preparedFor), n: pageNumber, total: totalPages })} />
        </View>
        <View style={s.content}>
          <Text style={s.kicker}>{m.cover.kicker}</Text>
          <X style={v.title} han={han}>
            {m.cover.title}
          </X>
          {m.cover.partners.map((p, i) => (
            <Partner key={i} p={p} o={o} />
          ))}
          <View style={s.rule} />
          <Facts facts={m.cover.facts} />
          {m.cover.purpose ? (
            <View>
              <Text style={s.h3}>{b("purpose")}</Text>
              <X style={s.summary} han={han}>
                {m.cover.purpose}
              </X>
            </View>
          ) : null}
          <X style={s.prepared}>{m.cover.prepared}</X>

          <View break>
            <Section title={b("programme")} lead={b("programmeLead", { home: m.programme.homeZone })}>
              {days.length === 0 ? <None text={b("noProgramme")} /> : null}
              {days.flatMap((d) => [
                <Text key={d.label} style={v.day}>
                  {d.label}
                </Text>,
                ...d.rows.map((r, i) => <ProgrammeItem key={`${d.label}-${i}`} r={r} o={o} />),
              ])}
            </Section>
          </View>

          <Section title={b("delegation")}>
            {m.delegation.length === 0 ? <None text={b("noMembers")} /> : null}
            {m.delegation.map((d, i) => (
              <View key={i} style={{ marginBottom: 4 }} wrap={false}>
                <Text>
                  <X style={s.strong}>{d.name}</X>
                  {d.local ? <X han={han}>{` ${d.local}`}</X> : null}
                </Text>
                <X style={s.muted} han={han}>
                  {[d.role, d.title, d.side].filter(Boolean).join(" · ")}
                </X>
              </View>
            ))}
          </Section>

          <Section title={b("counterparts")} lead={b("counterpartsLead")}>
            {m.counterparts.length === 0 ? <None text={b("noCounterparts")} /> : null}
            {m.counterparts.map((c, i) => (
              <View key={i} style={{ marginBottom: 8 }} wrap={false}>
                <Text>
                  <X style={s.strong}>{c.name}</X>
                  {c.local ? <X han={han}>{` ${c.local}`}</X> : null}
                </Text>
                <X style={s.muted} han={han}>
                  {[c.title, c.organisation, c.partner].filter(Boolean).join(" · ")}
                </X>
                <Text style={[s.h3, { marginTop: 3, marginBottom: 1, fontSize: 9 }]}>{b("pastMeetings")}</Text>
                {c.meetings.length === 0 ? <Text style={s.muted}>{b("noPastMeetings")}</Text> : null}
                {c.meetings.map((mt, j) => (
                  <X key={j} han={han}>
                    {`${mt.date} — ${mt.title}${mt.titleAtTime ? ` (${b("titleThen", { title: mt.titleAtTime })})` : ""}`}
                  </X>
                ))}
              </View>
            ))}
          </Section>

          <Section title={b("history")}>
            {m.history.flatMap((h, i) => [
              <View key={`p${i}`} wrap={false}>
                <Partner p={h.partner} o={o} />
                <Text style={s.muted}>{`${b("since")}: ${h.since} · ${b("level")}: ${h.level}`}</Text>
                {h.milestones.length === 0 ? <None text={b("noMilestones")} /> : null}
              </View>,
              ...h.milestones.map((ms, j) => (
                <View key={`m${i}-${j}`} style={[s.item, { marginTop: 4 }]} wrap={false}>
                  <Text style={s.when}>{ms.date}</Text>
                  <View style={s.body}>
                    <X style={s.strong} han={han}>
                      {ms.title}
                    </X>
                    <Text style={s.muted}>{[ms.kind, ms.expires ? b("expires", { date: ms.expires }) : null].filter(Boolean).join(" · ")}</Text>
                    {ms.notes ? <X han={han}>{ms.notes}</X> : null}
                  </View>
                </View>
              )),
            ])}
          </Section>

          <Section title={b("commitments")}>
            {commitments(b("ours"), m.commitments.ours, m.commitments.oursMore, o)}
            {commitments(b("theirs"), m.commitments.theirs, m.commitments.theirsMore, o)}
          </Section>

          <Section title={b("giftsBefore")} lead={b("giftsBeforeLead")}>
            {m.giftsBefore.length === 0 ? <None text={b("none")} /> : null}
            {m.giftsBefore.map((g, i) => (
              <View key={i} style={s.item} wrap={false}>
                <Text style={s.when}>{g.date}</Text>
                <View style={s.body}>
                  <X style={s.strong} han={han}>
                    {`${g.direction}: ${g.item}`}
                  </X>
                  {g.from || g.to ? <X han={han}>{b("giftFromTo", { from: g.from ?? "—", to: g.to ?? "—" })}</X> : null}
                  <X style={s.muted} han={han}>
                    {g.meeting}
                  </X>
                </View>
              </View>
            ))}
            {m.giftsBeforeMore ? <Text style={s.muted}>{b("moreGifts")}</Text> : null}
          </Section>

          <Section title={b("plannedGifts")}>
            {m.plannedGifts.length === 0 ? <None text={b("noPlannedGifts")} /> : null}
            {m.plannedGifts.map((g, i) => (
              <View key={i} style={{ marginBottom: 6 }} wrap={false}>
                <X style={s.strong} han={han}>
                  {g.item}
                </X>
                {g.description ? <X han={han}>{g.description}</X> : null}
                <X style={s.muted} han={han}>
                  {[g.to ? b("giftFor", { person: g.to }) : null, g.inRegister ? b("inRegister") : null].filter(Boolean).join(" · ")}
                </X>
                {g.warnings.map((w, j) => (
                  <X key={j} style={v.warning} han={han}>
                    {w}
                  </X>
                ))}
              </View>
            ))}
          </Section>

          <Section title={b("logistics")}>
            <Text style={s.h3}>{b("legs")}</Text>
            {m.logistics.legs.length === 0 ? <None text={b("noLegs")} /> : null}
            {m.logistics.legs.map((l, i) => (
              <View key={i} style={{ marginBottom: 6 }} wrap={false}>
                <X style={s.strong} han={han}>
                  {`${l.carrier} · ${l.traveller}`}
                </X>
                <View style={s.cols}>
                  {(
                    [
                      [b("departs", { place: l.from }), l.departs, l.departsHome],
                      [b("arrives", { place: l.to }), l.arrives, l.arrivesHome],
                    ] as const
                  ).map(([label, at, home]) => (
                    <View key={label} style={s.col}>
                      <X style={s.muted} han={han}>
                        {label}
                      </X>
                      {at ? <Clock text={at} /> : <X>{b("notTimed")}</X>}
                      {home ? <Clock text={home} style={v.home} /> : null}
                    </View>
                  ))}
                </View>
              </View>
            ))}
            <Facts facts={m.logistics.facts} />
          </Section>

          <Section title={b("points")} lead={m.points.lead}>
            {m.points.items.length === 0 ? <None text={b("noPoints")} /> : null}
            {m.points.items.map((p, i) => (
              <View key={i} style={v.bullet} wrap={false}>
                <Text style={v.dot}>•</Text>
                <X style={s.body} han={han}>
                  {p}
                </X>
              </View>
            ))}
          </Section>
        </View>
      </Page>
    </Document>
  );
}

/** Renders the book in memory: it is a few pages. */
export async function renderVisitBookPdf(m: BookModel, t: Translate, preparedFor: string): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<Book m={m} t={t} preparedFor={preparedFor} />);
}
