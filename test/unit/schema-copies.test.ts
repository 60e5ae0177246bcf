/**
 * The JSON Schemas committed to the repository (examples/fleet.schema.json,
 * examples/report.schema.json) are what the code makes today, byte for byte;
 * scripts/update-schemas.mjs regenerates them, and every *.schema.json in git
 * is one of its copies.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types
import { SCHEMA_COPIES, schemaText } from '../../scripts/update-schemas.mjs';
import { fleetJsonSchema } from '../../src/schema/fleet-schema.js';
import { reportJsonSchema } from '../../src/schema/report-schema.js';
import { ROOT } from '../helpers/run.js';

const copies = SCHEMA_COPIES as Array<{ file: string; schema: 'fleet' | 'report' }>;
const MAKERS = { fleet: fleetJsonSchema, report: reportJsonSchema };

describe('committed schema copies', () => {
  it.each(copies)('$file is current (else: node scripts/update-schemas.mjs)', ({ file, schema }) => {
    const committed = readFileSync(join(ROOT, file), 'utf8');
    expect(
      committed === (schemaText as (s: unknown) => string)(MAKERS[schema]()),
      `${file} is stale: run node scripts/update-schemas.mjs`,
    ).toBe(true);
  });

  it('lists every *.schema.json in git', () => {
    const tracked = execFileSync('git', ['ls-files', '*.schema.json'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tracked.sort()).toEqual(copies.map((c) => c.file).sort());
  });
});
