import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measurementsFromCsv } from '../../src/core/measure/csv.js';
import { measurementFromFfprobe } from '../../src/core/measure/ffprobe.js';
import { factorFit, fitSiteCalibration } from '../../src/core/measure/fit.js';
import { isFrigateJson, measurementsFromFrigate } from '../../src/core/measure/frigate.js';
import { flagMeasurements, type Measurement, parseMeasuredDuration } from '../../src/core/measure/measurement.js';
import { modelBitsPerSecond, SHIPPED_MODEL } from '../../src/core/estimate/model.js';

const fixture = (name: string) => readFileSync(`test/fixtures/measure/${name}`, 'utf8');
const probe = (name: string) => measurementFromFfprobe(JSON.parse(fixture(name)), name);

describe('ffprobe JSON (real probes of testsrc2 clips made with Debian ffmpeg 5.1)', () => {
  it.each([
    ['cam-720p15-h264.ffprobe.json', { bitsPerSecond: 1_021_594n, durationSeconds: 4, width: 1280, height: 720, fps: 15, codec: 'h264' }],
    ['cam-1080p25-h265.ffprobe.json', { bitsPerSecond: 1_999_224n, durationSeconds: 2, width: 1920, height: 1080, fps: 25, codec: 'h265' }],
    [
      'cam-vga-mjpeg.ffprobe.json',
      { bitsPerSecond: 4_996_731n, durationSeconds: 2.002, width: 640, height: 480, fps: 30000 / 1001, codec: 'mjpeg' },
    ],
  ])('%s', (name, expected) => {
    expect(probe(name)).toMatchObject({ source: 'ffprobe', file: name, ...expected });
  });

  it('computes the rate from size and duration when ffprobe gives no bit_rate', () => {
    const json = {
      format: { duration: '10.0', size: '5000000' },
      streams: [{ codec_type: 'video', codec_name: 'h264', avg_frame_rate: '0/0' }],
    };
    const m = measurementFromFfprobe(json, 'x.mp4');
    expect(m.bitsPerSecond).toBe(4_000_000n);
    expect(m.fps).toBeUndefined();
    expect(m.basis).toMatch(/file size × 8 ÷ duration/);
  });

  it.each([
    [{}, 'x.mp4: ffprobe gave no "format" (not a media file?)'],
    [{ format: { bit_rate: '1000' }, streams: [{ codec_type: 'audio' }] }, 'x.mp4: no video stream'],
    [{ format: {}, streams: [{ codec_type: 'video' }] }, 'x.mp4: ffprobe gives no bit rate and no size and duration to compute one'],
  ])('refuses %j', (json, message) => {
    expect(() => measurementFromFfprobe(json, 'x.mp4')).toThrow(message);
  });
});

describe('the measurements CSV', () => {
  const rows = measurementsFromCsv(fixture('measurements.csv'), 'm.csv');

  it('reads every row, keeps its duration, ignores extra columns (quoted ones too)', () => {
    expect(rows.map((r) => [r.camera, r.segment, r.preset ?? r.label, r.bitsPerSecond, r.durationSeconds])).toEqual([
      ['cam-01', 'north/sw-1', '720p30', 3_100_000n, 86_400],
      ['cam-02', 'north/sw-1', '720p30', 3_400_000n, 86_400],
      ['cam-03', 'north/sw-2', '4mp15-h265-plan', 2_200_000n, 5_400],
      ['cam-04', 'north/sw-2', '4mp15-h265-plan', 2_200_000n, 5_400],
      ['cam-05', 'south/sw-3', 'door cams', 1_800_000n, 604_800],
    ]);
    expect(rows[0]).toMatchObject({ where: 'line 2', start: '2026-11-20T00:00Z' });
    expect(rows[4]).toMatchObject({ label: 'door cams', where: 'line 6' });
  });

  it('marks samples under 24 h and identical round rates across cameras', () => {
    const flags = flagMeasurements(rows).map((r) => r.flags);
    expect(flags).toEqual([
      { short: false, likelyCap: false },
      { short: false, likelyCap: false },
      { short: true, likelyCap: true },
      { short: true, likelyCap: true },
      { short: false, likelyCap: false },
    ]);
  });

  it('lists every bad row with its line and column', () => {
    const text = 'segment,preset,rate,duration\na,720p30,4Mb,24h\nb,720p30,4Mb/s,1mo\n,720p30,4Mb/s,24h\nc,,4Mb/s,24h\n';
    let issues: readonly string[] = [];
    try {
      measurementsFromCsv(text, 'm.csv');
    } catch (error) {
      issues = (error as { issues: readonly string[] }).issues;
    }
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatch(/^m\.csv:2: rate: /);
    expect(issues[1]).toBe("m.csv:3: duration: duration '1mo' is not a length of time (e.g. 24h, 90m, 7d)");
    expect(issues[2]).toBe('m.csv:4: segment: empty (give the segment and its preset or label, or the camera id)');
    expect(issues[3]).toBe('m.csv:5: preset or label: one is needed to say which group of the segment');
  });

  it.each([
    ['', 'm.csv: empty (expected a header row: segment,preset,rate,duration)'],
    ['segment,rate\n', 'm.csv:1: missing column duration, preset or label (header: segment,rate)'],
    ['segment,preset,rate,duration\n"a,b\n', 'line 2: a quoted field is not closed'],
  ])('refuses %j', (text, message) => {
    expect(() => measurementsFromCsv(text, 'm.csv')).toThrow(message);
  });

  it.each([
    ['24h', 86_400],
    ['90m', 5_400],
    ['1.5d', 129_600],
    ['3600s', 3_600],
    ['2w', 1_209_600],
  ])('reads the duration %s as %i s', (text, seconds) => {
    expect(parseMeasuredDuration(text)).toBe(seconds);
  });
});

describe("Frigate's API answers", () => {
  it('reads /api/stats: each camera’s ffmpeg process rate (nethogs KB/s × 8192), over about 5 s', () => {
    const json = JSON.parse(fixture('frigate-stats.json'));
    expect(isFrigateJson(json)).toBe(true);
    const ms = measurementsFromFrigate(json, 'stats.json');
    expect(ms.map((m) => [m.camera, m.bitsPerSecond, m.durationSeconds])).toEqual([
      ['driveway', 4_194_304n, 5],
      ['garage', 4_194_304n, 5],
      ['porch', 2_471_526n, 5],
    ]);
    expect(flagMeasurements(ms).map((m) => m.flags.likelyCap)).toEqual([true, true, false]); // 512 KiB/s twice
  });

  it('reads /api/recordings/storage: MiB per hour (× 2^23 ÷ 3600), duration unknown', () => {
    const ms = measurementsFromFrigate(JSON.parse(fixture('frigate-recordings-storage.json')), 'storage.json');
    expect(ms.map((m) => [m.camera, m.bitsPerSecond, m.durationSeconds])).toEqual([
      ['driveway', 4_294_967n, undefined],
      ['garage', 1_431_656n, undefined],
    ]);
    expect(flagMeasurements(ms)[0]!.flags.short).toBe(true);
  });

  it.each([
    [{ cameras: { a: { ffmpeg_pid: 1 } }, service: {} }, 'stats.json: Frigate stats without "bandwidth_usages"'],
    [{ a: { bandwidth: 0, usage: 0 } }, 'stats.json: no camera with a bandwidth above 0'],
    [{ hello: 1 }, "stats.json: not Frigate's /api/stats or /api/recordings/storage JSON"],
  ])('refuses %j', (json, message) => {
    expect(() => measurementsFromFrigate(json, 'stats.json')).toThrow(message);
  });
});

describe('the site calibration fit (--fit)', () => {
  const at = (factor: number, width: number, height: number, fps: number, codec: string, camera: string): Measurement => ({
    source: 'ffprobe',
    file: `${camera}.mp4`,
    camera,
    width,
    height,
    fps,
    codec,
    durationSeconds: 86_400,
    bitsPerSecond: BigInt(
      // A measurement is an average: `factor` times the model's average figure.
      Math.round(factor * modelBitsPerSecond(SHIPPED_MODEL, { width, height, fps, codec, scene: 'medium', quality: 'medium' }, 'average')),
    ),
    basis: 'test',
  });

  it('is the geometric mean of measured ÷ estimated, with the geometric spread', () => {
    expect(factorFit([2, 2, 2])).toEqual({ factor: 2, spreadPercent: 0, measurements: 3 });
    const f = factorFit([0.5, 2]);
    expect(f.factor).toBeCloseTo(1, 12);
    expect(f.spreadPercent).toBeCloseTo((Math.exp(Math.sqrt(2) * Math.log(2)) - 1) * 100, 9);
    expect(factorFit([1.3])).toEqual({ factor: 1.3, measurements: 1 });
  });

  it('fits the site, and a codec from three measurements up', () => {
    const ms = flagMeasurements([
      at(0.8, 1920, 1080, 15, 'h264', 'a'),
      at(0.8, 2560, 1440, 25, 'h264', 'b'),
      at(0.8, 1280, 720, 10, 'h264', 'c'),
      at(1.25, 3840, 2160, 15, 'h265', 'd'),
    ]);
    const fit = fitSiteCalibration(ms);
    expect(fit.site.measurements).toBe(4);
    expect(fit.site.factor).toBeCloseTo((0.8 ** 3 * 1.25) ** 0.25, 5);
    expect(Object.keys(fit.codecs)).toEqual(['h264']);
    expect(fit.codecs['h264']!.factor).toBeCloseTo(0.8, 5);
    expect(fit.skipped).toBe(0);
  });

  it('takes the camera of a CSV row from its preset, and skips what it cannot estimate', () => {
    const rows = flagMeasurements(measurementsFromCsv(fixture('measurements.csv'), 'm.csv'));
    const shapes: Record<string, { width: number; height: number; fps: number; codec: string }> = {
      '4mp15-h265-plan': { width: 2560, height: 1440, fps: 15, codec: 'h265' },
    };
    const fit = fitSiteCalibration(rows, (id) => shapes[id]);
    expect(fit.site).toMatchObject({ measurements: 2, short: 2, likelyCaps: 2 });
    expect(fit.skipped).toBe(3);
    expect(() => fitSiteCalibration(rows)).toThrow(/nothing to fit/);
  });
});
