/**
 * Errors the core raises for bad user input. The shell maps them to exit code 2
 * and prints `message` (never a stack trace). Anything else that escapes is an
 * internal error (exit 3).
 */
export class InputError extends Error {
  /** Every problem found, one line each, already prefixed with where it is. */
  readonly issues: readonly string[];

  constructor(message: string, issues?: readonly string[]) {
    super(message);
    this.name = 'InputError';
    this.issues = issues && issues.length > 0 ? issues : [message];
  }
}
