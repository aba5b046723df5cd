import type { ActionRow, GiftRow, MeetingFields, MeetingFormValues, ParticipantRow } from "../form-values";

// The meeting form's values change only through here: a pure reducer, so the rules between rows
// (a gift's giver is a participant row of the same form) are unit-tested without a browser.

interface Rows {
  participants: ParticipantRow;
  gifts: GiftRow;
  actions: ActionRow;
}
export type RowList = keyof Rows;

export type RowsAction =
  | { type: "set"; patch: Partial<MeetingFields> }
  | { [L in RowList]: { type: "add"; list: L; row: Rows[L] } }[RowList]
  | { [L in RowList]: { type: "update"; list: L; key: string; patch: Partial<Rows[L]> } }[RowList]
  | { type: "remove"; list: RowList; key: string }
  | { type: "move"; list: RowList; key: string; by: -1 | 1 };

/** What a reference to the participant row `key` looks like in a gift or follow-up. */
const refTo = (key: string) => `row:${key}`;

export function rowsReducer(v: MeetingFormValues, a: RowsAction): MeetingFormValues {
  switch (a.type) {
    case "set":
      return { ...v, ...a.patch };
    case "add":
      return { ...v, [a.list]: [...v[a.list], a.row] };
    case "update":
      return { ...v, [a.list]: (v[a.list] as { key: string }[]).map((r) => (r.key === a.key ? { ...r, ...a.patch } : r)) };
    case "remove": {
      const next = { ...v, [a.list]: (v[a.list] as { key: string }[]).filter((r) => r.key !== a.key) };
      if (a.list !== "participants") return next;
      // A gift or follow-up pointing at the removed participant loses that pointer, not its row.
      const gone = refTo(a.key);
      return {
        ...next,
        gifts: next.gifts.map((g) => (g.from === gone || g.to === gone ? { ...g, from: g.from === gone ? "" : g.from, to: g.to === gone ? "" : g.to } : g)),
        actions: next.actions.map((x) => (x.owner === gone ? { ...x, owner: "" } : x)),
      };
    }
    case "move": {
      const rows = [...(v[a.list] as { key: string }[])];
      const i = rows.findIndex((r) => r.key === a.key);
      const j = i + a.by;
      if (i < 0 || j < 0 || j >= rows.length) return v;
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      return { ...v, [a.list]: rows };
    }
  }
}
