import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withStates } from '../../src/core/model/fleet.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { CONTINUOUS, parseRetention } from '../../src/core/sizing/storage.js';
import { hourly, isNight, parseDuty, parseSchedule, parseStateRate } from '../../src/core/sizing/time.js';
import { group, mbps, segment } from '../helpers/fleet.js';

const GB = 1_000_000_000n;

describe('schedule and states', () => {
  it('knows the night hours, across midnight', () => {
    const s = parseSchedule(19, 11);
    expect([...Array(24).keys()].filter((h) => isNight(s, h))).toEqual([0, 1, 2, 3, 4, 5, 19, 20, 21, 22, 23]);
    expect([...Array(24).keys()].filter((h) => isNight(parseSchedule(0, 24), h))).toHaveLength(24);
  });

  it.each([
    [[18, 30], 'night hours 30 add up to more than the 24 hours of a day'],
    [[24, 12], "night start '24' must be a whole hour from 0 to 23"],
    [[18, 1.5], "night hours '1.5' must be a whole number of hours from 0 to 24"],
  ] as const)('refuses schedule %j', ([start, hours], message) => {
    expect(() => parseSchedule(start, hours)).toThrow(message);
  });

  it('reads night rates as rates or multiples of the day rate, and event duties', () => {
    expect(parseStateRate('24Mb/s', mbps(7), 'night')).toBe(mbps(24));
    expect(parseStateRate('x1.2', mbps(4), 'night')).toBe(mbps('4.8'));
    expect(parseStateRate(3, mbps(7), 'night')).toBe(mbps(21));
    expect(parseDuty(10)).toEqual({ num: 10n, den: 100n });
    expect(() => parseDuty(150)).toThrow("event duty '150' must be more than 0 % and at most 100 %");
  });

  it('gives exact hourly means and peaks with events', () => {
    const h = hourly({ day: mbps(4), night: mbps(4), event: { bitsPerSecond: mbps(8), duty: parseDuty(10) } }, parseSchedule(18, 12));
    expect(h.mean[12]).toBe(mbps('4.4') * 1_000_000n); // 4 × 0.9 + 8 × 0.1, in 1/10^6 b/s
    expect(h.peak[12]).toBe(mbps(8));
  });
});

describe('sizing over the day', () => {
  const night = (rate: bigint, nightRate: bigint, count: number) => {
    const g = group(rate, count);
    return { ...g, profile: withStates(g.profile, { day: rate, night: nightRate }) };
  };

  it('reports the daily average, the busiest hour and the peak exactly', () => {
    // 10 cameras: 7 Mb/s by day, 24 Mb/s for 12 h of night → average 15.5 Mb/s each
    const report = sizeFleet({ name: 'f', root: segment('f', [night(mbps(7), mbps(24), 10)], [], GB) });
    const t = report.segments[0]!.time!;
    expect(t.averageBitsPerSecond).toBe(mbps(155));
    expect(t.peakBitsPerSecond).toBe(mbps(240));
    expect(t.peakHour).toBe(18);
    expect(t.busiestHour).toBe(18);
    expect(report.segments[0]!.loadBitsPerSecond).toBe(mbps(240)); // checks use the peak by default
    expect(
      sizeFleet({ name: 'f', root: segment('f', [night(mbps(7), mbps(24), 10)], [], GB) }, { checkOn: 'average' }).segments[0]!
        .loadBitsPerSecond,
    ).toBe(mbps(155));
  });

  it('sizes storage on the time-weighted average', () => {
    const report = sizeFleet(
      { name: 'f', root: segment('f', [night(mbps(4), mbps(24), 1)]) },
      { storage: { retention: parseRetention('1d'), recording: CONTINUOUS, overhead: { num: 0n, den: 100n } } },
    );
    expect(report.total.storage?.bytes).toBe((14_000_000n * 86_400n) / 8n); // average 14 Mb/s for a day
  });

  const stateArb = fc.record({
    day: fc.bigInt({ min: 1n, max: 10n ** 8n }),
    night: fc.bigInt({ min: 1n, max: 10n ** 8n }),
    event: fc.option(fc.record({ rate: fc.bigInt({ min: 1n, max: 10n ** 8n }), duty: fc.integer({ min: 1, max: 100 }) }), {
      nil: undefined,
    }),
    count: fc.integer({ min: 1, max: 1000 }),
  });

  it('never has an average above the peak', () => {
    fc.assert(
      fc.property(
        fc.array(stateArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 24 }),
        (specs, start, hours) => {
          const groups = specs.map((s) => {
            const g = group(s.day, s.count);
            return {
              ...g,
              profile: withStates(g.profile, {
                day: s.day,
                night: s.night,
                ...(s.event ? { event: { bitsPerSecond: s.event.rate, duty: parseDuty(s.event.duty) } } : {}),
              }),
            };
          });
          const report = sizeFleet({ name: 'f', root: segment('f', groups) }, { schedule: parseSchedule(start, hours) });
          const t = report.segments[0]!.time;
          if (t) expect(t.averageBitsPerSecond).toBeLessThanOrEqual(t.peakBitsPerSecond);
        },
      ),
    );
  });

  it('has average = peak for a fleet with one state', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 1, max: 10 ** 6 }), (rate, count) => {
        const report = sizeFleet({ name: 'f', root: segment('f', [night(rate, rate, count)]) });
        // One state everywhere: nothing varies, so no time section, and the load is the one rate.
        expect(report.segments[0]!.time).toBeUndefined();
        expect(report.total.loadBitsPerSecond).toBe(rate * BigInt(count));
        const withEventsEverywhere = sizeFleet({
          name: 'f',
          root: segment('f', [
            {
              ...group(rate, count),
              profile: withStates(group(rate, count).profile, {
                day: rate,
                night: rate,
                event: { bitsPerSecond: rate, duty: parseDuty(100) },
              }),
            },
          ]),
        });
        const t = withEventsEverywhere.segments[0]!.time!;
        expect(t.averageBitsPerSecond).toBe(t.peakBitsPerSecond);
      }),
    );
  });
});

describe('events relative to the state the camera is in', () => {
  const schedule = parseSchedule(18, 12);
  const duty = parseDuty(10);

  it('bursts to twice the night rate at night and twice the day rate by day (exact hourly means and peaks)', () => {
    const h = hourly({ day: mbps(4), night: mbps(8), event: { bitsPerSecond: mbps(8), nightBitsPerSecond: mbps(16), duty } }, schedule);
    expect(h.mean[12]).toBe(mbps('4.4') * 1_000_000n); // day: 4 × 0.9 + 8 × 0.1
    expect(h.peak[12]).toBe(mbps(8));
    expect(h.mean[0]).toBe(mbps('8.8') * 1_000_000n); // night: 8 × 0.9 + 16 × 0.1
    expect(h.peak[0]).toBe(mbps(16));
  });

  it('keeps an absolute event rate the same in both states', () => {
    const h = hourly({ day: mbps(4), night: mbps(8), event: { bitsPerSecond: mbps(10), duty } }, schedule);
    expect(h.mean[0]).toBe(mbps('8.2') * 1_000_000n); // 8 × 0.9 + 10 × 0.1
    expect(h.peak[0]).toBe(mbps(10));
    expect(h.peak[12]).toBe(mbps(10));
  });

  it('reads "x2" in a fleet file against the day and the night rate', async () => {
    const { fleetFromJson } = await import('../../src/core/input/fleet-json.js');
    const { testCatalog } = await import('../helpers/inventory.js');
    const { fleet } = fleetFromJson(
      {
        name: 'f',
        cameras: [
          { bitrate: '4Mb/s', count: 1, night: 'x2', events: { rate: 'x2', duty: 10 } },
          { bitrate: '4Mb/s', count: 1, night: 'x2', events: { rate: '10Mb/s', duty: 10 } },
        ],
      },
      await testCatalog(),
    );
    const [relative, absolute] = fleet!.root.groups.map((g) => g.profile.states);
    expect(relative).toEqual({ day: mbps(4), night: mbps(8), event: { bitsPerSecond: mbps(8), nightBitsPerSecond: mbps(16), duty } });
    expect(absolute).toEqual({ day: mbps(4), night: mbps(8), event: { bitsPerSecond: mbps(10), duty } });
  });

  it('sizes the peak of a night with relative events on the night rate', () => {
    const g = group(mbps(4), 10);
    const states = { day: mbps(4), night: mbps(8), event: { bitsPerSecond: mbps(8), nightBitsPerSecond: mbps(16), duty } };
    const report = sizeFleet({ name: 'f', root: segment('f', [{ ...g, profile: withStates(g.profile, states) }], [], GB) });
    expect(report.segments[0]!.time!.peakBitsPerSecond).toBe(mbps(160)); // 10 × 16 Mb/s, all bursting at night
    expect(report.segments[0]!.time!.averageBitsPerSecond).toBe(mbps(66)); // 10 × (12 h × 4.4 + 12 h × 8.8) ÷ 24
  });
});

describe('percentile sums with relative events', () => {
  it('burst at night to the night event rate', async () => {
    const { addCameras, emptyMoments } = await import('../../src/core/sizing/percentile.js');
    const sums = emptyMoments();
    const duty = parseDuty(10);
    addCameras(
      sums,
      { day: mbps(4), night: mbps(8), event: { bitsPerSecond: mbps(8), nightBitsPerSecond: mbps(16), duty } },
      parseSchedule(18, 12),
      0,
      2,
    );
    expect([sums.mean[12], sums.peak[12]]).toEqual([2 * 4.4e6, 2 * 8e6]); // day: 4 × 0.9 + 8 × 0.1
    expect([sums.mean[0], sums.peak[0]]).toEqual([2 * 8.8e6, 2 * 16e6]); // night: 8 × 0.9 + 16 × 0.1
  });
});
