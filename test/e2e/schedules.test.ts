/**
 * Camera schedules end to end, in process: any schedule (aliases, columns in
 * any order, a composed path, rows to estimate, titles and empty rows,
 * ignored columns) and the same rows written in the canonical columns give
 * byte-identical reports; so do the same rows as CSV, ';'-CSV with decimal
 * commas, tab-separated and XLSX. Every refusal is exit 2 naming the file,
 * the line and the column.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (scripts/ are JavaScript)
import { writeXlsx } from '../../scripts/xlsx-writer.mjs';
import { runInProcess } from '../helpers/in-process.js';

interface Row {
  site: string;
  building: string;
  sw: string;
  kind: 'preset' | 'rate' | 'estimate';
  preset: string;
  rate: string;
  resolution: string;
  fps: string;
  codec: string;
  model: string;
  count: string;
}

const row: fc.Arbitrary<Row> = fc.record({
  site: fc.constantFrom('HQ', 'Depot', 'Zürich'),
  building: fc.constantFrom('', 'Main', 'Annex'),
  sw: fc.constantFrom('sw-1', 'sw-2', 'core'),
  kind: fc.constantFrom('preset', 'rate', 'estimate'),
  preset: fc.constantFrom('720p30', '4k30', '1080p30-ir'),
  rate: fc.constantFrom('4', '2.5', '0.75', '12.25', '0.125'),
  resolution: fc.constantFrom('1920x1080', '4MP', '3840x2160'),
  fps: fc.constantFrom('15', '30', '12.5'),
  codec: fc.constantFrom('', 'H.265', 'h264'),
  model: fc.constantFrom('', 'AXIS P3265', 'Dome X'),
  count: fc.constantFrom('1', '4', '12', '0'),
});

/** A schedule's columns: header text for each field (one of its aliases), and ignored ones. */
const SCHEDULE = [
  ['site', ['Site', 'SITE', 'Site name']],
  ['building', ['Building', 'Bldg']],
  ['switch', ['Switch', 'Network switch', 'PoE switch']],
  ['preset', ['Preset']],
  ['rate', ['Bitrate (Mbps)', 'Bit rate (Mbit/s)', 'Bandwidth [Mb/s]', 'Rate Mbps']],
  ['resolution', ['Resolution']],
  ['fps', ['FPS', 'Frame rate', 'frames per second']],
  ['codec', ['Codec', 'Compression']],
  ['model', ['Camera model', 'Model']],
  ['count', ['Qty', 'Quantity', 'Cameras', 'No. of cameras', 'Units']],
  ['mount', ['Mount', 'Lens', 'Notes']],
] as const;

function cellOf(r: Row, field: string): string {
  switch (field) {
    case 'site':
      return r.site;
    case 'building':
      return r.building;
    case 'switch':
      return r.sw;
    case 'preset':
      return r.kind === 'preset' ? r.preset : '';
    case 'rate':
      return r.kind === 'rate' ? r.rate : '';
    case 'resolution':
      return r.resolution;
    case 'fps':
      return r.fps;
    case 'codec':
      return r.codec;
    case 'model':
      return r.model;
    case 'count':
      return r.count;
    default:
      return 'ceiling';
  }
}

const quote = (v: string, d: string) => (v.includes(d) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);

/** The same rows in the canonical columns (segment, preset, mbps, count, label, resolution, fps, codec). */
function canonical(rows: Row[]): string {
  const lines = rows.map((r) => {
    const segment = [r.site, r.building, r.sw].filter((p) => p !== '').join('/');
    return [segment, cellOf(r, 'preset'), cellOf(r, 'rate'), r.count, r.model, r.resolution, r.fps, r.codec]
      .map((v) => quote(v, ','))
      .join(',');
  });
  return `segment,preset,mbps,count,label,resolution,fps,codec\n${lines.join('\n')}\n`;
}

interface Layout {
  order: number[];
  names: number[];
  title: boolean;
  blanks: number[];
}

const layout: fc.Arbitrary<Layout> = fc.record({
  order: fc.shuffledSubarray([...SCHEDULE.keys()], { minLength: SCHEDULE.length, maxLength: SCHEDULE.length }),
  names: fc.array(fc.nat(), { minLength: SCHEDULE.length, maxLength: SCHEDULE.length }),
  title: fc.boolean(),
  blanks: fc.array(fc.nat(), { maxLength: 3 }),
});

/** The header and rows of a schedule laid out as `l` says (cells as text; null for an empty row). */
function table(rows: Row[], l: Layout): { header: string[]; body: Array<string[] | null>; title: boolean } {
  const columns = l.order.map((i) => {
    const [field, names] = SCHEDULE[i]!;
    return { field, name: names[l.names[i]! % names.length]! };
  });
  const body: Array<string[] | null> = rows.map((r) => columns.map((c) => cellOf(r, c.field)));
  for (const at of l.blanks) body.splice(at % (body.length + 1), 0, null);
  return { header: columns.map((c) => c.name), body, title: l.title };
}

function delimited(t: ReturnType<typeof table>, d: string, decimalComma: boolean): string {
  const lines: string[] = [];
  if (t.title) lines.push(['Camera schedule, rev 3', ...t.header.slice(1).map(() => '')].map((v) => quote(v, d)).join(d), '');
  lines.push(t.header.map((v) => quote(v, d)).join(d));
  for (const cells of t.body) {
    if (cells === null) lines.push(t.header.map(() => '').join(d));
    else lines.push(cells.map((v) => quote(decimalComma && /^\d+\.\d+$/.test(v) ? v.replace('.', ',') : v, d)).join(d));
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function xlsxOf(t: ReturnType<typeof table>, path: string): Promise<void> {
  const number = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v === '' ? null : v);
  const rows: Array<unknown[] | null> = [];
  if (t.title) rows.push(['Camera schedule, rev 3'], null);
  rows.push(t.header, ...t.body.map((cells) => (cells === null ? null : cells.map(number))));
  await writeXlsx(path, [{ name: 'Cameras', rows }]);
}

/** The report of `path` (the workbook's name, sche.xlsx, as long as the CSV files', sched.csv, and read as it). */
async function report(path: string, format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await runInProcess(['--inventory', path, '--format', format, '--capacity', '1Gb/s']);
  return { ...result, stdout: result.stdout.replace(/sche\.xlsx/g, 'sched.csv') };
}

describe('a schedule sizes as the same rows in the canonical columns', { timeout: 240_000 }, () => {
  it('CSV, ;-CSV with decimal commas, tabs and XLSX: byte-identical reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), layout, async (rows, l) => {
        const dir = mkdtempSync(join(tmpdir(), 'camsize-schedule-'));
        const at = (sub: string, name = 'sched.csv') => {
          mkdirSync(join(dir, sub), { recursive: true });
          return join(dir, sub, name);
        };
        const t = table(rows, l);
        writeFileSync(at('canonical'), canonical(rows));
        for (const [sub, d, comma] of [
          ['comma', ',', false],
          ['semicolon', ';', true],
          ['tab', '\t', false],
        ] as const) {
          writeFileSync(at(sub), delimited(t, d, comma));
        }
        await xlsxOf(t, at('xlsx', 'sche.xlsx'));
        for (const format of ['csv', 'table']) {
          const expected = await report(at('canonical'), format);
          expect(expected.code, expected.stderr).not.toBe(2);
          for (const path of [at('comma'), at('semicolon'), at('tab'), at('xlsx', 'sche.xlsx')]) {
            const got = await report(path, format);
            expect(got.code, `${path}: ${got.stderr}`).toBe(expected.code);
            expect(got.stdout, path).toBe(expected.stdout);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('schedules read as a designer writes them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'camsize-schedules-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('a Qty column is the count, said on stderr with the ignored columns, and in the JSON report', async () => {
    const path = file('qty.csv', 'Site,Camera,Qty,Bitrate (Mbps),Mount\nHQ,x,40,4,wall\nHQ,y,12,2.5,pole\n');
    const r = await runInProcess(['-i', path, '--columns', 'id=Camera', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.total.cameras).toBe('52');
    expect(json.inventory.columns).toEqual([
      { header: 'Site', field: 'segment', level: 1 },
      { header: 'Camera', field: 'id' },
      { header: 'Qty', field: 'count' },
      { header: 'Bitrate (Mbps)', field: 'bitrate', unit: 'Mbps' },
      { header: 'Mount', field: 'ignored' },
    ]);
    expect(r.stderr).toBe(`camsize: ${path}: ignored columns: 'Mount'\n`);
  });

  it('NDJSON records read the same aliases', async () => {
    const path = file(
      'qty.ndjson',
      '{"path":"a/b","preset":"720p30","qty":40}\n{"segment":"a/c","Bitrate (Mbps)":2.5,"Quantity":"3","ip":"x"}\n',
    );
    const r = await runInProcess(['-i', path, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total.cameras).toBe('43');
    expect(r.stderr).toBe(`camsize: ${path}: ignored keys: 'ip'\n`);
  });

  it("a fleet file's inventory settings read the schedule; the command line's options win", async () => {
    const path = file('eu.csv', 'Standort;Anzahl;Bitrate (Mbit/s);Notiz\nLager;12;2,5;x\nHalle;8;4;y\n');
    const fleet = file(
      'eu.json',
      JSON.stringify({
        name: 'eu',
        inventory: { columns: { count: 'Anzahl', segment: 'Standort', ignore: ['Notiz'] }, delimiter: ';' },
        segments: [{ name: 'Lager' }, { name: 'Halle' }],
      }),
    );
    const r = await runInProcess([fleet, '-i', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total.cameras).toBe('20');
    const over = await runInProcess([fleet, '-i', path, '--columns', 'ignore=Anzahl', '--json', '--allow-new-segments']);
    expect(JSON.parse(over.stdout).total.cameras).toBe('2');
    const bad = await runInProcess([
      file('bad-eu.json', JSON.stringify({ name: 'x', inventory: { columns: { cuont: 'Anzahl' } } })),
      '-i',
      path,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'cuont' is not a field (did you mean 'count'?)");
  });

  it('a sheet asked for and a file that is no workbook: said on stderr, not passed over in silence', async () => {
    const path = file('plain.csv', 'segment,preset,count\na,720p30,1\n');
    const r = await runInProcess(['-i', path, '--sheet', 'Cameras', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`camsize: note: ${path} is no workbook: the sheet 'Cameras' is not used\n`);
    const columns = await runInProcess(['columns', path, '--sheet', 'Cameras']);
    expect(columns.stderr).toBe(`camsize: note: ${path} is no workbook: the sheet 'Cameras' is not used\n`);
    expect(columns.stdout).toContain('1 camera in 1 record.');
  });

  it('a file with no segment column sizes as one segment named after it', async () => {
    const path = file('lobby.csv', 'Preset,Qty\n720p30,3\n4k30,1\n');
    const r = await runInProcess(['-i', path, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('segment,'))
        .map((l) => l.split(',').slice(0, 3).join(',')),
    ).toEqual(['segment,,0']);
  });

  it.each([
    ['bad-count.csv', 'Site,Qty,Preset\nA,2.5,720p30\n', ":2: count (column 'Qty'): '2.5' is not a whole number of cameras"],
    ['bad-rate.csv', 'Site,Rate\nA,4\n', ":2: bitrate (column 'Rate'): '4' has no unit"],
    ['two-counts.csv', 'Site,Qty,Cameras,Preset\nA,1,1,720p30\n', ":1: header: columns 'Qty' and 'Cameras' both give the count"],
    ['misspelt.csv', 'Site,Cout,Preset\nA,1,720p30\n', ":1: header: unknown field 'Cout' (did you mean 'count'?)"],
    [
      'estimate.csv',
      'Site,Resolution,Frame rate\nA,4MP,\n',
      ":2: fps (column 'Frame rate'): missing: an estimate needs resolution and fps",
    ],
    ['euro.csv', 'Site;Qty;Preset\nA;1.000;720p30\n', ":2: count (column 'Qty'): '1.000' in a ';'-separated file"],
    ['both.csv', 'Site;Rate,Preset\nA;4;x\n', ':1: header: the row has'],
    ['path.csv', 'Site,Switch,Preset\n,,720p30\n', ":2: segment (columns 'Site', 'Switch'): missing: the row's 'Site', 'Switch' are empty"],
  ])('%s is refused with exit 2, its line and column', async (name, text, message) => {
    const path = file(name, text);
    const r = await runInProcess(['-i', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(`${path}${message}`);
  });
});

describe('merged settings and mappings (found by an adversarial test of the merged branches)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'camsize-schedules-merged-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('an NDJSON inventory reads --columns as a CSV does: Anzahl is the count, and a capacity check sees 20 cameras', async () => {
    const path = file(
      'de.ndjson',
      '{"segment":"Lager","Anzahl":12,"bitrate":"2.5Mb/s"}\n{"segment":"Halle","Anzahl":8,"bitrate":"4Mb/s"}\n',
    );
    const r = await runInProcess(['-i', path, '--columns', 'count=Anzahl', '--capacity', '10Mb/s', '-q']);
    expect(r.code).toBe(1);
    const json = JSON.parse((await runInProcess(['-i', path, '--columns', 'count=Anzahl', '--json'])).stdout);
    expect(json.total.cameras).toBe('20');
    const fleet = file(
      'dfl.json',
      JSON.stringify({
        name: 'd',
        inventory: { columns: { count: 'Anzahl' } },
        segments: [
          { name: 'Lager', link: '10Mb/s' },
          { name: 'Halle', link: '10Mb/s' },
        ],
      }),
    );
    expect((await runInProcess([fleet, '-i', path, '-q'])).code).toBe(1);
    const model = await runInProcess(['-i', path, '--columns', 'model=Anzahl']);
    expect(model.code).toBe(2);
    expect(model.stderr).toContain('NDJSON and JSON records have no model field');
  });

  it("a flag's mapping replaces the fleet's only for the fields and headers it names", async () => {
    const fleet = file(
      'eu-fleet.json',
      JSON.stringify({
        name: 'depot',
        inventory: { columns: { count: 'Anzahl', segment: 'Standort', label: 'Kamera' }, delimiter: ';' },
        segments: [
          { name: 'Lager', link: '100Mb/s' },
          { name: 'Halle', link: '100Mb/s' },
        ],
      }),
    );
    const r = await runInProcess([fleet, '-i', 'examples/schedule-eu.csv', '--columns', 'label=Switch', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total.cameras).toBe('24');
    expect(r.stderr).toContain("ignored columns: 'Kamera'");
  });

  it.each([
    ['--segment-columns', 'Qty'],
    ['--columns', 'segment=Qty'],
    ['--columns', 'label=Qty'],
    ['--columns', 'id=Qty'],
  ])('a mapping that takes the count column (%s %s) is refused, never a schedule of one camera a row', async (flag, value) => {
    const r = await runInProcess(['-i', 'examples/schedule.csv', flag, value, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no column gives the count any more');
    expect(r.stdout).toBe('');
  });

  it('segment columns named twice are refused; Qty ignored on purpose is taken at its word', async () => {
    expect((await runInProcess(['-i', 'examples/schedule.csv', '--segment-columns', 'Site,Site'])).stderr).toContain(
      "column 'Site' is named twice",
    );
    const ignored = await runInProcess(['-i', 'examples/schedule.csv', '--columns', 'ignore=Qty', '--json']);
    expect(ignored.code).toBe(0);
    expect(JSON.parse(ignored.stdout).total.cameras).toBe('7');
  });

  it("a fleet's own calibration calibrates the schedule's rows too", async () => {
    const calibration = readFileSync('examples/site-calibration.json', 'utf8');
    file('site-calibration.json', calibration);
    const doc = JSON.parse(readFileSync('examples/figures.json', 'utf8'));
    const fleet = file('fig-cal.json', JSON.stringify({ ...doc, calibration: 'site-calibration.json' }));
    const r = await runInProcess([fleet, '-i', 'examples/schedule.csv', '--allow-new-segments', '--json']);
    const estimated = JSON.parse(r.stdout).profiles.filter((p: { description: string }) => p.description.startsWith('estimated'));
    expect(estimated.length).toBeGreaterThan(1);
    for (const p of estimated) expect(p.description).toContain('calibrated on');
  });
});
