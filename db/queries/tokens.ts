import crypto from "node:crypto";
import { and, desc, eq, isNull, sql, type Placeholder } from "drizzle-orm";
import { ON_PG } from "../dialect";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Db } from "../client";
import { apiToken, partner, user } from "../schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createTokenSchema } from "@/lib/validation/users";
import { inTransaction, one } from "../tx";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a token; the plain text is returned once and only its hash is stored. */
export async function createApiToken(db: Db, actor: Actor, input: unknown) {
  const v = parseInput(createTokenSchema, input);
  if (v.partnerId !== undefined && !(await db.select({ id: partner.id }).from(partner).where(eq(partner.id, v.partnerId)).limit(1))[0])
    throw new ValidationError({ partnerId: [messageKey("unknownPartner")] });
  const token = `bh_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await inTransaction(db, async (tx) => {
    const r = await one(tx
      .insert(apiToken)
      .values({ ...v, tokenHash: hashToken(token), prefix: token.slice(0, 7), createdBy: actor.userId })
      .returning({ id: apiToken.id, name: apiToken.name, role: apiToken.role, scope: apiToken.scope, prefix: apiToken.prefix }));
    await writeAudit(tx, actor, { event: "token_create", recordType: "api_token", recordId: r.id, after: r });
    return r;
  });
  return { ...row, token };
}

/** What a token list shows (never the secret: only its hash is stored). */
const listed = {
  id: apiToken.id,
  name: apiToken.name,
  prefix: apiToken.prefix,
  partnerId: apiToken.partnerId,
  createdAt: apiToken.createdAt,
  lastUsedAt: apiToken.lastUsedAt,
  revokedAt: apiToken.revokedAt,
};

export async function listApiTokens(db: Db) {
  return await db
    .select({ ...listed, role: apiToken.role, scope: apiToken.scope })
    .from(apiToken)
    .orderBy(desc(apiToken.id));
}

export async function revokeApiToken(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const r = (await tx.update(apiToken).set({ revokedAt: new Date() }).where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt))).returning())[0];
    if (!r) throw new NotFoundError("Active token", id);
    await writeAudit(tx, actor, { event: "token_revoke", recordType: "api_token", recordId: id });
  });
}

function liveTokenQuery(db: Db, hash: string | Placeholder, scope: string | Placeholder) {
  return db
    .select({ token: apiToken, creatorBanned: user.banned })
    .from(apiToken)
    .leftJoin(user, eq(user.id, apiToken.createdBy))
    .where(and(eq(apiToken.tokenHash, hash), eq(apiToken.scope, scope), isNull(apiToken.revokedAt)))
    .limit(1);
}

// Every API request checks its token, so on SQLite the lookup is prepared once per connection
// (drizzle's builder was about 0.15 ms of each request). Nothing is cached but the statement: a
// revoked token, or one whose creator was deactivated, fails on the very next request, from
// whichever process or instance the change came. PostgreSQL keeps the built query, which the
// app's db proxy can route into a transaction.
const preparedLookups = new WeakMap<object, ReturnType<ReturnType<typeof liveTokenQuery>["prepare"]>>();

async function findLiveToken(db: Db, hash: string, scope: string) {
  if (ON_PG) return (await liveTokenQuery(db, hash, scope))[0];
  let q = preparedLookups.get(db.$client);
  if (!q) preparedLookups.set(db.$client, (q = liveTokenQuery(db, sql.placeholder("hash"), sql.placeholder("scope")).prepare()));
  return q.get({ hash, scope });
}

/**
 * The live token for a presented secret and scope, or null. A token made by a user who has
 * since been deactivated answers null even if it escaped revocation: its creator's state is
 * checked on every use. Tokens made by the CLI (no creator) stand on their own.
 */
export async function verifyApiToken(db: Db, token: string, scope: "api" | "calendar" = "api") {
  if (!token.startsWith("bh_") || token.length > 100) return null;
  const found = await findLiveToken(db, hashToken(token), scope);
  if (!found || found.creatorBanned) return null;
  const row = found.token;
  // Recording use at most once a minute keeps reads from turning into writes.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.update(apiToken).set({ lastUsedAt: new Date() }).where(eq(apiToken.id, row.id));
  return row;
}

/** A user's calendar feed tokens, newest first. */
export async function listCalendarTokens(db: Db, userId: string) {
  return await db
    .select(listed)
    .from(apiToken)
    .where(and(eq(apiToken.createdBy, userId), eq(apiToken.scope, "calendar")))
    .orderBy(desc(apiToken.id));
}

/** Whether a calendar token belongs to a user (a user revokes only their own feeds). */
export async function ownsCalendarToken(db: Db, userId: string, id: number): Promise<boolean> {
  return !!(await db
    .select({ id: apiToken.id })
    .from(apiToken)
    .where(and(eq(apiToken.id, id), eq(apiToken.createdBy, userId), eq(apiToken.scope, "calendar"))).limit(1))[0];
}
