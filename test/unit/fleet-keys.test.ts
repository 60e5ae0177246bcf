/** The fleet format is spelled once: the zod schema's keys are the key lists', and the other way round. */
import { describe, expect, it } from 'vitest';
import {
  CAMERA_KEYS,
  EVENT_KEYS,
  FLEET_KEYS,
  ROOT_KEYS,
  SCHEDULE_KEYS,
  SEGMENT_KEYS,
  VIEWER_KEYS,
} from '../../src/core/input/fleet-keys.js';
import { cameraGroupSchema, fleetJsonSchema, rootShallowSchema, segmentShallowSchema } from '../../src/schema/fleet-schema.js';

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('fleet keys', () => {
  it('match the zod shapes', () => {
    expect(sorted(Object.keys(segmentShallowSchema.shape))).toEqual(sorted(SEGMENT_KEYS));
    expect(sorted(Object.keys(rootShallowSchema.shape))).toEqual(sorted(ROOT_KEYS));
    expect(sorted(Object.keys(cameraGroupSchema.shape))).toEqual(sorted(CAMERA_KEYS));
  });

  it('match the JSON Schema that `camsize schema` prints, nested objects included', () => {
    const schema = JSON.stringify(fleetJsonSchema());
    for (const key of [...EVENT_KEYS, ...VIEWER_KEYS, ...SCHEDULE_KEYS]) expect(schema).toContain(`"${key}"`);
    expect(new Set(FLEET_KEYS).size).toBe(FLEET_KEYS.length);
    for (const key of [...ROOT_KEYS, ...CAMERA_KEYS, ...EVENT_KEYS, ...VIEWER_KEYS, ...SCHEDULE_KEYS]) expect(FLEET_KEYS).toContain(key);
  });
});
