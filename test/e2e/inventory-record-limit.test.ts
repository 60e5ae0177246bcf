/**
 * The 1 MiB record limit is one rule for every source: a record (a JSON
 * record object, a CSV line before its line feed) of 1 MiB is read and one
 * byte more is refused, from a file, a gzip file and standard input alike,
 * whatever the reads' sizes (docs/inventories.md: "a line over 1 MiB … exit
 * 2"). An adversarial test found a 2,000,000-byte record read from a file or
 * .gz and refused from standard input: the limit was checked on the bytes
 * carried between reads, not on the record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES } from '../../src/core/inventory/chunks.js';
import { runInProcess } from '../helpers/in-process.js';
import { scanOutcome, testCatalog } from '../helpers/inventory.js';

const cat = await testCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'camsize-record-limit-'));
const MAX = MAX_RECORD_BYTES;

/** A padded record of exactly `bytes` bytes, the second of three. */
const lf = {
  ndjson: (bytes: number) => {
    const head = '{"segment":"a","preset":"720p30","pad":"';
    return `{"segment":"a","preset":"720p30"}\n${head}${'x'.repeat(bytes - head.length - 2)}"}\n{"segment":"b","preset":"4k30"}\n`;
  },
  json: (bytes: number) => {
    const head = '{"segment":"a","preset":"720p30","pad":"';
    return `[{"segment":"a","preset":"720p30"},${head}${'x'.repeat(bytes - head.length - 2)}"},{"segment":"b","preset":"4k30"}]`;
  },
  csv: (bytes: number) => `segment,preset,note\na,720p30,x\na,720p30,${'y'.repeat(bytes - 'a,720p30,'.length)}\nb,4k30,\n`,
  'csv-quoted': (bytes: number) =>
    `segment,preset,note\na,720p30,x\na,720p30,"${'y'.repeat(bytes - 'a,720p30,""'.length)}"\r\nb,4k30,\n`.replace(/"\r\n/, '"\n'),
  // A ';' file is read on the general path (csv-table.ts).
  'csv-table': (bytes: number) => `segment;preset;note\na;720p30;x\na;720p30;"${'y'.repeat(bytes - 'a;720p30;""'.length)}"\nb;4k30;\n`,
  'csv-header': (bytes: number) => `segment,preset,${'n'.repeat(bytes - 'segment,preset,'.length)}\na,720p30,x\nb,4k30,\n`,
} as const;
// The same CSV files with CRLF line breaks: the CR is the line break's, not the record's (an adversarial test
// found a CSV record of exactly 1 MiB refused when its line ended with CRLF).
const crlf = (make: (bytes: number) => string) => (bytes: number) => make(bytes).replace(/\r?\n/g, '\r\n');
const inputs = {
  ...lf,
  'csv-crlf': crlf(lf.csv),
  'csv-quoted-crlf': crlf(lf['csv-quoted']),
  'csv-table-crlf': crlf(lf['csv-table']),
  'csv-header-crlf': crlf(lf['csv-header']),
};
type Kind = keyof typeof inputs;
const formatOf = (kind: Kind) => (kind.startsWith('csv') ? 'csv' : kind);
const lineOf = (kind: Kind) => (kind.startsWith('csv-header') ? 1 : kind === 'json' ? 1 : kind.startsWith('csv') ? 3 : 2);

const refusal = (kind: Kind) =>
  kind.startsWith('csv-header')
    ? 'a line longer than 1 MiB: not a header row'
    : kind.startsWith('csv')
      ? 'a line longer than 1 MiB: not a camera record'
      : 'a record longer than 1 MiB: not a camera record';

describe('one record limit, from every source', { timeout: 120_000 }, () => {
  for (const kind of Object.keys(inputs) as Kind[]) {
    it(`${kind}: a record of 1 MiB is read, one of 1 MiB and a byte, or 2,000,000 bytes, refused: file, gzip and stdin alike`, async () => {
      for (const bytes of [MAX, MAX + 1, 2_000_000]) {
        const text = inputs[kind](bytes);
        const ext = formatOf(kind) === 'json' ? 'json' : formatOf(kind) === 'csv' ? 'csv' : 'ndjson';
        const path = join(tmp, `${kind}-${bytes}.${ext}`);
        writeFileSync(path, text);
        writeFileSync(`${path}.gz`, gzipSync(text));
        const runs = [
          await runInProcess(['-i', path, '-q']),
          await runInProcess(['-i', `${path}.gz`, '-q']),
          await runInProcess(['-i', '-', '--input-format', formatOf(kind), '-q'], { input: text }),
        ];
        for (const [i, r] of runs.entries()) {
          const where = `${kind}, ${bytes} bytes, ${['file', 'gzip', 'stdin'][i]}`;
          if (bytes <= MAX) {
            expect(r.code, `${where}: ${r.stderr}`).toBe(0);
            continue;
          }
          expect(r.code, where).toBe(2);
          expect(r.stdout, where).toBe('');
          expect(r.stderr, where).toContain(`:${lineOf(kind)}: ${refusal(kind)}`);
        }
      }
    });
  }

  it('the scanners alone: the same answer in reads of 64 KiB, 1 MiB, 1.5 MiB and all at once', () => {
    for (const kind of Object.keys(inputs) as Kind[]) {
      for (const bytes of [MAX, MAX + 1]) {
        const text = inputs[kind](bytes);
        const format = formatOf(kind) === 'csv' ? 'csv' : 'json';
        const outcomes = [1 << 16, MAX, MAX + (MAX >> 1), 4 * MAX].map((chunk) => scanOutcome(cat, format, text, chunk, {}, false));
        for (const o of outcomes) expect(o, `${kind}, ${bytes} bytes`).toEqual(outcomes[0]);
        if (bytes > MAX) expect(outcomes[0]).toMatchObject({ stopped: expect.stringContaining(refusal(kind)) });
        else expect(outcomes[0]).toMatchObject({ records: kind.startsWith('csv-header') ? 2 : 3 });
      }
    }
  });

  it('a line the NDJSON line cache knows, but for a long leading id: refused as the full parse refuses it', () => {
    const known = Array.from({ length: 300 }, (_, i) => `{"id":"c${i}","segment":"a","preset":"720p30"}`);
    for (const bytes of [MAX, MAX + 1]) {
      const long = `{"id":"${'c'.repeat(bytes - '{"id":"","segment":"a","preset":"720p30"}'.length)}","segment":"a","preset":"720p30"}`;
      expect(long.length).toBe(bytes);
      const text = `${[...known, long, ...known].join('\n')}\n`;
      for (const chunk of [1 << 16, 4 * MAX]) {
        const got = scanOutcome(cat, 'json', text, chunk, {}, false);
        if (bytes > MAX) expect(got).toEqual({ stopped: `301:undefined: ${refusal('ndjson')} (is this the right file?)` });
        else expect(got).toMatchObject({ records: 601 });
      }
    }
  });
});
