/**
 * Recording names reach ffprobe as files, never as URLs or options (issue 22,
 * item 12): `2026-12-01T10:00:00.mp4` was "Protocol not found", `http:x.mp4`
 * was opened as HTTP, and a file named `-report` became ffprobe's option (it
 * wrote a report file). Real ffprobe, real spawns in a folder of such names
 * (relative names, as a shell passes them). Without FFmpeg it is skipped
 * with one line naming the Debian package; under CI=true it fails instead.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ffprobeInput } from '../../src/io/measurement-files.js';
import { needs, program } from '../helpers/needs.js';
import { runCli } from '../helpers/run.js';

const installed = needs('recording names given to ffprobe', program('ffmpeg', 'ffmpeg'), program('ffprobe', 'ffmpeg'));

/** Names a shell hands over as they are, each a recording. */
const NAMES = ['2026-12-01T10:00:00.mp4', 'http:x.mp4', 'ftp:y.mp4', 'concat:a.mp4|b.mp4', 'pipe:0', '-report', '-i', 'a b.mp4', 'é.mp4'];

describe.skipIf(!installed)('recording names are files', () => {
  it('each is measured as the file it names, in one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camsize-names-'));
    const clip = join(dir, 'clip.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10', '-t', '2', '-c:v', 'libx264', clip]);
    for (const name of NAMES) copyFileSync(clip, join(dir, name));
    const result = runCli(['measure', '--json', '--', ...NAMES], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const measured = JSON.parse(result.stdout).measurements;
    expect(measured.map((m: { file: string }) => m.file)).toEqual(NAMES);
    for (const m of measured) expect(m).toMatchObject({ source: 'ffprobe', durationSeconds: 2, width: 320, height: 240 });
    expect(readdirSync(dir).filter((f) => f.startsWith('ffprobe-'))).toEqual([]); // -report would have written one
  });
});

describe('what ffprobe is given', () => {
  it.each(NAMES)('%s: file: and an absolute path', (name) => {
    expect(ffprobeInput(name)).toBe(`file:${join(process.cwd(), name)}`);
  });
});
