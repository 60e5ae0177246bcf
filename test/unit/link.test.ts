import { describe, expect, it } from 'vitest';
import { linkStatus, maxCamerasOnLink } from '../../src/core/sizing/link.js';
import { OVERHEADS, parseOverhead, wireRate } from '../../src/core/sizing/overhead.js';
import { parseCeiling, parsePercent, percentText } from '../../src/core/numbers/percent.js';
import { customProfile } from '../../src/core/model/fleet.js';

const GB = 1_000_000_000n;
const MB = 1_000_000n;
const p70 = parseCeiling(70);

describe('percentages and overheads', () => {
  it.each([
    [70, '70'],
    ['70%', '70'],
    ['72.5 %', '72.5'],
    [5.5, '5.5'],
    ['100', '100'],
  ])('%j reads as %s %%', (input, text) => {
    expect(percentText(parsePercent(input, 'x'))).toBe(text);
  });

  it.each([0, 120, '0%', 'most', -5])('refuses ceiling %j', (input) => {
    expect(() => parseCeiling(input)).toThrow(/max utilization/);
  });

  it.each([
    ['none', 4n * MB, 4n * MB],
    ['udp', 4n * MB, 4_220_000n],
    ['tcp', 4n * MB, 4_300_000n],
    ['udp', 625_000n, 659_375n],
    ['10', 7n * MB, 7_700_000n],
    ['udp', 1n, 2n], // rounds up to a whole bit
  ])('%s overhead on %s b/s is %s b/s on the wire', (kind, payload, wire) => {
    expect(wireRate(payload, parseOverhead(kind))).toBe(wire);
  });

  it('refuses unknown overheads', () => {
    expect(() => parseOverhead('quic')).toThrow("overhead 'quic' is not udp, tcp, none or a percentage (e.g. 6.5)");
    expect(() => parseOverhead(150)).toThrow(/more than 100 %/);
  });
});

describe('linkStatus', () => {
  const cam = { profile: customProfile(7n * MB), perCameraBitsPerSecond: 7n * MB };

  it('fits exactly at the ceiling', () => {
    const link = linkStatus(700n * MB, GB, p70, cam);
    expect(link).toMatchObject({ usableBitsPerSecond: 700n * MB, headroomBitsPerSecond: 0n, fits: true, utilizationBasisPoints: 7000n });
    expect(link.headroomCameras?.cameras).toBe(0n);
  });

  it('is over one bit per second past the ceiling', () => {
    const link = linkStatus(700n * MB + 1n, GB, p70, cam);
    expect(link.fits).toBe(false);
    expect(link.headroomCameras?.cameras).toBe(-1n);
    expect(link.utilizationBasisPoints).toBe(7001n); // rounded up
  });

  it('counts spare cameras rounding down and excess cameras rounding up', () => {
    expect(linkStatus(100n * MB, GB, p70, cam).headroomCameras?.cameras).toBe(85n); // 600 / 7 = 85.7
    expect(linkStatus(750n * MB, GB, p70, cam).headroomCameras?.cameras).toBe(-8n); // 50 / 7 = 7.1
  });

  it('handles a zero-capacity link', () => {
    const link = linkStatus(1n, 0n, p70, cam);
    expect(link).toMatchObject({ usableBitsPerSecond: 0n, fits: false });
    expect(link.utilizationBasisPoints).toBeUndefined();
    expect(linkStatus(0n, 0n, p70).fits).toBe(true);
  });
});

describe('maxCamerasOnLink (the inverse question)', () => {
  it.each([
    ['100 × 4k30 on 1 Gb/s at 70 %', 7n * MB, GB, p70, 100n],
    ['exact fit at the ceiling', 70n * MB, GB, p70, 10n],
    ['zero capacity', 7n * MB, 0n, p70, 0n],
    ['a camera bigger than the link', 2n * GB, GB, p70, 0n],
    ['a camera bigger than the ceiling but not the link', 800n * MB, GB, p70, 0n],
    ['at 100 %', 4n * MB, GB, parseCeiling(100), 250n],
    ['with udp overhead', wireRate(4n * MB, OVERHEADS['udp']!), GB, p70, 165n], // 700 / 4.22 = 165.9
    ['20M cameras scale', 4n * MB, 80_000_000n * MB, parseCeiling(100), 20_000_000n],
  ])('%s', (_name, perCamera, capacity, ceiling, expected) => {
    expect(maxCamerasOnLink(perCamera, capacity, ceiling)).toBe(expected);
  });
});
