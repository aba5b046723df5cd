import { describe, expect, it } from "vitest";
import { meetingCursorPage } from "@/db/queries/api";
import { createMeeting, listMeetings, meetingFilters } from "@/db/queries/meetings";
import { getPartnerBySlug } from "@/db/queries/partners";
import { getHomeRegion, setHomeRegion } from "@/db/queries/settings";
import { inTransaction } from "@/db/tx";
import { dayPeriodUtc } from "@/lib/format";
import { EDITOR, seededDb } from "../helpers/db";

// One meaning of a meeting list's from/to: calendar days, both included, read in a zone (the
// viewer's on the list page, the home region's in the API). A meeting at 07:30 in Seoul on the
// 10th starts at 22:30 UTC on the 9th: the two readings differ by a day, so the zone shows.
describe("[MEETINGS] the period filter", () => {
  it("turns a period of days in a zone into UTC bounds, both days included", () => {
    expect(dayPeriodUtc("2030-03-10", "2030-03-10", "Asia/Seoul")).toEqual({
      fromAt: new Date("2030-03-09T15:00:00Z"),
      toAt: new Date("2030-03-10T15:00:00Z"),
    });
    expect(dayPeriodUtc(undefined, "2030-02-28", "UTC")).toEqual({ fromAt: undefined, toAt: new Date("2030-03-01T00:00:00Z") });
  });

  it("finds a meeting on the same days on the list page (viewer's zone) and in the API (home region's zone)", async () => {
    const db = await seededDb();
    const home = await getHomeRegion(db);
    await inTransaction(db, async (tx) => setHomeRegion(tx, { ...home, timeZone: "Asia/Seoul" }));
    const partner = (await getPartnerBySlug(db, "chongqing"));
    const m = await createMeeting(db, EDITOR, {
      partnerId: partner.id,
      title: "Period filter check",
      kind: "video_call",
      status: "planned",
      date: "2030-03-10",
      time: "07:30",
      timeZone: "Asia/Seoul",
    });
    const onList = async (day: string) => (await listMeetings(db, meetingFilters({ from: day, to: day }, "Asia/Seoul"))).rows.map((r) => r.id);
    const inApi = async (day: string) => (await meetingCursorPage(db, { from: day, to: day })).data.map((r) => r.id);
    expect(await onList("2030-03-10")).toEqual([m.id]);
    expect(await inApi("2030-03-10")).toEqual([m.id]);
    expect(await onList("2030-03-09")).toEqual([]);
    expect(await inApi("2030-03-09")).toEqual([]);
  });
});
