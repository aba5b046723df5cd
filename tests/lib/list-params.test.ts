import { describe, expect, it } from "vitest";
import * as params from "@/lib/validation/list-params";
import { actionListSchema, meetingScreenListSchema, partnerListSchema, personListSchema } from "@/lib/validation/lists";

describe("list-params (the zod-free list names a browser loads)", () => {
  it("names exactly each screen schema's keys", () => {
    expect([...params.PARTNER_LIST_PARAMS].sort()).toEqual(Object.keys(partnerListSchema.shape).sort());
    expect([...params.PERSON_LIST_PARAMS].sort()).toEqual(Object.keys(personListSchema.shape).sort());
    expect([...params.ACTION_LIST_PARAMS].sort()).toEqual(Object.keys(actionListSchema.shape).sort());
    expect([...params.MEETING_LIST_PARAMS].sort()).toEqual(Object.keys(meetingScreenListSchema.shape).sort());
  });

  it("offers the same due filters the action schema accepts", () => {
    for (const due of params.ACTION_DUE_FILTERS) expect(actionListSchema.parse({ due }).due).toBe(due);
    expect(actionListSchema.safeParse({ due: "later" }).success).toBe(false);
  });

  it("turns URLSearchParams and Next's searchParams into a record, the last value winning", () => {
    expect(params.paramsRecord(new URLSearchParams("q=a&q=b&page=2"))).toEqual({ q: "b", page: "2" });
    expect(params.paramsRecord({ q: ["a", "b"], page: "2", none: undefined })).toEqual({ q: "b", page: "2" });
  });
});
