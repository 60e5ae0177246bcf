/**
 * The rate units camsize reads and writes. Everything is converted to integer
 * bits per second (b/s). Prefixes are SI (1 Mb/s = 10^6 b/s) unless written
 * as binary (Ki, Mi, Gi, Ti = 2^10 …). A capital B is a byte (8 bits); a
 * lowercase b is a bit. Spellings that could mean either are refused.
 */
import { editDistance } from '../diagnostics/suggest.js';

const SI_PREFIXES: ReadonlyArray<[string, bigint]> = [
  ['', 1n],
  ['k', 10n ** 3n],
  ['M', 10n ** 6n],
  ['G', 10n ** 9n],
  ['T', 10n ** 12n],
  ['P', 10n ** 15n],
];
const BINARY_PREFIXES: ReadonlyArray<[string, bigint]> = [
  ['Ki', 2n ** 10n],
  ['Mi', 2n ** 20n],
  ['Gi', 2n ** 30n],
  ['Ti', 2n ** 40n],
];

/** unit spelling → bits per second per unit */
const UNITS = new Map<string, bigint>();

function addBits(prefix: string, factor: bigint): void {
  for (const suffix of ['b/s', 'bps', 'bit/s', 'bits/s', 'bit/sec']) UNITS.set(prefix + suffix, factor);
}
function addBytes(prefix: string, factor: bigint): void {
  for (const suffix of ['B/s', 'Bps', 'byte/s', 'bytes/s']) UNITS.set(prefix + suffix, factor * 8n);
}

for (const [prefix, factor] of SI_PREFIXES) {
  addBits(prefix, factor);
  addBytes(prefix, factor);
  // "mbps", "gbit/s": lowercase prefixes are how people write bit rates; a
  // lowercase b still says "bit", so this is not a guess.
  if (prefix !== '') addBits(prefix.toLowerCase(), factor);
  if (prefix === 'k') {
    addBits('K', factor); // "Kbps" is common and still means 1000
    addBytes('K', factor); // "KB/s": decimal here, like every SI rate
  }
}
for (const [prefix, factor] of BINARY_PREFIXES) {
  addBits(prefix, factor);
  addBytes(prefix, factor);
}

/** Units that `--unit` accepts and auto-scaling picks from, smallest first. */
export const OUTPUT_UNITS: ReadonlyArray<{ name: string; factor: bigint }> = [
  { name: 'b/s', factor: 1n },
  { name: 'kb/s', factor: 10n ** 3n },
  { name: 'Mb/s', factor: 10n ** 6n },
  { name: 'Gb/s', factor: 10n ** 9n },
  { name: 'Tb/s', factor: 10n ** 12n },
  { name: 'Pb/s', factor: 10n ** 15n },
];

export type UnitLookup = { ok: true; factor: bigint } | { ok: false; reason: string };

export function lookupUnit(spelling: string): UnitLookup {
  const factor = UNITS.get(spelling);
  if (factor !== undefined) return { ok: true, factor };
  const caseMatches = [...UNITS.keys()].filter((u) => u.toLowerCase() === spelling.toLowerCase());
  const meanings = new Set(caseMatches.map((u) => UNITS.get(u)));
  if (meanings.size > 1) {
    return {
      ok: false,
      reason: `ambiguous unit '${spelling}': write b for bits (e.g. Mb/s) or B for bytes (e.g. MB/s)`,
    };
  }
  if (/^(?:[kKMGTPmgtp]|[KMGT]i)?(?:b|B|bits?|bytes?)$/.test(spelling)) {
    return { ok: false, reason: `'${spelling}' is an amount, not a rate: add '/s' (e.g. ${spelling}/s)` };
  }
  const close = closestUnit(spelling);
  return {
    ok: false,
    reason: `unknown unit '${spelling}'${close ? ` (did you mean '${close}'?)` : ' (use e.g. Mb/s, Mbps, kb/s, Gb/s or MB/s)'}`,
  };
}

function closestUnit(spelling: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const unit of UNITS.keys()) {
    const d = editDistance(unit, spelling);
    if (d < bestDistance) {
      best = unit;
      bestDistance = d;
    }
  }
  return best;
}

export function outputUnit(name: string): { name: string; factor: bigint } | undefined {
  const lookup = UNITS.get(name);
  if (lookup === undefined) return undefined;
  return OUTPUT_UNITS.find((u) => u.factor === lookup);
}
