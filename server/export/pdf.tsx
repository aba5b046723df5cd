// The partner briefing as a PDF (@react-pdf/renderer): a cover with the essentials, then people,
// milestones, meetings, open actions and gifts. Every font is embedded (see fonts.ts); text goes
// through pdf-kit's X so that mixed scripts shape right and nothing prints as tofu.
import { Document, Page, View, renderToBuffer } from "@react-pdf/renderer";
import { PDF_BRIEFING_CAPS, type BriefingData } from "@/db/queries/briefing";
import { formatDate, formatInstantWithZone, formatMoney, formatPrecisionDate, todayIn, utcToZonedParts, type Locale } from "@/lib/format";
import type { DatePrecision } from "@/lib/domain";
import { localFace, type Family } from "./fonts";
import { registerFonts, s, Section, Text, When, X } from "./pdf-kit";
import { printable } from "./pdf-text";
import type { Translate } from "./report-columns";

export interface BriefingOptions {
  lang: Locale;
  t: Translate;
  /** A person's name (for an API token, its creator's). */
  preparedBy: string;
  /** The reader's zone: the preparation time is written in it. */
  viewerZone: string;
  /** Whom the briefing is for: the home region's name in the report's language. */
  preparedFor: string;
  now?: Date;
}

type Action = BriefingData["actions"][number];

// A briefing is read, not searched: long lists stop here and point to the full export, which also
// keeps a busy partner's briefing to a few pages and under two seconds to make.
// briefingData reads no more than these for the PDF (PDF_BRIEFING_CAPS), and counts the rest.
const LIST_CAP = { people: 30, actions: PDF_BRIEFING_CAPS.actions, gifts: PDF_BRIEFING_CAPS.gifts } as const;

/** Overdue and soonest first; undated last. */
function byDue(a: Action, b: Action): number {
  return (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.id - b.id;
}

function More({ n, o, report }: { n: number; o: Ctx; report?: string }) {
  if (n <= 0) return null;
  return <Text style={s.muted}>{report ? o.pdf("moreIn", { n, report: o.t(`reports.kinds.${report}`) }) : o.pdf("moreOf", { n })}</Text>;
}

function Commitments({ title, list, total, o }: { title: string; list: Action[]; total: number; o: Ctx }) {
  return (
    <View style={s.col}>
      <Text style={s.h3}>
        {title} ({total})
      </Text>
      {list.length === 0 ? <Text style={s.none}>{o.pdf("none")}</Text> : null}
      {list.slice(0, 6).map((a) => (
        <View key={a.id} style={{ marginBottom: 4 }} wrap={false}>
          <X style={s.strong} han={o.han}>
            {a.title}
          </X>
          <Text style={a.dueOn && a.dueOn < o.today ? s.overdue : s.muted}>
            {a.dueOn ? `${o.pdf("due", { date: formatDate(a.dueOn, o.lang) })}${a.dueOn < o.today ? ` · ${o.pdf("overdue")}` : ""}` : o.pdf("noDue")}
          </Text>
        </View>
      ))}
      {total > 6 ? <Text style={s.muted}>{o.pdf("more", { n: total - 6 })}</Text> : null}
    </View>
  );
}

interface Ctx {
  lang: Locale;
  t: Translate;
  pdf: (k: string, v?: Record<string, string | number>) => string;
  han: Family;
  today: string;
}

function Cover({ d, o, prepared }: { d: BriefingData; o: Ctx; prepared: string }) {
  const { t, pdf, lang } = o;
  const p = d.partner;
  const since = p.sinceDate ? formatPrecisionDate(p.sinceDate, (p.sincePrecision ?? "day") as DatePrecision, lang) : pdf("sinceUnknown");
  const primary = lang === "ko" ? p.nameKo : p.nameEn;
  const secondary = lang === "ko" ? p.nameEn : p.nameKo;
  const ours = d.actions.filter((a) => a.side === "ours").sort(byDue);
  const theirs = d.actions.filter((a) => a.side !== "ours").sort(byDue);
  const renewals = d.milestones.filter((m) => m.expiresOn && m.expiresOn >= o.today);
  const facts: [string, string][] = [
    [pdf("relationship"), t(`enums.level.${p.level}`)],
    [t("reports.columns.status"), t(`enums.partnerStatus.${p.status}`)],
    [pdf("partnersSince"), since],
    [t("reports.columns.kind"), t(`enums.partnerKind.${p.kind}`)],
    [t("reports.columns.country"), p.country],
    [pdf("lastContact"), d.lastHeld ? formatDate(utcToZonedParts(d.lastHeld.at, d.lastHeld.zone).date, lang) : pdf("never")],
  ];
  return (
    <View>
      <Text style={s.kicker}>{pdf("briefing")}</Text>
      <X style={s.nameEn}>{primary}</X>
      <X style={s.nameKo}>{secondary}</X>
      {p.nameLocal ? (
        <X style={s.nameLocal} han={o.han}>
          {p.nameLocal}
        </X>
      ) : null}
      <View style={s.rule} />
      <Text style={s.h3}>{pdf("atAGlance")}</Text>
      <View style={s.facts}>
        {facts.map(([label, value]) => (
          <View key={label} style={s.fact}>
            <Text style={s.factLabel}>{label}</Text>
            <X style={s.factValue}>{value}</X>
          </View>
        ))}
      </View>
      {p.summary ? (
        <X style={s.summary} han={o.han}>
          {p.summary}
        </X>
      ) : null}
      <Section title={pdf("nextEvents")}>
        {d.upcoming.length === 0 && renewals.length === 0 ? <Text style={s.none}>{pdf("noneScheduled")}</Text> : null}
        {d.upcoming.map((m) => (
          <View key={`m${m.id}`} style={s.item} wrap={false}>
            <When at={m.startsAt} zone={m.timeZone} lang={lang} />
            <View style={s.body}>
              <X style={s.strong} han={o.han}>
                {m.title}
              </X>
              <X style={s.muted} han={o.han}>
                {[t(`enums.meetingKind.${m.kind}`), m.venue, m.city].filter(Boolean).join(" · ")}
              </X>
            </View>
          </View>
        ))}
        {renewals.map((m) => (
          <View key={`r${m.id}`} style={s.item} wrap={false}>
            <Text style={s.when}>{formatDate(m.expiresOn, lang)}</Text>
            <View style={s.body}>
              <X style={s.strong} han={o.han}>
                {pdf("renewal", { title: m.title })}
              </X>
            </View>
          </View>
        ))}
      </Section>
      <Section title={pdf("openCommitments")}>
        <View style={s.cols}>
          <Commitments title={pdf("ours")} list={ours} total={d.totals.actionsOurs} o={o} />
          <Commitments title={pdf("theirs")} list={theirs} total={d.totals.actionsTheirs} o={o} />
        </View>
      </Section>
      <X style={s.prepared}>{prepared}</X>
    </View>
  );
}

function Body({ d, o }: { d: BriefingData; o: Ctx }) {
  const { t, pdf, lang, han } = o;
  const people = [d.people.filter((p) => p.side !== "home"), d.people.filter((p) => p.side === "home")].map((l) => l.slice(0, LIST_CAP.people / 2));
  const actions = [...d.actions].sort(byDue);
  const gifts = d.gifts.slice(-LIST_CAP.gifts);
  return (
    <View break>
      <Section title={pdf("people")}>
        {d.people.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
        <View style={s.cols}>
          {people.map((list, i) => (
            <View key={i} style={s.col}>
              {list.length ? <Text style={s.h3}>{i === 0 ? pdf("theirPeople") : pdf("ourPeople")}</Text> : null}
              {list.map((p) => (
                <View key={p.id} style={{ marginBottom: 4 }} wrap={false}>
                  <Text>
                    <X style={s.strong}>{p.nameEn}</X>
                    {p.nameLocal ? <X han={han}>{` ${p.nameLocal}`}</X> : null}
                  </Text>
                  <X style={s.muted} han={han}>
                    {[p.title, p.organisation].filter(Boolean).join(", ")}
                  </X>
                </View>
              ))}
            </View>
          ))}
        </View>
        <More n={d.people.length - people[0]!.length - people[1]!.length} o={o} />
      </Section>
      <Section title={pdf("timeline")}>
        {d.milestones.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
        {d.milestones.map((m) => (
          <View key={m.id} style={s.item} wrap={false}>
            <Text style={s.when}>{formatPrecisionDate(m.date, m.datePrecision as DatePrecision, lang)}</Text>
            <View style={s.body}>
              <X style={s.strong} han={han}>
                {m.title}
              </X>
              <Text style={s.muted}>
                {t(`enums.milestoneKind.${m.kind}`)}
                {m.expiresOn ? ` · ${t("reports.columns.expiresOn")}: ${formatDate(m.expiresOn, lang)}` : ""}
              </Text>
              {m.notes ? <X han={han}>{m.notes}</X> : null}
            </View>
          </View>
        ))}
      </Section>
      <Section title={pdf("lastMeetings")}>
        {d.meetings.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
        {d.meetings.map((m) => (
          <View key={m.id} style={s.item} wrap={false}>
            <When at={m.startsAt} zone={m.timeZone} lang={lang} />
            <View style={s.body}>
              <X style={s.strong} han={han}>
                {m.title}
              </X>
              <X style={s.muted} han={han}>
                {[t(`enums.meetingKind.${m.kind}`), t(`enums.meetingStatus.${m.status}`), m.venue].filter(Boolean).join(" · ")}
              </X>
              {m.outcomes ? (
                <Text>
                  <Text style={s.strong}>{pdf("outcomes")}: </Text>
                  <X han={han}>{m.outcomes}</X>
                </Text>
              ) : null}
            </View>
          </View>
        ))}
      </Section>
      <Section title={pdf("openActions")}>
        {d.actions.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
        {actions.slice(0, LIST_CAP.actions).map((a) => (
          <View key={a.id} style={s.item} wrap={false}>
            <Text style={a.dueOn && a.dueOn < o.today ? [s.when, s.overdue] : s.when}>{a.dueOn ? formatDate(a.dueOn, lang) : pdf("noDue")}</Text>
            <View style={s.body}>
              <X style={s.strong} han={han}>
                {a.title}
              </X>
              <X style={s.muted} han={han}>
                {[t(`enums.actionSide.${a.side}`), a.ownerUser ?? a.ownerPerson ?? pdf("noOwner"), t(`enums.actionStatus.${a.status}`)].join(" · ")}
              </X>
            </View>
          </View>
        ))}
        <More n={d.totals.actionsOurs + d.totals.actionsTheirs - Math.min(actions.length, LIST_CAP.actions)} o={o} report="actions" />
      </Section>
      <Section title={pdf("gifts")} lead={pdf("giftsLead")}>
        {d.gifts.length === 0 ? <Text style={s.none}>{pdf("none")}</Text> : null}
        {gifts.map((g) => (
          <View key={g.id} style={s.item} wrap={false}>
            <When at={g.meetingAt} zone={g.meetingZone} lang={lang} />
            <View style={s.body}>
              <X style={s.strong} han={han}>
                {`${t(`enums.giftDirection.${g.direction}`)}: ${g.item}`}
              </X>
              <X style={s.muted} han={han}>
                {[g.meetingTitle, g.origin, g.estimatedValue !== null && g.currency ? formatMoney(g.estimatedValue, g.currency, lang) : pdf("toBeValued")]
                  .filter(Boolean)
                  .join(" · ")}
              </X>
              {g.description ? <X han={han}>{g.description}</X> : null}
            </View>
          </View>
        ))}
        <More n={d.totals.gifts - gifts.length} o={o} report="gifts" />
      </Section>
    </View>
  );
}

function Briefing({ d, o: opts }: { d: BriefingData; o: BriefingOptions }) {
  const { lang, t } = opts;
  const now = opts.now ?? new Date();
  const o: Ctx = { lang, t, pdf: (k, v) => t(`reports.pdf.${k}`, v), han: localFace(d.partner.country), today: todayIn(opts.viewerZone, now) };
  const prepared = o.pdf("prepared", { date: formatInstantWithZone(now, opts.viewerZone, lang), who: opts.preparedBy });
  return (
    <Document title={`${o.pdf("briefing")}: ${d.partner.nameEn}`} author={opts.preparedBy} creator="Bridgehead" producer="Bridgehead" language={lang}>
      <Page size="A4" style={s.page}>
        <View style={s.footer} fixed>
          <Text render={({ pageNumber, totalPages }) => o.pdf("footer", { home: printable(opts.preparedFor), n: pageNumber, total: totalPages })} />
        </View>
        <View style={s.content}>
          <Cover d={d} o={o} prepared={prepared} />
          <Body d={d} o={o} />
        </View>
      </Page>
    </Document>
  );
}

/** Renders the briefing; small enough to build in memory. */
export async function renderBriefingPdf(d: BriefingData, opts: BriefingOptions): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<Briefing d={d} o={opts} />);
}
