import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { verifyApiToken } from "@/db/queries/tokens";
import { actorOf, callerIp, logUnexpected, userFromHeaders } from "@/server/auth/actor";
import { can, type Permission } from "@/lib/permissions";
import { declaredOver, readBodyUpTo } from "@/lib/body-limit";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "@/lib/db-unavailable";
import { isUserError, UserError } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/validation/english";

/** Request bodies above this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 1_000_000;

// After a 413 the unread rest of the body is not wanted: close the connection instead of draining it.
const closeIfTooLarge = (status: number) => (status === 413 ? { connection: "close" } : undefined);

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: closeIfTooLarge(status) });
}

export function errorResponse(e: unknown): Response {
  if (isUserError(e)) {
    const body = e.toJSON();
    // Field errors are message keys; the API speaks English.
    const error = body.error.fields ? { ...body.error, fields: englishFieldErrors(body.error.fields) } : body.error;
    return Response.json({ error }, { status: e.status, headers: closeIfTooLarge(e.status) });
  }
  if (isDatabaseUnavailable(e)) {
    console.error("[database unavailable]", e instanceof Error ? e.message : e);
    return Response.json(new UserError("unavailable", UNAVAILABLE_MESSAGE).toJSON(), { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
  }
  const id = logUnexpected(e);
  return jsonError(500, "internal", `Something went wrong on our side (reference ${id}).`);
}

/** The caller: a bearer token, or a session cookie. Null when neither is valid. */
export async function apiActor(req: Request, db: Db): Promise<Actor | null> {
  const auth = req.headers.get("authorization");
  // Resolved by our server from the socket and TRUSTED_PROXIES; X-Forwarded-For is the client's to forge.
  const ip = callerIp(req.headers);
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const t = await verifyApiToken(db, auth.slice(7).trim(), "api");
    return t ? { userId: null, label: `token:${t.name}`, role: t.role as Actor["role"], ip, onBehalfOf: t.createdBy } : null;
  }
  const row = await userFromHeaders(req.headers, db);
  if (!row) return null;
  // A temporary password opens only the password form, for the API as for pages and actions.
  if (row.mustChangePassword) throw new UserError("forbidden", "Change your temporary password first.");
  // So does a missing two-step sign-in while it is required for admins. A token is its own
  // credential and is not refused (README, "Two-step sign-in required for administrators").
  if (row.mustEnrolTwoFactor)
    throw new UserError("forbidden", "Two-step sign-in is required for administrators: turn it on at /account/two-factor first.");
  return actorOf(row, ip);
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

const tooLarge = () => new UserError("payload_too_large", `The request body is over ${MAX_BODY_BYTES} bytes.`);

/** The JSON body, read with a byte counter that stops at the limit (413), chunked or not. */
export async function readJson(req: Request): Promise<unknown> {
  if (declaredOver(req.headers, MAX_BODY_BYTES)) throw tooLarge();
  const bytes = await readBodyUpTo(req.body, MAX_BODY_BYTES);
  if (!bytes) throw tooLarge();
  const text = new TextDecoder().decode(bytes);
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
      if (declaredOver(req.headers, MAX_BODY_BYTES))
        return jsonError(413, "payload_too_large", `The request body is over ${MAX_BODY_BYTES} bytes.`);
      const out = await fn({ req, db, actor, params: await context.params });
      return out instanceof Response ? out : Response.json(out);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
