/**
 * Issue 9's inventory cases, in-process through the Io seam: each answer
 * right, or a clean exit 2 with one printable line naming the place.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SKIP_INVALID_HINT } from '../../src/io/inventory/messages.js';
import { runInProcess } from '../helpers/in-process.js';

const tmp = mkdtempSync(join(tmpdir(), 'camsize-trust-'));

async function refused(name: string, content: string | Buffer, args: string[] = []) {
  const path = join(tmp, name);
  writeFileSync(path, content);
  const result = await runInProcess(['--inventory', path, ...args]);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
  const stderr = result.stderr.replace(`${SKIP_INVALID_HINT}\n`, ''); // after a bad record (test/e2e/hints.test.ts)
  expect(stderr.split('\n')).toHaveLength(2); // one line, then the final line break
  return stderr.replace(`${tmp}/`, '');
}

describe('a JSON record that gives a key twice is an error', () => {
  it.each([
    [
      'segment',
      '{"segment":"a","segment":"b","preset":"720p30"}\n',
      'dup.ndjson:1:16: segment: given twice in one record (which one is meant?)',
    ],
    [
      'count',
      '{"segment":"a","preset":"720p30","count":1,"count":1000}\n',
      'dup.ndjson:1:44: count: given twice in one record (which one is meant?)',
    ],
    [
      'an escaped name',
      '{"segment":"a","seg\\u006dent":"b","preset":"720p30"}\n',
      'dup.ndjson:1:16: segment: given twice in one record (which one is meant?)',
    ],
    [
      'an unknown one',
      '{"site":1,"segment":"a","preset":"720p30","site":2}\n',
      'dup.ndjson:1:43: site: given twice in one record (which one is meant?)',
    ],
  ])('%s', async (_, content, message) => {
    expect(await refused('dup.ndjson', content)).toBe(`camsize: ${message}\n`);
  });

  it('in a JSON array, on a later line, and past the line cache', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `{"id":"c${i}","segment":"a","preset":"720p30"}`);
    lines.push('{"id":"x","segment":"a","preset":"720p30","preset":"4k30"}');
    expect(await refused('dup.json', `[\n${lines.join(',\n')}\n]\n`)).toBe(
      'camsize: dup.json:302:43: preset: given twice in one record (which one is meant?)\n',
    );
  });

  it('is skipped, counted and listed with --skip-invalid', async () => {
    const path = join(tmp, 'dup-skip.ndjson');
    writeFileSync(path, '{"segment":"a","preset":"720p30"}\n{"segment":"a","segment":"b","preset":"720p30"}\n');
    const result = await runInProcess(['--inventory', path, '--skip-invalid', '-q']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('dup-skip.ndjson:2:16: segment: given twice in one record');
    expect(result.stderr).toContain('skipped 1 invalid record;');
  });
});

describe('JSON syntax the fleet files refuse too', () => {
  it('a trailing comma in an inventory array', async () => {
    expect(await refused('comma.json', '[{"segment":"a","preset":"720p30"},]\n')).toBe(
      "camsize: comma.json:1:36: a comma before ']' (a trailing comma is not JSON)\n",
    );
    expect(await refused('comma2.json', '[\n{"segment":"a","preset":"720p30"},\n  ]\n')).toBe(
      "camsize: comma2.json:3:3: a comma before ']' (a trailing comma is not JSON)\n",
    );
  });

  it('an escape that is half a surrogate pair', async () => {
    expect(await refused('half.ndjson', '{"segment":"a\\ud800b","preset":"720p30"}\n')).toBe(
      'camsize: half.ndjson:1:12: segment: a \\u escape gives half of a surrogate pair: not valid text\n',
    );
  });
});

describe('encodings', () => {
  it('a key field that is not UTF-8 (a Latin-1 export) is an error with its place', async () => {
    const latin1 = Buffer.concat([Buffer.from('segment,preset\ncaf'), Buffer.from([0xe9]), Buffer.from('/sw,720p30\n')]);
    expect(await refused('latin1.csv', latin1)).toBe(
      'camsize: latin1.csv:2: segment: not valid UTF-8 (byte 0xe9 at byte 4 of the field); save the file as UTF-8\n',
    );
    const json = Buffer.concat([Buffer.from('{"segment":"a","label":"x'), Buffer.from([0xff]), Buffer.from('","bitrate":"2Mb/s"}\n')]);
    expect(await refused('latin1.ndjson', json)).toBe(
      'camsize: latin1.ndjson:1:1: label: not valid UTF-8 (byte 0xff at byte 2 of the field); save the file as UTF-8\n',
    );
  });

  it('UTF-16, with a byte-order mark or without one, is named', async () => {
    const text = 'segment,preset\na,720p30\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await refused('utf16.csv', le)).toBe('camsize: utf16.csv: UTF-16 is not supported; save the file as UTF-8\n');
    expect(await refused('utf16-nobom.csv', Buffer.from(text, 'utf16le'))).toBe(
      'camsize: utf16-nobom.csv: UTF-16 is not supported; save the file as UTF-8\n',
    );
    expect(await refused('utf16be.ndjson', Buffer.from(text, 'utf16le').swap16())).toBe(
      'camsize: utf16be.ndjson: UTF-16 is not supported; save the file as UTF-8\n',
    );
  });

  it('valid UTF-8 outside ASCII still reads', async () => {
    const path = join(tmp, 'utf8.csv');
    writeFileSync(path, 'segment,preset,label\nCafé/sw,720p30,façade\n');
    const result = await runInProcess(['--inventory', path, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).segments.map((s: { path: string[] }) => s.path.join('/'))).toContain('Café/sw');
  });
});

describe('messages that quote input are one printable line', () => {
  it('a quoted count with a line break', async () => {
    expect(await refused('nl.csv', 'segment,preset,count\na,720p30,"1\n2"\n')).toBe(
      "camsize: nl.csv:2: count: '1\\n2' is not a number (expected a whole number of cameras, 0 or more)\n",
    );
  });

  it('a quoted segment with a control character, and a preset with a line break', async () => {
    expect(await refused('ctl.csv', 'segment,preset\n"a//\u0007b",720p30\n')).toBe(
      "camsize: ctl.csv:2: segment: segment 'a//\\u{7}b' has an empty name between slashes\n",
    );
    const message = await refused('preset.csv', 'segment,preset\na,"720\np30"\n');
    expect(message).toMatch(/^camsize: preset\.csv:2: preset: unknown preset '720\\np30'/);
  });
});

describe('deep paths and stdin', () => {
  it('an inventory path of 1,000 components is sized (no recursion over its depth); 3,000 is refused cleanly', async () => {
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`).join('/');
    const path = join(tmp, 'deep.csv');
    writeFileSync(path, `segment,preset,count\n${deep(1000)},720p30,2\n`);
    const result = await runInProcess(['--inventory', path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.total.cameras).toBe('2');
    expect(doc.segments).toHaveLength(1001);
    writeFileSync(path, `segment,preset,count\n${deep(3000)},720p30,2\n`);
    expect(await runInProcess(['--inventory', path, '--json'])).toEqual({
      stdout: '',
      stderr: "camsize: the segment tree is more than 1000 levels deep (at 's0/s1/s2/…'); camsize sizes trees up to 1000 levels\n",
      code: 2,
    });
  });

  it('reads stdin through the Io seam, plain or gzipped', async () => {
    const csv = 'segment,preset,count\na/b,720p30,3\n';
    for (const input of [csv, gzipSync(csv)]) {
      const result = await runInProcess(['--inventory', '-', '--json'], { input });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).total.cameras).toBe('3');
    }
  });
});
