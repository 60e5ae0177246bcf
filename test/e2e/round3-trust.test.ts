/**
 * Regressions of issue 22 (the third trust round) that the command line
 * shows: each case as the hostile tester ran it, in-process through the Io
 * seam. The classes each case belongs to are tested where the class lives
 * (named at each describe).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const refusal = async (args: string[], said: RegExp, input?: string) => {
  const result = await runInProcess(args, input === undefined ? {} : { input });
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(said);
};

// Class: test/unit/quantity.test.ts (sizes and rates read alike), fuzz-args (--storage-capacity), mutate-json.
describe('item 2: sizes with a three-digit exponent', () => {
  it.each(['1e100TB', '1e-100TB', '1e400TB'])('--storage-capacity %s is exit 2', async (size) => {
    await refusal(
      ['--preset', '720p30', '--count', '2', '--storage-capacity', size],
      /--storage-capacity: storage size '.*' has an exponent/,
    );
  });

  it("a segment's and a recorder's storage", async () => {
    const fleet = (storage: string, recorder: string) =>
      JSON.stringify({
        name: 'f',
        retention: '7d',
        segments: [{ name: 's', storage, recorders: [{ name: 'r', storage: recorder }], cameras: [{ preset: '720p30', count: 1 }] }],
      });
    await refusal(['-'], /segments\[0\]\.storage: storage size '1e100TB' has an exponent/, fleet('1e100TB', '1TB'));
    await refusal(['-'], /segments\[0\]\.recorders\[0\]\.storage: storage size '1e-100TB' has an exponent/, fleet('1TB', '1e-100TB'));
  });
});

// Class: the storage rules in test/unit/storage.test.ts; this is the recorder's side of "not counted".
describe('item 8: a recorder without storage, and segments with and without a retention', () => {
  const fleet = (storage?: string) =>
    JSON.stringify({
      name: 'f',
      recorders: [{ name: 'nvr', ...(storage ? { storage } : {}) }],
      segments: [
        { name: 'a', retention: '7d', cameras: [{ preset: '720p30', count: 2 }] },
        { name: 'b', cameras: [{ preset: '720p30', count: 2 }] },
      ],
    });

  it('sizes, as the same fleet without the recorder does, and says which cameras it leaves out', async () => {
    const result = await runInProcess(['-'], { input: fleet() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Storage: 604.8 GB (~563.26 GiB) to keep 7d of continuous recording; not counted: 2 recorded cameras');
    const json = JSON.parse((await runInProcess(['-', '--json'], { input: fleet() })).stdout);
    expect(json.recorders[0].storage).toMatchObject({ bytes: '604800000000' });
  });

  it('is refused when the recorder has a storage to check', async () => {
    await refusal(['-'], /recorder 'nvr' \(the fleet\) records cameras with a retention and cameras without one/, fleet('1TB'));
  });
});

// Class: test/unit/measure-trust.test.ts (every source's rates, any start, any split into recordings).
describe('item 5: a recording whose time stamps start late, and rates no camera sends', () => {
  const inventory = 'id,segment,bitrate,count\nlate-start,site,16kb/s,1\n';

  it('is measured over its own length: 33.454 kb/s over 5 s, not 1 b/s over 27.8 h, so +100 % drifts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-late-'));
    const file = join(dir, 'cameras.csv');
    await writeFile(file, inventory);
    const result = await runInProcess(['--inventory', file, '--measured', 'test/fixtures/measure/late-start.ffprobe.json']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/drift: site 16kb\/s|drift: site/);
    const listed = await runInProcess(['measure', 'test/fixtures/measure/late-start.ffprobe.json', '--json']);
    expect(JSON.parse(listed.stdout).measurements[0]).toMatchObject({ bitsPerSecond: '33454', durationSeconds: 5 });
  });

  it('a 0b/s row of a measurements CSV is exit 2 naming its line, not an average that passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-zero-'));
    const csv = join(dir, 'm.csv');
    await writeFile(csv, 'segment,preset,rate,duration\nsite,720p30,8Mb/s,24h\nsite,720p30,0b/s,24h\n');
    const fleet = JSON.stringify({ name: 'f', segments: [{ name: 'site', cameras: [{ preset: '720p30', count: 2 }] }] });
    await refusal(['-', '--measured', csv], /m\.csv:3: rate: a measured 0 b\/s is below 1 kb\/s/, fleet);
  });
});

describe('item 6: one camera measured twice', () => {
  it('two rows for one camera in a measurements CSV are exit 2 naming both lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-twice-'));
    const csv = join(dir, 'm.csv');
    await writeFile(
      csv,
      'camera,segment,preset,rate,duration\ncam-1,site,720p30,4Mb/s,24h\ncam-2,site,720p30,4Mb/s,24h\ncam-1,site,720p30,9Mb/s,24h\n',
    );
    const fleet = JSON.stringify({ name: 'f', segments: [{ name: 'site', cameras: [{ preset: '720p30', count: 2 }] }] });
    await refusal(['-', '--measured', csv], /camera 'cam-1' is measured twice, .*m\.csv line 2 and .*m\.csv line 4/, fleet);
    await refusal(['measure', csv], /camera 'cam-1' is measured twice/);
  });

  it('several recordings of one camera are one measurement of it, weighted by their lengths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-parts-'));
    await mkdir(join(dir, 'cam-7'));
    const probe = (bitRate: string, duration: string) =>
      JSON.stringify({
        format: { duration, start_time: '0.000000', bit_rate: bitRate, size: '1' },
        streams: [{ codec_type: 'video', codec_name: 'h264', width: 1280, height: 720, avg_frame_rate: '15/1', duration }],
      });
    // 1 h at 2 Mb/s and 3 h at 6 Mb/s: 5 Mb/s over 4 h, one camera (a mean of the two would be 4 Mb/s, two cameras).
    await writeFile(join(dir, 'cam-7', 'a.ffprobe.json'), probe('2000000', '3600.000000'));
    await writeFile(join(dir, 'cam-7', 'b.ffprobe.json'), probe('6000000', '10800.000000'));
    const inventory = join(dir, 'cameras.csv');
    await writeFile(inventory, 'id,segment,bitrate,count\ncam-7,site,4Mb/s,1\n');
    const result = await runInProcess([
      '--inventory',
      inventory,
      '--measured',
      join(dir, 'cam-7', 'a.ffprobe.json'),
      '--measured',
      join(dir, 'cam-7', 'b.ffprobe.json'),
      '--json',
    ]);
    const group = JSON.parse(result.stdout).drift.groups[0];
    expect(group).toMatchObject({ measured: { bitsPerSecond: '5000000' }, measurements: 1, cameras: '1' });
  });
});

// Class: test/unit/measure-trust.test.ts (every field of a probe, hostile values).
describe('item 9: camsize measure is exact and checks what ffprobe says', () => {
  const probe = async (format: Record<string, unknown>, video: Record<string, unknown>) => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-probe-'));
    const file = join(dir, 'cam.ffprobe.json');
    await writeFile(
      file,
      JSON.stringify({ format: { duration: '86400.000000', ...format }, streams: [{ codec_type: 'video', ...video }] }),
    );
    return file;
  };

  it('a huge bit_rate is read exactly', async () => {
    const file = await probe({ bit_rate: '123456789012345678901234567' }, { width: 1280, height: 720 });
    const result = await runInProcess(['measure', file, '--json']);
    expect(JSON.parse(result.stdout).measurements[0].bitsPerSecond).toBe('123456789012345678901234567');
  });

  it('a height of -1 is exit 2 naming the field, not 1280xundefined', async () => {
    await refusal(
      ['measure', await probe({ bit_rate: '4000000' }, { width: 1280, height: -1 })],
      /the video stream's height -1 is not a whole number/,
    );
  });

  it('--fit never writes a factor of null with exit 0: what made one is exit 2', async () => {
    const zero = await probe({ bit_rate: '0' }, { width: 1280, height: 720, avg_frame_rate: '15/1', codec_name: 'h264' });
    const huge = await probe({ bit_rate: '9'.repeat(400) }, { width: 1280, height: 720, avg_frame_rate: '15/1', codec_name: 'h264' });
    await refusal(['measure', zero, zero, '--fit'], /a measured 0 b\/s is below 1 kb\/s/);
    await refusal(['measure', huge, '--fit'], /format\.bit_rate "9{400}" is not a whole number from 0 to/);
  });
});

// Class: test/unit/referenced-files.test.ts (a canary in every shape of file, never echoed; the library's options).
describe("item 11: a fleet's calibration is never any file, and never quoted", () => {
  const fleet = (calibration: string) =>
    JSON.stringify({ name: 'f', calibration, cameras: [{ resolution: '1080p', fps: 15, codec: 'h264', count: 1 }] });

  it.each(['/etc/passwd', '../../proc/self/environ'])('%s is refused without reading it', async (path) => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-cal-'));
    const file = join(dir, 'fleet.json');
    await writeFile(file, fleet(path));
    const result = await runInProcess([file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("a fleet's calibration is a path inside its folder");
    expect(result.stderr).not.toMatch(/root:|PATH=|SHELL=/);
  });

  it('a file in its folder that is no calibration is refused without a word of what it holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-cal-'));
    await writeFile(join(dir, 'secret.json'), 'root:x:0:0:root:/root:/bin/bash\nAPI_KEY=hunter2\n');
    await writeFile(join(dir, 'fleet.json'), fleet('secret.json'));
    const result = await runInProcess([join(dir, 'fleet.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `camsize: ${join(dir, 'fleet.json')}: calibration 'secret.json': not a site calibration (the JSON that camsize measure … --fit writes)\n`,
    );
  });

  it('the library refuses or supplies it as asked', async () => {
    const { size } = await import('../../src/index.js');
    await expect(size(fleet('site.json'), { allowFiles: false })).rejects.toThrow(
      /the fleet refers to a file, and this reading of it allows none/,
    );
    const calibration = await (await import('node:fs/promises')).readFile('examples/site-calibration.json', 'utf8');
    const asked: string[] = [];
    const supply = async (path: string) => {
      asked.push(path);
      return calibration;
    };
    const report = await size(fleet('any/name.json'), { readFile: supply });
    expect(asked).toEqual(['any/name.json']);
    expect(report.profiles[0]!.profile.calibration).toBeDefined();
  });
});
