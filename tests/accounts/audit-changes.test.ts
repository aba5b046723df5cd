import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { diff } from "@/db/audit";
import { loadMessages } from "@/i18n/request";
import { AuditDescriber, participantIds, type Words } from "@/lib/audit/changes";

function describer(locale: "en" | "ko", people = new Map<number, string>()) {
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as never }) as unknown as Words;
  return new AuditDescriber(t, locale, "Asia/Seoul", people);
}

describe("[AUDIT] changes as people read them", () => {
  it("a reordered list is no change at write time", () => {
    const a = { personId: 1, person: "Tang Liangzhi", role: "lead", title: "Mayor" };
    const b = { personId: 2, person: "Lee Jae-myung", role: "lead", title: "Governor" };
    expect(diff({ title: "x", participants: [a, b] }, { title: "x", participants: [b, a] })).toEqual({ before: {}, after: {} });
    expect(diff({ title: "x", participants: [a, b] }, { title: "y", participants: [b, a] })).toEqual({ before: { title: "x" }, after: { title: "y" } });
  });

  it("old events: tuples by name, reordering hidden, added/removed/changed people, labels in the reader's language", () => {
    const before = { title: "Old", participants: [[1, "lead", "Governor"], [2, "lead", "Mayor"], [3, "attendee", null]] };
    const after = { title: "Old", participants: [[2, "lead", "Mayor"], [1, "speaker", "Governor"], [4, "interpreter", null]] };
    const people = new Map([[1, "Lee Jae-myung"], [2, "Tang Liangzhi"], [3, "Lim Mun-yeong"], [4, "Wang Fang"]]);
    expect(participantIds([{ before, after }]).sort()).toEqual([1, 2, 3, 4]);
    const [c, ...rest] = describer("en", people).describe("meeting", before, after);
    expect(rest).toEqual([]);
    expect(c).toEqual({
      kind: "items",
      field: "participants",
      label: "Participants",
      added: ["Wang Fang (Interpreter)"],
      removed: ["Lim Mun-yeong (Attendee)"],
      changed: [{ before: "Lee Jae-myung (Lead, Governor)", after: "Lee Jae-myung (Speaker, Governor)" }],
    });
    expect(describer("en", people).describe("meeting", { participants: [[1, "lead", "G"], [2, "lead", "M"]] }, { participants: [[2, "lead", "M"], [1, "lead", "G"]] })).toEqual([]);
    expect(describer("ko").label("durationMinutes")).toBe("소요 시간(분)");
  });

  it("hides positions and renumbering, translates values and shows instants in the reader's zone", () => {
    const d = describer("en");
    expect(d.describe("action", { status: "open", position: 7168 }, { status: "in_progress", position: 1024, renumbered: true })).toEqual([
      { kind: "field", field: "status", label: "Status", before: "Open", after: "In progress" },
    ]);
    const [at] = d.describe("meeting", { startsAt: "2019-11-27T07:00:00.000Z" }, { startsAt: "2019-11-27T08:00:00.000Z" });
    expect(at).toMatchObject({ label: "Starts" });
    expect(at?.kind === "field" && [at.before, at.after]).toEqual([expect.stringContaining("16:00") as unknown, expect.stringContaining("17:00") as unknown]);
    expect(d.text("meeting", { title: "A" }, { title: "B" })).toBe("Title: A → B");
    expect(d.describe("meeting", { status: "planned" }, { status: "held" })[0]).toMatchObject({ before: "Planned", after: "Held" });
  });
});

describe("[AUDIT] the account events main's security work writes", () => {
  it("sign-in failures, deactivation and revoked tokens read as words, their times in the reader's zone", () => {
    const d = describer("en");
    expect(d.text("user", null, { failures: 3, last: "2026-12-01T23:47:37.111Z" })).toBe("Failed tries: 3\nLast try: 2 Dec 2026, 08:47");
    expect(d.text("user", { active: true }, { active: false, revokedTokens: 2 })).toBe("Active: Yes → No\nAPI tokens and feeds revoked: — → 2");
    expect(describer("ko").text("api_token", null, { reason: "creator deactivated" })).toBe("사유: 만든 사용자가 비활성화됨");
  });
});
