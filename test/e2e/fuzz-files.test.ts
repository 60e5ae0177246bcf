/**
 * Seeded fuzz tests of the file readers, in-process through the Io seam:
 * fleet files mutated from the examples (types, deletions, renames,
 * duplicate keys, deep nesting, unicode, control characters, huge numbers,
 * cut or spliced bytes, a BOM, UTF-16), read from stdin or from a file, with
 * the options that read them further. Whatever the file, camsize exits 0, 1
 * or 2, never traces, writes nothing on stdout with exit 2, and says each
 * problem on one printable line; what it sizes is valid JSON with --json.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCleanExit } from '../helpers/clean-exit.js';
import { runInProcess } from '../helpers/in-process.js';
import { byteMutationArb, mutate, mutateBytes, mutationArb, writeJson } from '../helpers/mutate-json.js';

const SEED = Number(process.env['CAMSIZE_TEST_SEED'] ?? 4_242_424);
const RUNS = Number(process.env['CAMSIZE_TEST_RUNS'] ?? 400);

const dir = mkdtempSync(join(tmpdir(), 'camsize-fuzz-'));

const FLEETS = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.json') && f !== 'national.json')
    .map((f) => `examples/${f}`),
  'test/fixtures/every-feature.json',
  'test/fixtures/invalid/many-problems.json',
].map((path) => ({ path, doc: JSON.parse(readFileSync(path, 'utf8')) as unknown }));

const OPTIONS: string[][] = [
  [],
  ['--json'],
  ['--format', 'csv'],
  ['--format', 'markdown'],
  ['-q'],
  ['--percentile', '99', '--retention', '7d', '--storage-capacity', '1PB'],
  ['--timeline', '--check-on', 'average'],
  ['--capacity', '1Gb/s', '--as', '720p30'],
  ['--inventory', 'examples/cameras.csv', '--allow-new-segments'],
  ['--depth', '1', '--top', '2'],
  ['--suggest-links', '--growth', '15%', '--retention', '30d', '--storage-headroom', '20', '--json'],
];

describe('fleet files, fuzzed', () => {
  it(`mutations of the examples exit cleanly (${RUNS} files)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FLEETS),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        byteMutationArb,
        fc.constantFrom(...OPTIONS),
        fc.boolean(),
        async (fleet, mutations, byteMutation, options, fromStdin) => {
          const bytes = mutateBytes(writeJson(mutate(fleet.doc, mutations)), byteMutation);
          const file = join(dir, `fleet-${n++ % 8}.json`);
          if (!fromStdin) writeFileSync(file, bytes);
          const args = [fromStdin ? '-' : file, ...options];
          const result = await runInProcess(args, fromStdin ? { input: bytes } : {});
          expectCleanExit(result, { args, from: fleet.path, text: bytes.toString('utf8').slice(0, 4000) });
          if (result.code !== 2 && options.includes('--json')) expect(() => JSON.parse(result.stdout)).not.toThrow();
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  it(`diff and check of a mutated example against the example exit cleanly (${Math.ceil(RUNS / 4)} files)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FLEETS),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(
          ['diff'],
          ['diff', '--json', '--unchanged'],
          ['check'],
          ['check', '--json', '--failures-only'],
          ['check', '-f', 'csv'],
        ),
        async (fleet, mutations, command) => {
          const file = join(dir, `design-${n++ % 4}.json`);
          writeFileSync(file, writeJson(mutate(fleet.doc, mutations)));
          const args = [command[0]!, fleet.path, file, ...command.slice(1)];
          const result = await runInProcess(args);
          // check goes on past a file it cannot read (exit 2 with the other's line on stdout).
          expectCleanExit(result, { args, text: readFileSync(file, 'utf8').slice(0, 4000) }, command[0] === 'check');
          if (result.code !== 2 && (command as readonly string[]).includes('--json')) expect(() => JSON.parse(result.stdout)).not.toThrow();
        },
      ),
      { seed: SEED, numRuns: Math.ceil(RUNS / 4) },
    );
  }, 600_000);
});
