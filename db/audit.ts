import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { sameValue } from "@/lib/audit/changes";
import { auditEvent } from "./schema";

/** Who is acting: a signed-in user, an API token, or the system (seed, CLI). */
export interface Actor {
  userId: string | null;
  label: string;
  role: "admin" | "editor" | "viewer" | "system";
  ip?: string | null;
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
export function writeAudit(
  tx: Tx,
  actor: Actor,
  e: { event: AuditEventName; recordType: string; recordId?: string | number | null; before?: Plain | null; after?: Plain | null },
): void {
  tx.insert(auditEvent)
    .values({
      actorUserId: actor.userId,
      actorLabel: actor.label,
      event: e.event,
      recordType: e.recordType,
      recordId: e.recordId == null ? null : String(e.recordId),
      before: clean(e.before),
      after: clean(e.after),
      ipAddress: actor.ip ?? null,
    })
    .run();
}

/** Who last changed a record, from the audit trail (for conflict messages). */
export function lastChangedBy(tx: Tx, recordType: string, recordId: string | number): string | null {
  const row = tx
    .select({ label: auditEvent.actorLabel })
    .from(auditEvent)
    .where(and(eq(auditEvent.recordType, recordType), eq(auditEvent.recordId, String(recordId))))
    .orderBy(desc(auditEvent.id))
    .limit(1)
    .get();
  return row?.label ?? null;
}
