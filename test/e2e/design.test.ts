/**
 * Designs as code end to end: the SOP's worked example (bandwidth, PoE,
 * storage with overhead and headroom, disks and RAID) in every format;
 * `camsize check` over a folder of fleets with one that cannot be read;
 * `camsize diff` as a CI gate (its exit codes, `git show REV:FILE | camsize diff - FILE`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT, runShell } from '../helpers/run.js';

const SOP = ['examples/sop-warehouse.json', '--storage-overhead', '5', '--storage-headroom', '20'];
const sop = JSON.parse(readFileSync(join(ROOT, 'examples/sop-warehouse.json'), 'utf8')) as Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'camsize-design-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** The SOP example with the aisles' count changed (each camera one port, 6 W). */
function withAisles(count: number): Record<string, unknown> {
  const segments = structuredClone(sop['segments']) as Array<{ cameras: Array<{ count: number }> }>;
  segments[0]!.cameras[0]!.count = count;
  return { ...sop, segments };
}

describe("the SOP's worked example (docs/SOP.md §6)", () => {
  it('comes out as the SOP says: 158 Mb/s, 72 and 86 Mb/s on the uplinks, 144 W and 108 W, 48.24 TB raw, 60.8 TB required, 9 × 12 TB', async () => {
    const raw = JSON.parse((await runInProcess(['examples/sop-warehouse.json', '--json'])).stdout);
    expect(raw.total.storage.needed.bytes).toBe('48243600000000'); // 48.24 TB
    const { code, stdout } = await runInProcess([...SOP, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.recorders[0].ingest.bitsPerSecond).toBe('158000000');
    const seg = (name: string) => doc.segments.find((s: { path: string[] }) => s.path.join('/') === name);
    expect([seg('aisles').up.load.bitsPerSecond, seg('docks').up.load.bitsPerSecond]).toEqual(['72000000', '86000000']);
    expect([
      seg('aisles').poe.draw.watts,
      seg('aisles').poe.utilizationPercent,
      seg('docks').poe.draw.watts,
      seg('docks').poe.utilizationPercent,
    ]).toEqual([144, 38.92, 108, 45]);
    expect(doc.total.storage.needed.bytes).toBe('50655780000000'); // × 1.05
    expect(doc.total.storage.required.bytes).toBe('60786936000000'); // × 1.20: 60.8 TB
    expect(doc.recorders[0].disks).toMatchObject({
      raid: '6',
      arrayDisks: '8',
      spares: '1',
      totalDisks: '9',
      usable: { bytes: '72000000000000', tb: 72, tib: 65.483619 },
      daysFit: '42',
      writeBytesPerSecond: '19750000', // 158 ÷ 8 ≈ 20 MB/s
      readBytesPerSecond: '493750', // one playback at the 3.95 Mb/s average
    });
    expect(doc.settings.storage.headroomPercent).toBe(20);
  });

  it('shows the same in the table, Markdown and CSV', async () => {
    const table = (await runInProcess(SOP)).stdout;
    for (const text of [
      '9 × 12 TB RAID 6 (1 hot spare)',
      '72 TB (~65.48 TiB)',
      '42 d',
      '19.75 MB/s',
      '144 W / 370 W (38.92 %)',
      '24 / 24',
      '60.786936 TB',
    ])
      expect(table).toContain(text);
    expect(table).toContain('with +20 % headroom, 60.786936 TB (~55.29 TiB)');
    const md = (await runInProcess([...SOP, '-f', 'markdown'])).stdout;
    expect(md).toContain('| 9 × 12 TB RAID 6 (1 hot spare) |');
    const csv = (await runInProcess([...SOP, '-f', 'csv'])).stdout.split('\r\n');
    const head = csv[0]!.split(',');
    const recorder = csv.find((l) => l.startsWith('recorder,'))!.split(',');
    const at = (name: string) => recorder[head.indexOf(name)];
    expect([at('raid'), at('disks'), at('hot_spares'), at('usable_bytes'), at('days_fit'), at('storage_required_bytes')]).toEqual([
      '6',
      '9',
      '1',
      '72000000000000',
      '42',
      '60786936000000',
    ]);
    const total = csv.find((l) => l.startsWith('total,'))!.split(',');
    expect(total[head.indexOf('storage_headroom_pct')]).toBe('20');
  });

  it('says which growth and headroom every output includes', async () => {
    const args = [...SOP, '--growth', '20%'];
    expect((await runInProcess(args)).stdout).toContain('Growth: +20 % future cameras (9 cameras added) in every figure.');
    const doc = JSON.parse((await runInProcess([...args, '--json'])).stdout);
    expect(doc.settings.growth).toEqual({ defaultPercent: 20, usedPercent: [20], addedCameras: '9' });
    expect(doc.total.cameras).toBe('49'); // 24 → 29, 6 → 8, 10 → 12
    const csv = (await runInProcess([...args, '-f', 'csv'])).stdout.split('\r\n');
    const head = csv[0]!.split(',');
    const total = csv.find((l) => l.startsWith('total,'))!.split(',');
    expect([total[head.indexOf('growth_pct')], total[head.indexOf('added_cameras')]]).toEqual(['20', '9']);
  });

  it('fails the ports and PoE checks, naming each, in every format', async () => {
    const path = write('crowded.json', withAisles(70)); // 70 ports of 24; 420 W on 370 W
    const { code, stdout } = await runInProcess([path, '-q']);
    expect(code).toBe(1);
    expect(stdout).toContain('over: aisles: 70 ports used of 24, 46 short');
    expect(stdout).toContain('over: aisles: PoE 420 W on a 370 W budget (113.52 %), 124 W over the 80 % ceiling of 296 W');
    const doc = JSON.parse((await runInProcess([path, '--json'])).stdout);
    // The recorder's ingest is over too (the SOP sized it for 158 Mb/s).
    expect(doc.checks.filter((c: { verdict: string }) => c.verdict === 'fail').map((c: { kind: string }) => c.kind)).toEqual([
      'ports',
      'poe',
      'recorder',
    ]);
    expect((await runInProcess([path, '-f', 'markdown'])).stdout).toContain('**420 W / 370 W (113.52 %)**');
  });
});

describe('camsize check over a folder of sites', () => {
  let sites: string;
  beforeAll(() => {
    sites = join(dir, 'sites');
    mkdirSync(sites);
    writeFileSync(join(sites, 'a-warehouse.json'), JSON.stringify(sop));
    writeFileSync(join(sites, 'b-crowded.json'), JSON.stringify(withAisles(30)));
    writeFileSync(join(sites, 'c-broken.json'), '{ "name": "broken", "segments": [{ "name": "x", "link": "1Gbs" }] }');
  });

  it('checks every fleet, names each, and exits 2 when one cannot be read (the others still checked)', async () => {
    const files = ['a-warehouse.json', 'b-crowded.json', 'c-broken.json'].map((f) => join(sites, f));
    const { code, stdout, stderr } = await runInProcess(['check', ...files]);
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${files[0]}: pass: all 7 checks of 'warehouse' fit`);
    expect(lines[1]).toBe(`${files[1]}: FAIL: 2 of 7 checks of 'warehouse' over`);
    expect(lines[2]).toBe(`${files[1]}: over: aisles: 30 ports used of 24, 6 short`);
    expect(lines[3]).toMatch(new RegExp(`^${files[1]}: over: recorder nvr \\(warehouse\\): ingest 176 Mb/s on 1 × 226 Mb/s`));
    expect(lines[4]).toBe(`${files[2]}: error: segments[0].link: unknown unit 'Gbs' (did you mean 'Gb/s'?)`);
    expect(lines.at(-1)).toBe('3 fleets: 1 pass, 1 fail, 1 with errors');
    expect(stderr).toBe(`camsize: ${files[2]}: segments[0].link: unknown unit 'Gbs' (did you mean 'Gb/s'?)\n`);
    expect((await runInProcess(['check', files[0]!, files[1]!])).code).toBe(1);
    expect((await runInProcess(['check', '-q', files[0]!])).stdout).toBe('');
  });

  it('gives a flat list of checks in JSON, each naming its file and fleet, and --failures-only keeps the failing', async () => {
    const files = ['a-warehouse.json', 'b-crowded.json', 'c-broken.json'].map((f) => join(sites, f));
    const all = JSON.parse((await runInProcess(['check', ...files, '--json'])).stdout);
    expect(all.verdict).toBe('error');
    expect(all.fleets.map((f: { verdict: string }) => f.verdict)).toEqual(['pass', 'fail', 'error']);
    // Per fleet: each link up and down, each switch's ports and PoE, the recorder's ingest and disks.
    expect(all.checks).toHaveLength(20);
    const failing = JSON.parse((await runInProcess(['check', ...files, '--json', '--failures-only'])).stdout);
    expect(failing.checks).toHaveLength(2);
    expect(failing.checks[0]).toEqual({
      file: files[1],
      fleet: 'warehouse',
      kind: 'ports',
      where: 'aisles',
      path: ['aisles'],
      direction: null,
      load: '30',
      limit: '24',
      unit: 'ports',
      verdict: 'fail',
    });
    expect(failing.checks[1]).toMatchObject({
      kind: 'recorder',
      recorder: 'nvr',
      part: 'ingest',
      load: '176000000',
      limit: '158200000',
      unit: 'b/s',
    });
    const csv = (await runInProcess(['check', ...files, '-f', 'csv', '--failures-only'])).stdout.split('\r\n');
    expect(csv[0]).toBe('file,fleet,kind,where,direction,part,load,limit,unit,verdict');
    expect(csv.slice(1, 4)).toEqual([
      `${files[1]},warehouse,ports,aisles,,,30,24,ports,fail`,
      `${files[1]},warehouse,recorder,recorder nvr (warehouse),,ingest,176000000,158200000,b/s,fail`,
      `${files[2]},,,,,,,,,error`,
    ]);
  });

  it("runs from cron over a folder with the shell's glob, in a real process", () => {
    const { code, stdout } = runShell(`$CAMSIZE check -q '${sites}'/*.json; echo "exit $?"`);
    expect(stdout).toContain(`${join(sites, 'b-crowded.json')}: FAIL`);
    expect(stdout).toContain(`${join(sites, 'c-broken.json')}: error`);
    expect(stdout).not.toContain('a-warehouse.json');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('exit 2');
    expect(code).toBe(0);
  });
});

describe('camsize diff as a CI gate', () => {
  it('exits 1 when the change puts a check over that was not (pass → fail, or a new failing check), else 0', async () => {
    const before = write('before.json', sop);
    const crowded = write('after.json', withAisles(30));
    const grown = write('grown.json', {
      ...sop,
      segments: [...(sop['segments'] as unknown[]), { name: 'yard', link: '100Mb/s', cameras: [{ bitrate: '12Mb/s', count: 6 }] }],
    });
    expect((await runInProcess(['diff', before, before])).code).toBe(0);
    const over = await runInProcess(['diff', before, crowded]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('newly over: aisles ports: 30 against a limit of 24 (before: 24)');
    expect((await runInProcess(['diff', crowded, before])).code).toBe(0); // fixed
    expect((await runInProcess(['diff', crowded, crowded])).code).toBe(0); // failing before and after: not this change's
    const added = await runInProcess(['diff', before, grown]);
    expect(added.code).toBe(1); // a new segment whose link is over (72 Mb/s on 100 Mb/s at 70 %)
    expect(added.stdout).toContain('newly over: yard link ↑: 72 Mb/s against a limit of 70 Mb/s (a new check)');
  });

  it('reports in JSON, CSV and Markdown, unchanged rows only when asked', async () => {
    const before = write('before2.json', sop);
    const after = write('after2.json', withAisles(26));
    const doc = JSON.parse((await runInProcess(['diff', before, after, '--json'])).stdout);
    expect(doc).toMatchObject({ verdict: 'fail', newlyFailing: 2, fixed: 0 });
    const aisles = doc.rows.find((r: { kind: string; path: string[] }) => r.kind === 'segment' && r.path.join('/') === 'aisles');
    expect(aisles.figures.find((f: { name: string }) => f.name === 'PoE draw')).toEqual({
      name: 'PoE draw',
      unit: 'mW',
      before: '144000',
      after: '156000',
      delta: '12000',
    });
    expect(doc.rows.some((r: { path: string[] }) => r.path.join('/') === 'docks')).toBe(false);
    const all = JSON.parse((await runInProcess(['diff', before, after, '--json', '--unchanged'])).stdout);
    expect(all.rows.some((r: { path: string[]; change: string }) => r.path.join('/') === 'docks' && r.change === 'unchanged')).toBe(true);
    const csv = (await runInProcess(['diff', before, after, '-f', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('section,kind,where,direction,recorder,change,figure,unit,before,after,delta,before_verdict,after_verdict');
    expect(csv).toContain('figure,segment,aisles,,,changed,ports used,count,24,26,2,,');
    expect(csv).toContain('check,ports,aisles,,,changed,ports,ports,24,26,,pass,fail');
    const md = (await runInProcess(['diff', before, after, '-f', 'markdown'])).stdout;
    expect(md).toContain('| aisles | ports used | 24 | 26 | +2 |');
    expect((await runInProcess(['diff', before, after, '-f', 'html'])).code).toBe(2);
  });

  it('takes the before side from git show on standard input, in a real process', () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    if (git('--version').status !== 0) throw new Error('git is needed for this test');
    writeFileSync(join(repo, 'site.json'), JSON.stringify(sop));
    git('init', '-q');
    git('add', 'site.json');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'site');
    writeFileSync(join(repo, 'site.json'), JSON.stringify(withAisles(30)));
    const { stdout } = runShell(`cd '${repo}' && git show HEAD:site.json | $CAMSIZE diff - site.json -f markdown; echo "exit $?"`);
    expect(stdout).toContain('| aisles | ports used | 24 | 30 | +6 |');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('exit 1');
  });
});
