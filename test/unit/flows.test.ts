/**
 * The flow model's rules, each with exact numbers: where a recorded stream
 * goes (the nearest recorder, "recordTo" across the tree, the head end),
 * unicast against multicast viewing, the N highest streams, full-duplex,
 * asymmetric and shared links, recorders' units "auto", and how long a
 * storage capacity keeps. Rates are custom bit rates without overhead, so
 * every figure below is plain arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { size } from '../../src/api/size.js';
import type { FleetDocument } from '../../src/api/fleet.js';
import type { Report, SegmentRow } from '../../src/core/model/report.js';

const MB = 1_000_000n;
const row = (report: Report, path: string) => report.segments.find((s) => s.path.join('/') === path)!;
const updown = (r: SegmentRow) => [r.up.loadBitsPerSecond, r.down.loadBitsPerSecond];
const recorder = (report: Report, name: string) => report.recorders!.find((r) => r.name === name)!;
const fleet = (segments: unknown[], extra: Record<string, unknown> = {}) => ({ name: 'f', ...extra, segments }) as FleetDocument;

describe('recorded streams', () => {
  it('go to the nearest recorder at or above their segment, so nothing crosses the links above it', async () => {
    const report = await size(
      fleet([
        {
          name: 'site',
          recorders: [{ name: 'nvr' }],
          cameras: [{ bitrate: '4Mb/s', count: 2 }],
          segments: [{ name: 'floor', cameras: [{ bitrate: '2Mb/s', count: 3 }] }],
        },
      ]),
    );
    expect(updown(row(report, 'site/floor'))).toEqual([6n * MB, 0n]);
    expect(updown(row(report, 'site'))).toEqual([0n, 0n]);
    expect(recorder(report, 'nvr')).toMatchObject({ cameras: 5n, ingestBitsPerSecond: 14n * MB });
    expect(report.total.loadBitsPerSecond).toBe(0n);
  });

  it('follow "recordTo" sideways: up their own links, down the recorder\'s', async () => {
    const report = await size(
      fleet([
        { name: 'a', recorders: [{ name: 'nvr-a' }], cameras: [{ bitrate: '3Mb/s', count: 1, recordTo: 'nvr-b' }] },
        {
          name: 'b',
          recorders: [{ name: 'nvr-b' }],
          segments: [{ name: 'c', recordTo: 'nvr-a', cameras: [{ bitrate: '5Mb/s', count: 2 }] }],
        },
      ]),
    );
    expect(updown(row(report, 'a'))).toEqual([3n * MB, 10n * MB]);
    expect(updown(row(report, 'b'))).toEqual([10n * MB, 3n * MB]);
    expect(updown(row(report, 'b/c'))).toEqual([10n * MB, 0n]);
    expect(updown(row(report, ''))).toEqual([0n, 0n]);
    expect(recorder(report, 'nvr-a')).toMatchObject({ cameras: 2n, ingestBitsPerSecond: 10n * MB });
    expect(recorder(report, 'nvr-b')).toMatchObject({ cameras: 1n, ingestBitsPerSecond: 3n * MB });
  });

  it('go to the head end where there is no recorder, as before recorders existed', async () => {
    const report = await size(fleet([{ name: 'a', link: '1Gb/s', cameras: [{ bitrate: '4Mb/s', count: 10 }] }]));
    expect(updown(row(report, 'a'))).toEqual([40n * MB, 0n]);
    expect(report.total.loadBitsPerSecond).toBe(40n * MB);
    expect(report.recorders).toBeUndefined();
  });

  it('record the sub stream, or nothing, as a group says', async () => {
    const report = await size(
      fleet([
        {
          name: 'a',
          cameras: [
            { bitrate: '4Mb/s', sub: '1Mb/s', record: 'sub', count: 3 },
            { bitrate: '4Mb/s', record: 'none', count: 5 },
          ],
        },
      ]),
    );
    expect(updown(row(report, 'a'))).toEqual([3n * MB, 0n]);
  });
});

describe('viewing', () => {
  const sites = (viewers: unknown[]) =>
    fleet([
      {
        name: 'site',
        recorders: [{ name: 'nvr' }],
        cameras: [
          { bitrate: '8Mb/s', sub: '1Mb/s', count: 2 },
          { bitrate: '4Mb/s', sub: '500kb/s', count: 10 },
        ],
      },
      {
        name: 'hq',
        segments: [
          { name: 'room-1', viewers },
          { name: 'room-2', viewers },
        ],
      },
    ]);

  it('unicast: every station pulls its streams over every link on the way', async () => {
    // 3 streams each: the 3 highest main streams are 8 + 8 + 4 Mb/s; 2 stations per room, 2 rooms.
    const report = await size(sites([{ streams: 3, of: 'site', stations: 2 }]));
    expect(updown(row(report, 'hq/room-1'))).toEqual([0n, 40n * MB]);
    expect(updown(row(report, 'hq'))).toEqual([0n, 80n * MB]);
    expect(updown(row(report, 'site'))).toEqual([80n * MB, 0n]);
  });

  it('multicast: each distinct stream crosses a link once, however many stations watch it', async () => {
    // Each room's 3 streams: 8 + 8 + 4 Mb/s, once for its 2 stations. Where both rooms are behind a link
    // (hq, site), the two entries may watch 6 different streams: 8 + 8 + 4 + 4 + 4 + 4.
    const report = await size(sites([{ streams: 3, of: 'site', stations: 2, multicast: true }]));
    expect(updown(row(report, 'hq/room-1'))).toEqual([0n, 20n * MB]);
    expect(updown(row(report, 'hq'))).toEqual([0n, 32n * MB]);
    expect(updown(row(report, 'site'))).toEqual([32n * MB, 0n]);
  });

  it('multicast: entries watching the same streams never need more than there are', async () => {
    // 12 cameras under site: 2 × 8 + 10 × 4 Mb/s = 56 Mb/s, however many streams the two rooms watch.
    const report = await size(sites([{ streams: 10, of: 'site', multicast: true }]));
    expect(updown(row(report, 'hq/room-1'))).toEqual([0n, 48n * MB]);
    expect(updown(row(report, 'hq'))).toEqual([0n, 56n * MB]);
    expect(updown(row(report, 'site'))).toEqual([56n * MB, 0n]);
  });

  // Issue 22, item 4: the 16 highest streams of the whole fleet are at site-a, but the room can watch
  // any 16, so site-b's uplink must carry its own 16 (16 × 2.5 = 40 Mb/s on 20 Mb/s).
  const control = (first: string, second: string, multicast: boolean) =>
    fleet([
      { name: 'site-a', link: '100Mb/s', recorders: [{ name: 'nvr-a' }], cameras: [{ bitrate: first, count: 16 }] },
      { name: 'site-b', link: '20Mb/s', recorders: [{ name: 'nvr-b' }], cameras: [{ bitrate: second, count: 16 }] },
      { name: 'hq', viewers: [{ streams: 16, multicast }] },
    ]);

  it.each([false, true])('a link carries the streams that could cross it, not the fleet-wide highest (multicast %s)', async (multicast) => {
    const report = await size(control('6Mb/s', '2.5Mb/s', multicast));
    expect(updown(row(report, 'site-b'))).toEqual([40n * MB, 0n]);
    expect(updown(row(report, 'site-a'))).toEqual([96n * MB, 0n]);
    expect(updown(row(report, 'hq'))).toEqual([0n, 96n * MB]);
    expect(row(report, 'site-b').up.link?.fits).toBe(false);
  });

  it('with equal rates, every site fails alike (file order decides nothing)', async () => {
    const report = await size(control('2.5Mb/s', '2.5Mb/s', false));
    expect(updown(row(report, 'site-a'))).toEqual([40n * MB, 0n]);
    expect(updown(row(report, 'site-b'))).toEqual([40n * MB, 0n]);
    expect(row(report, 'site-b').up.link?.fits).toBe(false);
  });

  it('the N highest streams of the kind watched: sub streams 1 + 1 + 0.5 Mb/s', async () => {
    const report = await size(sites([{ streams: 3, of: 'site', stream: 'sub' }]));
    expect(updown(row(report, 'hq/room-1'))).toEqual([0n, 2_500_000n]);
    expect(updown(row(report, 'site'))).toEqual([5n * MB, 0n]);
  });

  it("from the cameras instead of the recorder: the same streams, from the cameras' segment", async () => {
    const report = await size(sites([{ streams: 1, of: 'site', from: 'camera' }]));
    expect(updown(row(report, 'site'))).toEqual([16n * MB, 0n]);
  });

  it('the old forms keep their meaning: streams from the head end down to the segment', async () => {
    const report = await size(fleet([{ name: 'wall', link: '1Gb/s', viewers: { streams: 4, bitrate: '2Mb/s' } }]));
    expect(updown(row(report, 'wall'))).toEqual([0n, 8n * MB]);
    expect(report.total.viewingBitsPerSecond).toBe(8n * MB);
  });
});

describe('links', () => {
  const oneWay = (link: unknown) =>
    fleet([
      { name: 'radio', link, cameras: [{ bitrate: '10Mb/s', count: 5 }] },
      { name: 'hq', viewers: [{ streams: 2, of: 'radio', from: 'camera' }] },
    ]);

  it('full duplex: each direction against the whole capacity', async () => {
    const r = row(await size(oneWay('100Mb/s')), 'radio');
    expect(updown(r)).toEqual([70n * MB, 0n]);
    expect(r.linkKind).toBe('duplex');
    expect(r.up.link).toMatchObject({ usableBitsPerSecond: 70n * MB, headroomBitsPerSecond: 0n, fits: true });
    expect(r.link).toMatchObject({ headroomBitsPerSecond: 0n, fits: true });
  });

  it('shared (half duplex): up and down together against one capacity', async () => {
    const report = await size(
      fleet([
        // Up: 5 cameras to the head end; down: 3 streams of hq's cameras, served by hq's recorder.
        { name: 'radio', link: { shared: '100Mb/s' }, cameras: [{ bitrate: '10Mb/s', count: 5 }], viewers: [{ streams: 3, of: 'hq' }] },
        { name: 'hq', recorders: [{ name: 'nvr' }], cameras: [{ bitrate: '10Mb/s', count: 4 }] },
      ]),
    );
    const r = row(report, 'radio');
    expect(updown(r)).toEqual([50n * MB, 30n * MB]);
    expect(r.link).toMatchObject({ capacityBitsPerSecond: 100n * MB, headroomBitsPerSecond: -10n * MB, fits: false });
    expect(report.verdict).toBe('fail');
  });

  it('asymmetric: each direction against its own capacity', async () => {
    const r = row(await size(oneWay({ up: '40Mb/s', down: '100Mb/s' })), 'radio');
    // Up: 50 Mb/s recorded + 20 Mb/s watched from the cameras, on 40 Mb/s at 70 %.
    expect(r.up.link).toMatchObject({ capacityBitsPerSecond: 40n * MB, headroomBitsPerSecond: -42n * MB, fits: false });
    expect(r.down.link).toMatchObject({ capacityBitsPerSecond: 100n * MB, headroomBitsPerSecond: 70n * MB, fits: true });
    expect(r.linkDirection).toBe('up');
  });
});

describe('recorders', () => {
  const site = (rec: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    fleet([{ name: 's', ...extra, recorders: [{ name: 'nvr', ...rec }], cameras: [{ bitrate: '8Mb/s', count: 50 }] }]);

  it('checks ingest against units × ingest at the ceiling, and storage against units × storage', async () => {
    // 400 Mb/s arrive; 2 × 250 Mb/s at 70 % is 350 Mb/s. 1 day of 400 Mb/s is 4.32 TB; 2 × 2 TB hold it not.
    const r = recorder(await size(site({ units: 2, ingest: '250Mb/s', storage: '2TB' }, { retention: '1d' })), 'nvr');
    expect(r.ingest).toMatchObject({ capacityBitsPerSecond: 500n * MB, usableBitsPerSecond: 350n * MB, fits: false });
    expect(r.storage).toMatchObject({ bytes: 4_320_000_000_000n, capacityBytes: 4_000_000_000_000n, fits: false });
    expect(r.fits).toBe(false);
  });

  it('units "auto": the fewest that hold both the ingest and the retention', async () => {
    // Ingest: 400 / (250 × 0.7) → 3 units; storage: 4.32 TB / 1 TB → 5 units.
    const r = recorder(await size(site({ units: 'auto', ingest: '250Mb/s', storage: '1TB' }, { retention: '1d' })), 'nvr');
    expect([r.units, r.unitsAuto]).toEqual([5n, true]);
    const byIngest = recorder(await size(site({ units: 'auto', ingest: '100Mb/s', storage: '10TB' }, { retention: '1d' })), 'nvr');
    expect(byIngest.units).toBe(6n); // 400 / 70 = 5.7
  });

  it('without a retention, says how long its storage keeps, exactly', async () => {
    // 100 TB at 400 Mb/s (50 MB/s): 2,000,000 s = 23 d 3 h 33 min 20 s.
    const r = recorder(await size(site({ storage: '100TB' })), 'nvr');
    expect(r.keeps).toEqual({ capacityBytes: 100_000_000_000_000n, retentionSeconds: 2_000_000n });
  });

  it('--storage-capacity without --retention: how long the whole fleet keeps', async () => {
    const report = await size(fleet([{ name: 'a', cameras: [{ bitrate: '3Mb/s', count: 7 }] }]), { storageCapacity: '1TB' });
    // 21 Mb/s = 2,625,000 B/s; 10^12 / 2,625,000 = 380,952.38 → 380,952 s (what fits, rounded down).
    expect(report.total.keeps).toEqual({ capacityBytes: 1_000_000_000_000n, retentionSeconds: 380_952n });
  });
});

describe('relays and the overhead of a viewed stream (the rules docs/streams.md states)', () => {
  // The site sends at +10 %, the head office's stations receive at +20 %: every figure shows whose overhead it carries.
  const document = fleet(
    [
      {
        name: 'hq',
        overhead: '20%',
        viewers: [
          { streams: 2, of: 'site', stream: 'sub' },
          { streams: 1, of: 'site', bitrate: '10Mb/s' },
        ],
      },
      {
        name: 'site',
        recorders: [{ name: 'nvr' }],
        segments: [{ name: 'sw', cameras: [{ bitrate: '4Mb/s', sub: '1Mb/s', count: 3 }] }],
      },
    ],
    { overhead: '10%' },
  );

  it("a recorder fetches a stream it does not record from the camera once (a relay), at the camera's overhead, outside its ingest", async () => {
    const report = await size(document, { flows: true });
    // Up sw: 3 recorded main streams and the 2 relayed sub streams, each + 10 %: 13.2 + 2.2 Mb/s.
    expect(updown(row(report, 'site/sw'))).toEqual([15_400_000n, 0n]);
    expect(recorder(report, 'nvr')).toMatchObject({ cameras: 3n, ingestBitsPerSecond: 13_200_000n });
    const relays = row(report, 'site/sw').up.flows?.filter((f) => f.kind === 'relay');
    expect(relays?.map((f) => [f.stream, f.streams, f.bitsPerSecond])).toEqual([['sub', 2n, 2_200_000n]]);
  });

  it("a selected stream carries its camera's overhead; a viewer entry's bitrate, the entry's segment's", async () => {
    const report = await size(document);
    // Up site, down hq: 2 sub streams at 1 Mb/s + 10 % (the cameras'), 1 stream of 10 Mb/s + 20 % (the stations').
    expect(updown(row(report, 'site'))).toEqual([2_200_000n + 12_000_000n, 0n]);
    expect(updown(row(report, 'hq'))).toEqual([0n, 14_200_000n]);
  });
});
