// Each area's write hooks own what they make stale: run through a real QueryClient, a successful
// write marks exactly its keys invalid (and re-renders the server page when it says so); a refused
// write marks nothing.
import { MutationObserver, QueryClient, QueryObserver, type QueryKey } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commandMutation, type Command } from "@/lib/query/command-mutation";
import { queryKeys } from "@/lib/query/keys";
import type { CommandResult } from "@/lib/types/command";

const ok = vi.hoisted(() => (data: unknown = { id: 1 }) => async () => ({ ok: true as const, data }));
vi.mock("@/app/(app)/meetings/commands", () => ({ saveMeetingAction: vi.fn(ok({ id: 7 })), setMeetingArchivedAction: vi.fn(ok({ id: 7, archived: true })) }));
vi.mock("@/app/(app)/partners/commands", () => ({
  savePartner: vi.fn(ok({ id: 3, slug: "p", version: 2 })),
  archivePartner: vi.fn(ok()),
  removePartner: vi.fn(ok()),
  saveMilestone: vi.fn(ok()),
  archiveMilestone: vi.fn(ok()),
}));
vi.mock("@/app/(app)/people/commands", () => ({ savePerson: vi.fn(ok({ id: 4, name: "A" })), archivePerson: vi.fn(ok()), removePerson: vi.fn(ok()) }));
vi.mock("@/app/(app)/visits/commands", () => ({
  saveVisitAction: vi.fn(ok()),
  setChecklistDoneAction: vi.fn(ok({ version: 3 })),
  recordPlannedGiftAction: vi.fn(ok({ version: 3 })),
  programmeItemToMeetingAction: vi.fn(ok({ version: 3 })),
}));
vi.mock("@/app/(app)/reports/commands", () => ({ createCalendarFeed: vi.fn(ok({ id: 1, url: "u" })), revokeCalendarFeed: vi.fn(ok()) }));
vi.mock("@/app/(app)/notifications/commands", () => ({ setFollow: vi.fn(ok({ following: true })) }));

const meetings = await import("@/app/(app)/meetings/queries");
const partners = await import("@/app/(app)/partners/queries");
const people = await import("@/app/(app)/people/queries");
const visits = await import("@/app/(app)/visits/queries");
const reports = await import("@/app/(app)/reports/queries");
const notices = await import("@/components/notifications/notifications-api");
const meetingCommands = await import("@/app/(app)/meetings/commands");
const notificationCommands = await import("@/app/(app)/notifications/commands");

// One cached entry under every family of keys the browser holds.
const seeded: Record<string, QueryKey> = {
  meetingsList: queryKeys.meetings.list({ q: "x" }),
  peopleOptions: queryKeys.meetings.peopleOptions(3),
  partnersList: queryKeys.partners.list({}),
  peopleList: queryKeys.people.list({ page: "2" }),
  actionsList: queryKeys.actions.list({}),
  timeline: queryKeys.timeline.partner("p", null, null),
  boardView: queryKeys.board.view("q="),
  card5: queryKeys.board.card(5),
  card6: queryKeys.board.card(6),
  notifications: queryKeys.notifications.list(10),
  search: queryKeys.search.suggest("a"),
};

let qc: QueryClient;
let refresh: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const key of Object.values(seeded)) qc.setQueryData(key, { seeded: true });
  refresh = vi.fn<() => void>();
});

/** Runs the write as its hook would, and names the seeded entries it left invalid. */
async function run<I, T>(c: Command<I, T>, input: I) {
  const result = await new MutationObserver(qc, commandMutation(qc, refresh, c)).mutate(input);
  const stale = Object.entries(seeded)
    .filter(([, key]) => qc.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
  return { result, stale };
}

describe("area write hooks", () => {
  it.each([
    ["save meeting", meetings.saveMeeting, { payload: {}, id: 7 }, ["meetingsList", "peopleOptions", "timeline"], false],
    ["archive meeting", meetings.archiveMeeting, { id: 7, archived: true }, ["meetingsList", "peopleOptions", "timeline"], true],
    ["save partner", partners.savePartnerCommand, { id: null, input: {} }, ["partnersList", "timeline"], false],
    ["archive partner", partners.archivePartnerCommand, { id: 3, archived: true }, ["partnersList", "timeline"], true],
    ["delete partner", partners.removePartnerCommand, 3, ["partnersList", "timeline"], false],
    ["save milestone", partners.saveMilestoneCommand, { id: null, input: {} }, ["timeline"], true],
    ["archive milestone", partners.archiveMilestoneCommand, { id: 1, archived: true }, ["timeline"], true],
    ["save person", people.savePersonCommand, { id: 4, input: {} }, ["peopleList", "peopleOptions"], false],
    ["archive person", people.archivePersonCommand, { id: 4, archived: false }, ["peopleList", "peopleOptions"], true],
    ["delete person", people.removePersonCommand, 4, ["peopleList", "peopleOptions"], false],
    ["save visit", visits.saveVisit, { payload: {} }, ["timeline"], false],
    ["tick checklist", visits.tickChecklist, { visitId: 1, input: { itemId: 2, done: true, version: 1 } }, [], true],
    ["record planned gift", visits.recordPlannedGift, { visitId: 1, input: { plannedGiftId: 2, meetingId: 3, version: 1 } }, ["meetingsList", "peopleOptions"], true],
    ["programme item to meeting", visits.programmeItemToMeeting, { visitId: 1, itemId: 2, version: 1 }, ["meetingsList", "peopleOptions", "timeline"], true],
    ["create feed", reports.createFeed, { name: "n" }, [], true],
    ["revoke feed", reports.revokeFeed, 1, [], true],
    ["follow a follow-up", notices.followRecord, { recordType: "action", recordId: 5, follow: true }, ["actionsList", "card5"], false],
    ["follow a partner", notices.followRecord, { recordType: "partner", recordId: 5, follow: true }, [], false],
  ] as const)("%s invalidates its keys", async (_name, c, input, keys, refreshes) => {
    const { result, stale } = await run(c as Command<typeof input, unknown>, input);
    expect(result.ok).toBe(true);
    expect(stale).toEqual([...keys].sort());
    expect(refresh).toHaveBeenCalledTimes(refreshes ? 1 : 0);
  });

  it("passes the hook's input to the server action", async () => {
    await run(meetings.archiveMeeting, { id: 9, archived: false });
    expect(meetingCommands.setMeetingArchivedAction).toHaveBeenLastCalledWith(9, false);
    await run(notices.followRecord, { recordType: "meeting", recordId: 2, follow: false });
    expect(notificationCommands.setFollow).toHaveBeenLastCalledWith({ recordType: "meeting", recordId: 2, follow: false });
  });

  it("a refused write invalidates nothing and keeps the page", async () => {
    const refused: CommandResult<never> = { ok: false, error: { code: "conflict", message: "changed" } };
    vi.mocked(meetingCommands.setMeetingArchivedAction).mockResolvedValueOnce(refused);
    const { result, stale } = await run(meetings.archiveMeeting, { id: 7, archived: true });
    expect(result).toEqual(refused);
    expect(stale).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("resolves only once the active queries it marks have refetched", async () => {
    let fetched = 0;
    const key = queryKeys.meetings.list({ page: "3" });
    // A list on screen: an observed query, so invalidation refetches it.
    const stop = new QueryObserver(qc, { queryKey: key, queryFn: async () => ++fetched }).subscribe(() => {});
    await vi.waitFor(() => expect(qc.getQueryState(key)?.fetchStatus).toBe("idle"));
    const before = fetched;
    await run(meetings.archiveMeeting, { id: 7, archived: true });
    expect(fetched).toBe(before + 1);
    stop();
  });
});
