/**
 * `camsize help fleet`'s reference (core/input/fleet-key-help.ts): every key of
 * the format has its meaning, and every example, placed in a fleet where its
 * object goes, is read by the fleet reader without a problem (the docs'
 * "resolution": "D1" was refused: issue 22 item 14).
 */
import { describe, expect, it } from 'vitest';
import { FLEET_KEYS } from '../../src/core/input/fleet-keys.js';
import { FLEET_REFERENCE } from '../../src/core/input/fleet-key-help.js';
import { loadCatalog } from '../../src/io/catalog-load.js';
import { loadFleet } from '../../src/io/fleet-load.js';
import { placedInFleet } from '../helpers/fleet-snippet.js';

describe('the fleet file reference of camsize help fleet', () => {
  it('has every key of the format', () => {
    const keys = new Set(FLEET_REFERENCE.flatMap((o) => o.keys.map(([k]) => k)));
    expect([...keys].sort()).toEqual([...new Set(FLEET_KEYS)].sort());
  });

  const examples = FLEET_REFERENCE.flatMap((o) => o.keys.map(([key, help]) => [o.place, key, help.example] as const));
  it.each(examples)('%s key %s: its example %s is read without a problem', async (place, key, example) => {
    expect(example).toBeDefined();
    const json = placedInFleet(place, key, JSON.parse(example!));
    const catalog = await loadCatalog();
    await expect(loadFleet(Buffer.from(JSON.stringify(json)), 'f.json', catalog)).resolves.toBeDefined();
  });
});
