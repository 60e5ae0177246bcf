import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBinaryBytes, formatBytes, parseBytes } from '../../src/core/numbers/bytes.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import {
  CONTINUOUS,
  parseRecording,
  parseRetention,
  parseStorageOverhead,
  scaledStorage,
  storageBytes,
} from '../../src/core/sizing/storage.js';
import { flatFleet, group, mbps, segment } from '../helpers/fleet.js';

const NONE = { num: 0n, den: 100n };

describe('retention, recording and sizes', () => {
  it.each([
    ['30d', 2_592_000n],
    ['72h', 259_200n],
    ['4w', 2_419_200n],
    ['30 days', 2_592_000n],
    ['1.5d', 129_600n],
    ['90min', 5_400n],
  ])('retention %j is %s s', (text, seconds) => {
    expect(parseRetention(text).seconds).toBe(seconds);
  });

  it.each([
    ['30x', "retention '30x' has an unknown unit 'x' (use h, d or w)"],
    ['1 month', "retention '1 month' has an unknown unit 'month': months and years vary in length, write days (e.g. 365d)"],
    ['0d', "retention '0d' is zero"],
    ['thirty days', "retention 'thirty days' is not a duration (e.g. 30d, 72h or 4w)"],
    ['0.1s', "retention '0.1s' is not a whole number of seconds"],
  ])('refuses retention %j', (text, message) => {
    expect(() => parseRetention(text)).toThrow(message);
  });

  it('reads recording modes', () => {
    expect(parseRecording('continuous')).toBe(CONTINUOUS);
    expect(parseRecording('motion:30').duty).toEqual({ num: 30n, den: 100n });
    expect(parseRecording('motion:12.5%').duty).toEqual({ num: 125n, den: 1000n });
    expect(() => parseRecording('sometimes')).toThrow("recording 'sometimes' is not 'continuous' or 'motion:PERCENT' (e.g. motion:30)");
    expect(() => parseRecording('motion:0')).toThrow(/more than 0 %/);
    expect(() => parseRecording('motion:33.333333')).toThrow(/at most four decimals/);
  });

  it.each([
    ['500TB', 500n * 10n ** 12n],
    ['400 TiB', 400n * 2n ** 40n],
    ['1.5 PB', 1_500n * 10n ** 12n],
    ['2 EB', 2n * 10n ** 18n],
  ])('size %j is %s bytes', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it('refuses bits and unknown units for storage', () => {
    expect(() => parseBytes('100Tb')).toThrow("'Tb' is bits; storage is in bytes (write TB)");
    expect(() => parseBytes('100 TX')).toThrow(/unknown storage unit 'TX'/);
    expect(() => parseBytes('100')).toThrow("'100' has no unit (write e.g. 100TB)");
  });

  it('formats exactly in decimal units, with binary beside', () => {
    expect(formatBytes(25_920_000_000_000_000_000n)).toBe('25.92 EB');
    expect(formatBinaryBytes(25_920_000_000_000_000_000n)).toBe('~22.48 EiB');
    expect(formatBytes(1_099_511_627_776n)).toBe('1.099511627776 TB');
    expect(formatBinaryBytes(1_099_511_627_776n)).toBe('1 TiB');
  });
});

describe('storage arithmetic', () => {
  it('20,000,000 × 4 Mb/s × 30 d is exactly 2.592 × 10^19 bytes', () => {
    const scaled = scaledStorage(20_000_000n * 4_000_000n, 2_592_000n, CONTINUOUS, NONE);
    expect(storageBytes(scaled)).toBe(25_920_000_000_000_000_000n);
  });

  it('applies a motion duty cycle and a RAID overhead exactly', () => {
    // 1 camera × 4 Mb/s × 1 day = 43.2 GB; × 30 % = 12.96 GB; × 1.25 = 16.2 GB
    const scaled = scaledStorage(4_000_000n, 86_400n, parseRecording('motion:30'), parseStorageOverhead('25'));
    expect(storageBytes(scaled)).toBe(16_200_000_000n);
  });

  it('rounds up to a whole byte', () => {
    expect(storageBytes(scaledStorage(1n, 1n, CONTINUOUS, NONE))).toBe(1n); // 1 bit
  });

  it('rolls up segments, each with its own inherited retention, and checks capacities', () => {
    const site = { ...segment('site', [group(mbps(4), 10)]), settings: { retention: parseRetention('7d') }, storageBytes: 10n ** 12n };
    const hq = { ...segment('hq', [group(mbps(4), 10)]), storageBytes: 10n ** 12n };
    const report = sizeFleet(
      { name: 'f', root: segment('f', [], [site, hq]) },
      { storage: { retention: parseRetention('30d'), recording: CONTINUOUS, overhead: NONE } },
    );
    const [root, siteRow, hqRow] = report.segments;
    expect(siteRow?.storage).toEqual({ bytes: 3_024_000_000_000n, capacityBytes: 10n ** 12n, fits: false }); // 40 Mb/s × 7 d
    expect(hqRow?.storage).toEqual({ bytes: 12_960_000_000_000n, capacityBytes: 10n ** 12n, fits: false }); // 40 Mb/s × 30 d
    expect(root?.storage?.bytes).toBe(15_984_000_000_000n);
    expect(report.verdict).toBe('fail');
  });

  it('refuses a storage capacity without any retention', () => {
    const nas = { ...segment('nas', [group(mbps(4), 1)]), storageBytes: 10n ** 12n };
    expect(() => sizeFleet({ name: 'f', root: segment('f', [], [nas]) })).toThrow(
      `segment 'nas' has a storage capacity but no retention: give --retention or "retention" in the fleet file`,
    );
  });

  it('splitting a group never changes the storage total', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.bigInt({ min: 2n, max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (rate, count, cut) => {
          const first = 1n + (cut % (count - 1n));
          const options = {
            storage: {
              retention: parseRetention('30d'),
              recording: parseRecording('motion:37.5'),
              overhead: parseStorageOverhead('12.25'),
            },
          };
          const whole = sizeFleet(flatFleet([group(rate, count)]), options);
          const split = sizeFleet(flatFleet([group(rate, first), group(rate, count - first)]), options);
          expect(split.total.storage).toEqual(whole.total.storage);
        },
      ),
    );
  });
});
