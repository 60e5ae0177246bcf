/**
 * A key and its value, as a doc or the key reference gives them ("sub": "1Mb/s"),
 * placed in a small fleet where an object of that kind goes, so that the fleet
 * reader can say whether it is valid there. The fleet has a segment 'site-a'
 * whose cameras have sub streams and a recorder 'nvr-a' at the top, so that
 * values naming them read.
 */
import type { ObjectHelp } from '../../src/core/input/fleet-key-help.js';

type Json = Record<string, unknown>;
const PLANNED = { preset: '4mp15-h265-plan', count: 2 }; // a planning preset: it carries a sub stream
const ESTIMATE_KEYS = ['resolution', 'fps', 'codec', 'scene', 'quality'];

function fleet(segment: Json, root: Json = {}): Json {
  return { name: 'f', recorders: [{ name: 'nvr-a' }], segments: [{ name: 'site-a', cameras: [PLANNED], ...segment }], ...root };
}

function group(key: string, value: unknown): Json {
  if (key === 'bitrate' || key === 'label') return { bitrate: '2Mb/s', count: 2, [key]: value };
  // A camera's figures (peak, average) go instead of a bit rate: a group that gives one of them.
  if (key === 'peak' || key === 'average') return { count: 2, label: 'gate', [key]: value };
  if (ESTIMATE_KEYS.includes(key)) return { resolution: '1920x1080', fps: 15, codec: 'h264', count: 2, [key]: value };
  return { ...PLANNED, [key]: value };
}

/** A fleet holding `key: value` in an object of kind `place`. */
export function placedInFleet(place: ObjectHelp['place'], key: string, value: unknown): Json {
  switch (place) {
    case 'root':
      return { name: 'f', [key]: value };
    case 'segment':
      return key === 'recorders' ? { name: 'f', segments: [{ name: 's', [key]: value }] } : fleet({ [key]: value });
    case 'link':
      return fleet({ link: key === 'shared' ? { shared: value } : { up: '20Mb/s', down: '100Mb/s', [key]: value } });
    case 'viewer':
      return fleet({}, { viewers: [{ streams: 1, [key]: value }] });
    case 'recorder':
      return fleet({}, { recorders: [{ name: 'nvr-a', ingest: '400Mb/s', [key]: value }] });
    case 'disks':
      return fleet({}, { recorders: [{ name: 'nvr-a', disks: { size: '12TB', raid: 6, [key]: value } }] });
    case 'schedule':
      return fleet({ schedule: { [key]: value } });
    case 'camera':
      return fleet({ cameras: [group(key, value)] });
    case 'events':
      return fleet({ cameras: [{ ...PLANNED, events: { rate: 'x2', duty: 10, [key]: value } }] });
    case 'sub':
      return fleet({ cameras: [{ ...PLANNED, sub: { resolution: '640x360', fps: 15, codec: 'h265', [key]: value } }] });
    case 'inventory':
      return { name: 'f', inventory: { [key]: value } };
    case 'project':
      return { name: 'f', project: { [key]: value } };
  }
}

/** A fleet holding `object` as a whole object of kind `place` (a camera group, a viewer entry …). */
export function objectInFleet(place: ObjectHelp['place'], object: Json): Json {
  switch (place) {
    case 'root':
      return object;
    case 'segment':
      return { name: 'f', segments: [object] };
    case 'link':
      return fleet({ link: object });
    case 'viewer':
      return fleet({}, { viewers: [object] });
    case 'recorder':
      return { name: 'f', segments: [{ name: 's', recorders: [object] }] };
    case 'disks':
      return fleet({}, { recorders: [{ name: 'nvr-a', disks: object }] });
    case 'schedule':
      return fleet({ schedule: object });
    case 'camera':
      return fleet({ cameras: [object] });
    case 'events':
      return fleet({ cameras: [{ ...PLANNED, events: object }] });
    case 'sub':
      return fleet({ cameras: [{ ...PLANNED, sub: object }] });
    case 'inventory':
      return { name: 'f', inventory: object };
    case 'project':
      return { name: 'f', project: object };
  }
}
