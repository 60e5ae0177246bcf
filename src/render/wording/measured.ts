/**
 * The sentences about measurements: what `camsize measure` read, and how a
 * fleet's measured rates compare with its design (--measured). Wording lives
 * here once; formats only style it.
 */
import type { FlaggedMeasurement } from '../../core/measure/measurement.js';

const noun = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "8 measurements." and what weakens them: short samples, likely caps. */
export function measurementSentences(ms: readonly FlaggedMeasurement[]): string[] {
  const short = ms.filter((m) => m.flags.short).length;
  const caps = ms.filter((m) => m.flags.likelyCap).length;
  const lines = [`${noun(ms.length, 'measurement', 'measurements')}.`];
  if (short > 0)
    lines.push(
      `${noun(short, 'is', 'are')} short (under 24 h, or of unknown length): the SOP asks for an average over at least a day including a night.`,
    );
  if (caps > 0)
    lines.push(`${noun(caps, 'shares', 'share')} a round rate with another camera: likely CBR caps or configured maximums, not averages.`);
  return lines;
}
