/**
 * The one error camsize throws for anything the user (or the library's caller)
 * can fix: a CamsizeError, with a stable `code` (the table in docs/errors.md),
 * every problem in `issues`, the `cause` (an ENOENT) and, where known, the
 * `file`, `line`, `column` and `path` of the first problem. The command line
 * maps it to exit code 2 and prints `issues` (never a stack trace); anything
 * else that escapes is an internal error (exit 3).
 */

/**
 * What went wrong, for programs: stable across versions (a new code is a minor
 * change, a renamed one a major one). docs/errors.md explains each.
 */
export const ERROR_CODES = [
  'INPUT',
  'USAGE',
  'FILE_UNREADABLE',
  'FLEET_SYNTAX',
  'FLEET_INVALID',
  'INVENTORY_INVALID',
  'MEASUREMENT_INVALID',
  'CALIBRATION_INVALID',
  'CATALOG_INVALID',
  'MISSING_PROGRAM',
  'OUTPUT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a CamsizeError may carry besides its message; every field is optional. */
export interface ErrorDetails {
  /** Default: 'INPUT' (InputError), 'USAGE' (UsageError). */
  code?: ErrorCode;
  /** The error underneath, e.g. the file system's ENOENT. */
  cause?: unknown;
  /** Every problem, one line each (default: the message alone). */
  issues?: readonly string[];
  /** What the user can do about it, said once after the problems. */
  hint?: string;
  /** The file the first problem is in, as the caller named it (`<fleet>`, `<stdin>` for text). */
  file?: string;
  /** 1-based line and column of the first problem in `file`. */
  line?: number;
  column?: number;
  /** Where in the value the first problem is: `segments[2].cameras[0].count`, a record's field, a setting's name. */
  path?: string;
}

const DETAIL_KEYS = ['file', 'line', 'column', 'path'] as const;

/** Every error camsize throws on purpose. Its meaning is exit code 2: usage, input or I/O. */
export class CamsizeError extends Error {
  readonly code: ErrorCode;
  /** Every problem found, one line each, already prefixed with where it is (the message is the first). */
  readonly issues: readonly string[];
  /** What the user can do about it, said once after the problems (e.g. an option that skips them). */
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  /** The command line's exit code for this error: always 2 (usage, input or I/O). */
  readonly exitCode = 2 as const;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CamsizeError';
    this.code = details.code ?? 'INPUT';
    this.issues = details.issues && details.issues.length > 0 ? details.issues : [message];
    if (details.hint !== undefined) this.hint = details.hint;
    for (const key of DETAIL_KEYS) if (details[key] !== undefined) (this as Record<string, unknown>)[key] = details[key];
  }
}

/**
 * Bad input (code 'INPUT' unless given). `new InputError(message)` and
 * `new InputError(message, issues, hint)` keep working; details come as the
 * second argument: `new InputError(message, { code, cause, file, line })`.
 */
export class InputError extends CamsizeError {
  constructor(message: string, issues?: readonly string[] | ErrorDetails, hint?: string) {
    const details: ErrorDetails = issues === undefined || isIssueList(issues) ? { ...(issues ? { issues } : {}) } : { ...issues };
    if (hint !== undefined) details.hint = hint;
    super(message, details);
    this.name = 'InputError';
  }
}

/** A usage mistake (a bad, unknown or conflicting option or setting): code 'USAGE' unless given, plus a pointer to --help. */
export class UsageError extends InputError {
  constructor(message: string, issues?: readonly string[] | ErrorDetails, hint?: string) {
    const details: ErrorDetails = issues === undefined || isIssueList(issues) ? { ...(issues ? { issues } : {}) } : { ...issues };
    super(message, { ...details, code: details.code ?? 'USAGE' }, hint);
    this.name = 'UsageError';
  }
}

function isIssueList(value: readonly string[] | ErrorDetails): value is readonly string[] {
  return Array.isArray(value);
}

/** The error's details, to make another error from it (a prefixed message, a usage mistake). */
export function detailsOf(error: CamsizeError): ErrorDetails {
  const details: ErrorDetails = { code: error.code, issues: error.issues };
  if (error.cause !== undefined) details.cause = error.cause;
  if (error.hint !== undefined) details.hint = error.hint;
  for (const key of DETAIL_KEYS) if (error[key] !== undefined) (details as Record<string, unknown>)[key] = error[key];
  return details;
}

/**
 * Gives an error that has only the default code ('INPUT') a more specific one
 * (and the details it lacks), in place: what a reader's caller knows (that it
 * was reading a measurement file) the reader's own errors need not repeat.
 */
export function withCode<E>(error: E, code: ErrorCode, details: Omit<ErrorDetails, 'code' | 'issues' | 'hint'> = {}): E {
  if (!(error instanceof CamsizeError)) return error;
  const fields = error as unknown as Record<string, unknown>;
  if (error.code === 'INPUT') fields['code'] = code;
  for (const key of DETAIL_KEYS) if (error[key] === undefined && details[key] !== undefined) fields[key] = details[key];
  return error;
}

/** Runs `read` (sync or async); a CamsizeError with the default code that it throws gets `code`. */
export function coded<T>(code: ErrorCode, read: () => T): T {
  try {
    const result = read();
    if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(withCode(error, code))) as T;
    return result;
  } catch (error) {
    throw withCode(error, code);
  }
}

/** A setting's value that the core refuses is a usage mistake: the same message, with a pointer to --help. */
export function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError && !(error instanceof UsageError)) {
      const details = detailsOf(error);
      throw new UsageError(error.message, { ...details, code: details.code === 'INPUT' ? 'USAGE' : details.code });
    }
    throw error;
  }
}

/** The exit codes, for scripts: 0 ok, 1 a capacity or drift check failed, 2 usage, input or I/O error, 3 a bug. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 3 } as const;
