import type { Ledger } from "./pg-load";
import type { Rig } from "./pg-rig";

// Holds the database against a load's ledger. Returns what is wrong, one line each; empty when:
// every acknowledged create is there once with its participant, nothing is there that no client
// sent, each record's version is 1 + its audited edits (one audit event per stored change), every
// acknowledged edit is among them and no two acknowledged edits answered the same version (a lost
// update would), and unsure writes explain at most the rest.

export type Baseline = Map<number, { version: number; moves: number }>;

/** The actions' versions and audited moves before the load. */
export async function actionBaseline(rig: Rig, ids: number[]): Promise<Baseline> {
  const rows = await rig.query<{ id: number; version: number; moves: number }>(
    `select a.id, a.version, (select count(*) from audit_event e where e.record_type = 'action' and e.record_id = a.id::text and e.event = 'move')::int moves
     from action a where a.id = any($1)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { version: r.version, moves: r.moves }]));
}

function checkVersions(what: string, stored: number, acked: number[], unsure: number, problems: string[]) {
  if (new Set(acked).size !== acked.length) problems.push(`${what}: two acknowledged saves answered the same version (${acked.join(", ")}): a lost update`);
  for (const v of acked) if (!(v >= 1 && v <= stored)) problems.push(`${what}: an acknowledged save answered version ${v}, but ${stored} changes are stored`);
  if (stored < acked.length) problems.push(`${what}: ${acked.length} acknowledged saves, ${stored} stored`);
  if (stored > acked.length + unsure) problems.push(`${what}: ${stored} stored saves, but only ${acked.length} acknowledged and ${unsure} unsure`);
}

export async function verify(rig: Rig, ledger: Ledger, prefix: string, baseline: Baseline): Promise<string[]> {
  const problems: string[] = [];
  const rows = await rig.query<{ id: number; title: string; version: number; participants: number }>(
    `select m.id, m.title, m.version, (select count(*) from participant p where p.meeting_id = m.id)::int participants from meeting m where m.title like $1`,
    [`${prefix} %`],
  );
  const byTitle = new Map<string, typeof rows>();
  for (const r of rows) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r]);
  for (const [title, id] of ledger.creates) {
    const found = byTitle.get(title) ?? [];
    if (!found.some((r) => r.id === id)) problems.push(`acknowledged meeting ${id} (${title}) is missing`);
  }
  for (const [title, found] of byTitle) {
    if (found.length > 1) problems.push(`${title} is stored ${found.length} times`);
    if (!ledger.creates.has(title) && !ledger.unsureCreates.has(title)) problems.push(`${title} is stored but was never sent`);
  }
  const audit = await rig.query<{ record_id: string; event: string; n: number }>(
    `select record_id, event, count(*)::int n from audit_event where record_type = 'meeting' and record_id = any($1) group by record_id, event`,
    [rows.map((r) => String(r.id))],
  );
  const events = (id: number, event: string) => audit.find((a) => a.record_id === String(id) && a.event === event)?.n ?? 0;
  for (const r of rows) {
    if (r.participants !== 1) problems.push(`meeting ${r.id} has ${r.participants} participants, not 1`);
    if (events(r.id, "create") !== 1) problems.push(`meeting ${r.id} has ${events(r.id, "create")} create events`);
    const edits = r.version - 1;
    if (events(r.id, "update") !== edits) problems.push(`meeting ${r.id} is at version ${r.version} with ${events(r.id, "update")} update events`);
    // The version an edit answered is the edit's number plus one.
    const acked = (ledger.updates.get(r.id) ?? []).map((v) => v - 1);
    checkVersions(`meeting ${r.id}`, edits, acked, ledger.unsureUpdates.get(r.id) ?? 0, problems);
  }
  const actions = await actionBaseline(rig, [...baseline.keys()]);
  for (const [id, before] of baseline) {
    const now = actions.get(id)!;
    const moves = now.version - before.version;
    if (now.moves - before.moves !== moves) problems.push(`action ${id} moved ${moves} times with ${now.moves - before.moves} move events`);
    const acked = (ledger.moves.get(id) ?? []).map((v) => v - before.version);
    checkVersions(`action ${id}`, moves, acked, ledger.unsureMoves.get(id) ?? 0, problems);
  }
  return problems;
}
