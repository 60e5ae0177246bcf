/**
 * The command line sizing an inventory from its aggregate (the default)
 * against the plain path (CAMSIZE_INVENTORY_SIZING=plain: the fleet model
 * and the general sizing engine), in process: the same stdout, stderr and
 * exit code, in every format, on generated inventories with the sizing
 * options a user gives (and those it declines: growth, storage headroom,
 * link speeds and suggestions, a PoE ceiling), with peak and average cells,
 * a schedule's aliases and rows to estimate, without a fleet file (where
 * the fast path applies)
 * and with one (generated fleets with links, viewers, storage, schedules,
 * night and event states; examples/multi-site.json's recorders and viewer
 * entries), where the plain path sizes both. The unit-level differential
 * test is test/unit/inventory-sizing-differential.test.ts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleetArb, sizeOptionsArb } from '../helpers/fleet-arb.js';
import { runInProcess } from '../helpers/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'camsize-inventory-sizing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MULTI_SITE = readFileSync(new URL('../../examples/multi-site.json', import.meta.url), 'utf8');

/** Segment paths: the generated fleets' names (sw0, café1 …) and the multi-site example's, and some of their own. */
const segment = fc
  .array(fc.constantFrom('sw0', 'café1', 'x y0', 'hq', 'site-a', 'site-b', 'new', 'n-1', '中文2', 'gate|10'), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join('/'));
const record = fc.tuple(
  segment,
  // Presets of one rate, of two figures (…-plan: the average given; 4mp30-h264: the peak) and none.
  fc.constantFrom('720p30', '4k10-night', '1080p15-h264-plan', '4mp30-h264', ''),
  fc.constantFrom('', '2.5Mb/s', 'peak:8Mb/s;average:3Mb/s', 'average:2Mb/s'),
  fc.constantFrom('', '1', '4', '0'),
  fc.constantFrom('', 'pole 12'),
  // Read only under the header with resolution and fps: a row without a preset or rate is estimated.
  fc.constantFrom('', '1080p', '4mp'),
  fc.constantFrom('', '15'),
);
/** The header: the fields' own names, a schedule's aliases (`Camera ID`, `Path`, `Bit rate`, `Qty`), or with resolution and fps. */
const HEADS = {
  canonical: 'id,segment,preset,bitrate,count,label',
  aliases: 'Camera ID,Path,Camsize Preset,Bit Rate,Qty,Label',
  estimates: 'id,segment,preset,bitrate,count,label,resolution,fps',
} as const;
const inventory = fc
  .tuple(
    fc.array(record, { minLength: 1, maxLength: 40 }),
    fc.constantFrom<keyof typeof HEADS>('canonical', 'canonical', 'aliases', 'estimates'),
  )
  .map(([rows, head]) => {
    const cells = (r: (typeof rows)[number], i: number) => {
      // Two figures come without a preset (with one, the row is refused).
      const row = r[2].includes(':') ? [r[0], '', ...r.slice(2)] : r;
      return [`cam-${i}`, ...(head === 'estimates' ? row : row.slice(0, 5))];
    };
    return `${HEADS[head]}\n${rows.map((r, i) => cells(r, i).join(',')).join('\n')}\n`;
  });
/** Now and then a setting the fast path declines: growth, storage headroom, link suggestions or speeds, a PoE ceiling. */
const declined = fc.constantFrom<string[]>(
  [],
  [],
  [],
  [],
  ['--growth', '20%'],
  ['--storage-headroom', '20%', '--retention', '30d'],
  ['--suggest-links'],
  ['--link-speeds', '1Gb/s,10Gb/s'],
  ['--max-poe-utilization', '70'],
);

const fleet = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fleetArb.map((f) => JSON.stringify(f)) },
  { weight: 1, arbitrary: fc.constant(MULTI_SITE) },
);
/** Mostly --skip-invalid: a generated row that cannot be read (a preset unknown to a fleet file's segment, an estimate without fps) then leaves the rest to size. */
const skipInvalid = fc.constantFrom<string[]>(['--skip-invalid'], ['--skip-invalid'], []);
const output = fc.constantFrom(['--json'], ['--format', 'csv'], ['--format', 'markdown'], [], ['-q'], ['--timeline']);

let cases = 0;

describe('inventories sized from the aggregate, through the command line', () => {
  it('print what the plain path prints', async () => {
    await fc.assert(
      fc.asyncProperty(
        inventory,
        fleet,
        sizeOptionsArb,
        declined,
        skipInvalid,
        output,
        async (text, fleetText, sizing, more, skip, format) => {
          const n = cases++;
          const csv = join(dir, `inv-${n}.csv`);
          writeFileSync(csv, text);
          const args = [...format, ...sizing, ...more, ...skip, '--inventory', csv];
          if (fleetText !== undefined) {
            const file = join(dir, `fleet-${n}.json`);
            writeFileSync(file, fleetText);
            args.push(file, '--allow-new-segments');
          }
          const fast = await runInProcess(args, { env: { CAMSIZE_THREADS: '1', COLUMNS: '120' } });
          const plain = await runInProcess(args, { env: { CAMSIZE_THREADS: '1', COLUMNS: '120', CAMSIZE_INVENTORY_SIZING: 'plain' } });
          expect(fast).toEqual(plain);
          expect([0, 1, 2]).toContain(fast.code);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a CAMSIZE_INVENTORY_SIZING it does not know, before reading', async () => {
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'segment,preset\na,720p30\n');
    const r = await runInProcess(['--inventory', csv], { env: { CAMSIZE_INVENTORY_SIZING: 'fast' } });
    expect(r).toEqual({
      stdout: '',
      stderr: "camsize: CAMSIZE_INVENTORY_SIZING: 'fast' is not 'plain' or 'auto'\nTry 'camsize --help' for usage.\n",
      code: 2,
    });
    expect((await runInProcess(['-q', '--inventory', csv], { env: { CAMSIZE_INVENTORY_SIZING: 'auto' } })).code).toBe(0);
  });
});
