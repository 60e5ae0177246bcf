/** End-to-end, in-process: a camera's peak and average on the command line, in fleet files and inventories, estimates' ranges, old preset ids. */
import { describe, expect, it } from 'vitest';
import { parseFleet, size } from '../../src/index.js';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects } from '../helpers/output-parse.js';

const json = async (args: string[], input?: string) =>
  JSON.parse((await runInProcess([...args, '--json'], input === undefined ? {} : { input })).stdout);

describe('peak and average on the command line', () => {
  it('takes --camera and --bitrate as peak:, average: or both', async () => {
    const doc = await json(['--camera', 'peak:8Mb/s=3', '--camera', 'average:3Mb/s=2', '--camera', 'peak:8Mb/s,average:3Mb/s=1']);
    expect(
      doc.profiles.map(
        (p: { rateBasis: string; peak: { perCamera: { bitsPerSecond: string } }; average: { perCamera: { bitsPerSecond: string } } }) => [
          p.rateBasis,
          p.peak.perCamera.bitsPerSecond,
          p.average.perCamera.bitsPerSecond,
        ],
      ),
    ).toEqual([
      ['peak', '8000000', '6480000'], // heaviest load first
      ['both', '8000000', '3000000'],
      ['average', '3703704', '3000000'],
    ]);
    expect(doc.total).toMatchObject({
      loadFigure: 'peak',
      load: { bitsPerSecond: '39407408' },
      profileSums: { average: { bitsPerSecond: '28440000' } },
    });
    const one = await json(['--bitrate', 'peak:8Mb/s', '--count', '10', '--retention', '1d']);
    // Storage is the average: 10 × 6.48 Mb/s for a day.
    expect(one.total.storage.needed.bytes).toBe(String((10n * 6_480_000n * 86_400n) / 8n));
  });

  it('says which figure the total and the failing lines are', async () => {
    const { stdout, code } = await runInProcess(['--camera', 'peak:8Mb/s=100', '--capacity', '1Gb/s']);
    expect(code).toBe(1);
    expect(stdout).toContain('Total: 800 Mb/s at peak for 100 cameras\n');
    expect(stdout).toContain('over: total (--capacity): 800 Mb/s at peak on 1 Gb/s');
    expect(stdout).toContain(
      'Where a profile gives one figure, the other follows from the average-to-peak ratio 0.81: the average of custom is its peak × 0.81.',
    );
    const average = await runInProcess(['--camera', 'peak:8Mb/s=100', '--capacity', '1Gb/s', '--check-on', 'average']);
    expect(average.stdout).toContain('Total: 648 Mb/s daily average for 100 cameras\n');
    expect(average.code).toBe(0);
  });

  it.each([
    [
      ['--camera', 'peak:3Mb/s,average:8Mb/s=1'],
      "camsize: --camera 'peak:3Mb/s,average:8Mb/s=1': the average is above the peak: give the peak (links) at least as high as the average (storage)\n",
    ],
    [['--camera', 'peak:3Mb/s,peak:4Mb/s=1'], "camsize: --camera 'peak:3Mb/s,peak:4Mb/s=1': peak is given twice\n"],
    [
      ['--bitrate', 'average:fast', '--count', '2'],
      "camsize: --bitrate: 'fast' is not a bit rate (expected a number and a unit, e.g. 4Mb/s)\n",
    ],
    [
      ['--camera', 'peak:8Mb/s=3', '--estimate-at', 'low'],
      'camsize: --estimate-at applies to the estimated camera groups of a fleet file ("resolution", "fps", "codec")\n',
    ],
  ])('refuses %j: exit 2, one line', async (args, stderr) => {
    const result = await runInProcess(args);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr.split('\n')[0]).toBe(stderr.split('\n')[0]);
  });
});

describe('peak and average in fleet files and inventories', () => {
  const fleet = (cameras: unknown[]) => JSON.stringify({ name: 'f', link: '1Gb/s', retention: '7d', cameras });

  it('reads "peak" and "average", and refuses them with "bitrate"', async () => {
    const doc = await json(['-'], fleet([{ peak: '8Mb/s', average: '3Mb/s', count: 4, label: 'gate' }]));
    expect(doc.profiles[0]).toMatchObject({ profile: 'gate', rateBasis: 'both', peak: { load: { bitsPerSecond: '32000000' } } });
    const both = await runInProcess(['-'], { input: fleet([{ peak: '8Mb/s', bitrate: '3Mb/s', count: 1 }]) });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      'give one of "preset", "bitrate", "peak"/"average" or "resolution"/"fps"/"codec" (an estimate), not several',
    );
    const bad = await runInProcess(['-'], { input: fleet([{ peak: '8Mbs', count: 1 }]) });
    expect(bad.stderr).toContain("cameras[0].peak: unknown unit 'Mbs' (did you mean 'Mb/s'?)");
  });

  it('reads an inventory bitrate cell that gives the figures, and refuses one with a preset', async () => {
    const csv = 'segment,bitrate,count,label\na,"peak:8Mb/s;average:3Mb/s",4,door\na,peak:8Mb/s,2,pk\n';
    const doc = await json(['--inventory', '-'], csv);
    expect(doc.profiles.map((p: { profile: string; rateBasis: string }) => [p.profile, p.rateBasis])).toEqual([
      ['door', 'both'],
      ['pk', 'peak'],
    ]);
    const withPreset = await runInProcess(['--inventory', '-'], { input: 'segment,preset,bitrate\na,720p30,peak:8Mb/s\n' });
    expect(withPreset.code).toBe(2);
    expect(withPreset.stderr).toContain("a preset's rate from the record is one rate");
  });
});

describe('estimated groups: their ranges in the totals, --estimate-at', () => {
  const fleet = JSON.stringify({
    name: 'e',
    link: '1Gb/s',
    retention: '1d',
    cameras: [{ resolution: '1080p', fps: 15, codec: 'h264', count: 10 }],
  });

  it('checks links at the peak’s high end and sizes storage at the average’s centre, and gives every point', async () => {
    const doc = await json(['-'], fleet);
    const e = doc.total.estimated;
    expect(e).toMatchObject({ cameras: '10', coverage: 0.8, peak: { used: 'high' }, average: { used: 'mid' }, storage: { used: 'mid' } });
    // 10 cameras at 5.346 Mb/s (the high end of 2.7 Mb/s's range) and 2.187 Mb/s (the average's centre).
    expect(doc.total.load.bitsPerSecond).toBe('53460000');
    expect([e.peak.low.bitsPerSecond, e.peak.mid.bitsPerSecond, e.peak.high.bitsPerSecond]).toEqual(['13500000', '27000000', '53460000']);
    expect(doc.total.storage.needed.bytes).toBe(e.storage.mid.bytes);
    const { stdout } = await runInProcess(['-', '-f', 'csv'], { input: fleet });
    const rows = csvObjects(stdout).filter((r) => r['section'] === 'estimated');
    expect(rows.map((r) => [r['range_point'], r['range_coverage_pct'], r['sized_at']])).toEqual([
      ['low', '80', ''],
      ['mid', '80', 'storage'],
      ['high', '80', 'links'],
    ]);
  });

  it('sizes both figures at one point with --estimate-at, and the library with estimateAt', async () => {
    const low = await json(['-', '--estimate-at', 'low'], fleet);
    expect(low.total.load.bitsPerSecond).toBe('13500000');
    expect(low.total.estimated).toMatchObject({ peak: { used: 'low' }, average: { used: 'low' } });
    const high = await size(JSON.parse(fleet), { estimateAt: 'high' });
    expect(high.total.estimated).toMatchObject({ peakAt: 'high', averageAt: 'high' });
    const parsed = await parseFleet(fleet, { estimateAt: 'mid' });
    expect(parsed.root.groups[0]!.profile.bitsPerSecond).toBe(2_700_000n);
    await expect(size(parsed, { estimateAt: 'low' })).rejects.toThrow('estimateAt is applied when the fleet is read');
  });

  it('says the average is checked with --check-on average: links at the average’s point, as storage (they said peak)', async () => {
    const { stdout } = await runInProcess(['-', '--check-on', 'average'], { input: fleet });
    expect(stdout).toContain(
      'Average: what links and recorder ingest are checked against (--check-on average) and what storage holds; peak: shown, not checked.',
    );
    expect(stdout).not.toContain('Peak: what links');
    expect(stdout).toContain(
      "Links (--check-on average) and storage both use the average's centre (--estimate-at low|mid|high to change).",
    );
    expect(stdout).not.toContain("checked at the peak's");
    // What sizing does: 10 cameras at the average's centre, 2.187 Mb/s; with --estimate-at high, its high end.
    const doc = await json(['-', '--check-on', 'average'], fleet);
    expect([doc.total.load.bitsPerSecond, doc.total.estimated.average.mid.bitsPerSecond]).toEqual(['21870000', '21870000']);
    const high = await runInProcess(['-', '--check-on', 'average', '--estimate-at', 'high', '--json'], { input: fleet });
    const h = JSON.parse(high.stdout);
    expect(h.total.load.bitsPerSecond).toBe(h.total.estimated.average.high.bitsPerSecond);
    const text = (await runInProcess(['-', '--check-on', 'average', '--estimate-at', 'high'], { input: fleet })).stdout;
    expect(text).toContain("Links (--check-on average) and storage both use the average's high end");
    const peak = (await runInProcess(['-'], { input: fleet })).stdout;
    expect(peak).toContain('Peak: what links and recorder ingest are checked against; average: what storage holds.');
    expect(peak).toContain("Links are checked at the peak's high end, storage at the average's centre");
  });

  it('sizes the estimated storage at each point per group, exactly (it scaled the sum by the first profile’s ratio)', async () => {
    const run = await runInProcess(['-i', 'examples/schedule.csv', '--retention', '30d', '--growth', '20%', '--json']);
    const doc = JSON.parse(run.stdout);
    type Point = 'low' | 'mid' | 'high';
    const points: Point[] = ['low', 'mid', 'high'];
    const estimated = doc.profiles.filter((p: { range?: unknown }) => p.range);
    expect(estimated.length).toBeGreaterThan(1);
    for (const point of points) {
      // Each group: cameras × its own average at that point × 30 days, in bytes (no overhead, continuous).
      const bits = estimated.reduce(
        (sum: bigint, p: { cameras: string; range: { average: Record<Point, { bitsPerSecond: string }> } }) =>
          sum + BigInt(p.cameras) * BigInt(p.range.average[point].bitsPerSecond) * 30n * 86_400n,
        0n,
      );
      expect(doc.total.estimated.storage[point].bytes).toBe(String((bits + 7n) / 8n));
    }
    expect(doc.total.estimated.storage.low.bytes).toBe('14913720000000');
    const md = (await runInProcess(['-i', 'examples/schedule.csv', '--retention', '30d', '--growth', '20%', '-f', 'markdown'])).stdout;
    expect(md).toContain('; storage 24.86 TB, between 14.91 TB and 42.25 TB.');
  });

  it('ends the estimated part with one full stop in Markdown (it ended with two)', async () => {
    const { stdout } = await runInProcess(['-', '-f', 'markdown'], { input: fleet });
    const line = stdout.split('\n').find((l) => l.startsWith('Estimated part'));
    expect(line).toMatch(/ \(--estimate-at low\|mid\|high to change\)\.$/);
    expect(stdout).not.toMatch(/\.\.$/m);
  });
});

describe('the field caps’ former ids', () => {
  it('still work, under the new id, with one deprecation line on stderr', async () => {
    const { stdout, stderr, code } = await runInProcess(['--preset', '4mp30-h264-measured', '--count', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('4mp30-h264-observed-cap');
    expect(stderr).toBe(
      "camsize: note: preset id '4mp30-h264-measured' is deprecated and will be removed; use '4mp30-h264-observed-cap' (basis observed-cap)\n",
    );
    const doc = await json(['--preset', '5mp30-h264-observed-cap']);
    expect(doc.profiles[0]).toMatchObject({ basis: 'observed-cap', rateBasis: 'peak', peak: { perCamera: { bitsPerSecond: '8400000' } } });
  });
});
