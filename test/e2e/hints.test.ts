/** Input hints: what to do instead, said once, with exit 2 and nothing on stdout. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const tmp = mkdtempSync(join(tmpdir(), 'camsize-hints-'));
const file = (name: string, content: string) => {
  writeFileSync(join(tmp, name), content);
  return join(tmp, name);
};
const HINT = 'Add --skip-invalid to skip invalid records (counted, the first 10 listed) and size the rest.\n';

describe('input hints', () => {
  it('an inventory given as the fleet file says to use --inventory', async () => {
    for (const name of ['cams.csv', 'cams.ndjson', 'cams.jsonl', 'cams.csv.gz']) {
      const path = file(name, 'segment,preset\na,720p30\n');
      const kind = name.split('.')[1];
      expect(await runInProcess([path])).toEqual({
        stdout: '',
        stderr: `camsize: ${path}: a fleet file is JSON; a .${kind} file is a camera inventory: size it with --inventory ${path}\nTry 'camsize --help' for usage.\n`,
        code: 2,
      });
    }
    // A valid fleet file is a fleet file, whatever it is called.
    expect((await runInProcess([file('fleet.ndjson', '{"name":"x","cameras":[{"preset":"720p30","count":1}]}')])).code).toBe(0);
  });

  it("a CSV inventory separated by ';' or tabs is read as it is (the header says which)", async () => {
    for (const separator of [';', '\t']) {
      const path = file('semi.csv', `segment${separator}preset${separator}count\na${separator}720p30${separator}3\n`);
      const result = await runInProcess(['--inventory', path, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).total.cameras).toBe('3');
    }
  });

  it('a bad inventory record mentions --skip-invalid, and with it the run goes on', async () => {
    const path = file('bad.csv', 'segment,preset\na,720p3\nb,720p30\n');
    expect(await runInProcess(['--inventory', path])).toEqual({
      stdout: '',
      stderr: `camsize: ${path}:2: preset: unknown preset '720p3' (did you mean '720p30'?)\n${HINT}`,
      code: 2,
    });
    const skipped = await runInProcess(['--inventory', path, '--skip-invalid', '--json']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).not.toContain('Add --skip-invalid');
  });

  it('hevc and avc are codecs', async () => {
    const hevc = await runInProcess(['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'hevc', '--json']);
    const h265 = await runInProcess(['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265', '--json']);
    expect(hevc).toEqual(h265);
    const avc = await runInProcess(['presets', '--codec', 'AVC', '--json']);
    expect(avc.stdout).toBe((await runInProcess(['presets', '--codec', 'h264', '--json'])).stdout);
    const fleet = file('hevc.json', '{"name":"x","cameras":[{"resolution":"4K","fps":15,"codec":"HEVC","count":2}]}');
    expect((await runInProcess([fleet])).stdout).toContain('estimated: 3840x2160 15 fps h265');
  });

  it("zod's messages come in plain words", async () => {
    const cases: Array<[string, string]> = [
      ['{"name":"x","segments":[{"cameras":[]}]}', 'segments[0].name: missing (expected a string)'],
      ['{"segments":[]}', 'name: missing (expected a string)'],
      ['{"name":"x","segments":{}}', 'segments: expected a list ([ … ]), not an object ({ … })'],
      ['{"name":"x","segments":[{"name":""}]}', 'segments[0].name: must not be empty'],
      ['{"name":5}', 'name: expected a string, not a number'],
    ];
    for (const [input, message] of cases) {
      const result = await runInProcess(['-'], { input });
      expect(result).toEqual({ stdout: '', stderr: `camsize: <stdin>: ${message}\n`, code: 2 });
    }
  });
});
