/**
 * Measurements that cannot mislead a drift check (issue 22, items 5, 6 and 9):
 * a recording measured over its own length whatever its time stamps start at,
 * no rate below what any camera sends, one measurement per camera (several
 * recordings of one camera weighted by their lengths), and every field of a
 * probe either read exactly or refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/diagnostics/errors.js';
import { measurementsFromCsv } from '../../src/core/measure/csv.js';
import { measurementFromFfprobe } from '../../src/core/measure/ffprobe.js';
import { measurementsFromFrigate } from '../../src/core/measure/frigate.js';
import { matchMeasurements } from '../../src/core/measure/match.js';
import { flagMeasurements, type Measurement } from '../../src/core/measure/measurement.js';
import { parseFleet } from '../../src/api/fleet.js';

const seconds = (n: number) => `${n}.000000`;

describe('a recording is measured over its own length', () => {
  it('whatever its time stamps start at and however its container counts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.constantFrom('counts from 0 (mp4, mov)', 'counts from 0, no stream length (mkv, webm)', 'counts from the start (mpegts)'),
        (size, length, start, container) => {
          const fromZero = container !== 'counts from the start (mpegts)';
          const total = fromZero ? start + length : length;
          const probe = {
            format: {
              duration: seconds(total),
              start_time: seconds(start),
              size: String(size),
              bit_rate: String(Math.floor((size * 8) / total)),
            },
            streams: [
              {
                codec_type: 'video',
                width: 1280,
                height: 720,
                ...(container.includes('no stream length') ? {} : { duration: seconds(length), start_time: seconds(start) }),
              },
            ],
          };
          const exact = (BigInt(size) * 8n * 2n + BigInt(length)) / (2n * BigInt(length));
          if (exact < 1000n) {
            expect(() => measurementFromFfprobe(probe, 'f.json')).toThrow(/below 1 kb\/s/);
            return;
          }
          const m = measurementFromFfprobe(probe, 'f.json');
          expect(m.durationSeconds).toBe(length);
          // format.bit_rate (rounded down by ffprobe) where it is over the right length; else size over it.
          expect(m.bitsPerSecond === exact || m.bitsPerSecond === BigInt(Math.floor((size * 8) / length))).toBe(true);
        },
      ),
      { seed: 22_005, numRuns: 2_000 },
    );
  });
});

describe('no source gives a rate below what any camera sends', () => {
  it.each([
    [
      'a measurements CSV',
      () => measurementsFromCsv('segment,preset,rate,duration\ns,720p30,999b/s,24h\n', 'm.csv'),
      /m\.csv:2: rate: a measured 999 b\/s/,
    ],
    ['a CSV at 0', () => measurementsFromCsv('segment,preset,rate,duration\ns,720p30,0Mb/s,24h\n', 'm.csv'), /a measured 0 b\/s/],
    [
      'ffprobe',
      () => measurementFromFfprobe({ format: { bit_rate: '12', duration: '60' }, streams: [{ codec_type: 'video' }] }, 'p.json'),
      /p\.json: a measured 12 b\/s/,
    ],
    [
      'Frigate',
      () => measurementsFromFrigate({ porch: { bandwidth: 0.0001, usage: 1 }, gate: { bandwidth: 900, usage: 1 } }, 'f.json'),
      /f\.json porch: a measured 0 b\/s/,
    ],
  ])('%s', (_, read, message) => {
    expect(read).toThrow(message);
  });
});

describe('one measurement per camera', () => {
  const recording = (file: string, bitsPerSecond: bigint, durationSeconds: number): Measurement => ({
    source: 'ffprobe',
    file,
    bitsPerSecond,
    durationSeconds,
    basis: 'b',
  });

  it('any split of a camera into recordings is one measurement, its bits over its seconds (property)', async () => {
    const fleet = await parseFleet({ name: 'f', segments: [{ name: 'site', cameras: [{ bitrate: '4Mb/s', count: 1, label: 'cam' }] }] });
    const ids = { byId: new Map([['cam-1', { path: ['site'], group: 'cam', line: 2, records: 1 }]]) };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1000, max: 10 ** 8 }), fc.integer({ min: 1, max: 10 ** 6 })), { minLength: 1, maxLength: 6 }),
        async (parts) => {
          const ms = flagMeasurements(parts.map(([bps, s], i) => recording(`cams/cam-1/part-${i}.mp4`, BigInt(bps), s)));
          const { groups } = matchMeasurements(fleet, ms, ids);
          expect(groups).toHaveLength(1);
          expect(groups[0]!.measurements).toHaveLength(1);
          const bits = parts.reduce((a, [bps, s]) => a + BigInt(bps) * BigInt(s), 0n);
          const time = parts.reduce((a, [, s]) => a + BigInt(s), 0n);
          expect(groups[0]!.measurements[0]!.bitsPerSecond).toBe((2n * bits + time) / (2n * time));
          expect(groups[0]!.measurements[0]!.durationSeconds).toBe(Number(time));
        },
      ),
      { seed: 22_006, numRuns: 200 },
    );
  });

  it('a recording and a CSV row of one camera are refused, naming both', async () => {
    const fleet = await parseFleet({ name: 'f', segments: [{ name: 'site', cameras: [{ bitrate: '4Mb/s', count: 1, label: 'cam' }] }] });
    const ids = { byId: new Map([['cam-1', { path: ['site'], group: 'cam', line: 2, records: 1 }]]) };
    const row: Measurement = {
      source: 'csv',
      file: 'm.csv',
      where: 'line 2',
      camera: 'cam-1',
      bitsPerSecond: 4_000_000n,
      durationSeconds: 86_400,
      basis: 'b',
    };
    const ms = flagMeasurements([recording('cam-1.mp4', 5_000_000n, 3600), row]);
    expect(() => matchMeasurements(fleet, ms, ids)).toThrow(/camera 'cam-1' is measured twice, cam-1\.mp4 and m\.csv line 2/);
  });
});

/** Values a probe's fields may hold: ffprobe's own, and what a hand-edited or hostile file may. */
const HOSTILE = [
  -1,
  0,
  1,
  1.5,
  1e308,
  '-1',
  '0',
  '1',
  '1.5',
  'abc',
  '',
  ' ',
  'N/A',
  '1e5',
  '0x10',
  '9'.repeat(80),
  null,
  true,
  {},
  [],
  '15/1',
  '0/0',
  '1/0',
];
const FIELDS: Array<['format' | 'video', string]> = [
  ['format', 'bit_rate'],
  ['format', 'size'],
  ['format', 'duration'],
  ['format', 'start_time'],
  ['video', 'width'],
  ['video', 'height'],
  ['video', 'duration'],
  ['video', 'avg_frame_rate'],
  ['video', 'codec_name'],
];

describe('every field of a probe is read exactly or refused', () => {
  it.each(FIELDS)('%s.%s, any value', (where, key) => {
    for (const value of HOSTILE) {
      const format: Record<string, unknown> = {
        bit_rate: '4000000',
        size: '43200000000',
        duration: '86400.000000',
        start_time: '0.000000',
      };
      const video: Record<string, unknown> = { codec_type: 'video', width: 1920, height: 1080, avg_frame_rate: '15/1', codec_name: 'h264' };
      (where === 'format' ? format : video)[key] = value;
      let m: Measurement;
      try {
        m = measurementFromFfprobe({ format, streams: [video] }, 'p.json');
      } catch (error) {
        expect(error, `${key} = ${JSON.stringify(value)}: ${String(error)}`).toBeInstanceOf(InputError);
        continue;
      }
      expect(m.bitsPerSecond).toBeGreaterThanOrEqual(1000n);
      for (const n of [m.width, m.height]) if (n !== undefined) expect(Number.isInteger(n) && n > 0).toBe(true);
      expect(m.width === undefined).toBe(m.height === undefined);
      for (const n of [m.durationSeconds, m.fps]) if (n !== undefined) expect(Number.isFinite(n) && n > 0).toBe(true);
    }
  });
});
