/**
 * Where an NDJSON or JSON inventory's problem is said to be (exit 2 in every
 * case here): an adversarial test found an invalid escape after a valid one
 * placed at the string's quote and quoting the valid one, a raw line break
 * placed past the end of its line, and standard input whose first read held
 * only blank lines or half a byte-order mark read as CSV. And a record of
 * very many distinct keys, whose "given twice" check was quadratic in them.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, runInProcess } from '../helpers/in-process.js';

const ndjson = (text: string) => runInProcess(['-i', '-', '--input-format', 'ndjson', '-q'], { input: text });
const first = '{"segment":"a","preset":"720p30"}\n';

describe('an invalid escape: placed at it, quoting it', () => {
  it.each([
    ['after a valid \\\\', '{"segment":"north\\\\sw-1\\x","preset":"720p30"}', '1:24: a string with an invalid escape: \\x'],
    ['after \\" and \\u0041', '{"segment":"a\\"b\\u0041\\q","preset":"720p30"}', '1:23: a string with an invalid escape: \\q'],
    ['a bad \\u after a good one', '{"segment":"\\u00e9\\u00zz","preset":"720p30"}', '1:19: a string with an invalid escape: \\u00zz'],
    ['a \\u cut by the quote', '{"segment":"a\\/b\\u12","preset":"720p30"}', '1:17: a string with an invalid escape: \\u12'],
    [
      'in a member camsize ignores',
      '{"segment":"a","note":"C:\\\\cams\\x","preset":"720p30"}',
      '1:32: a string with an invalid escape: \\x',
    ],
    ['in a member name', '{"segment":"a","n\\\\o\\te\\z":1,"preset":"720p30"}', '1:24: a string with an invalid escape: \\z'],
  ])('%s', async (_, line, place) => {
    for (const [text, lineNo] of [
      [`${line}\n`, 1],
      [`${first}${line}\n`, 2],
    ] as const) {
      const r = await ndjson(text);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`<stdin>:${place.replace(/^1:/, `${lineNo}:`)}\n`);
    }
  });
});

describe('a raw line break inside a string: placed at the break, on the line the string begins', () => {
  it.each([
    ['a label', '{"segment":"a","preset":"720p30","label":"free text\n more"}', '1:52'],
    ['an ignored member', '{"segment":"a","note":"x\ny","preset":"720p30"}', '1:25'],
    ['a member name', '{"segment":"a","no\nte":1}', '1:19'],
    ['after CR', '{"segment":"a","note":"x\r\ny","preset":"720p30"}', '1:26'],
  ])('%s', async (_, line, place) => {
    const r = await ndjson(`${first}${first}${line}\n`);
    expect(r.code).toBe(2);
    const [, column] = place.split(':');
    expect(r.stderr).toContain(`<stdin>:3:${column}: a line break inside a string\n`);
    expect(Number(column)).toBeLessThanOrEqual(line.indexOf('\n') + 1); // never past the line's end
  });
});

describe('standard input whose first read cannot tell the format', () => {
  const record = '{"segment":"a","preset":"720p30","count":5}\n';
  /** camsize -i - in-process, standard input arriving in these reads. */
  async function fromReads(reads: Array<string | Buffer>, args: string[] = []) {
    const io = fakeIo({ input: '' });
    io.stdinChunks = async function* () {
      for (const r of reads) yield Buffer.from(r);
    };
    const code = await main(['-i', '-', '--json', ...args], io);
    return { code, stdout: io.out.join(''), stderr: io.err.join('') };
  }
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);

  it.each([
    ['half a byte-order mark', [bom.subarray(0, 2), Buffer.concat([bom.subarray(2), Buffer.from(record)])]],
    ['one byte of it', [bom.subarray(0, 1), bom.subarray(1, 2), Buffer.concat([bom.subarray(2), Buffer.from(record)])]],
    ['only blank lines', ['\n\n', record]],
    ['blanks and a byte-order mark, then a JSON array', [Buffer.concat([bom, Buffer.from(' \r\n')]), '\t\n', `[${record}]`]],
  ])('%s: read by its first record, as when it comes in one read', async (_, reads) => {
    const whole = await fromReads([Buffer.concat(reads.map((r) => Buffer.from(r)))]);
    expect(whole.code, whole.stderr).toBe(0);
    const got = await fromReads(reads);
    expect(got.stderr).toBe(whole.stderr);
    expect(got.stdout).toBe(whole.stdout);
  });

  it('half a byte-order mark with the format given: read too', async () => {
    const got = await fromReads([bom.subarray(0, 2), Buffer.concat([bom.subarray(2), Buffer.from(record)])], ['--input-format', 'ndjson']);
    expect(got.code, got.stderr).toBe(0);
  });

  it('only blank lines, however they come: an empty inventory, as before', async () => {
    const got = await fromReads(['\n', ' \n', '']);
    expect(got.code).toBe(2);
    expect(got.stderr).toContain('<stdin>: empty inventory (no camera records)');
  });
});

describe('a record with very many distinct keys', () => {
  it('20,000 ignored keys in one record are read, and one given twice at the end is found', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',');
    expect((await ndjson(`{"segment":"a","preset":"720p30",${keys}}\n`)).code).toBe(0);
    const r = await ndjson(`{"segment":"a","preset":"720p30",${keys},"k19999":2}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:1:\d+: k19999: given twice in one record/);
  });
});
