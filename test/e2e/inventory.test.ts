/** End-to-end: camera inventories through dist/cli.js, every format, stdin, gzip, errors, two threads. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SKIP_INVALID_HINT } from '../../src/io/inventory/messages.js';
import { csvObjects } from '../helpers/output-parse.js';
import { ROOT, runCli, runShell } from '../helpers/run.js';

const FIX = 'test/fixtures/inventory';
const tmp = mkdtempSync(join(tmpdir(), 'camsize-inv-'));
const totalOf = (stdout: string) => JSON.parse(stdout).total as { cameras: string; load: { bitsPerSecond: string } };

describe('inventory formats', () => {
  it.each(['mixed.csv', 'mixed.ndjson', 'mixed.json', 'mixed.csv.gz'])('%s: 11 cameras, 40 Mb/s', (file) => {
    const result = runCli(['--inventory', `${FIX}/${file}`, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(totalOf(result.stdout)).toMatchObject({ cameras: '11', load: { bitsPerSecond: '40000000' } });
  });

  it('reads stdin, plain or gzipped, with the format from the first byte or --input-format', () => {
    const ndjson = readFileSync(join(ROOT, FIX, 'mixed.ndjson'));
    expect(totalOf(runCli(['--inventory', '-', '--json'], { input: ndjson.toString() }).stdout).cameras).toBe('11');
    const total = { section: 'total', cameras: '11', viewing_bps: '0', load_bps: '40000000' };
    expect(csvObjects(runShell(`cat ${FIX}/mixed.csv.gz | $CAMSIZE --inventory - -f csv`).stdout).at(-1)).toMatchObject(total);
    expect(csvObjects(runShell(`cat ${FIX}/mixed.csv | $CAMSIZE -i - --input-format csv -f csv`).stdout).at(-1)).toMatchObject(total);
  });

  it('builds the segment tree from the paths, children sorted by name', () => {
    const doc = JSON.parse(runCli(['--inventory', `${FIX}/mixed.csv`, '--json']).stdout);
    expect(doc.segments.map((s: { path: string[] }) => s.path.join('/'))).toEqual([
      '',
      'city',
      'city/sw,x',
      'city/sw-1',
      'city/sw-2',
      'city/sw-3',
    ]);
    expect(doc.inventory).toMatchObject({ name: `${FIX}/mixed.csv`, records: 5 });
  });
});

describe('fleet file + inventory', () => {
  it('puts the inventory cameras in the fleet topology and checks its links', () => {
    const result = runCli(['examples/site.json', '--inventory', 'examples/cameras.csv']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'over: north/sw-2: 77 Mb/s on 100 Mb/s (77 %), 7 Mb/s over the 70 % ceiling of 70 Mb/s, 2 × 1080p30-ir too many',
    );
  });

  it('refuses segments the fleet file lacks, unless --allow-new-segments', () => {
    writeFileSync(join(tmp, 'new.csv'), 'segment,preset\nnorth/sw-1,720p30\nnorth/sw-9,720p30\nwest/sw-1,4k30\n');
    const result = runCli(['examples/site.json', '--inventory', join(tmp, 'new.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `camsize: ${join(tmp, 'new.csv')}:3: segment 'north/sw-9' is not in examples/site.json (did you mean 'sw-1'?) (--allow-new-segments adds it)\n` +
        `camsize: ${join(tmp, 'new.csv')}:4: segment 'west/sw-1' is not in examples/site.json (--allow-new-segments adds it)\n`,
    );
    const allowed = runCli(['examples/site.json', '--inventory', join(tmp, 'new.csv'), '--allow-new-segments', '--json']);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).segments.map((s: { path: string[] }) => s.path.join('/'))).toContain('west/sw-1');
  });
});

describe('bad input: exit 2, the line and the field, nothing on stdout', () => {
  const cases: Array<[string, string | Buffer, string]> = [
    ['bad-preset.csv', 'segment,preset\ns/a,720p3\n', "bad-preset.csv:2: preset: unknown preset '720p3' (did you mean '720p30'?)"],
    [
      'bad-unit.ndjson',
      '{"segment":"a/b","preset":"720p30"}\n{"segment":"a/b","bitrate":"4 Mbs"}\n',
      "bad-unit.ndjson:2:1: bitrate: unknown unit 'Mbs' (did you mean 'Mb/s'?)",
    ],
    [
      'negative.csv',
      'segment,preset,count\ns/a,720p30,-3\n',
      "negative.csv:2: count: '-3' is negative (expected a whole number of cameras, 0 or more)",
    ],
    [
      'fraction.json',
      '[{"segment":"s","preset":"720p30","count":2.5}]',
      "fraction.json:1:2: count: '2.5' is not a whole number of cameras",
    ],
    ['empty.csv', '', 'empty.csv: empty inventory (no camera records)'],
    ['header-only.csv', 'segment,preset\n', 'header-only.csv: empty inventory (no camera records)'],
    [
      'truncated.csv.gz',
      gzipSync(Buffer.from(`segment,preset\n${'s/a,720p30\n'.repeat(1000)}`)).subarray(0, 60),
      'truncated.csv.gz: truncated or corrupt gzip data (unexpected end of file)',
    ],
    [
      'garbage.bin',
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
      'garbage.bin: binary data, not a camera inventory (CSV, NDJSON or JSON)',
    ],
    [
      'long-line.csv',
      `segment,preset\n${'x'.repeat(10_000_000)}\n`,
      'long-line.csv:2: a line longer than 1 MiB: not a camera record (is this the right file?)',
    ],
    [
      'long-line.ndjson',
      `{"segment":"${'x'.repeat(10_000_000)}"}\n`,
      'long-line.ndjson:1: a record longer than 1 MiB: not a camera record (is this the right file?)',
    ],
    [
      'truncated.json',
      '[{"segment":"s","preset":"720p30"},\n{"segment":"s"',
      'truncated.json:2:15: the input ends inside a record (truncated?)',
    ],
  ];
  it.each(cases)('%s', (name, content, message) => {
    writeFileSync(join(tmp, name), content);
    const result = runCli(['--inventory', name], { cwd: tmp });
    // A bad record is followed by the --skip-invalid hint (test/e2e/hints.test.ts); a scan error is not.
    expect(result.stderr.replace(`${SKIP_INVALID_HINT}\n`, '')).toBe(`camsize: ${message}\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('names a missing file', () => {
    expect(runCli(['--inventory', 'nope.csv'])).toEqual({ stdout: '', stderr: 'camsize: nope.csv: no such file\n', code: 2 });
  });
});

describe('--skip-invalid', () => {
  it('skips, counts, lists the first ten, and marks the totals partial', () => {
    const result = runCli(['--inventory', `${FIX}/some-invalid.csv`, '--skip-invalid', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        `camsize: skipped: ${FIX}/some-invalid.csv:2: count: '-3' is negative (expected a whole number of cameras, 0 or more)`,
        `camsize: skipped: ${FIX}/some-invalid.csv:3: count: '2.5' is not a whole number of cameras`,
        `camsize: skipped: ${FIX}/some-invalid.csv:4: preset: unknown preset '4k3' (did you mean '4k30'?)`,
        'camsize: skipped 3 invalid records; the totals are partial',
        '',
      ].join('\n'),
    );
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ partial: true, skippedRecords: 3, total: { cameras: '1' } });
    expect(runCli(['--inventory', `${FIX}/some-invalid.csv`, '--skip-invalid']).stdout).toContain(
      'Total: 4 Mb/s for 1 camera (partial: 3 invalid records skipped)',
    );
  });

  it('keeps a failed check beside the partial mark in the CSV total', () => {
    const csv = runCli(['--inventory', `${FIX}/some-invalid.csv`, '--skip-invalid', '--capacity', '1Mb/s', '-f', 'csv']);
    expect(csv.code).toBe(1);
    expect(csvObjects(csv.stdout).at(-1)).toMatchObject({ section: 'total', status: 'over; partial: 3 records skipped' });
  });

  it('lists at most ten', () => {
    writeFileSync(join(tmp, 'many-bad.csv'), `segment,preset\n${'s/a,nope\n'.repeat(25)}s/a,720p30\n`);
    const result = runCli(['--inventory', join(tmp, 'many-bad.csv'), '--skip-invalid', '-q']);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('camsize: skipped: '))).toHaveLength(10);
    expect(result.stderr).toContain('camsize: skipped 25 invalid records; the totals are partial');
  });
});

describe('large files on two threads', () => {
  // Past the 64 MiB threshold, so workers read parts of the file.
  const lines = ['id,segment,preset,count'];
  for (let i = 0; i < 1_400_000; i++)
    lines.push(`camera-number-${i},district-${i % 37}/switch-${i % 11},${['720p30', '4k30', '1080p30-ir'][i % 3]},${1 + (i % 4)}`);
  const csv = join(tmp, 'big.csv');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const ndjson = join(tmp, 'big.ndjson');
  writeFileSync(
    ndjson,
    `${lines
      .slice(1, 800_001) // 800,000 records of ~90 bytes: past the threshold too
      .map((l) => {
        const [id, segment, preset, count] = l.split(',');
        return JSON.stringify({ id, segment, preset, count: Number(count) });
      })
      .join('\n')}\n`,
  );

  it.each([
    [csv, 3_500_000],
    [ndjson, 2_000_000],
  ])('%s: the same report as one thread, exactly', (file, cameras) => {
    const two = runCli(['--inventory', file, '-f', 'csv']);
    const one = runCli(['--inventory', file, '-f', 'csv'], { env: { CAMSIZE_THREADS: '1' } });
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toContain(`\r\ntotal,,,,,,${cameras},`);
  });

  it('takes CAMSIZE_THREADS as a number of threads, and refuses anything else', () => {
    const three = runCli(['--inventory', csv, '-q'], { env: { CAMSIZE_THREADS: '3' } });
    expect(three.code).toBe(0);
    const bad = runCli(['--inventory', csv, '-q'], { env: { CAMSIZE_THREADS: 'two' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^camsize: CAMSIZE_THREADS: 'two' is not a number of threads \(1 to 256\)\n/);
  });

  it('takes CAMSIZE_THREADS in decimal digits only', async () => {
    const { threadCount } = await import('../../src/io/inventory/split.js');
    expect([' 2 ', '1', '256', '002'].map((t) => threadCount(t))).toEqual([2, 1, 256, 2]);
    for (const t of ['0x2', '1e0', '0b1', '2.0', '+2', '-1', '0', '257', '1000', 'Infinity'])
      expect(() => threadCount(t), t).toThrow(`CAMSIZE_THREADS: '${t}' is not a number of threads (1 to 256)`);
  });

  it('reports a bad record in a late part with its line in the file', () => {
    const bad = join(tmp, 'big-bad.csv');
    writeFileSync(bad, `${[...lines.slice(0, 1_000_000), 'x,district-1/switch-1,nope,1', ...lines.slice(1_000_000)].join('\n')}\n`);
    expect(runCli(['--inventory', bad]).stderr).toBe(
      `camsize: ${bad}:1000001: preset: unknown preset 'nope' (run 'camsize presets' to list them)\n${SKIP_INVALID_HINT}\n`,
    );
  });
});

describe('big trees in the table', () => {
  // 30 districts × 10 switches: 331 segments, more than the 200 a table shows whole.
  const lines = ['segment,preset,count'];
  for (let d = 1; d <= 30; d++)
    for (let s = 1; s <= 10; s++) lines.push(`d${String(d).padStart(2, '0')}/sw${String(s).padStart(2, '0')},720p30,${d * s}`);
  const file = join(tmp, 'big-tree.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const segmentRows = (stdout: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .slice(4); // after the profile table (3 rows) and the header

  it('shows the deepest level that fits and the 10 busiest below it by default', () => {
    const { stdout, code } = runCli(['--inventory', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Showing 41 of 331 segments: the tree to depth 1 and the 10 busiest below it; none of the other 290 is over its limit (--depth, --top; --json or --format csv for all).',
    );
    expect(stdout).toContain('│ busiest: d30/sw10 │');
  });

  it('--depth and --top choose, and a long table is one table', () => {
    const deep = runCli(['--inventory', file, '--depth', '2']).stdout;
    expect(deep).not.toContain('Showing');
    const rows = segmentRows(deep);
    expect(rows).toHaveLength(331);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1); // drawn in chunks, aligned as one
    expect(deep.match(/┌/g)).toHaveLength(2); // the profile table's and the segment table's top borders only
    const top = runCli(['--inventory', file, '--depth', '0', '--top', '3']).stdout;
    expect(top).toContain('Showing 4 of 331 segments: the tree to depth 0 and the 3 busiest below it');
    expect(top).toMatch(/busiest: d30 +│[^\n]*\n│ busiest: d29 /);
  });
});
