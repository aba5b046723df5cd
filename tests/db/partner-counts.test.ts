import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createAction, moveAction, partnerActions } from "@/db/queries/actions";
import { partnerOverview } from "@/db/queries/board";
import { createMeeting, listMeetings, setMeetingArchived } from "@/db/queries/meetings";
import { getPartnerBySlug, listPartnerPage } from "@/db/queries/partners";
import { seededDb } from "../helpers/db";

// The partners list, the partner overview and a partner page show each partner's live meetings
// and unfinished follow-ups, kept until a write (db/queries/partner-counts.ts). Every write that
// changes them must show at once on all three.

const TODAY = "2026-12-04";

describe("[PERF] kept per-partner counts", () => {
  it("follow a new meeting, a new follow-up, a finished one and an archived meeting at once", async () => {
    const db = await seededDb();
    const cq = await getPartnerBySlug(db, "chongqing");
    const read = async () => {
      const row = (await listPartnerPage(db, {})).rows.find((r) => r.id === cq.id)!;
      const tile = (await partnerOverview(db, TODAY)).find((t) => t.id === cq.id)!;
      return {
        meetings: row.meetingCount,
        open: row.openActionCount,
        tileOpen: tile.openCount,
        tileOverdue: tile.overdueCount,
        pageOpen: (await partnerActions(db, cq.id, 1)).total,
        pageMeetings: (await listMeetings(db, { partnerId: cq.id, size: 1 })).total,
      };
    };
    const before = await read();
    expect(before.meetings).toBeGreaterThan(0);
    expect(before.pageMeetings).toBe(before.meetings);
    expect(before.pageOpen).toBe(before.open);

    const m = await createMeeting(db, SYSTEM_ACTOR, { partnerId: cq.id, title: "Counted meeting", kind: "meeting", status: "held", date: "2026-11-02", time: "10:00", timeZone: "Asia/Seoul" });
    const a = await createAction(db, SYSTEM_ACTOR, { partnerId: cq.id, title: "Counted follow-up", side: "ours", status: "open", dueOn: "2026-11-20" });
    expect(await read()).toEqual({ ...before, meetings: before.meetings + 1, pageMeetings: before.meetings + 1, open: before.open + 1, pageOpen: before.open + 1, tileOpen: before.tileOpen + 1, tileOverdue: before.tileOverdue + 1 });

    await moveAction(db, SYSTEM_ACTOR, { id: a.id, version: a.version, status: "done" });
    await setMeetingArchived(db, SYSTEM_ACTOR, m.id, true);
    expect(await read()).toEqual(before);
  });
});
