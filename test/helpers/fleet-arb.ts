/**
 * fast-check generators of fleet files and of the sizing options beside them:
 * small trees (depth ≤ 3, ≤ 3 children) whose segments use links, ceilings,
 * overheads, viewers, storage and retention, schedules, night and event
 * states, presets, bit rates and estimates, with counts from 0 to 10^15.
 * Mostly valid; some values (a zero link, a 100 % ceiling) sit on the edges.
 */
import fc from 'fast-check';

export type FleetJson = Record<string, unknown>;

const PRESETS = ['720p30', '4k30', '4k10-night', '1080p15-h264-plan', '4mp15-h265-plan', '1080p10-conference', '5mp15-panoramic'];

/** Names that exercise quoting in every format: a pipe, quotes, a comma, spaces, non-ASCII. */
const NAMES = ['sw', 'gate|1', 'dock "a"', 'a,b', 'x y', 'café', '中文', 'n-1', 'back\\slash'];

const rate = fc.oneof(
  fc.integer({ min: 1, max: 50_000 }).map((k) => `${k}kb/s`),
  fc.integer({ min: 1, max: 999 }).map((m) => `${m / 10}Mb/s`),
  fc.constantFrom('2.5Mb/s', '4 Mbps', '625 kb/s', '1.5MB/s', '3Mib/s'),
);

const link = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((m) => `${m}Mb/s`) },
  { weight: 2, arbitrary: fc.constantFrom('1Gb/s', '10 Gbps', '100Mb/s', '2.5Gb/s') },
  { weight: 1, arbitrary: fc.constantFrom('0b/s', '1b/s', '1Pb/s') },
);

const percent = fc.oneof(
  fc.integer({ min: 1, max: 100 }),
  fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`),
  fc.constantFrom(62.5, '72.5 %', 99.99),
);

const overhead = fc.oneof(fc.constantFrom('udp', 'tcp', 'none'), fc.constantFrom(4.5, 0, '6.25', '10%', 100));

const viewers = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.record({ streams: fc.integer({ min: 0, max: 40 }), bitrate: rate }, { requiredKeys: ['streams'] }),
);

const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1_000_000_000_000_000, '1000000', '20,000,000') },
);

const night = fc.oneof(fc.constantFrom('x1.2', 'x2', 'x0.5', 1.5), rate);
const events = fc.record({
  rate: fc.oneof(fc.constantFrom('x2', 'x3', 'x1.5'), rate),
  duty: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(0.5, '12.5', 33.3333)),
});

const cameraGroup: fc.Arbitrary<FleetJson> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...PRESETS).map((preset) => ({ preset })) },
      {
        weight: 4,
        arbitrary: fc.record(
          { bitrate: rate, label: fc.constantFrom('door', 'pole 12', 'lobby, "east"', 'rare|pipe') },
          { requiredKeys: ['bitrate'] },
        ),
      },
      {
        // A camera's two figures (issue #21): a peak, an average, or both (the average never above the peak).
        weight: 2,
        arbitrary: fc
          .tuple(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 1, max: 100 }), fc.constantFrom('peak', 'average', 'both'))
          .map(([kbps, share, given]) => ({
            ...(given === 'average' ? {} : { peak: `${kbps}kb/s` }),
            ...(given === 'peak' ? {} : { average: `${given === 'both' ? Math.max(1, Math.floor((kbps * share) / 100)) : kbps}kb/s` }),
            label: 'gate',
          })),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          {
            resolution: fc.constantFrom('1080p', '4MP', '2560x1440', '4K'),
            fps: fc.constantFrom(10, 15, 25, 30),
            codec: fc.constantFrom('h264', 'h265', 'h265-smart'),
            scene: fc.constantFrom('low', 'medium', 'high'),
            label: fc.constantFrom('est a', 'est b'),
          },
          { requiredKeys: ['resolution', 'fps', 'codec'] },
        ),
      },
    ),
    count,
    fc.option(night, { nil: undefined, freq: 3 }),
    fc.option(events, { nil: undefined, freq: 4 }),
  )
  .map(([profile, n, nightRate, ev]) => ({
    ...profile,
    count: n,
    ...(nightRate === undefined ? {} : { night: nightRate }),
    ...(ev === undefined ? {} : { events: ev }),
  }));

const segmentFields = fc.record(
  {
    link,
    maxUtilization: percent,
    overhead,
    viewers,
    storage: fc.integer({ min: 1, max: 500 }).map((t) => `${t}TB`),
    retention: fc.constantFrom('7d', '30d', '72h', '1.5d', '4w'),
    recording: fc.constantFrom('continuous', 'motion:40', 'motion:12.5'),
    schedule: fc.record({ nightStart: fc.integer({ min: 0, max: 23 }), nightHours: fc.integer({ min: 0, max: 24 }) }),
    cameras: fc.array(cameraGroup, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** A segment tree of at most `depth` more levels; sibling names are made unique by their index. */
function segments(depth: number): fc.Arbitrary<FleetJson[]> {
  if (depth === 0) return fc.constant([]);
  const one = fc.tuple(fc.constantFrom(...NAMES), segmentFields, segments(depth - 1)).map(([name, fields, children]) => ({
    name,
    ...fields,
    ...(children.length > 0 ? { segments: children } : {}),
  }));
  return fc.array(one, { maxLength: 3 }).map((list) => list.map((s, i) => ({ ...s, name: `${s['name']}${i}` })));
}

export const fleetArb: fc.Arbitrary<FleetJson> = fc
  .tuple(fc.constantFrom('fleet', 'site "north"', 'x|y'), segmentFields, segments(3))
  .map(([name, fields, children]) => ({ name, ...fields, ...(children.length > 0 ? { segments: children } : {}) }));

/** Sizing options beside a fleet file, as argument words. */
export const sizeOptionsArb: fc.Arbitrary<string[]> = fc
  .record(
    {
      capacity: link,
      percentile: fc.constantFrom('99', '95', '99.9', '50.5'),
      correlation: fc.constantFrom('0', '0.3', '1'),
      vbrCv: fc.constantFrom('0', '0.5', '1.2'),
      checkOn: fc.constantFrom('peak', 'average'),
      retention: fc.constantFrom('30d', '14d', '72h'),
      storageCapacity: fc.constantFrom('100TB', '1PB', '5TB'),
      maxUtilization: fc.constantFrom('70', '80', '50.5'),
      overhead: fc.constantFrom('udp', 'tcp', '3.5'),
      nightStart: fc.integer({ min: 0, max: 23 }).map(String),
      nightHours: fc.integer({ min: 0, max: 24 }).map(String),
      as: fc.constantFrom(...PRESETS),
    },
    { requiredKeys: [] },
  )
  .map((o) => {
    const words: string[] = [];
    const add = (flag: string, value: string | undefined) => {
      if (value !== undefined) words.push(flag, value);
    };
    add('--capacity', o.capacity);
    add('--percentile', o.percentile);
    if (o.percentile !== undefined) {
      add('--correlation', o.correlation);
      add('--vbr-cv', o.vbrCv);
    }
    add('--check-on', o.checkOn);
    add('--retention', o.retention);
    if (o.retention !== undefined) add('--storage-capacity', o.storageCapacity);
    add('--max-utilization', o.maxUtilization);
    add('--overhead', o.overhead);
    add('--night-start', o.nightStart);
    add('--night-hours', o.nightHours);
    add('--as', o.as);
    return words;
  });

/** Cameras on the command line: groups (--camera, --preset/--bitrate with --count) or the how-many question. */
export const commandLineArb: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...PRESETS),
          rate.map((r) => r.replace(/ /g, '')),
        ),
        count.map(String),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((groups) => groups.flatMap(([profile, n]) => ['--camera', `${profile}=${n.replace(/,/g, '')}`])),
  fc.tuple(fc.constantFrom(...PRESETS), count.map(String)).map(([preset, n]) => ['--preset', preset, '--count', n.replace(/,/g, '')]),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...PRESETS).map((p) => ['--preset', p]),
        rate.map((r) => ['--bitrate', r]),
      ),
      link,
    )
    .map(([camera, capacity]) => [...camera, '--capacity', capacity]),
);
