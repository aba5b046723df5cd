// Which message namespaces go to the browser, per part of app/. Server components read the whole
// catalogue on the server; only client components need words in the page, and each page sends
// just the namespaces its client components use (tests/i18n/client-messages.test.ts reads the
// import graph and fails on a namespace missing here).

/** What the shell's client components use on every page (navigation, search, the bell). */
export const SHELL_NAMESPACES = ["common", "nav", "notifications", "search"] as const;

/** Per folder (or page file) of app/, what its client components add to the shell's ("validation":
 * the field errors of the forms that check in the browser, components/forms/use-field-errors.ts). */
export const ROUTE_NAMESPACES = {
  // Sign-in and its code step: their field errors are message keys, worded in the browser.
  "(auth)/login": ["auth", "twoFactor", "validation"],
  "(app)/account": ["account", "forms", "twoFactor", "validation"],
  "(app)/actions": ["actions", "enums", "partners"],
  "(app)/admin": ["admin", "enums", "forms", "rates", "twoFactor", "validation"],
  "(app)/board": ["board", "enums", "validation"],
  // The list machinery (components/records/url-list.tsx) words its search box and pager under partners.list.
  "(app)/meetings": ["enums", "forms", "meetings", "partners", "validation"],
  // The partner page's timeline names a visit's status only: "visits.status", not the visit form's words.
  "(app)/partners": ["enums", "partners", "timeline", "validation", "visits.status"],
  "(app)/people": ["enums", "partners", "people", "validation"],
  // The import form names columns by their labels under reports.columns and import.columns, and
  // the rows' field errors in the forms' words (validation); the calendar feed's form checks its
  // name in the browser and takes its form-level words from partners.errors.
  "(app)/reports": ["enums", "import", "partners", "reports", "validation"],
  "(app)/timeline": ["enums", "timeline", "visits.status"],
  "(app)/visits": ["meetings", "partners", "validation", "visits"],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof ROUTE_NAMESPACES;

type Messages = Record<string, unknown>;

/**
 * The shell's namespaces and a scope's, taken from the whole catalogue. A dotted name ("visits.status")
 * sends that group only, under its namespace.
 */
export function pickMessages(all: Messages, scope?: ClientScope): Messages {
  const names: readonly string[] = scope ? [...SHELL_NAMESPACES, ...ROUTE_NAMESPACES[scope]] : SHELL_NAMESPACES;
  const out: Messages = {};
  for (const name of names) {
    const path = name.split(".");
    let from: unknown = all;
    for (const k of path) from = from && typeof from === "object" ? (from as Messages)[k] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const k of path.slice(0, -1)) into = (into[k] ??= {}) as Messages;
    into[path.at(-1)!] = from;
  }
  return out;
}
