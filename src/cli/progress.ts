/**
 * The progress line for long inventory reads: on stderr (a terminal only;
 * the caller decides), shown once the input has taken more than a second,
 * rewritten in place, and cleared at the end.
 */
import type { Io } from '../io/io.js';

export function progressLine(
  io: Pick<Io, 'stderr'>,
  now: () => number = Date.now,
): (records: number, bytes: number, done: boolean) => void {
  const started = now();
  let shown = false;
  return (records, bytes, done) => {
    const seconds = (now() - started) / 1000;
    if (done) {
      if (shown) io.stderr('\r\x1b[K');
      return;
    }
    if (seconds < 1) return;
    shown = true;
    const rate = records / seconds / 1e6;
    io.stderr(
      `\r\x1b[Kcamsize: ${records.toLocaleString('en-US')} records, ${(bytes / 1e6).toFixed(0)} MB, ${rate.toFixed(2)} M records/s`,
    );
  };
}
