/**
 * End-to-end, in-process through the Io seam: `camsize measure` on a clip made here with FFmpeg (testsrc2 at
 * known settings) and probed with the real ffprobe, on CSV and Frigate files,
 * and a missing ffprobe. The tests on a recording need Debian's ffmpeg: without it they are
 * skipped with one line saying so, and under CI=true they fail (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { needs, program } from '../helpers/needs.js';

const FFMPEG = needs('camsize measure on a recording', program('ffmpeg', 'ffmpeg'), program('ffprobe', 'ffmpeg'));

describe.skipIf(!FFMPEG)('camsize measure on a recording (ffmpeg)', () => {
  let clip = '';
  beforeAll(() => {
    clip = join(mkdtempSync(join(tmpdir(), 'camsize-measure-')), 'yard.mp4');
    // 3 s of 1280x720 at 15 fps, H.264 at a 1 Mb/s target: what a small camera records.
    const args = ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=15', '-t', '3'];
    execFileSync('ffmpeg', [...args, '-c:v', 'libx264', '-b:v', '1M', '-pix_fmt', 'yuv420p', clip]);
  });

  it('measures a recording with the real ffprobe: rate, duration, resolution, frame rate, codec', async () => {
    const result = await runInProcess(['measure', clip, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [m] = JSON.parse(result.stdout).measurements;
    expect(m).toMatchObject({ source: 'ffprobe', durationSeconds: 3, width: 1280, height: 720, fps: 15, codec: 'h264' });
    expect(m.flags).toEqual({ short: true, likelyCap: false });
    const bps = Number(m.bitsPerSecond);
    expect(bps).toBeGreaterThan(700_000); // the encoder's 1 Mb/s target, give or take its rate control
    expect(bps).toBeLessThan(1_300_000);
    const table = (await runInProcess(['measure', clip])).stdout;
    expect(table).toContain('1280x720');
    expect(table).toContain('1 measurement.\n1 is short (under 24 h, or of unknown length)');
  });

  it('fits a site calibration from it', async () => {
    const result = await runInProcess(['measure', clip, '--fit']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('camsize: note: 1 of 1 fitted measurements are shorter than 24 h\n');
    const fit = JSON.parse(result.stdout);
    expect(fit).toMatchObject({ kind: 'camsize-calibration', version: 1, site: { measurements: 1, short: 1 }, skipped: 0 });
    expect(fit.site.factor).toBeGreaterThan(0.3); // 1 Mb/s against the model's 1.526 Mb/s for 720p15 H.264
    expect(fit.site.factor).toBeLessThan(1);
  });

  it('a recording that is not there: ffprobe says so, exit 2', async () => {
    const result = await runInProcess(['measure', 'test/fixtures/measure/missing.mp4']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('camsize: test/fixtures/measure/missing.mp4: ffprobe cannot read it: No such file or directory\n');
  });
});

describe('camsize measure', () => {
  it('reads a measurements CSV and a saved Frigate answer in one run, as CSV', async () => {
    const result = await runInProcess([
      'measure',
      'test/fixtures/measure/measurements.csv',
      'test/fixtures/measure/frigate-stats.json',
      '-f',
      'csv',
    ]);
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\r\n');
    expect(rows[0]).toBe('file,where,camera,segment,group,bps,duration_s,resolution,fps,codec,notes,short,likely_cap,basis');
    expect(rows).toHaveLength(1 + 5 + 3);
    expect(rows[3]).toBe(
      'test/fixtures/measure/measurements.csv,line 4,cam-03,north/sw-2,4mp15-h265-plan,2200000,5400,,,,"short, likely cap",true,true,measured average from a measurements CSV',
    );
  });

  it.each([
    [
      ['measure', 'clip.mp4'],
      { CAMSIZE_FFPROBE: '/nonexistent/ffprobe' },
      /^camsize: ffprobe \(FFmpeg\) is not installed or not on PATH: install it \(Debian\/Ubuntu: 'apt-get install ffmpeg'\)/,
    ],
    [['measure', 'package.json'], {}, /^camsize: package\.json: neither a saved ffprobe JSON nor Frigate/],
    [['measure', 'test/fixtures/measure/frigate-stats.json', '--fit'], {}, /nothing to fit/],
  ])('camsize %j: exit 2, one line, nothing on stdout', async (args, env, stderr) => {
    const result = await runInProcess(args, { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
