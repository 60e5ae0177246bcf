/** Designs as code, rule by rule, with exact numbers: power, PoE classes, ports, RAID and disks, growth, headroom, link speeds. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/diagnostics/errors.js';
import { customProfile, type CameraGroup, type Segment } from '../../src/core/model/fleet.js';
import { parseCameraPower, parsePower, POE_CLASS_MILLIWATTS } from '../../src/core/numbers/power.js';
import { checkArrayCount, diskPlan, parseRaid, RAID_RULES, sparesFor, usableBytes } from '../../src/core/sizing/disks.js';
import { withHeadroom } from '../../src/core/sizing/figures/storage.js';
import { grownCount, grownFleet, parseGrowth } from '../../src/core/sizing/growth.js';
import { parseLinkSpeeds, smallestSpeed, STANDARD_SPEEDS } from '../../src/core/sizing/link-speeds.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { SCALE } from '../../src/core/sizing/storage.js';
import { mbps } from '../helpers/fleet.js';

const TB = 10n ** 12n;
const W = 1000n;

describe('power', () => {
  it.each([
    ['370W', 370_000n],
    ['370 W', 370_000n],
    ['6.5W', 6_500n],
    ['1.2kW', 1_200_000n],
    ['6500mW', 6_500n],
    ['0.001W', 1n],
  ])('%s is %s mW', (text, mw) => expect(parsePower(text)).toBe(mw));

  it.each(['370', 'W', '-5W', '6.5 volts', '0.0001W', '2MW', '1e3W'])('refuses %s', (text) =>
    expect(() => parsePower(text)).toThrow(InputError),
  );

  it('budgets each IEEE 802.3af/at/bt class at its maximum at the switch port', () => {
    expect(POE_CLASS_MILLIWATTS).toEqual([15_400n, 4_000n, 7_000n, 15_400n, 30_000n, 45_000n, 60_000n, 75_000n, 90_000n]);
    expect(parseCameraPower('class 3')).toEqual({ milliwatts: 15_400n, poeClass: 3 });
    expect(parseCameraPower('Class4')).toEqual({ milliwatts: 30_000n, poeClass: 4 });
    expect(parseCameraPower('6.5W')).toEqual({ milliwatts: 6_500n });
    expect(() => parseCameraPower('class 9')).toThrow(/0 to 8/);
    expect(() => parseCameraPower('0W')).toThrow(/leave "poe" out/);
  });
});

const poeGroup = (count: bigint, watts: bigint, rate = mbps(3)): CameraGroup => ({
  profile: customProfile(rate),
  count,
  poe: { milliwatts: watts * W },
});
const seg = (name: string, groups: CameraGroup[], extra: Partial<Segment> = {}, children: Segment[] = []): Segment => ({
  name,
  groups,
  children,
  ...extra,
});

describe("a switch's ports and PoE budget", () => {
  it('counts cameras and the uplinks of device segments below; a segment without link, ports or PoE is part of the switch', () => {
    const sw = seg('sw', [poeGroup(10n, 6n)], { ports: 16n, poeMilliwatts: 240_000n, linkBitsPerSecond: 10n ** 9n }, [
      seg('room', [poeGroup(4n, 8n)]), // on this switch: 4 ports, 32 W
      seg('downstream', [poeGroup(100n, 6n)], { linkBitsPerSecond: 10n ** 9n }), // one port, no PoE from here
    ]);
    const row = sizeFleet({ name: 'f', root: seg('f', [], {}, [sw]) }).segments.find((s) => s.path.join('/') === 'sw')!;
    expect(row.ports).toEqual({ ports: 16n, used: 15n, spare: 1n, fits: true });
    // 10 × 6 W + 4 × 8 W = 92 W of 240 W: 38.34 %, under the 80 % ceiling of 192 W.
    expect(row.poe).toMatchObject({
      drawMilliwatts: 92_000n,
      usableMilliwatts: 192_000n,
      utilizationBasisPoints: 3834n,
      headroomMilliwatts: 100_000n,
      fits: true,
      cameras: 14n,
    });
  });

  it('fails at one port too many and one milliwatt over the ceiling, exactly', () => {
    const size = (cameras: bigint, budget: bigint) =>
      sizeFleet({ name: 'f', root: seg('f', [], {}, [seg('sw', [poeGroup(cameras, 6n)], { ports: 24n, poeMilliwatts: budget })]) });
    expect(size(24n, 180_000n).verdict).toBe('pass'); // 144 W = 80 % of 180 W
    expect(size(25n, 1_000_000n).checks.find((c) => c.kind === 'ports')).toMatchObject({ fits: false, ports: { used: 25n, spare: -1n } });
    expect(size(24n, 179_999n).checks.find((c) => c.kind === 'poe')).toMatchObject({
      fits: false,
      poe: { usableMilliwatts: 143_999n, headroomMilliwatts: -1n },
    });
    expect(size(24n, 179_999n).verdict).toBe('fail');
  });

  it('refuses a PoE budget over a camera whose draw is not given (the check would leave it out)', () => {
    const plain: CameraGroup = { profile: customProfile(mbps(3)), count: 2n };
    const fleet = { name: 'f', root: seg('f', [], {}, [seg('sw', [poeGroup(1n, 6n), plain], { poeMilliwatts: 100_000n })]) };
    expect(() => sizeFleet(fleet)).toThrow(/2 of its cameras give no "poe"/);
  });

  it("takes a segment's own PoE ceiling, inherited below it", () => {
    const fleet = {
      name: 'f',
      root: seg('f', [], { settings: { maxPoeUtilization: { num: 50n, den: 100n } } }, [
        seg('sw', [poeGroup(10n, 6n)], { poeMilliwatts: 100_000n }),
      ]),
    };
    expect(sizeFleet(fleet).segments[1]!.poe).toMatchObject({ usableMilliwatts: 50_000n, fits: false });
  });
});

describe('RAID and disks', () => {
  it.each([
    ['6', '6'],
    [6, '6'],
    ['raid6', '6'],
    ['RAID 10', '10'],
    ['RAID-5', '5'],
    ['none', 'none'],
    ['JBOD', 'none'],
    [0, '0'],
  ] as const)('reads %s as RAID %s', (text, level) => expect(parseRaid(text)).toBe(level));

  it.each(['7', 'raid 60', '', 'mirror'])('refuses RAID %s', (text) => expect(() => parseRaid(text)).toThrow(InputError));

  it('holds, per level, what the SOP table says: none N, 0 N, 1 one disk, 5 N−1, 6 N−2, 10 N/2', () => {
    const usable = (level: Parameters<typeof usableBytes>[0], n: bigint) => usableBytes(level, n, 12n * TB) / TB;
    expect([usable('none', 3n), usable('0', 3n), usable('1', 2n), usable('5', 3n), usable('6', 8n), usable('10', 4n)]).toEqual([
      36n,
      36n,
      12n,
      24n,
      72n,
      24n,
    ]);
    expect(Object.fromEntries(Object.entries(RAID_RULES).map(([l, r]) => [l, r.minDisks]))).toEqual({
      none: 1n,
      '0': 2n,
      '1': 2n,
      '5': 3n,
      '6': 4n,
      '10': 4n,
    });
  });

  it("refuses an array below its level's minimum, and an odd RAID 10", () => {
    expect(() => checkArrayCount('6', 3n)).toThrow(/at least 4 disks/);
    expect(() => checkArrayCount('10', 6n)).not.toThrow();
    expect(() => checkArrayCount('10', 5n)).toThrow(/odd/);
  });

  it('adds one hot spare to an array of 8 disks or more, unless told how many', () => {
    expect([sparesFor(7n, undefined), sparesFor(8n, undefined), sparesFor(24n, undefined), sparesFor(24n, 3n), sparesFor(9n, 0n)]).toEqual([
      0n,
      1n,
      1n,
      3n,
      0n,
    ]);
  });

  const load = (requiredBytes: bigint | undefined, perSecondScaled = 0n) => ({
    units: 1n,
    requiredBytes,
    perSecondScaled,
    ingestBitsPerSecond: mbps(158),
    cameras: 40n,
  });

  it("rounds the data disks up, never down, and meets each level's minimum", () => {
    const disks = (raid: Parameters<typeof parseRaid>[0], required: bigint) =>
      diskPlan({ sizeBytes: 12n * TB, raid: parseRaid(raid) }, load(required), 'r').arrayDisks;
    expect(disks('6', 60n * TB)).toBe(7n); // 5 data disks exactly + 2
    expect(disks('6', 60n * TB + 1n)).toBe(8n); // one byte more: 6 data disks
    expect(disks('6', 1n)).toBe(4n); // RAID 6's minimum
    expect(disks('5', 1n)).toBe(3n);
    expect(disks('10', 13n * TB)).toBe(4n);
    expect(disks('10', 37n * TB)).toBe(8n);
    expect(disks('none', 13n * TB)).toBe(2n);
    expect(disks('0', 1n)).toBe(2n);
  });

  it('says when no RAID 1 holds the retention (a mirror holds one disk)', () => {
    expect(diskPlan({ sizeBytes: 12n * TB, raid: '1' }, load(12n * TB), 'r')).toMatchObject({ arrayDisks: 2n, fits: true });
    expect(diskPlan({ sizeBytes: 12n * TB, raid: '1' }, load(12n * TB + 1n), 'r')).toMatchObject({ fits: false, usableBytes: 12n * TB });
  });

  it('needs a retention, or a count, to say anything', () => {
    expect(() => diskPlan({ sizeBytes: 12n * TB, raid: '6' }, load(undefined), 'nvr')).toThrow(/recorder 'nvr'.*retention/);
  });

  it("splits the retention over the units, and writes each unit's share of the ingest", () => {
    const plan = diskPlan({ sizeBytes: 12n * TB, raid: '6', playback: 2n }, { ...load(120n * TB), units: 2n }, 'r');
    expect(plan).toMatchObject({ requiredBytes: 60n * TB, arrayDisks: 7n, writeBytesPerSecond: 9_875_000n });
    // Two sessions, each at the average camera rate (158 Mb/s ÷ 40 = 3.95 Mb/s): 7.9 Mb/s = 987,500 B/s.
    expect(plan.readBytesPerSecond).toBe(987_500n);
  });
});

describe("the SOP's worked example, step 7 (docs/SOP.md §6)", () => {
  // 1,608.12 GB a day (the SOP rounds C's 5.292 GB to 5.29), × 30 days = 48.2436 TB raw; × 1.05 = 50.65578 TB.
  const perDay = 1_608_120_000_000n;
  const withOverhead = (perDay * 30n * 105n) / 100n;
  const required = withHeadroom(withOverhead, { num: 20n, den: 100n });
  const perSecondScaled = (perDay * 105n * 8n * SCALE) / (100n * 86_400n);

  it('needs 60.8 TB usable: 48.24 × 1.05 × 1.20', () => {
    expect(withOverhead).toBe(50_655_780_000_000n);
    expect(required).toBe(60_786_936_000_000n);
  });

  it('is 9 × 12 TB in RAID 6 with one hot spare, 72 TB usable (~65.5 TiB), about 42 days, 19.75 MB/s written', () => {
    const plan = diskPlan(
      { sizeBytes: 12n * TB, raid: '6' },
      { units: 1n, requiredBytes: required, perSecondScaled, ingestBitsPerSecond: mbps(158), cameras: 40n },
      'nvr',
    );
    expect(plan).toMatchObject({
      arrayDisks: 8n,
      spares: 1n,
      totalDisks: 9n,
      usableBytes: 72n * TB,
      daysFit: 42n,
      writeBytesPerSecond: 19_750_000n,
    });
    // 72 × 10^12 B ÷ 2^40 = 65.48 TiB.
    expect(Number((plan.usableBytes * 100n) / 2n ** 40n) / 100).toBe(65.48);
  });
});

describe('growth', () => {
  it.each([
    [24n, '20%', 29n], // 4.8 → 5
    [6n, '20%', 8n], // 1.2 → 2
    [10n, '20%', 12n],
    [5n, '20', 6n],
    [0n, '20%', 0n],
    [1n, '0.1%', 2n], // never fewer than the share implies: 0.001 of a camera is a camera
    [1000n, '12.5%', 1125n],
    [10n ** 15n, '100%', 2n * 10n ** 15n],
  ])('%s cameras at %s become %s', (n, share, grown) => expect(grownCount(n, parseGrowth(share))).toBe(grown));

  it('refuses a negative share or one above 1000 %', () => {
    expect(() => parseGrowth('-5%')).toThrow(InputError);
    expect(() => parseGrowth('1001%')).toThrow(/1000 %/);
  });

  it("takes a segment's own growth over the default, inherited below it, and counts what it added", () => {
    const g = (count: bigint): CameraGroup => ({ profile: customProfile(mbps(1)), count });
    const fleet = {
      name: 'f',
      root: seg('f', [g(10n)], {}, [seg('a', [g(10n)], { settings: { growth: { num: 50n, den: 100n } } }, [seg('b', [g(10n)])])]),
    };
    const grown = grownFleet(fleet, { num: 10n, den: 100n })!;
    expect(grown.fleet.root.groups[0]!.count).toBe(11n);
    expect(grown.fleet.root.children[0]!.groups[0]!.count).toBe(15n);
    expect(grown.fleet.root.children[0]!.children[0]!.groups[0]!.count).toBe(15n);
    expect(grown.applied.addedCameras).toBe(11n);
    expect(grown.applied.used).toHaveLength(2);
    expect(grownFleet(fleet, undefined)!.applied.addedCameras).toBe(10n);
    const report = sizeFleet(fleet, { growth: { num: 10n, den: 100n } });
    expect(report.total.cameras).toBe(41n);
    expect(report.settings.growth).toMatchObject({ addedCameras: 11n, default: { num: 10n, den: 100n } });
  });
});

describe('storage headroom', () => {
  it('reserves the share on top of what the retention needs, rounded up, and the check counts it', () => {
    expect(withHeadroom(100n, { num: 20n, den: 100n })).toBe(120n);
    expect(withHeadroom(101n, { num: 20n, den: 100n })).toBe(122n); // 121.2 → 122
    const fleet = { name: 'f', root: seg('f', [{ profile: customProfile(mbps(8)), count: 1n }], { storageBytes: 10n ** 12n }) };
    const storage = {
      retention: { seconds: 1_000_000n, text: '1000000s' },
      recording: { mode: 'continuous' as const, duty: { num: 1n, den: 1n } },
      overhead: { num: 0n, den: 100n },
    };
    // 8 Mb/s × 10^6 s = 10^12 B: fits exactly, and not with 20 % headroom.
    expect(sizeFleet(fleet, { storage }).verdict).toBe('pass');
    const reserved = sizeFleet(fleet, { storage: { ...storage, headroom: { num: 20n, den: 100n } } });
    expect(reserved.segments[0]!.storage).toMatchObject({ bytes: 10n ** 12n, requiredBytes: 12n * 10n ** 11n, fits: false });
    expect(reserved.verdict).toBe('fail');
  });
});

describe('link speeds', () => {
  it('lists the standard Ethernet speeds, 100 Mb/s to 100 Gb/s', () => {
    expect(STANDARD_SPEEDS.map(String)).toEqual([
      '100000000',
      '1000000000',
      '2500000000',
      '10000000000',
      '25000000000',
      '40000000000',
      '100000000000',
    ]);
  });

  it('picks the smallest whose usable share holds the load, exactly at the ceiling', () => {
    const ceiling = { num: 70n, den: 100n };
    expect(smallestSpeed(mbps(70), ceiling, STANDARD_SPEEDS)).toBe(100n * 10n ** 6n);
    expect(smallestSpeed(mbps(70) + 1n, ceiling, STANDARD_SPEEDS)).toBe(10n ** 9n);
    expect(smallestSpeed(mbps(1750), ceiling, STANDARD_SPEEDS)).toBe(25n * 10n ** 8n);
    expect(smallestSpeed(70n * 10n ** 9n + 1n, ceiling, STANDARD_SPEEDS)).toBeUndefined();
    expect(smallestSpeed(0n, ceiling, STANDARD_SPEEDS)).toBe(100n * 10n ** 6n);
  });

  it('reads an overriding list, sorted and without repeats', () => {
    expect(parseLinkSpeeds('10Gb/s,1Gb/s,1 Gbps')).toEqual([10n ** 9n, 10n ** 10n]);
    expect(() => parseLinkSpeeds('1Gb/s,0b/s')).toThrow(/more than 0/);
    expect(() => parseLinkSpeeds('fast')).toThrow(InputError);
  });

  it('sizes an "auto" link to the larger direction and suggests per direction; beyond the largest it fails', () => {
    const auto = (rate: bigint) =>
      sizeFleet({ name: 'f', root: seg('f', [], {}, [seg('a', [{ profile: customProfile(rate), count: 1n }], { linkAuto: true })]) });
    const row = auto(mbps(500)).segments[1]!;
    expect(row.linkSuggestion).toMatchObject({ kind: 'directions', up: 10n ** 9n, down: 100n * 10n ** 6n });
    expect(row.link).toMatchObject({ capacityBitsPerSecond: 10n ** 9n, fits: true });
    expect(row.linkAuto).toBe(true);
    const over = auto(71n * 10n ** 9n);
    expect(over.segments[1]!.linkSuggestion!.up).toBeUndefined();
    expect(over.verdict).toBe('fail');
  });
});
