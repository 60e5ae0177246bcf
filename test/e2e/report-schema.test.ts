/**
 * `camsize schema --output` is the JSON Schema of the `--json` report: every
 * example's report, and every JSON report in test/snapshots/, validates
 * against it as shipped (open to keys a later minor version adds) and closed
 * (no key it does not describe), so the schema documents all the renderer writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/schema/report-schema.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run.js';

type Schema = Record<string, unknown>;

/** The same schema with every object closed: a key it does not describe is an error. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === 'properties' ? Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, closed(s)])) : closed(v),
    ]),
  );
  return 'properties' in copy ? { ...copy, additionalProperties: false } : copy;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const open = ajv.compile(reportJsonSchema());
const strict = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(closed(reportJsonSchema()) as Schema);

function expectValid(what: string, report: unknown): void {
  for (const validate of [open, strict]) {
    const ok = validate(report);
    expect({ what, errors: validate.errors ?? null, ok }).toEqual({ what, errors: null, ok: true });
  }
}

// Every example fleet (a site calibration is not one).
const FLEETS = readdirSync(join(ROOT, 'examples')).filter(
  (f) =>
    f.endsWith('.json') &&
    !f.endsWith('.schema.json') &&
    JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8')).kind !== 'camsize-calibration',
);

describe('camsize schema --output', () => {
  it('prints the report schema (examples/report.schema.json, a copy: test/unit/schema-copies.test.ts)', async () => {
    const { stdout, code } = await runInProcess(['schema', '--output']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(reportJsonSchema());
    expect(reportJsonSchema()['$id']).toMatch(/^https:\/\/.*\/report\.schema\.json$/);
  });

  it.each(FLEETS)('examples/%s: its report, plain and with every optional part, validates', async (file) => {
    const extras = [
      '--retention',
      '14d',
      '--storage-capacity',
      '1PB',
      '--percentile',
      '99',
      '--capacity',
      '100Gb/s',
      '--timeline',
      '--flows',
    ];
    for (const args of [[], extras]) {
      const { stdout, code } = await runInProcess([join('examples', file), '--json', ...args]);
      expect(code === 0 || code === 1).toBe(true);
      expectValid(`${file} ${args.join(' ')}`, JSON.parse(stdout));
    }
  });

  it('the inventory, how-many and skipped-records reports validate', async () => {
    const runs = [
      ['--inventory', 'examples/cameras.csv', '--json'],
      ['examples/site.json', '--inventory', 'examples/cameras.csv', '--json'],
      ['--preset', '1080p30-ir', '--capacity', '1Gb/s', '--json'],
      ['--preset', '4k10-night', '--capacity', '1Mb/s', '--json'],
      ['--inventory', 'test/fixtures/inventory/some-invalid.csv', '--skip-invalid', '--json'],
      ['examples/figure6.json', '--storage-capacity', '1TB', '--json'],
      ['examples/multi-site.json', '--storage-capacity', '1PB', '--flows', '--json'],
    ];
    for (const args of runs) expectValid(args.join(' '), JSON.parse((await runInProcess(args)).stdout));
  });

  it('the drift and calibration reports validate: --measured, --use-measured, matched by id, a calibrated fleet', async () => {
    const depot = ['examples/depot.json', '--measured', 'examples/depot-measured.csv', '--json'];
    const runs = [
      depot,
      [...depot, '--use-measured', '--retention', '14d', '--timeline', '--percentile', '99'],
      ['examples/site.json', '--inventory', 'examples/cameras.csv', '--measured', 'test/fixtures/measure/site-ids.csv', '--json'],
      ['examples/recorders.json', '--calibration', 'examples/site-calibration.json', '--json'],
      ['test/fixtures/measure/calibrated.json', '--measured', 'test/fixtures/measure/calibrated-measured.csv', '--use-measured', '--json'],
    ];
    for (const args of runs) expectValid(args.join(' '), JSON.parse((await runInProcess(args)).stdout));
  });

  it('every JSON report in test/snapshots/ validates', () => {
    const files = readdirSync(join(ROOT, 'test/snapshots')).filter((f) => f.endsWith('.json.txt'));
    let reports = 0;
    for (const file of files) {
      const doc = JSON.parse(readFileSync(join(ROOT, 'test/snapshots', file), 'utf8').split('--- stdout\n')[1]!);
      if (!('segments' in doc)) continue; // presets and estimates are not reports
      expectValid(file, doc);
      reports++;
    }
    expect(reports).toBeGreaterThan(15);
  });

  it('refuses what a report is not, and the closed schema a key it does not describe', () => {
    const figure6 = () => JSON.parse(readFileSync(join(ROOT, 'test/snapshots/figure6.json.txt'), 'utf8').split('--- stdout\n')[1]!);
    expect(open({ schemaVersion: 2, fleet: 'x' })).toBe(false);
    expect(open({ ...figure6(), verdict: 'maybe' })).toBe(false);
    expect(strict({ ...figure6(), extra: 1 })).toBe(false);
    const nested = figure6();
    nested.segments[0].load.extra = 1;
    expect(open(nested)).toBe(true);
    expect(strict(nested)).toBe(false);
  });
});
