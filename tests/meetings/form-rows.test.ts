import { describe, expect, it } from "vitest";
import { emptyAction, emptyGift, emptyParticipant, type MeetingFormValues } from "@/app/(app)/meetings/_components/form-values";
import { fieldsFromMeeting } from "@/app/(app)/meetings/_components/meeting-form/fields-from-meeting";
import { rowsReducer } from "@/app/(app)/meetings/_components/meeting-form/rows";

const base = (): MeetingFormValues => ({
  ...fieldsFromMeeting({ partnerId: 1, title: "Chongqing", kind: "meeting", status: "held", startsAt: "2019-11-27T07:00:00Z", timeZone: "Asia/Shanghai" }),
  participants: [emptyParticipant("home"), emptyParticipant("partner"), emptyParticipant("partner")],
  gifts: [emptyGift(), emptyGift()],
  actions: [emptyAction()],
});

describe("[MEETINGS] the form's rows", () => {
  it("removing a participant clears the gifts' and follow-ups' references to it, and keeps their rows", () => {
    const v = base();
    const [, gone, kept] = v.participants;
    v.gifts[0] = { ...v.gifts[0]!, item: "Celadon vase", from: `row:${gone!.key}`, to: `row:${kept!.key}` };
    v.gifts[1] = { ...v.gifts[1]!, from: "id:7", to: `row:${gone!.key}` };
    v.actions[0] = { ...v.actions[0]!, title: "Send the MoU draft", owner: `row:${gone!.key}` };
    const next = rowsReducer(v, { type: "remove", list: "participants", key: gone!.key });
    expect(next.participants.map((p) => p.key)).toEqual([v.participants[0]!.key, kept!.key]);
    expect(next.gifts.map((g) => [g.item, g.from, g.to])).toEqual([
      ["Celadon vase", "", `row:${kept!.key}`],
      ["", "id:7", ""],
    ]);
    expect(next.actions.map((a) => [a.title, a.owner])).toEqual([["Send the MoU draft", ""]]);
    // Pure: the values it was given are as they were.
    expect(v.gifts[0].from).toBe(`row:${gone!.key}`);
  });

  it("removing a gift or a follow-up touches nothing else", () => {
    const v = base();
    const next = rowsReducer(v, { type: "remove", list: "gifts", key: v.gifts[0]!.key });
    expect(next.gifts).toEqual([v.gifts[1]]);
    expect(next.participants).toBe(v.participants);
    expect(rowsReducer(v, { type: "remove", list: "actions", key: v.actions[0]!.key }).actions).toEqual([]);
  });

  it("adds a row at the end and updates one row by its key", () => {
    const v = base();
    const row = emptyGift();
    const added = rowsReducer(v, { type: "add", list: "gifts", row });
    expect(added.gifts.map((g) => g.key)).toEqual([v.gifts[0]!.key, v.gifts[1]!.key, row.key]);
    const updated = rowsReducer(added, { type: "update", list: "gifts", key: row.key, patch: { item: "Ginseng" } });
    expect(updated.gifts.map((g) => g.item)).toEqual(["", "", "Ginseng"]);
  });

  it("moves a row up or down and stops at either end", () => {
    const v = base();
    const keys = v.participants.map((p) => p.key);
    expect(rowsReducer(v, { type: "move", list: "participants", key: keys[2]!, by: -1 }).participants.map((p) => p.key)).toEqual([keys[0], keys[2], keys[1]]);
    expect(rowsReducer(v, { type: "move", list: "participants", key: keys[0]!, by: 1 }).participants.map((p) => p.key)).toEqual([keys[1], keys[0], keys[2]]);
    expect(rowsReducer(v, { type: "move", list: "participants", key: keys[0]!, by: -1 })).toBe(v);
    expect(rowsReducer(v, { type: "move", list: "participants", key: keys[2]!, by: 1 })).toBe(v);
  });

  it("sets the meeting's own fields, and reads a stored meeting back in its own zone's wall clock", () => {
    const v = rowsReducer(base(), { type: "set", patch: { date: "2019-11-28", time: "09:30" } });
    expect([v.date, v.time, v.title]).toEqual(["2019-11-28", "09:30", "Chongqing"]);
    expect(base()).toMatchObject({ date: "2019-11-27", time: "15:00", partnerId: "1", durationMinutes: "", venue: "" });
  });
});
