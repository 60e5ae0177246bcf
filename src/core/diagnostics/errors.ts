/**
 * Errors the core raises for bad user input. The shell maps them to exit code 2
 * and prints `message` (never a stack trace). Anything else that escapes is an
 * internal error (exit 3).
 */
export class InputError extends Error {
  /** Every problem found, one line each, already prefixed with where it is. */
  readonly issues: readonly string[];
  /** What the user can do about it, said once after the problems (e.g. an option that skips them). */
  readonly hint?: string;

  constructor(message: string, issues?: readonly string[], hint?: string) {
    super(message);
    this.name = 'InputError';
    this.issues = issues && issues.length > 0 ? issues : [message];
    if (hint !== undefined) this.hint = hint;
  }
}

/** A usage mistake (a bad or conflicting option): like any input error (exit 2), plus a pointer to --help. */
export class UsageError extends InputError {}

/** A setting's value that the core refuses is a usage mistake: the same message, with a pointer to --help. */
export function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError && !(error instanceof UsageError)) throw new UsageError(error.message, error.issues);
    throw error;
  }
}

/** The exit codes, for scripts: 0 ok, 1 a capacity or drift check failed, 2 usage, input or I/O error, 3 a bug. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 3 } as const;
