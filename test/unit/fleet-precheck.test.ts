/**
 * The pre-check may only skip zod when zod would find nothing: whatever it
 * accepts, the schema must accept. Checked on fleets whose every field is
 * drawn from valid and invalid values alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleetLooksValid } from '../../src/schema/fleet-precheck.js';
import { fleetSchema } from '../../src/schema/fleet-schema.js';

const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true }),
  fc.constantFrom('', 'x', '1Gb/s', '70%', 'udp', 'quic', '5', 'a/b', '9007199254740993'),
  fc.constant([]),
  fc.constant({}),
);
/** A field: absent, a valid value (mostly), a near-miss, or any JSON value at all. */
const field = <T, U>(valid: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<U>) =>
  fc.option(fc.oneof({ weight: 200, arbitrary: valid }, { weight: 1, arbitrary: nearMiss }, { weight: 1, arbitrary: anyValue }), {
    nil: undefined,
    freq: 3,
  });
// An unknown key on about one object in forty.
const extraKey = fc.oneof(
  { weight: 39, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('segmnets', 'cout', 'mbps', '$schema') },
);

function withFields(fields: Record<string, unknown>, extra: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  if (extra !== undefined) out[extra] = 1;
  return out;
}

const cameraArb = fc
  .record({
    preset: field(fc.constantFrom('720p30', '4k30'), fc.constant('')),
    bitrate: field(fc.constantFrom('2Mb/s', '4 Mbs'), fc.constant(4)),
    count: fc.oneof(
      { weight: 200, arbitrary: fc.integer({ min: 1, max: 1e6 }) },
      {
        weight: 1,
        arbitrary: fc.oneof(fc.integer({ min: -1, max: 0 }), fc.double(), fc.constant(2 ** 60), fc.constantFrom('12', '0', 'x'), anyValue),
      },
    ),
    label: field(fc.constant('lobby'), fc.constant('')),
    extra: extraKey,
  })
  .map(({ extra, ...fields }) => withFields(fields, extra));

const segmentFieldsArb = {
  name: fc.oneof(
    { weight: 200, arbitrary: fc.constantFrom('sw-1', 'core') },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('a/b', ''), anyValue) },
  ),
  link: field(fc.constantFrom('1Gb/s', '10 Gbps', '10'), fc.constant(10)),
  maxUtilization: field(
    fc.integer({ min: 1, max: 100 }),
    fc.oneof(fc.integer({ min: -10, max: 150 }), fc.constantFrom('70%', 'most', '60')),
  ),
  overhead: field(
    fc.constantFrom('udp', 'tcp', 'none'),
    fc.oneof(fc.constantFrom('quic', '5.5%'), fc.double({ min: 0, max: 200, noNaN: true })),
  ),
  viewers: field(
    fc.integer({ min: 0, max: 20 }),
    fc.oneof(fc.integer({ min: -2, max: -1 }), fc.record({ streams: fc.integer({ min: -1, max: 5 }) })),
  ),
  description: field(fc.string({ maxLength: 3 }), fc.constant(3)),
  cameras: field(fc.array(cameraArb, { maxLength: 3 }), fc.array(anyValue, { maxLength: 2 })),
};

const segmentArb = fc.letrec<{ seg: Record<string, unknown> }>((tie) => ({
  seg: fc
    .record({
      ...segmentFieldsArb,
      segments: fc.option(
        fc.array(
          fc.oneof({ depthIdentifier: 'seg', maxDepth: 3 }, { weight: 200, arbitrary: tie('seg') }, { weight: 1, arbitrary: anyValue }),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
      extra: extraKey,
    })
    .map(({ extra, ...fields }) => withFields(fields, extra)),
})).seg;

describe('fleetLooksValid', () => {
  it('never accepts what the zod schema rejects', () => {
    const tally = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(
        segmentArb,
        fc.option(fc.oneof({ weight: 10, arbitrary: fc.constant('./fleet.schema.json') }, fc.constant(5)), { nil: undefined }),
        fc.option(fc.oneof({ weight: 10, arbitrary: fc.constant('site-calibration.json') }, fc.constantFrom('', 5, null)), {
          nil: undefined,
        }),
        (fleet, schema, calibration) => {
          const json = {
            ...fleet,
            ...(schema === undefined ? {} : { $schema: schema }),
            ...(calibration === undefined ? {} : { calibration }),
          };
          const accepted = fleetLooksValid(json);
          if (accepted) expect(fleetSchema.safeParse(json).error?.issues ?? []).toEqual([]);
          if (accepted) tally.accepted++;
          else tally.rejected++;
        },
      ),
      { numRuns: 3000 },
    );
    // The generator must reach both sides for the property to mean anything.
    // About 60 % / 40 % of 3,000; the bounds are many standard deviations away.
    expect(tally.accepted).toBeGreaterThan(1000);
    expect(tally.rejected).toBeGreaterThan(600);
  });

  it('refuses non-finite numbers, as zod does (found by the property above)', () => {
    expect(fleetLooksValid({ name: 'sw-1', overhead: Number.POSITIVE_INFINITY })).toBe(false);
    expect(fleetLooksValid({ name: 'sw-1', maxUtilization: Number.NaN })).toBe(false);
  });

  it('accepts the plain fleets it is there to speed up', () => {
    expect(
      fleetLooksValid({ name: 'f', link: '1Gb/s', overhead: 'udp', segments: [{ name: 'a', cameras: [{ preset: '720p30', count: 3 }] }] }),
    ).toBe(true);
  });
});
