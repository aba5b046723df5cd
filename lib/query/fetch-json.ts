// The one way the browser reads (and the board moves) over HTTP: JSON in and out, and an error
// that keeps the API's code, message and details so callers can say what went wrong.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: "application/json", "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as ErrorBody)?.error;
    throw new ApiError(res.status, e?.code ?? "internal", e?.message ?? res.statusText, e?.details);
  }
  return body as T;
}

/** `?a=1&b=2` from the set values of `params` (nothing when none), for a GET's query string. */
export function searchOf(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * JSON carries instants as ISO strings: `keys` of each row back to Dates, as the server page's
 * first render (which passes Dates through React) has them.
 */
export function withDates<R extends object, P extends { rows: R[] }>(page: P, keys: readonly (keyof R)[]): P {
  const revive = (row: R): R => {
    const out = { ...row } as Record<string, unknown>;
    for (const k of keys) if (typeof out[k as string] === "string") out[k as string] = new Date(out[k as string] as string);
    return out as R;
  };
  return { ...page, rows: page.rows.map(revive) };
}
