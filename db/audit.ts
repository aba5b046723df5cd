import { and, desc, eq, gte, isNull } from "drizzle-orm";
import { normalizeIp } from "@/lib/client-ip";
import type { Tx } from "./client";
import { sameValue } from "@/lib/audit/changes";
import { notifyRecordChange } from "./queries/notifications";
import { auditEvent } from "./schema";
import { one } from "./tx";
import { notKept } from "./memo";

/** Who is acting: a signed-in user, an API token, or the system (seed, CLI). */
export interface Actor {
  userId: string | null;
  label: string;
  role: "admin" | "editor" | "viewer" | "system";
  ip?: string | null;
  /** For an API token: the user who created it (a briefing names them, never the token). */
  onBehalfOf?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system", role: "system" };

export type AuditEventName =
  | "create"
  | "update"
  | "delete"
  | "archive"
  | "restore"
  | "move"
  | "comment"
  | "role_change"
  | "deactivate"
  | "reactivate"
  | "password_reset"
  | "password_change"
  | "two_factor_enable"
  | "two_factor_disable"
  | "two_factor_reset"
  | "sign_in_failed"
  | "sign_in"
  | "export"
  | "token_create"
  | "token_revoke";

type Plain = Record<string, unknown>;

function jsonable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * The fields that differ, before and after; timestamps and version bumps are left out, and lists
 * (participants, gifts) are compared without regard to order, so a reordering logs nothing.
 */
export function diff(before: Plain, after: Plain): { before: Plain; after: Plain } {
  const b: Plain = {};
  const a: Plain = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === "updatedAt" || key === "createdAt" || key === "version") continue;
    const x = jsonable(before[key]);
    const y = jsonable(after[key]);
    if (!sameValue(x, y)) {
      b[key] = x ?? null;
      a[key] = y ?? null;
    }
  }
  return { before: b, after: a };
}

function clean(v: Plain | null | undefined): Plain | null {
  if (!v) return null;
  const out: Plain = {};
  for (const [k, x] of Object.entries(v)) if (k !== "createdAt" && k !== "updatedAt") out[k] = jsonable(x);
  return out;
}

/** Writes one audit event; call it inside the transaction of the change it records. */
export async function writeAudit(
  tx: Tx,
  actor: Actor,
  e: { event: AuditEventName; recordType: string; recordId?: string | number | null; before?: Plain | null; after?: Plain | null },
): Promise<void> {
  const row = await one(tx
    .insert(auditEvent)
    .values({
      actorUserId: actor.userId,
      actorLabel: actor.label,
      event: e.event,
      recordType: e.recordType,
      recordId: e.recordId == null ? null : String(e.recordId),
      before: clean(e.before),
      after: clean(e.after),
      // Only a valid address is stored: whatever else arrived in a header is not one.
      ipAddress: normalizeIp(actor.ip),
    })
    .returning({ id: auditEvent.id }));
  // One row (audit_event has no triggers), which no kept aggregate counts.
  notKept(tx, 1);
  // Notifications of a change are made in the change's own transaction: both or neither.
  await notifyRecordChange(tx, actor, row.id, e);
}

/**
 * Failed sign-ins are audited as one row per account and address per window, whose count
 * rises: an unauthenticated stream of failures cannot grow the trail by a row each.
 */
export async function writeSignInFailure(tx: Tx, e: { email: string; ip: string | null; userId: string | null }, windowMs: number, now = Date.now()): Promise<void> {
  const ip = normalizeIp(e.ip);
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const row = (await tx
    .select({ id: auditEvent.id, after: auditEvent.after })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.event, "sign_in_failed"),
        eq(auditEvent.actorLabel, e.email),
        ip ? eq(auditEvent.ipAddress, ip) : isNull(auditEvent.ipAddress),
        gte(auditEvent.at, windowStart),
      ),
    )
    .orderBy(desc(auditEvent.id))
    .limit(1))[0];
  const failures = ((row?.after as { failures?: number } | null)?.failures ?? 0) + 1;
  const after = { failures, last: new Date(now).toISOString() };
  if (row) await tx.update(auditEvent).set({ after }).where(eq(auditEvent.id, row.id));
  else
    await tx.insert(auditEvent)
      .values({ at: new Date(now), actorUserId: null, actorLabel: e.email, event: "sign_in_failed", recordType: "user", recordId: e.userId, after, ipAddress: ip });
}

/** Who last changed a record, from the audit trail (for conflict messages). */
export async function lastChangedBy(tx: Tx, recordType: string, recordId: string | number): Promise<string | null> {
  const row = (await tx
    .select({ label: auditEvent.actorLabel })
    .from(auditEvent)
    .where(and(eq(auditEvent.recordType, recordType), eq(auditEvent.recordId, String(recordId))))
    .orderBy(desc(auditEvent.id))
    .limit(1))[0];
  return row?.label ?? null;
}
