import { describe, expect, it } from 'vitest';
import { calibration, calibrationBounds } from '../../src/core/estimate/calibration.js';
import { estimateBitrate, parseResolution } from '../../src/core/estimate/estimate.js';
import { testCatalog } from '../helpers/inventory.js';

describe('estimate model', () => {
  it.each([
    // peak: 0.0868 × 2,073,600 × 15; average: the peak × 0.81; ranges: × 0.5 to × 1.98 and × 0.6 to × 1.7
    [{ resolution: '1080p', fps: 15, codec: 'h264' }, [1_350_000n, 2_700_000n, 5_346_000n], [1_312_000n, 2_187_000n, 3_718_000n]],
    [
      { resolution: '4K', fps: 15, codec: 'h265', scene: 'high' },
      [5_218_000n, 10_435_000n, 20_661_000n],
      [5_071_000n, 8_452_000n, 14_369_000n],
    ],
    [{ resolution: '1920x1080', fps: 30, codec: 'H.264' }, [2_416_000n, 4_833_000n, 9_569_000n], [2_349_000n, 3_915_000n, 6_655_000n]], // 2.7 Mb/s × 2^0.84
    [{ resolution: '4MP', fps: 25, codec: 'h265+' }, [1_675_000n, 3_351_000n, 6_635_000n], [1_629_000n, 2_714_000n, 4_614_000n]],
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
  it('sits within 0.54 to 1.18 of the planning table’s averages (which it is not fitted to)', () => {
    expect(bounds['planning']!.min).toBeGreaterThanOrEqual(0.54);
    expect(bounds['planning']!.max).toBeLessThanOrEqual(1.18);
  });

  it('is 0.89 to 2.25 times the vendor caps and 0.93 to 1.15 times the two caps seen at an NVR, as peaks', () => {
    expect(bounds['vendor-cap']!.count).toBe(30);
    expect(bounds['vendor-cap']!.min).toBeGreaterThanOrEqual(0.89);
    expect(bounds['vendor-cap']!.max).toBeLessThanOrEqual(2.25);
    expect(bounds['observed-cap']!.count).toBe(2);
    expect(bounds['observed-cap']!.min).toBeGreaterThanOrEqual(0.93);
    expect(bounds['observed-cap']!.max).toBeLessThanOrEqual(1.15);
    expect(bounds['measured']).toBeUndefined(); // no catalog preset is a measured average
  });
});
