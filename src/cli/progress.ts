/**
 * The progress line for long inventory reads: on stderr (a terminal only;
 * the caller decides), shown once the input has taken more than a second,
 * rewritten in place, and cleared at the end. When the input's size is known
 * (a file: its bytes as stored, compressed for gzip) it answers "how long?":
 * a bar, the share read and the time left at the pace so far; otherwise
 * (standard input) the records, megabytes and rate so far.
 */
import type { Io } from '../io/io.js';
import type { ReadProgress } from '../io/inventory/options.js';

/** Cells of the bar. */
const BAR = 20;

export function progressLine(
  io: Pick<Io, 'stderr'>,
  now: () => number = Date.now,
  ascii = false,
): (progress: ReadProgress, done: boolean) => void {
  const started = now();
  let shown = false;
  return (progress, done) => {
    const seconds = (now() - started) / 1000;
    if (done) {
      if (shown) io.stderr('\r\x1b[K');
      return;
    }
    if (seconds < 1) return;
    shown = true;
    const { records, bytes, read, total } = progress;
    const counted = `${records.toLocaleString('en-US')} records`;
    if (read === undefined || total === undefined || total <= 0 || read <= 0) {
      const rate = records / seconds / 1e6;
      io.stderr(`\r\x1b[Kcamsize: ${counted}, ${(bytes / 1e6).toFixed(0)} MB, ${rate.toFixed(2)} M records/s`);
      return;
    }
    const share = Math.min(1, read / total);
    const left = (seconds * (total - Math.min(read, total))) / read;
    io.stderr(
      `\r\x1b[Kcamsize: ${bar(share, ascii)} ${String(Math.floor(share * 100)).padStart(3)} % ` +
        `${counted}, ${megabytes(read)} of ${megabytes(total)} MB, ${clock(left)} left`,
    );
  };
}

/** The share done as a bar of BAR cells (eighths of a cell in Unicode; '#' and '-' in ASCII). */
function bar(share: number, ascii: boolean): string {
  if (ascii) {
    const full = Math.round(share * BAR);
    return `[${'#'.repeat(full)}${'-'.repeat(BAR - full)}]`;
  }
  const eighths = Math.round(share * BAR * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8 === 0 ? '' : ('▏▎▍▌▋▊▉'[(eighths % 8) - 1] ?? '');
  return `▕${'█'.repeat(full)}${part}${' '.repeat(BAR - full - (part ? 1 : 0))}▏`;
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);

/** Seconds as "0:07", "12:30" or "1:02:03". */
function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
