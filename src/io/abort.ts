/**
 * A read's stop signal, as the library documents it (AbortSignalLike): an
 * AbortSignal, or any object with `aborted` and maybe `reason`. Its
 * `throwIfAborted` is optional, so it is never called: `aborted` is read and
 * the reason thrown here, the same for both.
 */

/** What a stop signal must have: an AbortSignal fits. */
export interface StopSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Throws the signal's reason (or an AbortError without one) once it is aborted. */
export function stopIfAborted(signal: StopSignal | undefined): void {
  if (signal === undefined || signal.aborted !== true) return;
  throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
