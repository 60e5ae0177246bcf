/**
 * End to end, in-process: the flow model's input errors (each exit 2 with
 * the file, the path in it and a hint, nothing on stdout), examples/multi-site.json
 * in the words of the README's walk-through, --flows, and the inverse
 * storage answer.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects } from '../helpers/output-parse.js';

const FIX = 'test/fixtures/flows';

describe('flow errors: exit 2, file, path and did-you-mean', () => {
  it.each([
    ['unknown-record-to.json', "segments[0].cameras[0].recordTo: unknown recorder 'nvr-b' (did you mean 'nvr-a'?)"],
    ['segment-record-to.json', "segments[0].segments[0].recordTo: unknown recorder 'nvr-aa' (did you mean 'nvr-a'?)"],
    [
      'duplicate-recorder.json',
      "segments[1].recorders[0].name: duplicate recorder name 'nvr-a' (also in 'site-a'): names are unique in the fleet (did you mean 'nvr-a-2'?)",
    ],
    ['viewers-of-unknown.json', "segments[1].viewers[0].of: no segment 'site-b' (did you mean 'site-a'?)"],
    [
      'sub-not-given.json',
      'segments[1].viewers[0].stream: watches sub streams, but site-a cameras[0] under \'site-a\' has none: give that group "sub" (e.g. "sub": "1Mb/s") (did you mean "stream": "main"?)',
    ],
    [
      'two-recorders.json',
      `segments[0].cameras: the nearest segment with recorders has 2 ('nvr-1', 'nvr-2'): say which one these cameras record to with "recordTo" (did you mean "recordTo": "nvr-1"?)`,
    ],
  ])('%s', async (file, message) => {
    const path = join(FIX, file);
    expect(await runInProcess([path])).toEqual({ stdout: '', stderr: `camsize: ${path}: ${message}\n`, code: 2 });
  });

  it('lists every problem of a file, one line each', async () => {
    const link = join(FIX, 'link-mixed.json');
    expect(await runInProcess([link])).toEqual({
      stdout: '',
      stderr:
        `camsize: ${link}: segments[0].link: key 'up' does not go with the others here\n` +
        `camsize: ${link}: segments[0].cameras[0].record: records the sub stream, but the group has none: give "sub" (e.g. "sub": "1Mb/s") (did you mean "record": "main"?)\n`,
      code: 2,
    });
    const units = join(FIX, 'recorder-units.json');
    expect((await runInProcess([units])).stderr).toBe(
      `camsize: ${units}: segments[0].recorders[0].units: expected a whole number of units (1 or more) or "auto"\n` +
        `camsize: ${units}: segments[0].recorders[0].ingest: 'fast' is not a bit rate (expected a number and a unit, e.g. 4Mb/s)\n`,
    );
  });
});

describe('examples/multi-site.json', () => {
  it('sizes each link by what crosses it, each way: the WAN uplink is one camera over', async () => {
    const { stdout, code } = await runInProcess(['examples/multi-site.json', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    const seg = (path: string) => doc.segments.find((s: { path: string[] }) => s.path.join('/') === path);
    const both = (path: string) => [seg(path).up.load.bitsPerSecond, seg(path).down.load.bitsPerSecond];
    // Three gate cameras' night peak (the planning preset's 2.4 Mb/s night average ÷ 0.81 = 2.962963 Mb/s, + 5.5 %)
    // and 16 sub streams (16 × 0.5 Mb/s + 5.5 %) up the 20 Mb/s WAN.
    expect(both('site-b')).toEqual(['17817778', '0']);
    expect(seg('site-b').up.check).toMatchObject({ utilizationPercent: 89.09, fits: false, headroomCameras: { cameras: '-2' } });
    // The radio link is shared: 16 sub streams up plus 4 main streams of site-a (at their peak) down, on one 300 Mb/s.
    expect(both('site-c')).toEqual(['8440000', '37511112']);
    expect(seg('site-c').link).toMatchObject({ kind: 'shared', direction: 'shared', utilizationPercent: 15.32 });
    // The control room's multicast: 3 × 16 sub streams, once each, however many stations.
    expect(both('hq/control-room')).toEqual(['0', '25320000']);
    // Everything is recorded at a site: nothing goes beyond the root.
    expect(both('')).toEqual(['0', '0']);
    expect(doc.recorders.map((r: { name: string; units: string }) => [r.name, r.units])).toEqual([
      ['nvr-hq', '1'],
      ['nvr-a', '1'],
      ['nvr-b', '2'],
      ['nvr-c', '1'],
    ]);
    expect(doc.recorders[3].keeps).toMatchObject({ retentionSeconds: '1939393' });
  });

  it('--flows lists what crosses each link, in every format', async () => {
    const table = await runInProcess(['examples/multi-site.json', '--flows']);
    expect(table.stdout).toMatch(/│ site-b +│ ↑ up +│ recorded main: cameras → nvr-hq \(hq\) +│ +3 │ +9\.377778 Mb\/s │/);
    const csv = (await runInProcess(['examples/multi-site.json', '--flows', '-f', 'csv'])).stdout.split('\r\n');
    expect(csv.filter((l) => l.startsWith('flow,'))).toHaveLength(13);
    const markdown = (await runInProcess(['examples/multi-site.json', '--flows', '-f', 'markdown'])).stdout;
    expect(markdown).toContain('| site-c | ↓ down | viewing main: nvr-a (site-a) → viewers at site-c [0] | 4 | 37.51 Mb/s |');
    const html = (await runInProcess(['examples/multi-site.json', '--flows', '-f', 'html'])).stdout;
    expect(html).toContain('<section id="flows">');
    expect(html).toContain('<section id="recorders">');
    const json = JSON.parse((await runInProcess(['examples/multi-site.json', '--flows', '--json'])).stdout);
    expect(json.segments[4].up.flows).toHaveLength(2);
    // Without --flows the JSON has none: flows are on request.
    const plain = JSON.parse((await runInProcess(['examples/multi-site.json', '--json'])).stdout);
    expect(plain.segments[4].up.flows).toBeUndefined();
  });
});

describe('the total and the day with recorders: what crosses between the fleet and the head end', () => {
  const fleet = (recordTo?: string) =>
    JSON.stringify({
      name: 't',
      segments: [
        {
          name: 'a',
          link: '1Gb/s',
          recorders: [{ name: 'nvr-a', ingest: '400Mb/s' }],
          cameras: [{ preset: '4mp15-h265-plan', count: 40 }],
        },
        { name: 'b', link: '1Gb/s', cameras: [{ preset: '4mp15-h265-plan', count: 4, ...(recordTo ? { recordTo } : {}) }] },
      ],
    });

  it('says nothing crosses when every camera records in the fleet, instead of a peak of 0 b/s', async () => {
    const { stdout, code } = await runInProcess(['-'], { input: fleet('nvr-a') });
    expect(code).toBe(0);
    // 44 × the planning preset's night peak: its 3.6 Mb/s night average ÷ 0.81, 4.444445 Mb/s.
    expect(stdout).toContain(
      'Total: 44 cameras; 1 recorder in the fleet takes 195.55558 Mb/s at peak; no stream crosses to or from the head end\n',
    );
    expect(stdout).toContain('Over the day (night 18:00–06:00): no stream crosses to or from the head end at any hour. Links are checked');
    const doc = JSON.parse((await runInProcess(['-', '--json'], { input: fleet('nvr-a') })).stdout);
    expect([doc.total.recordedInFleet.bitsPerSecond, doc.total.load.bitsPerSecond]).toEqual(['195555580', '0']);
    const html = (await runInProcess(['-', '-f', 'html'], { input: fleet('nvr-a') })).stdout;
    expect(html).toContain('Recorders in the fleet take');
  });

  it('gives the peak and both directions when some cameras record at the head end', async () => {
    const { stdout } = await runInProcess(['-'], { input: fleet() });
    // b's 4 cameras have no recorder in the fleet: 4 × 4.444445 Mb/s (their night peak) go up to the head end.
    expect(stdout).toContain(
      'Total: 44 cameras; 1 recorder in the fleet takes 177.7778 Mb/s at peak; 17.77778 Mb/s up to the head end and 0 b/s down from it\n',
    );
    expect(stdout).toContain('Over the day (night 18:00–06:00), between the fleet and the head end: peak 17.77778 Mb/s from 18:00');
  });
});

describe('storage where only some segments set a retention', () => {
  const fleet = JSON.stringify({
    name: 't',
    segments: [
      { name: 'a', retention: '30d', cameras: [{ preset: '4mp15-h265-plan', count: 40 }] },
      {
        name: 'b',
        cameras: [
          { preset: '4mp15-h265-plan', count: 4 },
          { preset: '4mp15-h265-plan', count: 2, record: 'none' },
        ],
      },
    ],
  });

  it('says which recorded cameras it leaves out, in every format, instead of 0 B', async () => {
    const table = await runInProcess(['-'], { input: fleet });
    expect(table.stdout).toMatch(/│ {3}b +│ +6 │ .* no retention │/);
    // b's 4 recorded cameras are left out; its 2 with "record": "none" are not recorded at all.
    expect(table.stdout).toContain(
      'Storage: 42.768 TB (~38.9 TiB) to keep 30d of continuous recording; not counted: 4 recorded cameras in segments that set no retention\n',
    );
    const doc = JSON.parse((await runInProcess(['-', '--json'], { input: fleet })).stdout);
    expect(doc.total.storage.unretainedCameras).toBe('4');
    expect(doc.segments.map((s: { storage: { unretainedCameras?: string } }) => s.storage.unretainedCameras)).toEqual([
      '4',
      undefined,
      '4',
    ]);
    const csv = csvObjects((await runInProcess(['-', '-f', 'csv'], { input: fleet })).stdout);
    const rows = csv.filter((r) => r['section'] === 'segment' || r['section'] === 'total');
    expect(rows.map((r) => r['unretained_cameras'])).toEqual(['4', '', '4', '4']);
  });
});

describe('--storage-capacity without --retention', () => {
  it('answers how long it keeps, exactly, in every format', async () => {
    const args = ['--preset', '720p30', '--count', '1000', '--storage-capacity', '100TB'];
    const table = await runInProcess(args);
    expect(table.stdout).toContain('Storage: 100 TB (--storage-capacity) keeps 2 d 7 h (200,000 s) of continuous recording');
    expect(table.code).toBe(0);
    const doc = JSON.parse((await runInProcess([...args, '--json'])).stdout);
    expect(doc.total.keeps).toEqual({ capacity: { bytes: '100000000000000', tb: 100, tib: 90.94947 }, retentionSeconds: '200000' });
    expect(csvObjects((await runInProcess([...args, '-f', 'csv'])).stdout).at(-1)).toMatchObject({
      section: 'total',
      storage_capacity_bytes: '100000000000000',
      retention_seconds: '200000',
    });
  });
});
