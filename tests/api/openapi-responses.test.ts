import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import { collectionHandlers, itemHandlers } from "@/server/api/handlers";
import { openApiDocument } from "@/server/api/openapi";
import { RESOURCES } from "@/server/api/resources";
import * as meRoute from "@/app/api/v1/me/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import { seededDb } from "../helpers/db";

// Real answers of every list and get, on the demo data and on records whose optional fields are
// all null, checked against the served OpenAPI document with ajv (JSON Schema 2020-12, formats on).

type Json = Record<string, unknown>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: Db;
let editor: string;
let admin: string;
const doc = openApiDocument() as Json & { paths: Record<string, Record<string, Json>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: "openapi" });

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  editor = (await createApiToken(db, SYSTEM_ACTOR, { name: "editor", role: "editor" })).token;
  admin = (await createApiToken(db, SYSTEM_ACTOR, { name: "admin", role: "admin" })).token;
});

async function call(h: unknown, method: string, url: string, o: { id?: number; body?: unknown; token?: string } = {}) {
  const res = await (h as Handler)(
    new Request(`http://test${url}`, {
      method,
      headers: { authorization: `Bearer ${o.token ?? editor}`, "content-type": "application/json" },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    }),
    { params: Promise.resolve<Record<string, string>>(o.id ? { id: String(o.id) } : {}) },
  );
  return { status: res.status, json: (await res.json()) as Json };
}

/** The document's schema of one answer, as a pointer into it. */
function responseSchema(path: string, method: string, status = "200") {
  const pointer = `${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}/responses/${status}/content/application~1json/schema`;
  return ajv.getSchema(`openapi#/paths/${pointer}`)!;
}

function check(path: string, method: string, body: unknown, status?: string) {
  const validate = responseSchema(path, method, status);
  const ok = validate(body);
  expect(ok, `${method.toUpperCase()} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** Every field an answer carries is one the document names: no field goes undocumented. */
function documented(name: string, row: Json) {
  const s = (doc.components as { schemas: Record<string, { properties: Json }> }).schemas[name]!;
  expect(Object.keys(row).filter((k) => !(k in s.properties)), name).toEqual([]);
}

async function checkAll() {
  for (const r of RESOURCES) {
    const c = collectionHandlers(r.path);
    const list = await call(c.GET, "GET", `/api/v1/${r.path}?limit=200&archived=1`);
    expect(list.status).toBe(200);
    check(`/api/v1/${r.path}`, "get", list.json);
    for (const row of list.json.data as (Json & { id: number })[]) {
      documented(r.name, row);
      const one = await call(itemHandlers(r.path).GET, "GET", `/api/v1/${r.path}/${row.id}`, { id: row.id });
      check(`/api/v1/${r.path}/{id}`, "get", one.json);
    }
  }
}

describe("[API] answers match the OpenAPI document", () => {
  it("on the demo data: every list and every record, with the fields the screens use documented", async () => {
    await checkAll();
    const meeting = (await call(itemHandlers("meetings").GET, "GET", "/api/v1/meetings/1", { id: 1 })).json;
    documented("MeetingDetail", meeting);
    const props = (doc.components as { schemas: Record<string, { properties: Json; required: string[] }> }).schemas;
    expect(props.Meeting!.required).toEqual(expect.arrayContaining(["startsAt", "timeZone"]));
    expect(props.Partner!.required).toEqual(expect.arrayContaining(["sinceDate", "sincePrecision"]));
    expect(props.Action!.required).toEqual(expect.arrayContaining(["position", "completedAt", "ownerUserId"]));
    check("/api/v1/me", "get", (await call(meRoute.GET, "GET", "/api/v1/me")).json);
    check("/api/v1/tokens", "get", (await call(tokensRoute.GET, "GET", "/api/v1/tokens", { token: admin })).json);
    const made = await call(tokensRoute.POST, "POST", "/api/v1/tokens", { token: admin, body: { name: "feed", role: "viewer", scope: "calendar" } });
    check("/api/v1/tokens", "post", made.json, "201");
  });

  it("on records whose optional fields are all null", async () => {
    const post = async (path: string, body: Json) => {
      const r = await call(collectionHandlers(path).POST, "POST", `/api/v1/${path}`, { body });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      check(`/api/v1/${path}`, "post", r.json, "201");
      return r.json as Json & { id: number };
    };
    const p = await post("partners", { slug: "bare", nameEn: "Bare", nameKo: "베어", country: "CN", kind: "city", level: "exploring", status: "exploring" });
    expect(p).toMatchObject({ sinceDate: null, latitude: null, nameLocal: null });
    const m = await post("meetings", { partnerId: p.id, title: "Bare", kind: "meeting", status: "planned", date: "2027-01-05", time: "09:00", timeZone: "UTC" });
    await post("people", { nameEn: "Bare Person", side: "home" });
    await post("actions", { partnerId: p.id, title: "Bare", side: "ours" });
    const g = await post("gifts", { meetingId: m.id, direction: "received", item: "Tea, to be valued" });
    expect(g).toMatchObject({ currency: null, estimatedValue: null, disposition: null });
    await post("milestones", { partnerId: p.id, kind: "other", date: "2027", title: "Bare" });
    const v = await post("visits", { direction: "incoming", title: "Bare", status: "idea", partnerIds: [p.id], programme: [{ kind: "free_time", title: "Bare", timeZone: "UTC" }] });
    expect(v).toMatchObject({ startsOn: null, hotel: null, budgetAmount: null });
    await checkAll();
  });

  it("would notice an answer that breaks the document", () => {
    const validate = responseSchema("/api/v1/partners/{id}", "get");
    expect(validate({ id: 1 })).toBe(false);
    const real = { id: 1, slug: "x", nameEn: "x", nameKo: "x", nameLocal: null, country: "CN", kind: "city", level: "sister", status: "active", sinceDate: "2008-01-01", sincePrecision: "year", timeZone: "UTC", summary: null, latitude: null, longitude: null, version: 1, archivedAt: null, createdAt: "2019-11-27T07:00:00.000Z", updatedAt: "2019-11-27T07:00:00.000Z" };
    expect(validate(real), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...real, latitude: "north" })).toBe(false);
    expect(validate({ ...real, sincePrecision: "decade" })).toBe(false);
  });
});
