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

  it('a file of another kind given where a fleet goes says in one line what it is and which option takes it', async () => {
    const report = file('report.json', (await runInProcess(['--json', 'examples/figure6.json'])).stdout);
    const reportCsv = file('report.csv', (await runInProcess(['--format', 'csv', 'examples/figure6.json'])).stdout);
    const cases: Array<[string, RegExp]> = [
      [
        'examples/site-calibration.json',
        /: a site calibration \(camsize measure --fit\), not a fleet file: give it with --calibration examples\/site-calibration\.json beside/,
      ],
      [
        'examples/measurements.csv',
        /: a measurements CSV .*, not a fleet file: compare a fleet file with it with --measured examples\/measurements\.csv, or list it with camsize measure/,
      ],
      [
        'test/fixtures/measure/frigate-stats.json',
        /: Frigate's API answer \(measured rates\), not a fleet file: compare a fleet file with it with --measured /,
      ],
      ['test/fixtures/measure/cam-720p15-h264.ffprobe.json', /: a saved ffprobe JSON .*, not a fleet file: .*--measured /],
      ['examples/fleet.schema.json', /: a JSON Schema, not a fleet file/],
      ['examples/report.schema.json', /: a JSON Schema, not a fleet file/],
      [report, /: camsize's --json output, not a fleet file: size the fleet file it was made from$/],
      [reportCsv, /: camsize's --format csv output, not a fleet file/],
      [
        'test/fixtures/inventory/mixed.json',
        /: a fleet file is JSON; a JSON array of records is a camera inventory: size it with --inventory test\/fixtures\/inventory\/mixed\.json$/,
      ],
      [
        'test/fixtures/inventory/mixed.csv.gz',
        /: a fleet file is plain JSON; this one is gzip-compressed, .*--inventory test\/fixtures\/inventory\/mixed\.csv\.gz$/,
      ],
      [
        'package.json',
        /: not a fleet file: 16 of its 18 keys are not a fleet file's \('version', 'keywords', 'license' …\), and it has no "segments" or "cameras"/,
      ],
      [
        file('cams.txt', 'id,segment,preset\n1,a,720p30\n'),
        /: a fleet file is JSON; a CSV with a segment column is a camera inventory: size it with --inventory /,
      ],
    ];
    for (const [path, message] of cases) {
      const result = await runInProcess([path]);
      expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
      const [line, ...rest] = result.stderr.split('\n');
      expect(line).toMatch(new RegExp(`^camsize: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${message.source}`));
      expect(rest).toEqual(["Try 'camsize --help' for usage.", '']);
    }
    const stdin = await runInProcess(['-'], { input: '{"segment":"a","preset":"720p30"}\n{"segment":"b","preset":"4k30"}\n' });
    expect(stdin.stderr).toBe(
      "camsize: <stdin>: a fleet file is JSON; NDJSON (an object per line) is a camera inventory: size it with --inventory -\nTry 'camsize --help' for usage.\n",
    );
    // A fleet file with mistakes is still told each mistake, with its did-you-mean.
    const typos = await runInProcess(['-'], { input: '{"nmae":"x","segmnets":[]}' });
    expect(typos.stderr).toContain("unknown key 'segmnets' (did you mean 'segments'?)");
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
