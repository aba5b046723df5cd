import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/api/openapi";
import { RESOURCES } from "@/server/api/resources";
import { createMeetingSchema } from "@/lib/validation/meetings";

describe("[API] the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = openApiDocument();
    const v = new Validator();
    const r = await v.validate(doc);
    expect(r.errors ?? []).toEqual([]);
    expect(r.valid).toBe(true);
    expect(v.version).toBe("3.1");
  });

  it("lists every route of every resource, with list filters and paging", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    for (const r of RESOURCES) {
      expect(Object.keys(doc.paths[`/api/v1/${r.path}`]!)).toEqual(expect.arrayContaining(["get", "post"]));
      expect(Object.keys(doc.paths[`/api/v1/${r.path}/{id}`]!)).toEqual(expect.arrayContaining(["get", "put", "patch", "delete"]));
      expect(doc.paths[`/api/v1/${r.path}/{id}/archive`]).toHaveProperty("post");
      expect(doc.paths[`/api/v1/${r.path}/{id}/restore`]).toHaveProperty("post");
      const names = ((doc.paths[`/api/v1/${r.path}`]!.get as { parameters: { name: string }[] }).parameters).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(["limit", "cursor", "archived"]));
    }
  });

  it("is generated from the same schema the meeting form uses, not written by hand", () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> } };
    const s = doc.components.schemas.MeetingCreate!;
    expect(Object.keys(s.properties).sort()).toEqual(Object.keys(createMeetingSchema.in.shape).sort());
    expect(s.required).toEqual(expect.arrayContaining(["partnerId", "title", "timeZone"]));
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["date", "time", "startsAt"]));
    expect(RESOURCES.find((r) => r.path === "meetings")!.createSchema).toBe(createMeetingSchema);
  });
});
