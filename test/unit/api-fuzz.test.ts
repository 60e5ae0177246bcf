/**
 * Seeded fuzz of the library's entry points with hostile values: every type
 * where a fleet, a setting or an argument goes, objects that refer to
 * themselves, prototype names (`__proto__`, `constructor`, `prototype`,
 * `toString`) as keys and as values, the example fleets mutated. Whatever is
 * given, a call returns or throws a CamsizeError (one printable line per
 * problem), never a TypeError or a RangeError, and Object.prototype is left
 * as it was.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as camsize from '../../src/index.js';
import { mutate, mutationArb } from '../helpers/mutate-json.js';

const SEED = Number(process.env['CAMSIZE_TEST_SEED'] ?? 20_261_222);
const RUNS = Number(process.env['CAMSIZE_TEST_RUNS'] ?? 150);

const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const WORDS = [...PROTO, '4k30', '720p30', 'udp', '70%', '1Gb/s', '30d', 'peak', 'examples/campus.json', 'h265', '4K', ''];
const catalog = await camsize.loadCatalog();
const DEPOT = JSON.parse(readFileSync('examples/depot.json', 'utf8')) as camsize.FleetDocument;
const report = await camsize.size(DEPOT);

function cyclic(): unknown {
  const fleet: Record<string, unknown> = { name: 'x', segments: [{ name: 'a', cameras: [{ preset: '720p30', count: 1 }] }] };
  const which = Math.floor(Math.random() * 3);
  if (which === 0) (fleet['segments'] as unknown[]).push(fleet);
  else if (which === 1) (fleet['segments'] as Array<Record<string, unknown>>)[0]!['segments'] = [fleet];
  else fleet['self'] = fleet;
  return fleet;
}

/** Own `__proto__` keys and the like, as JSON.parse makes them. */
const protoObject = fc
  .tuple(fc.constantFrom(...PROTO), fc.constantFrom<unknown>(1, 'x', null, {}, [], true))
  .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as unknown);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    key: fc.oneof(fc.string(), fc.constantFrom(...PROTO)),
  }),
  fc.constantFrom<unknown>(null, undefined, 0, -1, 1e9, Number.NaN, Number.POSITIVE_INFINITY, 10n, -5n, true, [], {}, () => 1, Symbol('s')),
  fc.constantFrom(...WORDS),
  protoObject,
  fc.constant(null).map(cyclic),
  fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((m) => mutate(DEPOT, m)),
);

/** A settings object: known names and unknown ones, each with a hostile or a plausible value. */
const settings: fc.Arbitrary<unknown> = fc.oneof(
  hostile,
  fc.dictionary(
    fc.constantFrom(
      'maxUtilization',
      'overhead',
      'capacity',
      'as',
      'checkOn',
      'retention',
      'percentile',
      'flows',
      'catalog',
      'measured',
      'unit',
      'depth',
      'color',
      'timeline',
      ...PROTO,
    ),
    fc.oneof(hostile, fc.constantFrom(...WORDS)),
    { maxKeys: 3 },
  ),
);

/** Half the time nothing, so that the call goes on to read what came before. */
const maybe = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const word = (value: unknown) => (typeof value === 'string' ? value : 'medium');

type Call = (a: unknown, b: unknown, c: unknown) => unknown;

const CALLS: Record<string, Call> = {
  size: (a, b) => camsize.size(a as never, b as never),
  howManyFit: (a, b, c) => camsize.howManyFit(a as never, b as never, c as never),
  parseFleet: (a, b) => camsize.parseFleet(a as never, b as never),
  loadFleet: (a, b) => camsize.loadFleet(typeof a === 'string' ? `/nonexistent/${a}` : (a as never), b as never),
  sizeInventory: (a, b) =>
    camsize.sizeInventory((Array.isArray(a) ? a : typeof a === 'string' ? `/nonexistent/${a}` : a) as never, b as never),
  sizeOptions: (a, b, c) => camsize.sizeOptions(a as never, (b === undefined ? catalog : b) as never, c as never),
  renderReport: (_a, b, c) => camsize.renderReport(report, b as never, c as never),
  renderReportAny: (a) => camsize.renderReport(a as never),
  renderPresets: (a, b, c) => camsize.renderPresets((Array.isArray(a) ? catalog.presets.slice(0, 2) : a) as never, b as never, c as never),
  renderEstimate: (a, b) => camsize.renderEstimate(a as never, b as never),
  formatRate: (a, b) => camsize.formatRate(a as never, b as never),
  parseRate: (a, b) => camsize.parseRate(a as never, b as never),
  parseBytes: (a) => camsize.parseBytes(a as never),
  formatBytes: (a, b) => camsize.formatBytes(a as never, b as never),
  parseCount: (a) => camsize.parseCount(a as never),
  estimateBitrate: (a) => camsize.estimateBitrate(a as never),
  estimateWords: (a, b, c) => camsize.estimateBitrate({ resolution: word(a), fps: 15, codec: word(b), scene: word(c), quality: word(c) }),
  parseResolution: (a) => camsize.parseResolution(a as never),
  normalizeCodec: (a) => camsize.normalizeCodec(a as never),
  findPreset: (a, b) => camsize.findPreset((b === undefined ? catalog : a) as never, (b === undefined ? a : b) as never),
  filterPresets: (a) => camsize.filterPresets(catalog, a as never),
  loadCatalog: (a) => camsize.loadCatalog((typeof a === 'string' ? `/nonexistent/${a}` : a) as never),
};

async function outcome(call: Call, args: [unknown, unknown, unknown]): Promise<void> {
  try {
    await call(...args);
  } catch (error) {
    if (!(error instanceof camsize.CamsizeError)) throw error; // the property fails with it: a TypeError is a bug
    expect(error.issues.length).toBeGreaterThan(0);
    for (const line of error.issues) expect(typeof line).toBe('string');
    expect(error.exitCode).toBe(2);
  }
}

describe('the library’s entry points, given hostile values', { timeout: 300_000 }, () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: returns, or throws a CamsizeError`, async () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      await fc.assert(
        fc.asyncProperty(fc.tuple(hostile, maybe(settings), maybe(settings)), async (args) => outcome(call, args)),
        { seed: SEED, numRuns: RUNS },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  it('prototype names as every word a fleet or a setting takes', async () => {
    for (const word of PROTO) {
      const fleets = [
        { name: word, cameras: [{ preset: word, count: 1 }] },
        { name: 'x', cameras: [{ resolution: word, fps: 15, codec: word, scene: word, quality: word, count: 1 }] },
        { name: 'x', overhead: word, recording: word, retention: word, cameras: [{ bitrate: word, count: 1 }] },
        {
          name: 'x',
          segments: [
            { name: word, recorders: [{ name: word }], recordTo: word, cameras: [{ preset: '720p30', count: 1, recordTo: word }] },
          ],
        },
      ];
      for (const fleet of fleets) await outcome((a) => camsize.size(a as never), [fleet, undefined, undefined]);
      for (const key of ['overhead', 'as', 'checkOn', 'recording', 'retention', 'capacity', 'storageCapacity', 'percentile'] as const) {
        await outcome((a) => camsize.size(DEPOT, a as never), [{ [key]: word }, undefined, undefined]);
      }
      await outcome((a) => camsize.howManyFit(a as never, '1Gb/s'), [word, undefined, undefined]);
      await outcome((a) => camsize.renderReport(report, 'table', a as never), [{ unit: word }, undefined, undefined]);
      await outcome((a) => camsize.renderReport(report, a as never), [word, undefined, undefined]);
      await outcome((a) => camsize.formatRate(1n, a as never), [{ unit: word }, undefined, undefined]);
      await outcome((a) => camsize.sizeInventory(a as never), [[{ segment: word, preset: word, [word]: 1 }], undefined, undefined]);
    }
  });
});
