import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERHEADS } from '../../src/core/sizing/overhead.js';
import { parseCeiling } from '../../src/core/numbers/percent.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import type { Segment } from '../../src/core/model/fleet.js';
import { group, mbps, segment } from '../helpers/fleet.js';

const GB = 1_000_000_000n;

describe('segments with links', () => {
  const campus = {
    name: 'campus',
    root: segment(
      'campus',
      [],
      [
        segment('a', [], [segment('a1', [group(mbps(7), 60)], [], GB), segment('a2', [group(mbps(4), 10)], [], GB)], 10n * GB),
        segment('b', [group(mbps(24), 10)], [], GB),
      ],
    ),
  };

  it('checks every link and fails when one is over', () => {
    const report = sizeFleet(campus);
    const byPath = Object.fromEntries(report.segments.map((s) => [s.path.join('/'), s]));
    expect(byPath['a/a1']?.link).toMatchObject({ fits: true, headroomBitsPerSecond: 280_000_000n });
    expect(byPath['b']?.link).toMatchObject({ fits: true, headroomBitsPerSecond: 460_000_000n });
    expect(byPath['a']?.loadBitsPerSecond).toBe(460_000_000n);
    expect(report.verdict).toBe('pass');
    expect(sizeFleet(campus, { maxUtilization: parseCeiling(40) }).verdict).toBe('fail'); // a1: 420 > 400
  });

  it('lets a segment set its own ceiling, inherited below it', () => {
    const fleet = {
      name: 'f',
      root: { ...segment('f', [], [segment('site', [], [segment('sw', [group(mbps(7), 60)], [], GB)])]) },
    };
    const site = fleet.root.children[0]!;
    const strict = { ...fleet, root: { ...fleet.root, children: [{ ...site, settings: { maxUtilization: parseCeiling(40) } }] } };
    expect(sizeFleet(fleet).verdict).toBe('pass');
    expect(sizeFleet(strict).verdict).toBe('fail');
    expect(sizeFleet(strict).segments.at(-1)?.link?.usableBitsPerSecond).toBe(400_000_000n);
  });

  it('adds transport overhead per segment, inherited below it', () => {
    const tcpSite: Segment = { ...segment('site', [group(mbps(4), 10)]), settings: { overhead: OVERHEADS['tcp']! } };
    const report = sizeFleet({ name: 'f', root: segment('f', [group(mbps(4), 10)], [tcpSite]) }, { overhead: OVERHEADS['udp']! });
    expect(report.segments.map((s) => s.loadBitsPerSecond)).toEqual([42_200_000n + 43_000_000n, 43_000_000n]);
    expect(report.profiles[0]).toMatchObject({ payloadBitsPerSecond: 80_000_000n, loadBitsPerSecond: 85_200_000n });
  });

  it('expresses headroom in the dominant profile, or the one asked for', () => {
    const sw = segment('sw', [group(mbps(4), 20, 'small'), group(mbps(7), 5, 'big')], [], GB);
    const report = sizeFleet({ name: 'f', root: segment('f', [], [sw]) });
    expect(report.segments[1]?.link?.headroomCameras).toMatchObject({ cameras: 146n }); // (700 − 115) / 4 = 146.25
    expect(report.segments[1]?.link?.headroomCameras?.profile.name).toBe('small');
    const asBig = sizeFleet({ name: 'f', root: segment('f', [], [sw]) }, { headroomProfile: group(mbps(7), 1, 'big').profile });
    expect(asBig.segments[1]?.link?.headroomCameras?.cameras).toBe(83n); // 585 / 7
  });

  it('adds live-viewing streams to the segment and every segment above it', () => {
    const wan: Segment = { ...segment('wan', [], [], GB), viewers: { streams: 16n, bitsPerSecond: mbps(4) } };
    const site: Segment = { ...segment('site', [group(mbps(5), 10)]), viewers: { streams: 2n } }; // default: average camera rate
    const report = sizeFleet({ name: 'f', root: segment('f', [], [site, wan]) });
    expect(report.segments.map((s) => [s.path.join('/'), s.viewingBitsPerSecond, s.loadBitsPerSecond])).toEqual([
      ['', 74_000_000n, 124_000_000n],
      ['site', 10_000_000n, 60_000_000n],
      ['wan', 64_000_000n, 64_000_000n],
    ]);
  });

  it('checks the total against --capacity', () => {
    // The campus carries 420 + 40 + 240 = 700 Mb/s: exactly 70 % of 1 Gb/s, over 70 % of 900 Mb/s.
    expect(sizeFleet(campus, { capacityBitsPerSecond: GB }).totalCheck).toMatchObject({ fits: true, headroomBitsPerSecond: 0n });
    const report = sizeFleet(campus, { capacityBitsPerSecond: 900_000_000n });
    expect(report.totalCheck).toMatchObject({ fits: false, headroomBitsPerSecond: -70_000_000n });
    expect(report.verdict).toBe('fail');
  });

  it('is unchecked when nothing has a capacity', () => {
    expect(sizeFleet({ name: 'f', root: segment('f', [group(mbps(4), 1)]) }).verdict).toBe('unchecked');
  });
});

/** A random tree of segments with camera groups (and sometimes links). */
const groupsArb = fc.array(fc.record({ rate: fc.bigInt({ min: 1n, max: 10n ** 8n }), count: fc.bigInt({ min: 1n, max: 10n ** 9n }) }), {
  maxLength: 3,
});
const linkArb = fc.option(fc.bigInt({ min: 0n, max: 10n ** 13n }), { nil: undefined });

function toSegment(groups: Array<{ rate: bigint; count: bigint }>, children: Segment[], link: bigint | undefined): Segment {
  return {
    name: 'x',
    groups: groups.map((g) => group(g.rate, g.count)),
    children: children.map((c, i) => ({ ...c, name: `s${i}` })),
    ...(link === undefined ? {} : { linkBitsPerSecond: link }),
  };
}

const treeArb: fc.Arbitrary<Segment> = fc.letrec<{ seg: Segment }>((tie) => ({
  seg: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'tree' },
    fc.tuple(groupsArb, linkArb).map(([groups, link]) => toSegment(groups, [], link)),
    fc
      .tuple(groupsArb, fc.array(tie('seg'), { maxLength: 3 }), linkArb)
      .map(([groups, children, link]) => toSegment(groups, children, link)),
  ),
})).seg;

describe('tree roll-up invariants', () => {
  it('every segment carries exactly its own groups plus its children, never a child twice', () => {
    fc.assert(
      fc.property(treeArb, (root) => {
        const report = sizeFleet({ name: 'f', root });
        const own = (s: Segment): bigint => s.groups.reduce((sum, g) => sum + g.count * g.profile.bitsPerSecond, 0n);
        const subtree = (s: Segment): bigint => own(s) + s.children.reduce((sum, c) => sum + subtree(c), 0n);
        const walk: Segment[] = [];
        const visit = (s: Segment) => {
          walk.push(s);
          s.children.forEach(visit);
        };
        visit(root);
        expect(report.segments.map((r) => r.loadBitsPerSecond)).toEqual(walk.map(subtree));
      }),
    );
  });

  it('reversing the order of children and groups changes no total', () => {
    const reverse = (s: Segment): Segment => ({ ...s, groups: [...s.groups].reverse(), children: [...s.children].reverse().map(reverse) });
    fc.assert(
      fc.property(treeArb, (root) => {
        const a = sizeFleet({ name: 'f', root });
        const b = sizeFleet({ name: 'f', root: reverse(root) });
        expect(b.total).toEqual(a.total);
        expect(b.profiles).toEqual(a.profiles);
        expect(b.verdict).toEqual(a.verdict);
      }),
    );
  });
});
