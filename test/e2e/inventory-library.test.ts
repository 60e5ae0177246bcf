/**
 * sizeInventory gives the command line's report: the library's JSON rendering
 * against `camsize [FLEET] --inventory FILE --json` (in-process), on the
 * example and fixture inventories and on generated ones, byte for byte; and
 * the same inventory as a stream or as record objects gives it too. Errors
 * are the same lines, as a CamsizeError with its code and place. An
 * AbortSignal stops the read; the progress callback is told how far it came.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CamsizeError, type InventoryRecord, loadFleet, renderReport, type SizeInventoryOptions, sizeInventory } from '../../src/index.js';
import { SKIP_INVALID_HINT } from '../../src/io/inventory/messages.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run.js';

const LIBRARY_SKIP_HINT = 'Pass skipInvalid: true to skip invalid records (counted, the first 10 told to onSkipped) and size the rest.';
const tmp = mkdtempSync(join(tmpdir(), 'camsize-inventory-library-'));

/** The CLI's JSON (or its stderr and exit code when it refuses) and the library's, for one inventory. */
async function both(path: string, cli: string[], options: SizeInventoryOptions = {}) {
  const ran = await runInProcess([...cli, '--inventory', path, '--json'], {});
  let library: string;
  try {
    library = await renderReport(await sizeInventory(path, options), 'json');
  } catch (error) {
    if (!(error instanceof CamsizeError)) throw error;
    // The hint is in each one's words (`skipInvalid: true`, `--skip-invalid`): the same advice.
    const hint = error.hint === LIBRARY_SKIP_HINT ? SKIP_INVALID_HINT : error.hint;
    library = [...error.issues.map((line) => `camsize: ${line}\n`), ...(hint ? [`${hint}\n`] : [])].join('');
    return { cli: ran.code === 2 ? ran.stderr : `exit ${ran.code}`, library };
  }
  return { cli: ran.code === 2 ? ran.stderr : ran.stdout, library };
}

async function expectSame(path: string, cli: string[] = [], options: SizeInventoryOptions = {}): Promise<string> {
  const { cli: expected, library } = await both(path, cli, options);
  expect(library).toBe(expected);
  return expected;
}

describe('sizeInventory against camsize --inventory', { timeout: 120_000 }, () => {
  it('gives the same report on the example and fixture inventories, with and without a fleet file', async () => {
    const site = await loadFleet(join(ROOT, 'examples/site.json'));
    expect(await expectSame('examples/cameras.csv')).toContain('"inventory"');
    await expectSame('examples/cameras.csv', ['examples/site.json'], { fleet: site });
    await expectSame('examples/cameras.csv', ['examples/site.json', '--overhead', 'udp', '--retention', '30d'], {
      fleet: readFileSync(join(ROOT, 'examples/site.json'), 'utf8'),
      overhead: 'udp',
      retention: '30d',
    });
    for (const file of ['mixed.csv', 'mixed.csv.gz', 'mixed.json', 'mixed.ndjson']) await expectSame(`test/fixtures/inventory/${file}`);
    await expectSame('test/fixtures/inventory/some-invalid.csv', ['--skip-invalid'], { skipInvalid: true });
  });

  it('refuses what the command line refuses, with the same lines, as an INVENTORY_INVALID error with its place', async () => {
    const { cli, library } = await both('test/fixtures/inventory/some-invalid.csv', []);
    expect(library).toBe(cli);
    const error = await sizeInventory('test/fixtures/inventory/some-invalid.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CamsizeError);
    expect(error).toMatchObject({ code: 'INVENTORY_INVALID', file: 'test/fixtures/inventory/some-invalid.csv', line: 2, path: 'count' });
    const missing = await sizeInventory('nope.csv').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'FILE_UNREADABLE', file: 'nope.csv', message: 'nope.csv: no such file' });
    expect((missing as Error).cause).toMatchObject({ code: 'ENOENT' });
  });

  it('gives the same report on generated inventories (bench/gen-inventory.mjs, both layouts, CSV and NDJSON)', async () => {
    for (const [layout, format] of [
      ['real', 'csv'],
      ['bench', 'ndjson'],
      ['real', 'json'],
    ] as const) {
      const file = join(tmp, `gen-${layout}.${format}`);
      const made = spawnSync(process.execPath, [join(ROOT, 'bench/gen-inventory.mjs'), '3000', format, layout], { encoding: 'utf8' });
      writeFileSync(file, made.stdout);
      await expectSame(file);
      await expectSame(file, ['--max-utilization', '50'], { maxUtilization: 50 });
    }
  });

  it('gives the same report, or the same refusal, on random CSV records', async () => {
    const line = fc.oneof(
      {
        weight: 10,
        arbitrary: fc.constantFrom('c1,a/x,720p30,2', 'c2,a/y,4k30,', 'c3,b,1080p30-ir,3', 'c4,é/sw,720p30,1', 'c5,a/x,,1,lobby,3Mb/s'),
      },
      { weight: 1, arbitrary: fc.constantFrom('c,a/x,nope,1', 'c,a/x,720p30,-1', 'c,,720p30,1', 'c,"a,b",4k30,1') },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), fc.boolean(), async (lines, skip) => {
        const file = join(tmp, 'random.csv');
        writeFileSync(file, `id,segment,preset,count,label,bitrate\n${lines.join('\n')}\n`);
        await expectSame(file, skip ? ['--skip-invalid'] : [], { skipInvalid: skip });
      }),
      { numRuns: 40, seed: 20261219 },
    );
  });
});

describe('sizeInventory over a stream and over records', () => {
  it('reads a Node stream as it reads the file (named as the file, the report is the same)', async () => {
    const path = 'examples/cameras.csv';
    const fromFile = await renderReport(await sizeInventory(path), 'json');
    expect(await renderReport(await sizeInventory(createReadStream(join(ROOT, path)), { name: path }), 'json')).toBe(fromFile);
    const gz = 'test/fixtures/inventory/mixed.csv.gz';
    const stream = await sizeInventory(createReadStream(join(ROOT, gz)), { name: gz });
    expect(await renderReport(stream, 'json')).toBe(await renderReport(await sizeInventory(gz), 'json'));
    const text = await sizeInventory(Readable.from([readFileSync(join(ROOT, path), 'utf8')]));
    expect(text.inventory).toMatchObject({ name: '<stream>', records: 24, bytes: 814 });
  });

  it('reads record objects as the NDJSON lines they would be', async () => {
    const ndjson = 'test/fixtures/inventory/mixed.ndjson';
    const records = readFileSync(join(ROOT, ndjson), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as InventoryRecord);
    const fromFile = await sizeInventory(ndjson);
    const fromRecords = await sizeInventory(records, { name: ndjson });
    expect({ ...fromRecords, inventory: undefined }).toEqual({ ...fromFile, inventory: undefined });
    async function* generated(): AsyncGenerator<InventoryRecord> {
      yield { segment: 'a/b', preset: '720p30', count: 2n };
      yield { segment: 'a/c', bitrate: '3Mb/s', label: 'lobby' };
    }
    const report = await sizeInventory(generated());
    expect(report.total.cameras).toBe(3n);
    expect(report.inventory?.name).toBe('<records>');
  });

  it('refuses a bad record with its number, and what JSON cannot hold before it is read', async () => {
    const bad = await sizeInventory([
      { segment: 'a', preset: '720p30' },
      { segment: 'a', preset: '720p30', count: -3 },
    ]).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'INVENTORY_INVALID', file: '<records>', line: 2, path: 'count' });
    const cyclic: Record<string, unknown> = { segment: 'a' };
    cyclic['self'] = cyclic;
    expect(await sizeInventory([cyclic as InventoryRecord]).catch((e: unknown) => e)).toMatchObject({
      code: 'INVENTORY_INVALID',
      message: "<records>:1: self: a record's values are text or numbers, not an object",
    });
    const mixed = await sizeInventory([{ segment: 'a' }, 'x'] as never).catch((e: unknown) => e);
    expect((mixed as Error).message).toBe("sizeInventory: item 2 is text ('x') among record objects: an inventory is one or the other");
  });

  it('agrees with the command line: xlsx is a format, an empty header list and a Map are refused, the hint names skipInvalid', async () => {
    const workbook = await sizeInventory('examples/schedule.xlsx', { format: 'xlsx' });
    expect(workbook.inventory?.sheet).toBe('Cameras');
    await expect(sizeInventory('examples/schedule.csv', { columns: { count: [] } })).rejects.toThrow(
      "sizeInventory: columns: count: name a header, or a list of one or more (e.g. count: 'Anzahl')",
    );
    await expect(sizeInventory('examples/schedule.csv', { columns: { count: ' ' } })).rejects.toThrow('count: a header is not empty');
    const map = await sizeInventory('examples/schedule.csv', { columns: new Map([['count', 'Qty']]) as never }).catch((e: unknown) => e);
    expect(map).toMatchObject({
      code: 'USAGE',
      path: 'columns',
      message: 'columns: expected a plain object ({ … }), not an instance of Map',
    });
    expect(
      (await sizeInventory('examples/schedule.csv', { columns: Object.assign(Object.create(null), { count: 'Qty' }) })).inventory?.records,
    ).toBeGreaterThan(0);
    const bad = await sizeInventory([{ segment: 'a', preset: 'nope' }]).catch((e: unknown) => e);
    expect((bad as CamsizeError).hint).toBe(
      'Pass skipInvalid: true to skip invalid records (counted, the first 10 told to onSkipped) and size the rest.',
    );
    await expect(sizeInventory('examples/schedule.csv', { storageHeadroom: '20%' })).rejects.toThrow(/^storageHeadroom needs a retention/);
  });

  it('takes a signal without throwIfAborted (AbortSignalLike makes it optional): its aborted and reason are read', async () => {
    const report = await sizeInventory('examples/schedule.csv', { signal: { aborted: false } });
    expect(report.inventory?.records).toBeGreaterThan(0);
    await expect(sizeInventory('examples/schedule.csv', { signal: { aborted: true, reason: new Error('halt') } })).rejects.toThrow('halt');
    const bare = await sizeInventory('examples/schedule.csv', { signal: { aborted: true } }).catch((e: unknown) => e);
    expect((bare as Error).name).toBe('AbortError');
    let asked = 0; // aborted once the read has begun: stopped between chunks, by the reader itself
    const later = {
      get aborted() {
        return ++asked > 2;
      },
      reason: new Error('later'),
    };
    await expect(
      sizeInventory(Readable.from([Buffer.from('segment,preset\n'), Buffer.from('a,720p30\n'), Buffer.from('b,720p30\n')]), {
        signal: later,
      }),
    ).rejects.toThrow('later');
  });

  it('stops when its signal is aborted, with the signal’s reason, and reports progress', async () => {
    const before = new AbortController();
    before.abort(new Error('stop'));
    await expect(sizeInventory('examples/cameras.csv', { signal: before.signal })).rejects.toThrow('stop');
    const during = new AbortController();
    let served = 0;
    async function* endless(): AsyncGenerator<InventoryRecord> {
      for (;;) {
        served++;
        if (served === 50_000) during.abort();
        yield { segment: `s/${served % 7}`, preset: '720p30' };
        if (served % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const seen: Array<{ records: number; done: boolean }> = [];
    const stopped = await sizeInventory(endless(), { signal: during.signal, progress: (p) => seen.push(p) }).catch((e: unknown) => e);
    expect((stopped as Error).name).toBe('AbortError');
    expect(served).toBeLessThan(200_000); // within a batch of records (about 1 MiB) of the abort
    expect(seen.at(-1)?.done).toBe(true);
    const done: boolean[] = [];
    const report = await sizeInventory('examples/cameras.csv', { progress: (p) => done.push(p.done) });
    expect(report.inventory?.records).toBe(24);
    expect(done.at(-1)).toBe(true);
  });
});

describe('a schedule with a fleet, through the library (found by an adversarial test of the merged branches)', () => {
  it('maps NDJSON keys as --columns maps CSV headers, and refuses a mapping no record meets', async () => {
    const records: InventoryRecord[] = [
      { segment: 'Lager', Anzahl: 12, bitrate: '2.5Mb/s' },
      { segment: 'Halle', Anzahl: 8, bitrate: '4Mb/s' },
    ];
    const report = await sizeInventory(records, { columns: { count: 'Anzahl' }, capacity: '10Mb/s' });
    expect(report.total.cameras).toBe(20n);
    expect(report.verdict).toBe('fail');
    await expect(sizeInventory(records, { columns: { count: 'Menge' } })).rejects.toThrow(/no record has a key called that/);
    await expect(sizeInventory(records, { segmentColumns: ['segment'] })).rejects.toThrow(/NDJSON and JSON records give "segment"/);
  });

  it('refuses estimateAt with a fleet model (its groups were read at their own points), and takes it with the fleet file', async () => {
    const model = await loadFleet('examples/figures.json');
    await expect(sizeInventory('examples/schedule.csv', { fleet: model, allowNewSegments: true, estimateAt: 'low' })).rejects.toThrow(
      /estimateAt is applied when the fleet is read/,
    );
    const text = readFileSync('examples/figures.json', 'utf8');
    const low = await sizeInventory('examples/schedule.csv', { fleet: text, allowNewSegments: true, estimateAt: 'low' });
    expect(low.total.estimated).toMatchObject({ peakAt: 'low', averageAt: 'low' });
    const cli = await runInProcess([
      'examples/figures.json',
      '-i',
      'examples/schedule.csv',
      '--allow-new-segments',
      '--estimate-at',
      'low',
      '--json',
    ]);
    expect(JSON.parse(cli.stdout).total.estimated).toEqual(JSON.parse(await renderReport(low, 'json')).total.estimated);
  });
});
