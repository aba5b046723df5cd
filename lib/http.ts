import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { verifyApiToken } from "@/db/queries/tokens";
import { user } from "@/db/schema";
import { getAuth } from "@/lib/auth/server";
import { can, type Permission } from "@/lib/auth/permissions";
import { isUserError, UserError } from "@/lib/errors";

/** Request bodies above this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 1_000_000;

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

export function errorResponse(e: unknown): Response {
  if (isUserError(e)) return Response.json(e.toJSON(), { status: e.status });
  const id = crypto.randomUUID().slice(0, 8);
  console.error(`[error ${id}]`, e);
  return jsonError(500, "internal", `Something went wrong on our side (reference ${id}).`);
}

/** The caller: a bearer token, or a session cookie. Null when neither is valid. */
export async function apiActor(req: Request, db: Db): Promise<Actor | null> {
  const auth = req.headers.get("authorization");
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const t = await verifyApiToken(db, auth.slice(7).trim(), "api");
    return t ? { userId: null, label: `token:${t.name}`, role: t.role as Actor["role"], ip, onBehalfOf: t.createdBy } : null;
  }
  const s = await getAuth().api.getSession({ headers: req.headers });
  if (!s) return null;
  const row = db
    .select({ role: user.role, email: user.email, banned: user.banned, mustChangePassword: user.mustChangePassword })
    .from(user)
    .where(eq(user.id, s.user.id))
    .get();
  if (!row || row.banned) return null;
  // A temporary password opens only the password form, for the API as for pages and actions.
  if (row.mustChangePassword) throw new UserError("forbidden", "Change your temporary password first.");
  return { userId: s.user.id, label: row.email, role: row.role as Actor["role"], ip };
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Cookie-authenticated writes must come from our own origin (CSRF); bearer calls need not. */
function sameOrigin(req: Request): boolean {
  if (req.headers.get("authorization")?.toLowerCase().startsWith("bearer ")) return true;
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function readJson(req: Request): Promise<unknown> {
  const len = Number(req.headers.get("content-length") ?? "0");
  if (len > MAX_BODY_BYTES) throw new UserError("payload_too_large", `The request body is over ${MAX_BODY_BYTES} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new UserError("payload_too_large", `The request body is over ${MAX_BODY_BYTES} bytes.`);
  if (!text) throw new UserError("bad_request", "The request needs a JSON body.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError("bad_request", "The request body is not valid JSON.");
  }
}

type Ctx<P> = { req: Request; db: Db; actor: Actor; params: P };

/**
 * The one wrapper of every API route handler: authenticate (401), authorise by the permission
 * table (403), CSRF-check cookie writes, run, and answer errors in the JSON error shape.
 */
export function apiRoute<P = Record<string, string>>(permission: Permission, fn: (ctx: Ctx<P>) => Promise<unknown>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = getDb();
      const actor = await apiActor(req, db);
      if (!actor) return jsonError(401, "unauthorized", "Sign in or send an API token (Authorization: Bearer).");
      if (!can(actor.role, permission)) return jsonError(403, "forbidden", "Your role does not allow this.");
      if (UNSAFE.has(req.method) && !sameOrigin(req)) return jsonError(403, "forbidden", "Cross-site request refused.");
      // Refused before any handler runs, also for routes that take no body (archive, restore).
      if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES)
        return jsonError(413, "payload_too_large", `The request body is over ${MAX_BODY_BYTES} bytes.`);
      const out = await fn({ req, db, actor, params: await context.params });
      return out instanceof Response ? out : Response.json(out);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
