/** Numbers as people read them, for the human formats: rates, counts, utilisation, headroom, storage. */
import type { LinkStatus } from '../../core/model/report.js';
import { decimalByteUnit, formatBinaryBytes, formatBytes } from '../../core/numbers/bytes.js';
import { autoUnit, formatRate, formatScaled, groupThousands } from '../../core/numbers/rate.js';
import type { RenderOptions } from '../view.js';

type Rounding = Pick<RenderOptions, 'precision'>;

/** Significant digits of a figure for reading (a document's tables and sentences); its exact value stays in JSON, CSV and the cell's title. */
export const READING_DIGITS = 4;

/** Options for a document: figures for reading unless --precision says otherwise. */
export function forReading<T extends Rounding>(options: T): T {
  return options.precision === undefined ? { ...options, precision: 'reading' } : options;
}

/** value / factor to READING_DIGITS significant digits (never fewer than its whole part has), unmarked. */
function readingScaled(value: bigint, factor: bigint): string {
  const whole = (value < 0n ? -value : value) / factor;
  const digits = whole === 0n ? 1 : whole.toString().length;
  return formatScaled(value, factor, { group: true, precision: Math.max(0, READING_DIGITS - digits) }).replace('~', '');
}

/** A rate as people read it: "80 Tb/s", or in --unit, rounded to --precision ("1.188 Gb/s" for reading). */
export function humanRate(bps: bigint, options: Pick<RenderOptions, 'unit' | 'precision'>): string {
  const { precision } = options;
  if (precision === 'reading') {
    const unit = options.unit ?? autoUnit(bps);
    return `${readingScaled(bps, unit.factor)} ${unit.name}`;
  }
  return formatRate(bps, {
    group: true,
    ...(options.unit ? { unit: options.unit } : {}),
    ...(typeof precision === 'number' ? { precision } : {}),
  });
}

/** An approximate rate (a percentile, a mean): three decimals unless --precision says otherwise. */
export function approximateRate(bps: bigint, options: Pick<RenderOptions, 'unit' | 'precision'>): string {
  const { precision } = options;
  return humanRate(bps, { ...options, precision: precision === undefined || precision === 'exact' ? 3 : precision });
}

export function humanCount(count: bigint): string {
  return count < 0n ? `-${groupThousands((-count).toString())}` : groupThousands(count.toString());
}

/** Hundredths of a percent as "72.34 %" (for reading: "72.3 %", and "<0.1 %" for a load too small to show). */
export function utilizationText(link: LinkStatus, options: Rounding = {}): string {
  const bp = link.utilizationBasisPoints;
  if (bp === undefined) return 'n/a';
  if (options.precision !== 'reading') return `${formatScaled(bp, 100n)} %`;
  if (bp > 0n && bp < 5n) return '<0.1 %';
  return `${formatScaled(bp, 100n, { precision: 1 }).replace('~', '')} %`;
}

/** Hundredths of a percent as "72.34 %"; "n/a" for none (a zero capacity). */
export function basisPointsText(basisPoints: bigint | undefined): string {
  return basisPoints === undefined ? 'n/a' : `${formatScaled(basisPoints, 100n)} %`;
}

/** The profile headroom is counted in: "4k30", or "4k30 sub" when the cameras record their sub stream. */
export function headroomProfileName(h: NonNullable<LinkStatus['headroomCameras']>): string {
  return `${h.profile.name}${h.stream === 'sub' ? ' sub' : ''}`;
}

/** A table's key for its n-th headroom profile (0: "a", 25: "z", 26: "aa" …). */
export function profileKey(n: number): string {
  let key = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) key = String.fromCharCode(97 + ((k - 1) % 26)) + key;
  return key;
}

/** A retention in whole seconds as days and hours, rounded down ("22 d 10 h"); under an hour, minutes and seconds. */
export function durationText(seconds: bigint): string {
  const days = seconds / 86_400n;
  const hours = (seconds % 86_400n) / 3_600n;
  if (days > 0n) return hours > 0n ? `${humanCount(days)} d ${hours} h` : `${humanCount(days)} d`;
  if (hours > 0n) return `${hours} h`;
  const minutes = seconds / 60n;
  return minutes > 0n ? `${minutes} min ${seconds % 60n} s` : `${seconds} s`;
}

/** "22 d 10 h (1,939,393 s)": how long a storage keeps, with the exact seconds (for reading: "22 d 10 h"); "no recordings" when nothing is recorded. */
export function keepsText(retentionSeconds: bigint | undefined, options: Rounding = {}): string {
  if (retentionSeconds === undefined) return 'no recordings';
  if (options.precision === 'reading') return durationText(retentionSeconds);
  return `${durationText(retentionSeconds)} (${humanCount(retentionSeconds)} s)`;
}

/** Bytes in decimal units: exact ("95.56272 TB"), or for reading ("95.56 TB"). */
export function bytesText(bytes: bigint, options: Rounding = {}): string {
  if (options.precision !== 'reading') return formatBytes(bytes, { group: true });
  const [unit, factor] = decimalByteUnit(bytes);
  return `${readingScaled(bytes, factor)} ${unit}`;
}

/** "1.2 PB (~1.07 PiB)": storage as people read it, exact in decimal units (for reading: "1.2 PB (1.07 PiB)"). */
export function storageText(bytes: bigint, options: Rounding = {}): string {
  const binary = formatBinaryBytes(bytes);
  return `${bytesText(bytes, options)} (${options.precision === 'reading' ? binary.replace('~', '') : binary})`;
}

/** Tenths of a percent as "+20.0 %" / "-5.3 %"; "n/a" without a design to compare with. */
export function deviationText(permille: bigint | undefined): string {
  if (permille === undefined) return 'n/a';
  return `${permille > 0n ? '+' : ''}${permilleText(permille)} %`;
}

/** Tenths of a percent as exact decimal text with one decimal: 200 → "20.0", -53 → "-5.3". */
export function permilleText(permille: bigint): string {
  const magnitude = permille < 0n ? -permille : permille;
  return `${permille < 0n ? '-' : ''}${magnitude / 10n}.${magnitude % 10n}`;
}

export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
