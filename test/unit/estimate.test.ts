import { describe, expect, it } from 'vitest';
import { calibration, calibrationBounds } from '../../src/core/estimate/calibration.js';
import { estimateBitrate, parseResolution } from '../../src/core/estimate/estimate.js';
import { testCatalog } from '../helpers/inventory.js';

describe('estimate model', () => {
  it.each([
    [{ resolution: '1080p', fps: 15, codec: 'h264' }, 3_191_000n], // 0.1026 × 2,073,600 × 15
    [{ resolution: '4K', fps: 15, codec: 'h265', scene: 'high' }, 11_831_000n],
    [{ resolution: '1920x1080', fps: 30, codec: 'H.264' }, 5_833_000n], // 3.191 Mb/s × 2^0.87
    [{ resolution: '4MP', fps: 25, codec: 'h265+' }, 2_941_000n],
  ])('%j → %s b/s', (input, bps) => {
    expect(estimateBitrate(input).bitsPerSecond).toBe(bps);
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

  it('sits within 0.76 to 1.38 of the planning table (which it is no longer fitted to)', () => {
    expect(bounds['planning']!.min).toBeGreaterThanOrEqual(0.76);
    expect(bounds['planning']!.max).toBeLessThanOrEqual(1.38);
  });

  it('is 1.2 to 2.2 times the vendor caps (the UNV-style table and the two configured maximums seen in the field)', () => {
    expect(bounds['vendor-cap']!.count).toBe(32);
    expect(bounds['vendor-cap']!.min).toBeGreaterThanOrEqual(1.2);
    expect(bounds['vendor-cap']!.max).toBeLessThanOrEqual(2.2);
    expect(bounds['measured']).toBeUndefined(); // no catalog preset is a measured average
  });
});
