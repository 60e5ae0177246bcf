/** What every renderer gets besides the report: display choices, never data. */
import { formatRate, groupThousands } from '../core/rate.js';

/** Colour functions; identity when colour is off. The shell builds them from chalk. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

export const NO_PAINT: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
};

export interface RenderOptions {
  /** Fixed unit for human formats (table, markdown); default: auto-scaled per value. */
  unit?: { name: string; factor: bigint };
  /** Decimals for human formats; default: exact. */
  precision?: number;
  paint: Paint;
}

/** A rate as people read it: "80 Tb/s", "80,000,000 Mb/s". */
export function humanRate(bps: bigint, options: RenderOptions): string {
  return formatRate(bps, {
    group: true,
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.precision === undefined ? {} : { precision: options.precision }),
  });
}

export function humanCount(count: bigint): string {
  return groupThousands(count.toString());
}

/** The total in its auto-scaled unit and, when that is not Mb/s, in Mb/s too. */
export function totalSentence(cameras: bigint, loadBitsPerSecond: bigint, options: RenderOptions): string {
  const main = humanRate(loadBitsPerSecond, options);
  const inMbps = formatRate(loadBitsPerSecond, { group: true, unit: { name: 'Mb/s', factor: 10n ** 6n } });
  const also = options.unit === undefined && !main.endsWith(' Mb/s') ? ` (${inMbps})` : '';
  const noun = cameras === 1n ? 'camera' : 'cameras';
  return `Total: ${main}${also} for ${humanCount(cameras)} ${noun}`;
}
