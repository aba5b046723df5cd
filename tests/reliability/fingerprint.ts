import Database from "better-sqlite3";

const TABLES = ["partner", "milestone", "person", "meeting", "participant", "gift", "action", "action_comment", "user", "setting"];

/**
 * What the data holds: row counts and the newest change of each table, and the audit trail
 * less export events (a valid export is a read that is audited).
 */
export function fingerprint(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, string> = {};
    for (const t of TABLES) {
      const r = db.prepare(`select count(*) n, coalesce(max(updated_at), 0) u from "${t}"`).get() as { n: number; u: number };
      out[t] = `${r.n}@${r.u}`;
    }
    out.audit = String((db.prepare("select count(*) n from audit_event where event <> 'export'").get() as { n: number }).n);
    out.tokens = String((db.prepare("select count(*) n from api_token where revoked_at is null").get() as { n: number }).n);
    return out;
  } finally {
    db.close();
  }
}
