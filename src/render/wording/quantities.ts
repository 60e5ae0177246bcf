/** Numbers as people read them, for the human formats: rates, counts, utilisation, headroom, storage. */
import type { LinkStatus } from '../../core/model/report.js';
import { formatBinaryBytes, formatBytes } from '../../core/numbers/bytes.js';
import { formatRate, formatScaled, groupThousands } from '../../core/numbers/rate.js';
import type { RenderOptions } from '../view.js';

/** A rate as people read it: "80 Tb/s", or in --unit, rounded to --precision. */
export function humanRate(bps: bigint, options: Pick<RenderOptions, 'unit' | 'precision'>): string {
  return formatRate(bps, {
    group: true,
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.precision === undefined ? {} : { precision: options.precision }),
  });
}

/** An approximate rate (a percentile, a mean): three decimals unless --precision says otherwise. */
export function approximateRate(bps: bigint, options: Pick<RenderOptions, 'unit' | 'precision'>): string {
  return humanRate(bps, { ...options, precision: options.precision ?? 3 });
}

export function humanCount(count: bigint): string {
  return count < 0n ? `-${groupThousands((-count).toString())}` : groupThousands(count.toString());
}

/** Hundredths of a percent as "72.34 %". */
export function utilizationText(link: LinkStatus): string {
  return basisPointsText(link.utilizationBasisPoints);
}

/** Hundredths of a percent as "72.34 %"; "n/a" for none (a zero capacity). */
export function basisPointsText(basisPoints: bigint | undefined): string {
  return basisPoints === undefined ? 'n/a' : `${formatScaled(basisPoints, 100n)} %`;
}

/** "+42 × 4k30" / "-3 × 720p30" (cameras that still fit, or must go). */
export function headroomCamerasText(link: LinkStatus): string {
  const h = link.headroomCameras;
  if (!h) return '';
  return `${h.cameras >= 0n ? '+' : ''}${humanCount(h.cameras)} × ${h.profile.name}${h.stream === 'sub' ? ' sub' : ''}`;
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

/** "22 d 10 h (1,939,393 s)": how long a storage keeps, with the exact seconds; "no recordings" when nothing is recorded. */
export function keepsText(retentionSeconds: bigint | undefined): string {
  return retentionSeconds === undefined ? 'no recordings' : `${durationText(retentionSeconds)} (${humanCount(retentionSeconds)} s)`;
}

export function bytesText(bytes: bigint): string {
  return formatBytes(bytes, { group: true });
}

/** "1.2 PB (~1.07 PiB)": storage as people read it, exact in decimal units. */
export function storageText(bytes: bigint): string {
  return `${bytesText(bytes)} (${formatBinaryBytes(bytes)})`;
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
