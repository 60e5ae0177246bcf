/**
 * An NDJSON or JSON file read in parts reports the keys one thread reports:
 * every thread's keys in file order (the report's `inventory.columns`, the
 * stderr note of ignored keys, the first 100 and how many more), and a
 * --columns mapping checked once over every thread's keys, refused with one
 * thread's message and line. An adversarial test found the keys taken from
 * the main thread only, and a mapping met by another thread refused.
 * The shipped loader (dist/, where the worker lives), split small.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryCount } from '../../src/core/inventory/aggregate.js';
import type * as Load from '../../src/io/inventory/load.js';
import { testCatalog } from '../helpers/inventory.js';

const { loadInventory } = (await import(new URL('../../dist/io/inventory/load.js', import.meta.url).href)) as typeof Load;
const cat = await testCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'camsize-split-keys-'));
const noStdin = { stdinChunks: () => [] as unknown as AsyncIterable<Buffer> };

/** The keys read as the report gives them, the sums, or the error the load stopped with. */
async function outcome(path: string, options: Partial<Load.InventoryOptions>): Promise<string> {
  try {
    const { aggregate, columns } = await loadInventory(path, cat, { skipInvalid: false, ...options }, noStdin);
    const entries = aggregate.entries.map((e) => `${e.segment.join('/')}|${e.profile.key}|${entryCount(e)}`);
    return JSON.stringify({ columns, entries, records: aggregate.records, skipped: aggregate.skipped });
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** Workers started at once or after the main thread's first part, left to run or handed parts in turn (pace.ts). */
const pacings = [{ handOff: 0 }, { handOff: 0, startAfter: 1 }, { handOff: 1 }, { handOff: 2, startAfter: 1 }];

/** One thread's outcome, and each pacing's with 2 and 3 threads in parts of `partBytes`, equal to it. */
async function sameInParts(path: string, partBytes: number, options: Partial<Load.InventoryOptions> = {}): Promise<string> {
  const one = await outcome(path, { ...options, threads: 1 });
  for (const pacing of pacings) {
    for (const threads of [2, 3]) {
      const split = { minBytes: 1, chunkBytes: 512, partBytes, ...pacing };
      expect(await outcome(path, { ...options, threads, split }), JSON.stringify({ pacing, threads })).toBe(one);
    }
  }
  return one;
}

/** `n` NDJSON records over segments s/0 … s/4, `extra(i)` members added to record i. */
function records(n: number, extra: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => `{"segment":"s/${i % 5}","preset":"720p30"${extra(i)}}`);
}

function write(name: string, lines: string[], layout: 'ndjson' | 'array' = 'ndjson'): string {
  const path = join(tmp, name);
  writeFileSync(path, layout === 'ndjson' ? `${lines.join('\n')}\n` : `[\n${lines.join(',\n')}\n]\n`);
  return path;
}

describe('keys met only in later parts', { timeout: 120_000 }, () => {
  for (const layout of ['ndjson', 'array'] as const) {
    it(`${layout}: a count, an ignored key and an alias only in the middle and at the end are listed, in file order`, async () => {
      const lines = records(600, (i) =>
        i >= 300 && i < 320 ? ',"count":3,"mid":1' : i >= 580 ? `,"late":"x","qty":2${i % 2 ? ',"mid":2' : ''}` : '',
      );
      const one = await sameInParts(write(`later.${layout}.ndjson`, lines, layout), 2048);
      const { columns } = JSON.parse(one) as { columns: { reads: Array<{ header: string; field: string }> } };
      expect(columns.reads.map((r) => `${r.header}=${r.field}`)).toEqual([
        'segment=segment',
        'preset=preset',
        'count=count',
        'mid=ignored',
        'late=ignored',
        'qty=count',
      ]);
    });
  }

  it('more than 100 distinct keys, met again in other parts: the first 100 in file order, and how many more', async () => {
    // Record i has key k{i} and k{i - 37}: a key is first met where it is new, and met again later (in another part).
    const lines = records(400, (i) => `,"k${i}":1${i >= 37 ? `,"k${i - 37}":2` : ''}${i % 50 === 0 ? `,"z${i}":0` : ''}`);
    const one = await sameInParts(write('many.ndjson', lines), 1500);
    const { columns } = JSON.parse(one) as { columns: { reads: Array<{ header: string }>; moreKeys: number } };
    expect(columns.reads.length).toBe(2 + 100);
    expect(columns.reads.slice(2, 5).map((r) => r.header)).toEqual(['k0', 'z0', 'k1']);
    expect(columns.moreKeys).toBe(400 + 8 - 100);
  });
});

describe('a --columns mapping met only early or only late', { timeout: 120_000 }, () => {
  const mapping = (pairs: Array<[string, string]>) => ({ columns: { columns: pairs } }) as Partial<Load.InventoryOptions>;

  it('a key only the first records have, one only the last have: read, as on one thread', async () => {
    const lines = records(600, (i) => (i < 20 ? ',"Cams":2' : i >= 590 ? ',"Kbps":"2000"' : ''));
    const path = write('mapped.ndjson', lines);
    const one = await sameInParts(path, 2048, mapping([['count', 'Cams']]));
    expect(one).toContain('"header":"Cams","field":"count"');
    expect(
      await sameInParts(
        path,
        2048,
        mapping([
          ['count', 'Cams'],
          ['ignore', 'Kbps'],
        ]),
      ),
    ).not.toMatch(/^error/);
  });

  it('a mapping no record meets: refused once, with the message and line one thread gives', async () => {
    const lines = records(600, (i) => (i < 20 ? ',"Cams":2' : ''));
    for (const layout of ['ndjson', 'array'] as const) {
      const one = await sameInParts(
        write(`unmet.${layout}.ndjson`, lines, layout),
        2048,
        mapping([
          ['count', 'Cams'],
          ['segment', 'Path'],
        ]),
      );
      expect(one).toMatch(/^error: .*:60[13]: columns: segment=Path: no record has a key called that$/);
    }
  });
});
