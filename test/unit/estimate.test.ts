import { describe, expect, it } from 'vitest';
import { calibration, calibrationBounds } from '../../src/core/estimate/calibration.js';
import { estimateBitrate, parseResolution } from '../../src/core/estimate/estimate.js';
import { testCatalog } from '../helpers/inventory.js';

describe('estimate model', () => {
  it.each([
    // peak: 0.0893 × 2,073,600 × 15; average: the peak × 0.8; ranges: × 0.5 to × 1.94 and × 0.61 to × 1.78
    [{ resolution: '1080p', fps: 15, codec: 'h264' }, [1_389_000n, 2_778_000n, 5_389_000n], [1_355_000n, 2_222_000n, 3_955_000n]],
    [
      { resolution: '4K', fps: 15, codec: 'h265', scene: 'high' },
      [5_519_000n, 11_037_000n, 21_413_000n],
      [5_386_000n, 8_830_000n, 15_717_000n],
    ],
    [{ resolution: '1920x1080', fps: 30, codec: 'H.264' }, [2_469_000n, 4_938_000n, 9_579_000n], [2_410_000n, 3_950_000n, 7_031_000n]], // 2.778 Mb/s × 2^0.83
    [{ resolution: '4MP', fps: 25, codec: 'h265+' }, [1_735_000n, 3_470_000n, 6_731_000n], [1_693_000n, 2_776_000n, 4_941_000n]],
  ])('%j → peak %s, average %s b/s (low, centre, high)', (input, [pl, pm, ph], [al, am, ah]) => {
    const e = estimateBitrate(input);
    expect([e.peak.low, e.peak.bitsPerSecond, e.peak.high]).toEqual([pl, pm, ph]);
    expect([e.average.low, e.average.bitsPerSecond, e.average.high]).toEqual([al, am, ah]);
    expect(e.bitsPerSecond).toBe(am); // perCamera, for scripts: the average
    expect(e.coverage).toBe(0.8);
  });

  it('falls in bits per pixel as resolution grows', () => {
    const bpp = ['720p', '1080p', '4MP', '8MP', '12MP'].map((r) => estimateBitrate({ resolution: r, fps: 15, codec: 'h264' }).bpp);
    for (let i = 1; i < bpp.length; i++) expect(bpp[i]!).toBeLessThan(bpp[i - 1]!);
  });

  it.each([
    [
      { resolution: '4K', fps: 15, codec: 'h266' },
      "unknown codec 'h266' (expected h264, h264-smart, h265, h265-smart, av1, mjpeg); did you mean 'h264'?",
    ],
    [{ resolution: '4K', fps: 0, codec: 'h265' }, 'fps 0 must be more than 0 and at most 240'],
    [{ resolution: 'huge', fps: 15, codec: 'h265' }, /resolution 'huge' is not WIDTHxHEIGHT/],
    [{ resolution: '4K', fps: 15, codec: 'h265', scene: 'busy' }, /unknown scene 'busy'/],
  ])('refuses %j', (input, message) => {
    expect(() => estimateBitrate(input)).toThrow(message);
  });

  it('reads resolutions', () => {
    expect(parseResolution('2560x1440')).toEqual([2560, 1440]);
    expect(parseResolution(' 4k ')).toEqual([3840, 2160]);
  });
});

describe('calibration against the catalog (the error the README states)', async () => {
  const rows = calibration(await testCatalog());
  const bounds = calibrationBounds(rows);

  it('covers every catalog preset that has a codec', () => {
    expect(rows.length).toBe(68);
  });

  // Each preset against the estimate of the figure it gives: planning averages against the average, caps against the peak.
  it('sits within 0.55 to 1.23 of the planning table’s averages (which it is not fitted to)', () => {
    expect(bounds['planning']!.min).toBeGreaterThanOrEqual(0.55);
    expect(bounds['planning']!.max).toBeLessThanOrEqual(1.23);
  });

  it('is 0.94 to 2.31 times the vendor caps and 0.96 to 1.20 times the two caps seen at an NVR, as peaks', () => {
    expect(bounds['vendor-cap']!.count).toBe(30);
    expect(bounds['vendor-cap']!.min).toBeGreaterThanOrEqual(0.93);
    expect(bounds['vendor-cap']!.max).toBeLessThanOrEqual(2.31);
    expect(bounds['observed-cap']!.count).toBe(2);
    expect(bounds['observed-cap']!.min).toBeGreaterThanOrEqual(0.96);
    expect(bounds['observed-cap']!.max).toBeLessThanOrEqual(1.2);
    expect(bounds['measured']).toBeUndefined(); // no catalog preset is a measured average
  });
});
