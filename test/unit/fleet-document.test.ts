/**
 * FleetDocument (src/api/fleet-document.ts, written by hand as plain
 * interfaces) stays in step with the fleet format: its keys at every level are
 * the ones core/input/fleet-keys.ts spells, and every value the zod schema
 * accepts is a FleetDocument. These are type assertions: `npm run typecheck`
 * (part of `npm test`) fails when a key is added to one and not the other.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  CameraGroupDocument,
  EventsDocument,
  FleetDocument,
  LinkSharedDocument,
  LinkUpDownDocument,
  DisksDocument,
  InventorySettingsDocument,
  ProjectDocument,
  RecorderDocument,
  ScheduleDocument,
  SegmentDocument,
  SubStreamDocument,
  ViewerEntryDocument,
  ViewersStreamsDocument,
} from '../../src/api/fleet-document.js';
import {
  type CAMERA_KEYS,
  type EVENT_KEYS,
  type LINK_KEYS,
  type DISK_KEYS,
  type INVENTORY_KEYS,
  type PROJECT_KEYS,
  type RECORDER_KEYS,
  ROOT_KEYS,
  type SCHEDULE_KEYS,
  type SEGMENT_KEYS,
  type SUB_KEYS,
  type VIEWER_KEYS,
} from '../../src/core/input/fleet-keys.js';
import type { cameraGroupSchema, fleetSchema, SegmentJson } from '../../src/schema/fleet-schema.js';

type Key<T extends readonly string[]> = T[number];

describe('FleetDocument', () => {
  it('has exactly the keys fleet-keys.ts spells, at every level', () => {
    expectTypeOf<keyof FleetDocument>().toEqualTypeOf<Key<typeof ROOT_KEYS>>();
    expectTypeOf<keyof SegmentDocument>().toEqualTypeOf<Key<typeof SEGMENT_KEYS>>();
    expectTypeOf<keyof CameraGroupDocument>().toEqualTypeOf<Key<typeof CAMERA_KEYS>>();
    expectTypeOf<keyof EventsDocument>().toEqualTypeOf<Key<typeof EVENT_KEYS>>();
    expectTypeOf<keyof ViewerEntryDocument>().toEqualTypeOf<Key<typeof VIEWER_KEYS>>();
    expectTypeOf<keyof RecorderDocument>().toEqualTypeOf<Key<typeof RECORDER_KEYS>>();
    expectTypeOf<keyof DisksDocument>().toEqualTypeOf<Key<typeof DISK_KEYS>>();
    expectTypeOf<keyof ProjectDocument>().toEqualTypeOf<Key<typeof PROJECT_KEYS>>();
    expectTypeOf<keyof InventorySettingsDocument>().toEqualTypeOf<Key<typeof INVENTORY_KEYS>>();
    expectTypeOf<keyof LinkUpDownDocument | keyof LinkSharedDocument>().toEqualTypeOf<Key<typeof LINK_KEYS>>();
    expectTypeOf<keyof SubStreamDocument>().toEqualTypeOf<Key<typeof SUB_KEYS>>();
    expectTypeOf<keyof ScheduleDocument>().toEqualTypeOf<Key<typeof SCHEDULE_KEYS>>();
    // The single-object form of "viewers" has only these two (fleet-keys.ts says so at VIEWER_KEYS).
    expectTypeOf<keyof ViewersStreamsDocument>().toEqualTypeOf<'streams' | 'bitrate'>();
    expect(ROOT_KEYS).toContain('segments'); // something for vitest to run: the assertions above are the compiler's
  });

  it('takes every value the zod schema accepts', () => {
    // zod types the recursive "segments" of the fleet as unknown[]: SegmentJson is its segment, typed to the leaves.
    type SchemaFleet = Omit<z.input<typeof fleetSchema>, 'segments'> & { segments?: SegmentJson[] };
    const fleet = (value: SchemaFleet): FleetDocument => value;
    const segment = (value: SegmentJson): SegmentDocument => value;
    const group = (value: z.input<typeof cameraGroupSchema>): CameraGroupDocument => value;
    expect([fleet, segment, group]).toHaveLength(3);
  });

  it('refuses a misspelt key and a number where a segment goes', () => {
    // @ts-expect-error: 'camers' is not a key of a segment
    const misspelt: FleetDocument = { name: 'x', segments: [{ name: 'a', camers: [] }] };
    // @ts-expect-error: a segment is an object
    const number: FleetDocument = { name: 'x', segments: [42] };
    expect([misspelt, number]).toHaveLength(2);
  });
});
