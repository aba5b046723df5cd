import fs from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { signInCookie } from "@/bench/session";
import { preparedDb, reliabilityPort, startServer, tempDbFile, type Server } from "@/scripts/server-process";
import { fingerprint } from "../fingerprint";
import { edgeString, FIELDS, notARecordId } from "../fuzz-values";

// Property-based fuzzing of every server action, over HTTP as the browser calls them (the
// `Next-Action` header and React's reply encoding), signed in as an admin so that every check
// past the role is reached. Every answer must be a refusal the form can show, never a 500 or an
// "internal" error, and the data must not change.
const FULL = process.env.RELIABILITY_FULL === "1";
const TOTAL = FULL ? 4_000 : 600;
const EMAIL = "fuzz-admin@bridgehead.local";
const PASSWORD = "fuzz-admin-password-1";

interface ServerAction {
  id: string;
  name: string;
  file: string;
  page: string;
}

/** Every server action of the build, from Next's manifest, with a page that serves it. */
function serverActions(): ServerAction[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string; filename: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const worker = Object.keys(a.workers).find((w) => w.startsWith("app/(app)/") || w.startsWith("app/(auth)/")) ?? Object.keys(a.workers)[0]!;
    const page =
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/?page$/, "")
        .split("/")
        .filter((s) => !/^\(.*\)$/.test(s))
        .map((s) => (s === "[slug]" ? "chongqing" : s.startsWith("[") ? "1" : s))
        .join("/");
    return { id, name: a.exportedName, file: a.filename, page };
  });
}

// Not fuzzed: signOut ends the session the fuzzer uses, and a failed signIn is audited by design
// (the sign-in spec and the rate-limit tests cover both).
const SKIP = new Set(["signOut", "signIn"]);
// Reads may answer "ok" to anything (passwordStrength scores any text, 0 for a non-string); every
// other action must refuse fuzz input.
const READS = new Set(["checkImport", "passwordStrength", "setLocale"]);

const argValue: fc.Arbitrary<unknown> = fc.oneof(
  edgeString,
  notARecordId,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(edgeString, { maxLength: 3 }),
  fc
    .tuple(fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(edgeString, notARecordId, fc.constant(null), fc.array(edgeString, { maxLength: 2 })), { maxKeys: 8 }), notARecordId)
    // Always a partner that is not one: a calendar feed needs only a name, so without it
    // an ordinary name would be a valid call.
    .map(([o, partnerId]) => ({ ...o, partnerId })),
);
/** Arguments as JSON (what a call with plain values sends). */
const jsonArgs = fc.array(argValue, { maxLength: 3 }).map((args) => ({ kind: "json" as const, args }));
/** A form post ([previous state, FormData], as React sends a form action): no form posts FormData any more, so every such call must be refused. */
const formArgs = fc
  .dictionary(
    fc.constantFrom(...FIELDS, "currentPassword", "newPassword", "confirm", "userId", "active"),
    edgeString.filter((v) => !/^0*[1-9]\d{0,4}$/.test(v.trim())),
    { maxKeys: 6 },
  )
  .map((fields) => ({ kind: "form" as const, fields }));
/** Bytes that are not a reply at all. */
const rawArgs = fc.oneof(fc.constantFrom("", "{", "[", '["$K1"]', '["$@1"]', '["$Q1"]', '["$F1"]', '["$T"]', "null", '"x"'), edgeString).map((raw) => ({ kind: "raw" as const, raw }));

type Sample = { kind: "json"; args: unknown[] } | { kind: "form"; fields: Record<string, string> } | { kind: "raw"; raw: string };

function request(s: Sample): { body: BodyInit; contentType?: string } {
  if (s.kind === "json") return { body: JSON.stringify(s.args), contentType: "text/plain;charset=UTF-8" };
  if (s.kind === "raw") return { body: s.raw, contentType: "text/plain;charset=UTF-8" };
  const form = new FormData();
  form.set("0", JSON.stringify([{}, "$K1"]));
  for (const [k, v] of Object.entries(s.fields)) form.append(`_1_${k}`, v);
  // Roles are never valid fuzz: a valid name and the default role would be a valid token.
  form.set("_1_role", "fuzz-role");
  return { body: form };
}

let server: Server;
let file: string;
let cookie: string;

beforeAll(async () => {
  file = tempDbFile();
  await preparedDb(file);
  const db = openDb(file);
  await createUser(db, SYSTEM_ACTOR, { email: EMAIL, name: "Fuzz admin", role: "admin", password: PASSWORD });
  db.$client.close();
  server = await startServer(file, reliabilityPort(1));
  cookie = await signInCookie(server.url, EMAIL, PASSWORD);
}, 180_000);
afterAll(async () => server?.stop());

describe("[RELIABILITY] fuzzing the server actions", () => {
  it(`answers ${TOTAL} malformed calls with a refusal and changes nothing`, async () => {
    const actions = serverActions().filter((a) => !SKIP.has(a.name));
    expect(actions.length).toBeGreaterThanOrEqual(25);
    const before = fingerprint(file);
    const failures: string[] = [];
    let sent = 0;
    const reached = new Set<string>();
    const per = Math.ceil(TOTAL / actions.length);
    for (const action of actions) {
      for (const sample of fc.sample(fc.oneof({ arbitrary: jsonArgs, weight: 3 }, { arbitrary: formArgs, weight: 2 }, { arbitrary: rawArgs, weight: 1 }), per) as Sample[]) {
        const { body, contentType } = request(sample);
        const r = await fetch(server.url + action.page, {
          method: "POST",
          headers: {
            cookie,
            origin: server.url,
            accept: "text/x-component",
            "next-action": action.id,
            ...(contentType ? { "content-type": contentType } : {}),
          },
          body,
          redirect: "manual",
        });
        sent++;
        const text = await r.text();
        // The action ran and refused (not Next turning the call away before it).
        if (r.status === 200 && /"ok":false|"error":|"fields":|"fieldError":/.test(text)) reached.add(action.name);
        const what = `${action.name} ${JSON.stringify(sample).slice(0, 160)}`;
        // Two examples per action are enough to see what is wrong with it.
        const fail = (why: string) => failures.filter((f) => f.startsWith(`${action.name} `)).length < 2 && failures.push(`${what} → ${why}`);
        if (r.status >= 500) fail(`${r.status}: ${text.slice(0, 160)}`);
        else if (/"code":"internal"|Something went wrong on our side \(reference/.test(text)) fail("internal error");
        else if (!READS.has(action.name) && /"ok":true|"done":|"created":\{/.test(text)) fail("accepted");
      }
    }
    // An oversized call (over Next's 1 MB server-action body limit) is refused, not a 500.
    for (const body of [JSON.stringify([null, { title: "x".repeat(2_000_000) }]), "x".repeat(2_000_000)]) {
      const action = actions.find((a) => a.name === "savePartner")!;
      const r = await fetch(server.url + action.page, {
        method: "POST",
        headers: { cookie, origin: server.url, accept: "text/x-component", "next-action": action.id, "content-type": "text/plain;charset=UTF-8" },
        body,
      });
      sent++;
      if (r.status < 400 || r.status >= 500) failures.push(`oversized savePartner call → ${r.status}`);
    }
    expect(failures).toEqual([]);
    // Every action was reached with input its own validation refused, not only by the proxy's
    // decoding check. setLocale ignores what it cannot use and answers nothing; passwordStrength
    // scores anything (0 for a non-string), so it never refuses.
    const neverRefuse = new Set(["setLocale", "passwordStrength"]);
    expect(actions.map((a) => a.name).filter((n) => !reached.has(n) && !neverRefuse.has(n))).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect(fingerprint(file)).toEqual(before);
  }, 900_000);
});
