/**
 * What the progress line is told, for each way an inventory is read: a file
 * (its size known: the bytes read of it), a gzip file (its compressed bytes,
 * not what they unpack to), a file read in parts, and standard input (no size).
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../src/io/inventory/options.js';
import { loadInventory } from '../../src/io/inventory/load.js';
import { testCatalog } from '../helpers/inventory.js';

const cat = await testCatalog();
const dir = mkdtempSync(join(tmpdir(), 'camsize-progress-'));
const csv = `segment,preset,count\n${Array.from({ length: 5000 }, (_, i) => `site-${i % 50}/sw-${i % 3},720p30,1`).join('\n')}\n`;

async function lastProgress(path: string, input?: Buffer): Promise<ReadProgress> {
  const seen: ReadProgress[] = [];
  const io = {
    stdinChunks: async function* () {
      if (input) yield input;
    },
  };
  await loadInventory(path, cat, { skipInvalid: false, threads: 1, progress: (p, done) => void (done && seen.push(p)) }, io);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('the progress line is told how far the read is', () => {
  it('a file: its bytes read of its size', async () => {
    const path = join(dir, 'cameras.csv');
    writeFileSync(path, csv);
    expect(await lastProgress(path)).toEqual({ records: 5000, bytes: csv.length, read: csv.length, total: csv.length });
  });

  it('a gzip file: its compressed bytes, not what they unpack to', async () => {
    const path = join(dir, 'cameras.csv.gz');
    writeFileSync(path, gzipSync(csv));
    const size = statSync(path).size;
    expect(size).toBeLessThan(csv.length / 5);
    expect(await lastProgress(path)).toEqual({ records: 5000, bytes: csv.length, read: size, total: size });
  });

  it('standard input: no size to read against', async () => {
    expect(await lastProgress('-', Buffer.from(csv))).toEqual({ records: 5000, bytes: csv.length });
  });
});
