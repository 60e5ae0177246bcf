/**
 * `camsize help fleet`'s reference (core/input/fleet-key-help.ts): every key of
 * the format has its meaning, and every example, placed in a fleet where its
 * object goes, is read by the fleet reader without a problem (the docs'
 * "resolution": "D1" was refused: issue 22 item 14).
 */
import { describe, expect, it } from 'vitest';
import { FLEET_KEYS } from '../../src/core/input/fleet-keys.js';
import { FLEET_REFERENCE, type ObjectHelp } from '../../src/core/input/fleet-key-help.js';
import { loadCatalog } from '../../src/io/catalog-load.js';
import { loadFleet } from '../../src/io/fleet-load.js';

type Json = Record<string, unknown>;
const PLANNED = { preset: '4mp15-h265-plan', count: 2 }; // a planning preset: it carries a sub stream
const ESTIMATE_KEYS = ['resolution', 'fps', 'codec', 'scene', 'quality'];

/** A fleet with one segment 'site-a' (cameras with sub streams) and a recorder 'nvr-a' at the top, `segment` and `root` merged in. */
function fleet(segment: Json, root: Json = {}): Json {
  return { name: 'f', recorders: [{ name: 'nvr-a' }], segments: [{ name: 'site-a', cameras: [PLANNED], ...segment }], ...root };
}

function group(key: string, value: unknown): Json {
  if (key === 'bitrate' || key === 'label') return { bitrate: '2Mb/s', count: 2, [key]: value };
  if (ESTIMATE_KEYS.includes(key)) return { resolution: '1920x1080', fps: 15, codec: 'h264', count: 2, [key]: value };
  return { ...PLANNED, [key]: value };
}

/** The example of `key`, placed where an object of `place` goes. */
function placed(place: ObjectHelp['place'], key: string, value: unknown): Json {
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
    case 'schedule':
      return fleet({ schedule: { [key]: value } });
    case 'camera':
      return fleet({ cameras: [group(key, value)] });
    case 'events':
      return fleet({ cameras: [{ ...PLANNED, events: { rate: 'x2', duty: 10, [key]: value } }] });
    case 'sub':
      return fleet({ cameras: [{ ...PLANNED, sub: { resolution: '640x360', fps: 15, codec: 'h265', [key]: value } }] });
  }
}

describe('the fleet file reference of camsize help fleet', () => {
  it('has every key of the format', () => {
    const keys = new Set(FLEET_REFERENCE.flatMap((o) => o.keys.map(([k]) => k)));
    expect([...keys].sort()).toEqual([...new Set(FLEET_KEYS)].sort());
  });

  const examples = FLEET_REFERENCE.flatMap((o) => o.keys.map(([key, help]) => [o.place, key, help.example] as const));
  it.each(examples)('%s key %s: its example %s is read without a problem', async (place, key, example) => {
    expect(example).toBeDefined();
    const json = placed(place, key, JSON.parse(example!));
    const catalog = await loadCatalog();
    await expect(loadFleet(Buffer.from(JSON.stringify(json)), 'f.json', catalog)).resolves.toBeDefined();
  });
});
