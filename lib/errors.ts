// Errors made for users: only these reach the screen or the API body. Anything else is
// logged and answered with a generic message and an id (see server/http.ts).

export type ErrorCode =
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "referenced"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "payload_too_large"
  | "bad_request"
  | "unavailable";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  referenced: 409,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
  bad_request: 400,
  unavailable: 503,
};

/**
 * Why a refusal happened, where a screen words it itself (in `details.reason`): the data layer's
 * message stays the English sentence the API and the CLI show.
 */
export const REFUSAL_REASONS = {
  /** Requiring two-step sign-in for admins, by an admin who has not turned it on for themselves. */
  ownTwoFactorFirst: "own_two_factor_first",
  /** Demoting or deactivating the last active admin, which would leave no one to administer. */
  lastAdmin: "last_admin",
} as const;

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string[]>;
  /** Extra data for the client, e.g. the current record on a conflict. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { fields?: Record<string, string[]>; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export class ValidationError extends UserError {
  constructor(fields: Record<string, string[]>, message = "Some fields are not valid.") {
    super("validation_failed", message, { fields });
    this.name = "ValidationError";
  }
}

export class NotFoundError extends UserError {
  constructor(what: string, id: string | number) {
    super("not_found", `${what} ${id} was not found.`);
    this.name = "NotFoundError";
  }
}

/** A save against a version that is no longer current. `current` is what is stored now. */
export class ConflictError extends UserError {
  constructor(what: string, current: Record<string, unknown>, changedBy?: string | null) {
    super(
      "conflict",
      changedBy
        ? `This ${what} was changed by ${changedBy} after you opened it. Review their change and save again.`
        : `This ${what} was changed by someone else after you opened it. Review their change and save again.`,
      { details: { current, changedBy: changedBy ?? null } },
    );
    this.name = "ConflictError";
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
