/** Fleet files that used to crash (exit 3) or silently lose cameras: each a clean exit 2, one printable line per problem. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const run = (input: string | Buffer) => runInProcess(['-'], { input });

describe('duplicate keys', () => {
  it('a second "cameras" is an error, not a silent drop of the first', async () => {
    const text =
      '{\n  "name": "x",\n  "cameras": [{ "preset": "720p30", "count": 5 }],\n  "cameras": [{ "preset": "4k30", "count": 1 }]\n}\n';
    expect(await run(text)).toEqual({
      stdout: '',
      stderr: 'camsize: <stdin>:4:3: key "cameras" given twice in one object (first at 3:3)\n',
      code: 2,
    });
  });

  it('"count":1,"count":1000 and an escaped spelling of a key are caught', async () => {
    const { stderr, code } = await run('{"name":"x","cameras":[{"preset":"720p30","count":1,"count":1000}]}');
    expect([stderr, code]).toEqual(['camsize: <stdin>:1:53: key "count" given twice in one object (first at 1:43)\n', 2]);
    expect((await run('{"name":"x","na\\u006de":"y"}')).stderr).toBe(
      'camsize: <stdin>:1:13: key "name" given twice in one object (first at 1:2)\n',
    );
  });

  it('the same key in sibling objects is fine', async () => {
    expect((await run('{"name":"x","segments":[{"name":"a","link":"1Gb/s"},{"name":"b","link":"1Gb/s"}]}')).code).toBe(0);
  });
});

describe('encodings', () => {
  it('invalid UTF-8 is an error with its place, not a U+FFFD in a name', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name": "caf'), Buffer.from([0xe9]), Buffer.from('", "cameras": []}')]);
    expect(await run(bytes)).toEqual({
      stdout: '',
      stderr: 'camsize: <stdin>:1:14: not valid UTF-8 (byte 0xe9); save the file as UTF-8\n',
      code: 2,
    });
  });

  it('UTF-16, with or without a byte-order mark, is named', async () => {
    const text = '{"name": "x", "cameras": [{"preset": "720p30", "count": 1}]}';
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le')]) {
      expect(await run(bytes)).toEqual({
        stdout: '',
        stderr: 'camsize: <stdin>: UTF-16 is not supported; save the file as UTF-8\n',
        code: 2,
      });
    }
  });

  it('a UTF-8 byte-order mark is fine; a NUL after the JSON is shown, not written raw', async () => {
    expect((await run(`\ufeff{"name":"x","cameras":[{"preset":"720p30","count":1}]}`)).code).toBe(0);
    expect((await run('{"name":"x"}\u0000')).stderr).toBe("camsize: <stdin>:1:13: unexpected '\\u{0}' after the end of the JSON value\n");
  });

  it('a value with a line break is echoed on one line', async () => {
    const { stderr, code } = await run(JSON.stringify({ name: 'x', cameras: [{ preset: '720p\n30', count: 1 }] }));
    expect(code).toBe(2);
    expect(stderr).toBe("camsize: <stdin>: cameras[0].preset: unknown preset '720p\\n30' (did you mean '720p30'?)\n");
  });
});

describe('deep trees', () => {
  const nested = (levels: number, leaf: string) => {
    let text = leaf;
    for (let i = levels; i > 0; i--) text = `{"name":"s${i}","segments":[${text}]}`;
    return `{"name":"root","segments":[${text}]}`;
  };

  it('a valid fleet 999 levels deep is sized', async () => {
    const { stdout, code } = await runInProcess(['-', '--json'], {
      input: nested(998, '{"name":"leaf","cameras":[{"preset":"720p30","count":3}]}'),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).total.cameras).toBe('3');
  });

  it.each([2000, 100_000])('a fleet %i levels deep is refused cleanly, valid or not', async (levels) => {
    for (const leaf of ['{"name":"leaf"}', '{"name":"leaf","camreas":[]}']) {
      const { stdout, stderr, code } = await run(nested(levels, leaf));
      expect([stdout, code]).toEqual(['', 2]);
      expect(stderr).toMatch(/segments nested more than 1000 levels deep/);
      expect(stderr).not.toMatch(/internal error|stack/i);
    }
  });

  it('a syntax error deep inside is located without recursion', async () => {
    const text = `${'['.repeat(200_000)}1,]${']'.repeat(199_999)}`;
    expect((await run(text)).stderr).toBe("camsize: <stdin>:1:200003: unexpected ']' after ',' (trailing commas are not JSON)\n");
  });
});
