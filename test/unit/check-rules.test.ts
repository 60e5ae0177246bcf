/** The rules the capacity checks follow, with exact numbers (issue: trust). */
import { describe, expect, it } from 'vitest';
import { customProfile, withStates } from '../../src/core/model/fleet.js';
import { answerCapacity } from '../../src/core/sizing/capacity.js';
import { OVERHEADS } from '../../src/core/sizing/overhead.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { exitCodeOf } from '../../src/core/sizing/verdict.js';
import { mbps, segment } from '../helpers/fleet.js';

const nightTwice = (count: bigint) => ({ profile: withStates(customProfile(mbps(4)), { day: mbps(4), night: mbps(8) }), count });

describe('headroom is counted at the rate the check uses', () => {
  it('10 cameras at 4 Mb/s by day, 8 at night, on 200 Mb/s: +7 at the peak, not +15 at the day rate', () => {
    const report = sizeFleet({ name: 'n', root: segment('n', [nightTwice(10n)], [], mbps(200)) });
    const link = report.segments[0]!.link!;
    expect(link.headroomBitsPerSecond).toBe(mbps(60)); // 140 usable − 80 at night
    expect(link.headroomCameras).toMatchObject({ cameras: 7n, perCameraBitsPerSecond: mbps(8) });
    // 17 cameras fit at night (136 Mb/s); 18 would be over: the answer must agree.
    expect(sizeFleet({ name: 'n', root: segment('n', [nightTwice(17n)], [], mbps(200)) }).verdict).toBe('pass');
    expect(sizeFleet({ name: 'n', root: segment('n', [nightTwice(18n)], [], mbps(200)) }).verdict).toBe('fail');
  });

  it('with --check-on average, at the daily average rate (12 h of 4, 12 h of 8: 6 Mb/s)', () => {
    const report = sizeFleet({ name: 'n', root: segment('n', [nightTwice(10n)], [], mbps(200)) }, { checkOn: 'average' });
    expect(report.segments[0]!.link!.headroomCameras).toMatchObject({ cameras: 13n, perCameraBitsPerSecond: mbps(6) }); // (140 − 60) / 6
  });

  it('"how many fit?" counts the night rate too, and every answer passes its own check', () => {
    const profile = withStates(customProfile(mbps(4)), { day: mbps(4), night: mbps(8) });
    const report = answerCapacity(profile, mbps(200), {});
    expect(report.capacityAnswer).toMatchObject({ maxCameras: 17n, perCameraBitsPerSecond: mbps(8), checkedOn: 'peak' });
    expect(report.verdict).toBe('pass');
    expect(report.total.loadBitsPerSecond).toBe(mbps(136));
  });
});

describe('not even one camera fitting is a failed check', () => {
  it('sets the verdict and the exit code from the same check', () => {
    const report = answerCapacity(customProfile(mbps(24)), mbps(10), {});
    expect(report.capacityAnswer?.maxCameras).toBe(0n);
    expect(report.checks.map((c) => [c.kind, c.fits])).toEqual([
      ['total', true],
      ['how-many', false],
    ]);
    expect(report.verdict).toBe('fail');
    expect(exitCodeOf(report)).toBe(1);
  });
});

describe('viewing carries the segment overhead, however it is given', () => {
  it('{ streams: 3, bitrate: 4Mb/s } and viewers: 3 over 4 Mb/s cameras load the same with udp', () => {
    const udp = { overhead: OVERHEADS['udp']! };
    const cameras = [{ profile: customProfile(mbps(4)), count: 10n }];
    const given = sizeFleet({ name: 'f', root: { ...segment('f', cameras), viewers: { streams: 3n, bitsPerSecond: mbps(4) } } }, udp);
    const average = sizeFleet({ name: 'f', root: { ...segment('f', cameras), viewers: { streams: 3n } } }, udp);
    expect(given.total.viewingBitsPerSecond).toBe(3n * 4_220_000n);
    expect(average.total.viewingBitsPerSecond).toBe(3n * 4_220_000n);
  });
});
