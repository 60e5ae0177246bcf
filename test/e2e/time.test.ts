/** End-to-end, in-process through the Io seam: bandwidth over the day (night states, events), --check-on and --timeline. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects } from '../helpers/output-parse.js';

describe('bandwidth over the day', () => {
  it('checks the peak by default: over at night, fits on the daily average', async () => {
    const peak = await runInProcess(['examples/day-night.json', '-q']);
    expect(peak.code).toBe(1);
    // The planning presets give their averages; their peaks are the averages ÷ 0.81, at night 4.444445 and 11.851852 Mb/s (events).
    expect(peak.stdout).toContain(
      'over: junctions: 1.29540748 Gb/s at peak on 1 Gb/s (129.55 %), 495.40748 Mb/s over the 80 % ceiling of 800 Mb/s',
    );
    expect(await runInProcess(['examples/day-night.json', '-q', '--check-on', 'average'])).toEqual({ stdout: '', stderr: '', code: 0 });
    const table = (await runInProcess(['examples/day-night.json'])).stdout;
    expect(table).toContain('Over the day (night 19:00–06:00): peak 1.29540748 Gb/s from 19:00');
    expect(table).toContain('daily average 762.633334 Mb/s');
  });

  it('draws the 24-hour curve, and gives it as rows in JSON and CSV', async () => {
    const chart = (await runInProcess(['examples/day-night.json', '--timeline'])).stdout;
    expect(chart).toContain('Load over the day, streets (total): average per hour (bar), peak beside it');
    expect(chart).toMatch(/\n19:00 night █+[▏▎▍▌▋▊▉]? +931\.2 Mb\/s \(peak 1\.29540748 Gb\/s\)\n/);
    expect(chart).toMatch(/\n12:00 day {3}█+[▏▎▍▌▋▊▉]? +620 Mb\/s \(peak 923\.50624 Mb\/s\)\n/);
    // JSON carries every segment's 24 hours, whatever --timeline says.
    const plain = (await runInProcess(['examples/day-night.json', '--json'])).stdout;
    expect((await runInProcess(['examples/day-night.json', '--timeline=junctions', '--json'])).stdout).toBe(plain);
    const doc = JSON.parse(plain);
    const hourly = doc.segments.find((s: { path: string[] }) => s.path.join('/') === 'junctions').time.hourly;
    expect(hourly.night).toHaveLength(24);
    // The bar is the average figures' hourly mean, the peak the peak figures' (events coinciding).
    expect([hourly.night[19], hourly.averageBitsPerSecond[19], hourly.peakBitsPerSecond[19]]).toEqual([true, '931200000', '1295407480']);
    expect([hourly.night[12], hourly.averageBitsPerSecond[12], hourly.peakBitsPerSecond[12]]).toEqual([false, '620000000', '923506240']);
    expect(doc.timeline).toBeUndefined();
    expect(doc.total.time).toMatchObject({ peakHour: 19, busiestHour: 19, average: { bitsPerSecond: '762633334' } });
    const csv = csvObjects((await runInProcess(['examples/day-night.json', '--timeline', '-f', 'csv'])).stdout);
    expect(csv.filter((r) => r['section'] === 'timeline')).toHaveLength(24);
    expect(csv).toContainEqual(
      expect.objectContaining({ section: 'timeline', status: 'night', average_bps: '931200000', peak_bps: '1295407480', hour: '19:00' }),
    );
    expect((await runInProcess(['examples/day-night.json', '--timeline', '-f', 'markdown'])).stdout).toContain(
      '| 19:00 | night | 931.2 Mb/s | 1.295 Gb/s |',
    );
  });

  it('uses the catalog night figures of the planning presets (+20 %), averages whose peaks follow from the ratio', async () => {
    const doc = JSON.parse((await runInProcess(['--preset', '1080p15-h264-plan', '--count', '10', '--json'])).stdout);
    // 10 × 4.8 Mb/s ÷ 0.81 at night (5.925926 Mb/s, rounded up); the daily average of 4 and 4.8 Mb/s.
    expect(doc.total.time).toMatchObject({ peak: { bitsPerSecond: '59259260' }, average: { bitsPerSecond: '44000000' } });
  });

  it.each([
    [
      ['examples/day-night.json', '--night-hours', '30'],
      'camsize: --night-start/--night-hours: night hours 30 add up to more than the 24 hours of a day\n',
    ],
    [
      ['examples/day-night.json', '--night-start', '25'],
      "camsize: --night-start/--night-hours: night start '25' must be a whole hour from 0 to 23\n",
    ],
    [
      ['examples/day-night.json', '--timeline=junction'],
      "camsize: --timeline: no segment 'junction' (did you mean 'junctions'?)\nTry 'camsize --help' for usage.\n",
    ],
    [
      ['-'],
      "<stdin>: cameras[0].events: event duty '150' must be more than 0 % and at most 100 %\n",
      '{"name":"x","cameras":[{"bitrate":"4Mb/s","count":1,"events":{"rate":"x2","duty":150}}]}',
    ],
    [
      ['-'],
      '<stdin>: schedule: night hours 30 add up to more than the 24 hours of a day\n',
      '{"name":"x","schedule":{"nightHours":30},"cameras":[{"bitrate":"4Mb/s","count":1}]}',
    ],
  ])('camsize %j', async (args, stderr, input?: string) => {
    const result = await runInProcess(args as string[], input === undefined ? {} : { input });
    expect(result.stderr.replace(/^camsize: /, '')).toBe(stderr.replace(/^camsize: /, ''));
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });
});

describe('--percentile', () => {
  it('adds an approximate percentile per segment and in total, in every format', async () => {
    const table = (await runInProcess(['--preset', '720p30', '-n', '100', '--percentile', '99', '--correlation', '0.3'])).stdout;
    expect(table).toContain(
      'p99 of the total: ~657.795 Mb/s (mean 400 Mb/s, σ ~110.815 Mb/s; correlation 0.3, VBR σ/μ 0.5; normal approximation, never below the mean).',
    );
    const doc = JSON.parse(
      (await runInProcess(['--preset', '720p30', '-n', '100', '--percentile', '99', '--correlation', '0.3', '--json'])).stdout,
    );
    expect(doc.total.percentile).toMatchObject({ bitsPerSecond: '657794616', approximate: true });
    expect(doc.percentileSettings).toEqual({ percentile: 99, correlation: 0.3, vbrCv: 0.5 });
    expect((await runInProcess(['examples/day-night.json', '--percentile', '99', '-f', 'csv'])).stdout).toMatch(
      /\r\nsegment,junctions,1,(?:[^,\r\n]*,){19}\d+,/,
    );
  });

  it.each([
    [
      ['--preset', '720p30', '--percentile', '40'],
      "camsize: --percentile: percentile '40' must be more than 50 and less than 100 (e.g. 99)\n",
    ],
    [
      ['--preset', '720p30', '--correlation', '0.5'],
      "camsize: --correlation and --vbr-cv go with --percentile\nTry 'camsize --help' for usage.\n",
    ],
  ])('camsize %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ stdout: '', stderr, code: 2 });
  });
});
