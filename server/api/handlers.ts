import "server-only";
import type { z } from "zod";
import type { Actor } from "@/db/audit";
import type { Db } from "@/db/client";
import { apiRoute, readJson } from "@/server/http";
import { UserError } from "@/lib/errors";
import { messageKey, parseInput } from "@/lib/validation/common";
import { cursorSchema, paramsRecord } from "@/lib/validation/lists";
import { resource, type ApiResource } from "./resources";
import { rawCursorPage } from "@/db/queries/list-rows";
import { answer, recordKeys } from "./responses";
import { listJson } from "./list-json";

type IdParams = { id: string };

/** Ids in paths are positive integers; anything else is a 400, never a 500 or a lookup. */
export function parseId(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,14}$/.test(raw)) throw new UserError("bad_request", "The id in the path must be a positive integer.");
  return Number(raw);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

async function objectBody(req: Request): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (!isObject(body)) throw new UserError("bad_request", "The request body must be a JSON object.");
  return body;
}

/**
 * The list parameters of a query string, parsed once per distinct string: the parse is a pure
 * function of it (about 65 µs of zod per request). Refusals are not kept, so they are thrown anew.
 */
function listParamsParser(schema: z.ZodObject) {
  const parsed = new Map<string, Readonly<Record<string, unknown>>>();
  return (search: string): Readonly<Record<string, unknown>> => {
    let p = parsed.get(search);
    if (!p) {
      p = Object.freeze<Record<string, unknown>>(parseInput(schema, paramsRecord(new URLSearchParams(search))));
      if (parsed.size >= 500) parsed.clear();
      if (search.length <= 2000) parsed.set(search, p);
    }
    return p;
  };
}

/** GET (list, filters + cursor) and POST (create) for /api/v1/<resource>. */
export function collectionHandlers(path: string) {
  const r = resource(path);
  const params = listParamsParser(r.listSchema.extend(cursorSchema.shape));
  const keys = recordKeys(r.record);
  return {
    // The page as r.list reads it and listEncoder encodes it, without drizzle's builder, row
    // objects or JSON.stringify of them (list-rows.ts, list-json.ts; issue 19).
    GET: apiRoute("read", async ({ req, db }) => {
      const p = params(new URL(req.url).search);
      const page = await rawCursorPage(db, r.table, keys, await r.listWhere(db, p), p);
      return new Response(listJson(page), { headers: { "content-type": "application/json" } });
    }),
    POST: apiRoute("write", async ({ req, db, actor }) => {
      const row = await r.create(db, actor, await objectBody(req));
      return Response.json(await detail(r, db, row.id), { status: 201, headers: { Location: `/api/v1/${r.path}/${row.id}` } });
    }),
  };
}

/** The record as the API answers it: shaped by the same schema the OpenAPI document shows. */
async function detail(r: ApiResource, db: Db, id: number) {
  return answer(r.detail, await r.get(db, id));
}

/** The stored payload minus every linked group the body sends a member of. */
function withoutLinked(r: ApiResource, stored: Record<string, unknown>, body: Record<string, unknown>) {
  // As JSON, exactly what a GET returns (dates as ISO strings), so PATCH = GET + changes.
  const out = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
  for (const group of r.linked ?? []) if (group.some((k) => k in body)) for (const k of group) delete out[k];
  return out;
}

async function update(r: ApiResource, req: Request, db: Db, actor: Actor, id: number, merge: boolean) {
  const body = await objectBody(req);
  if (body.version === undefined) throw new UserError("validation_failed", "Send the version you read.", { fields: { version: [messageKey("required")] } });
  const input = merge ? { ...withoutLinked(r, await r.toInput(db, await r.get(db, id)), body), ...body } : body;
  await r.update(db, actor, id, input);
  return detail(r, db, id);
}

/** GET, PUT (whole record), PATCH (changed fields) and DELETE (archive) for /api/v1/<resource>/<id>. */
export function itemHandlers(path: string) {
  const r = resource(path);
  return {
    GET: apiRoute<IdParams>("read", async ({ db, params }) => detail(r, db, parseId(params.id))),
    PUT: apiRoute<IdParams>("write", async ({ req, db, actor, params }) => update(r, req, db, actor, parseId(params.id), false)),
    PATCH: apiRoute<IdParams>("write", async ({ req, db, actor, params }) => update(r, req, db, actor, parseId(params.id), true)),
    DELETE: apiRoute<IdParams>("write", async ({ db, actor, params }) => archive(r, db, actor, parseId(params.id), true)),
  };
}

async function archive(r: ApiResource, db: Db, actor: Actor, id: number, archived: boolean) {
  await r.setArchived(db, actor, id, archived);
  return detail(r, db, id);
}

/** POST /api/v1/<resource>/<id>/archive or …/restore. */
export function archiveHandler(path: string, archived: boolean) {
  const r = resource(path);
  return apiRoute<IdParams>("write", async ({ db, actor, params }) => archive(r, db, actor, parseId(params.id), archived));
}
