import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listMeetings } from "@/db/queries/meetings";
import { toMatchQuery } from "@/db/search";
import { seededDb } from "../helpers/db";

describe("[SEARCH] what a user types becomes a safe FTS5 query", () => {
  it("quotes every term, segments Han and Hangul, and drops operators, controls and lone surrogates", () => {
    expect(toMatchQuery("semiconductor cooperation")).toBe('"semiconductor"* AND "cooperation"*');
    expect(toMatchQuery("重庆")).toBe('"重 庆"');
    expect(toMatchQuery('" OR 1=1 -- *')).toBe('"OR"* AND "1"* AND "1"*');
    expect(toMatchQuery("\u0000")).toBeNull();
    expect(toMatchQuery("a\u0000b\uD800")).toBe('"a"* AND "b"*');
  });

  it("never makes SQLite fail, whatever is typed", async () => {
    const db = await seededDb();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 40 }), async (q) => {
        await expect(listMeetings(db, { q })).resolves.toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});
