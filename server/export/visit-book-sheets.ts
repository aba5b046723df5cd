import "server-only";
// The visit briefing book as workbook sheets, one per part, with the PDF's own words
// (visit-book.ts); written by the exports' xlsx writer.
import type { Column, Sheet } from "./table";
import type { Translate } from "./report-columns";
import type { BookModel } from "./visit-book";

type Row = Record<string, string | null>;

export function visitBookSheets(m: BookModel, t: Translate): Sheet[] {
  const b = (k: string) => t(`visits.book.${k}`);
  const sheet = (name: string, keys: [string, number][], rows: Row[]): Sheet => ({
    name: b(`sheets.${name}`).slice(0, 31),
    columns: keys.map(([k, width]): Column<Row> => ({ header: b(`columns.${k}`), type: "text", width, value: (r) => r[k] ?? null })),
    rows,
  });
  const partnerLine = (p: { en: string; ko: string; local: string | null }) => [p.en, p.ko, p.local].filter(Boolean).join(" / ");
  const programme = [...m.programme.days.flatMap((d) => d.rows), ...m.programme.unscheduled];
  return [
    sheet(
      "cover",
      [
        ["field", 24],
        ["value", 80],
      ],
      [
        { field: m.cover.kicker, value: m.cover.title },
        ...m.cover.partners.map((p) => ({ field: b("partners"), value: partnerLine(p) })),
        ...m.cover.facts.map(([field, value]) => ({ field, value })),
        ...(m.cover.purpose ? [{ field: b("purpose"), value: m.cover.purpose }] : []),
        { field: "", value: m.cover.prepared },
      ],
    ),
    sheet(
      "programme",
      [
        ["day", 18],
        ["placeTime", 44],
        ["homeTime", 44],
        ["kind", 16],
        ["title", 40],
        ["place", 30],
        ["attendees", 40],
        ["notes", 40],
        ["meeting", 24],
      ],
      programme.map((r) => ({ ...r })),
    ),
    sheet(
      "delegation",
      [
        ["name", 24],
        ["local", 16],
        ["role", 20],
        ["titleHeld", 40],
        ["side", 12],
      ],
      m.delegation.map((d) => ({ name: d.name, local: d.local, role: d.role, titleHeld: d.title, side: d.side })),
    ),
    sheet(
      "counterparts",
      [
        ["name", 24],
        ["local", 16],
        ["titleHeld", 36],
        ["organisation", 36],
        ["partner", 20],
        ["meetingDate", 14],
        ["meetingTitle", 60],
      ],
      m.counterparts.flatMap((c): Row[] => {
        const who: Row = { name: c.name, local: c.local, titleHeld: c.title, organisation: c.organisation, partner: c.partner };
        return c.meetings.length
          ? c.meetings.map((mt) => ({ ...who, meetingDate: mt.date, meetingTitle: mt.titleAtTime ? `${mt.title} (${t("visits.book.titleThen", { title: mt.titleAtTime })})` : mt.title }))
          : [{ ...who, meetingDate: null, meetingTitle: b("noPastMeetings") }];
      }),
    ),
    sheet(
      "history",
      [
        ["partner", 40],
        ["date", 14],
        ["kind", 18],
        ["milestone", 60],
        ["expires", 14],
        ["notes", 40],
      ],
      m.history.flatMap((h) => [
        { partner: partnerLine(h.partner), date: h.since, kind: b("since"), milestone: `${b("level")}: ${h.level}`, expires: null, notes: null },
        ...h.milestones.map((ms) => ({ partner: partnerLine(h.partner), date: ms.date, kind: ms.kind, milestone: ms.title, expires: ms.expires, notes: ms.notes })),
      ]),
    ),
    sheet(
      "commitments",
      [
        ["side", 10],
        ["partner", 20],
        ["title", 60],
        ["owner", 24],
        ["due", 14],
        ["status", 14],
      ],
      [...m.commitments.ours, ...m.commitments.theirs].map((a) => ({ side: a.side, partner: a.partner, title: a.title, owner: a.owner, due: a.due, status: a.status })),
    ),
    sheet(
      "gifts",
      [
        ["date", 14],
        ["direction", 12],
        ["item", 40],
        ["from", 24],
        ["to", 24],
        ["meetingTitle", 50],
        ["description", 40],
      ],
      m.giftsBefore.map((g) => ({ date: g.date, direction: g.direction, item: g.item, from: g.from, to: g.to, meetingTitle: g.meeting, description: g.description })),
    ),
    sheet(
      "planned",
      [
        ["item", 40],
        ["description", 40],
        ["to", 24],
        ["warning", 70],
      ],
      m.plannedGifts.map((g) => ({
        item: g.item,
        description: g.description,
        to: g.to,
        warning: [g.inRegister ? b("inRegister") : null, ...g.warnings].filter(Boolean).join("\n") || null,
      })),
    ),
    sheet(
      "logistics",
      [
        ["field", 24],
        ["value", 80],
      ],
      m.logistics.facts.map(([field, value]) => ({ field, value })),
    ),
    sheet(
      "travel",
      [
        ["traveller", 28],
        ["carrier", 14],
        ["from", 20],
        ["departs", 44],
        ["departsHome", 44],
        ["to", 20],
        ["arrives", 44],
        ["arrivesHome", 44],
      ],
      m.logistics.legs.map((l) => ({ ...l })),
    ),
    sheet("points", [["point", 100]], [{ point: m.points.lead }, ...m.points.items.map((point) => ({ point }))]),
  ];
}
