/**
 * The viewing worst case grows with the fleet and the viewer entries, not
 * with their product (issue 22, item 3: 16,000 multicast entries with
 * distinct counts took 40 s and 1.2 GB; 32,000 ran out of memory). Counted
 * in the planner's own steps (levels looked at), never timed; bench/viewing.sh
 * times it.
 */
import { describe, expect, it } from 'vitest';
import { parseFleet } from '../../src/api/fleet.js';
import { streamRates } from '../../src/core/sizing/flows/streams.js';
import { planViewing } from '../../src/core/sizing/flows/viewing.js';
import { planSizing } from '../../src/core/sizing/size-plan.js';
import { sizeFleet } from '../../src/core/sizing/size.js';

/** bench/gen-viewers.mjs's fleet (with more cameras): one site, `entries` viewer segments watching 1, 2, … `entries` of its streams. */
const crafted = (entries: number, multicast: boolean) => ({
  name: 'viewers',
  segments: [
    {
      name: 'site',
      recorders: [{ name: 'nvr' }],
      cameras: [
        { bitrate: '4Mb/s', count: 4_000_000 },
        { bitrate: '2Mb/s', count: 10_000_000 },
      ],
    },
    ...Array.from({ length: entries }, (_, i) => ({ name: `v${i + 1}`, viewers: [{ streams: i + 1, of: 'site', multicast }] })),
  ],
});

async function steps(entries: number, multicast: boolean): Promise<number> {
  const fleet = await parseFleet(crafted(entries, multicast));
  const { nodes, places } = planSizing(fleet, {});
  return planViewing(nodes, places, streamRates('peak')).steps;
}

describe('viewing at scale', () => {
  it.each([true, false])('steps grow linearly with distinct viewer counts (multicast %s)', async (multicast) => {
    const small = await steps(300, multicast);
    const large = await steps(2400, multicast);
    // 8 times the entries: about 8 times the steps (the product would be 64 times).
    expect(large / small).toBeLessThan(9);
  });

  it('4,000 crafted multicast entries size exactly: the site sends the sum of what they watch', async () => {
    const fleet = await parseFleet(crafted(4000, true));
    const report = sizeFleet(fleet);
    const watched = (4000n * 4001n) / 2n; // 8,002,000 streams: every 4 Mb/s camera, then 2 Mb/s ones
    const expected = 4_000_000n * 4_000_000n + (watched - 4_000_000n) * 2_000_000n;
    expect(report.segments.find((r) => r.path.join('/') === 'site')!.up.viewingBitsPerSecond).toBe(expected);
    expect(report.segments.find((r) => r.path.join('/') === 'v4000')!.down.viewingBitsPerSecond).toBe(4000n * 4_000_000n);
  });
});
