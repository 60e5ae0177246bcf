/**
 * Two threads give exactly what one thread gives, for every input, errors
 * included: the shipped loader (dist/, where the worker lives) on generated
 * files split at a small threshold, and past the real one.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryCount } from '../../src/core/inventory/aggregate.js';
import { MAX_PROFILES } from '../../src/core/inventory/meaning.js';
import type * as Load from '../../src/io/inventory/load.js';
import type * as Split from '../../src/io/inventory/split.js';
import { testCatalog } from '../helpers/inventory.js';

const { loadInventory } = (await import(new URL('../../dist/io/inventory/load.js', import.meta.url).href)) as typeof Load;
const { SPLIT_TUNING } = (await import(new URL('../../dist/io/inventory/split.js', import.meta.url).href)) as typeof Split;
const cat = await testCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'camsize-split-'));
const noStdin = { stdinChunks: () => [] as unknown as AsyncIterable<Buffer> };

/** Everything a load gives the report and stderr, as text, or the error it stopped with. */
async function outcome(path: string, options: Partial<Load.InventoryOptions>, io = noStdin): Promise<string> {
  try {
    const { aggregate } = await loadInventory(path, cat, { skipInvalid: false, ...options }, io);
    const entries = aggregate.entries.map((e) => `${e.segment.join('/')}|${e.profile.key}|${entryCount(e)}|${e.records}|${e.first.line}`);
    // In their order: a fleet placed from them (new segments, the missing ones named) follows it.
    return JSON.stringify({
      entries,
      records: aggregate.records,
      skipped: aggregate.skipped,
      samples: aggregate.skippedSamples,
    });
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

async function sameOnTwoThreads(path: string, options: Partial<Load.InventoryOptions> = {}, threads = 2): Promise<string> {
  const one = await outcome(path, { ...options, threads: 1 });
  expect(await outcome(path, { ...options, threads })).toBe(one);
  return one;
}

const line = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('c,a/x,720p30,2', 'c,a/y,4k30,', 'c,b,1080p30-ir,3', 'c,é/sw,720p30,1') },
  { weight: 1, arbitrary: fc.constantFrom('c,a/x,nope,1', 'c,a/x,720p30,-1', 'c,a//x,720p30,1', 'c,,720p30,1') },
  { weight: 1, arbitrary: fc.constantFrom('', 'c,"a/\nq",720p30,1', 'c,"x",4k30,"2"', 'c,a,720p30,1,extra') },
);

/**
 * What the pacer may decide (pace.ts), forced: workers never started (-1),
 * started at once or after the main thread's first parts, then left to run
 * (0) or paused and let go every few parts.
 */
const decision = fc.record({ handOff: fc.integer({ min: -1, max: 3 }), startAfter: fc.integer({ min: 0, max: 3 }) });

describe('each decision of the pacer, files straddling the part size', { timeout: 120_000 }, () => {
  const partBytes = 256;
  const row = (i: number) => {
    const rest = `,d${i % 5}/s${i % 3},${['720p30', '4k30'][i % 2]},${1 + (i % 4)}`;
    return `c${String(i).padStart(23 - rest.length, '0')}${rest}`; // 24 bytes and a line feed
  };
  const header = 'id,segment,preset,count\n';
  // Parts of 256 bytes: 1, 2 and 3 parts' worth, a byte less, the same, a byte more.
  const sizes = [1, 2, 3].flatMap((k) => [k * partBytes - 1, k * partBytes, k * partBytes + 1]);
  const pacings = [
    { handOff: -1 },
    { handOff: 0 },
    { handOff: 0, startAfter: 1 },
    { handOff: 0, startAfter: 2 },
    { handOff: 1 },
    { handOff: 2, startAfter: 1 },
  ];
  for (const size of sizes) {
    it(`${size} bytes: the same records whatever is decided`, async () => {
      // Rows of 25 bytes, the last one's id longer by what is left: exactly `size` bytes.
      const n = Math.floor((size - header.length) / 25);
      const rows = Array.from({ length: n }, (_, i) => row(i));
      rows[n - 1] = rows[n - 1]!.replace(',', `${'x'.repeat(size - header.length - n * 25)},`);
      const path = join(tmp, `straddle-${size}.csv`);
      writeFileSync(path, `${header}${rows.join('\n')}\n`);
      expect(statSync(path).size).toBe(size);
      const one = await outcome(path, { threads: 1 });
      expect(one).toContain(`"records":${n}`);
      for (const pacing of pacings) {
        for (const threads of [2, 3]) {
          expect(
            await outcome(path, { threads, split: { minBytes: 1, chunkBytes: 100, partBytes, ...pacing } }),
            JSON.stringify({ pacing, threads }),
          ).toBe(one);
        }
      }
    });
  }
});

describe('two threads vs one, split at a small threshold', { timeout: 120_000 }, () => {
  it('CSV: bad records, blank lines first, quoted fields over the middle, --skip-invalid or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 120 }),
        fc.constantFrom('', '\n', '\r\n\n', '\ufeff'),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 2, max: 3 }),
        decision,
        async (lines, lead, skipInvalid, chunkBytes, partBytes, threads, pacing) => {
          const path = join(tmp, 'gen.csv');
          writeFileSync(path, `${lead}id,segment,preset,count\n${lines.map((l, i) => l.replace(/^c,/, `c${i},`)).join('\n')}\n`);
          await sameOnTwoThreads(path, { skipInvalid, split: { minBytes: 1, chunkBytes, partBytes, ...pacing } }, threads);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('NDJSON, and JSON arrays named .ndjson: records over several lines, bad records, stray brackets', async () => {
    const record = fc.oneof(
      {
        weight: 10,
        arbitrary: fc.constantFrom('{"segment":"a/x","preset":"720p30"}', '{"id":"q","segment":"b","preset":"4k30","count":2}'),
      },
      { weight: 1, arbitrary: fc.constantFrom('{"segment":"a","preset":"nope"}', '{"segment":"a","segment":"b","preset":"4k30"}') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('{\n"segment":"p",\n"preset":"720p30"\n}', '[1]', '{"segment":"a"', '\ufeff{"segment":"a"}'),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 100 }),
        // JSON arrays are read in parts when each line's comma ends it; other layouts are found out and read on one thread.
        fc.constantFrom(
          'ndjson',
          'array',
          'array-first-on-bracket',
          'array-leading-commas',
          'array-crlf',
          'array-unclosed',
          'array-then-blanks',
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 2, max: 3 }),
        decision,
        async (records, layout, skipInvalid, chunkBytes, partBytes, threads, pacing) => {
          const path = join(tmp, 'gen.ndjson');
          const text: Record<string, () => string> = {
            ndjson: () => `${records.join('\n')}\n`,
            array: () => `[\n${records.join(',\n')}\n]\n`,
            'array-first-on-bracket': () => `[${records.join(',\n')}]`,
            'array-leading-commas': () => `[\n${records.join('\n,')}\n]\n`,
            'array-crlf': () => `[\r\n${records.join(',\r\n')}\r\n]\r\n`,
            'array-unclosed': () => `[\n${records.join(',\n')}\n`,
            'array-then-blanks': () => `[\n${records.join(',\n')}\n]\n${' \n'.repeat(200)}`,
          };
          writeFileSync(path, text[layout]!());
          await sameOnTwoThreads(path, { skipInvalid, split: { minBytes: 1, chunkBytes, partBytes, ...pacing } }, threads);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('two threads vs one at the bound of distinct profiles', { timeout: 120_000 }, () => {
  // Each thread sees fewer profiles than the file has: the bound holds on the merged sums too.
  for (const n of [MAX_PROFILES - 20, MAX_PROFILES + 1]) {
    it(`${n.toLocaleString('en-US')} custom labels, parts of 4 KiB, the workers paused and let go`, async () => {
      const path = join(tmp, `labels-${n}.csv`);
      const rows = Array.from({ length: n }, (_, i) => `a/s${i % 7},,2Mb/s,cam ${i}`);
      writeFileSync(path, `segment,preset,bitrate,label\n${rows.join('\n')}\n`);
      const one = await sameOnTwoThreads(path, { split: { minBytes: 1, chunkBytes: 1024, partBytes: 4096, handOff: 2 } });
      if (n > MAX_PROFILES) expect(one).toMatch(/^error: .*more than 10,000 distinct camera profiles/);
      else expect(one).toContain(`"records":${n}`);
    });
  }
});

describe('one read buffer used again vs a stream of fresh ones', () => {
  it('a file of several 1 MiB reads on one thread gives what the same bytes on standard input give', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `c${i},d${i % 13}/s${i % 29},${['720p30', '4k30'][i % 2]},${i % 3}`);
    const text = `id,segment,preset,count\n${rows.join('\n')}\n`;
    const path = join(tmp, 'reads.csv');
    writeFileSync(path, text);
    const fromFile = await outcome(path, { threads: 1 });
    const stdinChunks = async function* () {
      for (let i = 0; i < text.length; i += 65_521) yield Buffer.from(text.slice(i, i + 65_521), 'latin1');
    };
    expect(fromFile).toContain('"records":120000');
    expect(await outcome('-', { format: 'csv' }, { stdinChunks })).toBe(fromFile);
  });
});

describe('a named pipe on one thread', () => {
  it.skipIf(process.platform === 'win32')('is read as its writer writes (not synchronously, as a regular file is)', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `c${i},d${i % 13}/s${i % 29},${['720p30', '4k30'][i % 2]},${i % 3}`);
    const text = `id,segment,preset,count\n${rows.join('\n')}\n`;
    const path = join(tmp, 'reads.csv');
    writeFileSync(path, text);
    const fifo = join(tmp, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    // The writer writes in pieces, after the reader has opened the pipe: a synchronous read would wait here for ever.
    const writing = (async () => {
      const out = createWriteStream(fifo);
      for (let i = 0; i < text.length; i += 100_000) {
        await new Promise((r) => setTimeout(r, 5));
        out.write(text.slice(i, i + 100_000));
      }
      await new Promise((r) => out.end(r));
    })();
    const fromPipe = await outcome(fifo, { threads: 1 });
    await writing;
    expect(fromPipe).toContain('"records":30000');
    expect(fromPipe).toBe(await outcome(path, { threads: 1 }));
  });
});

// Each test reads 64 MiB files four times: slow on a loaded machine.
describe('two threads vs one past the real threshold (64 MiB)', { timeout: 120_000 }, () => {
  const rows: string[] = [];
  for (let i = 0, bytes = 0; bytes < SPLIT_TUNING.minBytes + (2 << 20); i++) {
    rows.push(`camera-${i},district-${i % 37}/switch-${i % 11},${['720p30', '4k30'][i % 2]}`);
    bytes += rows[i]!.length + 1;
  }

  it('a CSV whose first line is empty', async () => {
    const path = join(tmp, 'blank-first.csv');
    writeFileSync(path, `\nid,segment,preset\n${rows.join('\n')}\n`);
    expect(await sameOnTwoThreads(path)).toContain(`"records":${rows.length}`);
  });

  it('a JSON array named .ndjson (and, split small, one read with --input-format ndjson)', async () => {
    const records = rows.map((r) => {
      const [, segment, preset] = r.split(',');
      return `{"segment":"${segment}","preset":"${preset}"}`;
    });
    // Past the threshold in bytes, cheaply: 20,000 records, then white space (a JSON array may end with it).
    const named = join(tmp, 'array.ndjson');
    writeFileSync(named, `[\n${records.slice(0, 20_000).join(',\n')}\n]\n${' '.repeat(SPLIT_TUNING.minBytes)}`);
    expect(await sameOnTwoThreads(named)).toContain('"records":20000');
    const json = join(tmp, 'array.json');
    writeFileSync(json, `[\n${records.slice(0, 1000).join(',\n')}\n]\n`);
    expect(
      await sameOnTwoThreads(json, { format: 'ndjson', split: { minBytes: 1, chunkBytes: 4096, partBytes: 2048, handOff: 0 } }),
    ).toContain('"records":1000');
  });
});
