// Which message namespaces go to the browser, per part of app/. Server components read the whole
// catalogue on the server; only client components need words in the page, and each page sends
// just the namespaces its client components use (tests/i18n/client-messages.test.ts reads the
// import graph and fails on a namespace missing here).

/** What the shell's client components use on every page (navigation, search, the bell, sign-in). */
export const SHELL_NAMESPACES = ["auth", "common", "nav", "notifications", "search", "twoFactor"] as const;

/** Per folder (or page file) of app/, what its client components add to the shell's ("validation":
 * the field errors of the forms that check in the browser, components/forms/use-field-errors.ts). */
export const ROUTE_NAMESPACES = {
  // Sign-in and its code step: their field errors are message keys, worded in the browser.
  "(auth)/login": ["validation"],
  "(app)/account": ["account", "forms", "validation"],
  "(app)/actions": ["actions", "enums", "partners"],
  "(app)/admin": ["admin", "enums", "forms", "rates", "validation"],
  "(app)/board": ["board", "enums", "validation"],
  // The list machinery (components/records/url-list.tsx) words its search box and pager under partners.list.
  "(app)/meetings": ["enums", "forms", "meetings", "partners", "validation"],
  "(app)/partners": ["enums", "partners", "timeline", "validation", "visits"],
  "(app)/people": ["enums", "partners", "people", "validation"],
  // The import form names columns by their labels under reports.columns and import.columns, and
  // the rows' field errors in the forms' words (validation); the calendar feed's form checks its
  // name in the browser and takes its form-level words from partners.errors.
  "(app)/reports": ["enums", "import", "partners", "reports", "validation"],
  "(app)/timeline": ["enums", "timeline", "visits"],
  "(app)/visits": ["meetings", "partners", "validation", "visits"],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof ROUTE_NAMESPACES;

type Messages = Record<string, unknown>;

/** The shell's namespaces and a scope's, taken from the whole catalogue. */
export function pickMessages(all: Messages, scope?: ClientScope): Messages {
  const names: readonly string[] = scope ? [...SHELL_NAMESPACES, ...ROUTE_NAMESPACES[scope]] : SHELL_NAMESPACES;
  return Object.fromEntries(names.filter((n) => n in all).map((n) => [n, all[n]]));
}
