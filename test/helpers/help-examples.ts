/**
 * The examples camsize's help shows (`camsize --help` and each command's),
 * as shell command lines, and the files they name, made in a folder from the
 * repository's examples and fixtures so that every one can be run there.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { needs, program } from './needs.js';
import { ROOT } from './run.js';

/** Every example line of every help page; `help` runs camsize with arguments and gives its stdout. */
export function helpExamples(help: (args: string[]) => string): string[] {
  const main = help(['--help']);
  const commands = [...main.matchAll(/^ {2}([a-z]+) (?:\[options\]|<|\[command\])/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  const pages = [main, ...commands.map((command) => help([command, '--help']))];
  return pages.flatMap(examplesOf);
}

/** The command lines under "Examples:": a description follows 3 or more spaces or sits on its own, further indented line. */
function examplesOf(page: string): string[] {
  const all = page.split('\n');
  const start = all.indexOf('Examples:');
  if (start < 0) return [];
  const end = all.findIndex((line, i) => i > start && !line.startsWith(' '));
  const lines: string[] = [];
  let continued = false;
  for (const line of all.slice(start + 1, end < 0 ? undefined : end)) {
    if (continued) {
      lines[lines.length - 1] += ` ${line.trim().replace(/\\$/, '').trim()}`;
      continued = line.endsWith('\\');
      continue;
    }
    if (!/^ {2}\S/.test(line)) continue; // a description on its own line
    const command = line.trim().split(/ {3,}/)[0]!;
    continued = command.endsWith('\\');
    lines.push(command.replace(/\\$/, '').trim());
  }
  return lines;
}

/**
 * The files the examples name, in `dir`: the fleet and inventory files from examples/, a measurements
 * CSV, Frigate's answer, a site calibration, and two short recordings when FFmpeg is installed.
 * Returns the words of the examples that cannot run here (recordings without FFmpeg).
 */
export function placeExampleFiles(dir: string): { skipped: string[] } {
  const copy = (from: string, to: string) => copyFileSync(join(ROOT, from), join(dir, to));
  copy('examples/campus.json', 'fleet.json');
  copy('examples/depot.json', 'site.json'); // a fleet with cameras: --measured compares them
  copy('examples/depot-measured.csv', 'nvr-export.csv');
  copy('examples/measurements.csv', 'measurements.csv');
  copy('examples/site-calibration.json', 'site-calibration.json');
  copy('test/fixtures/measure/frigate-stats.json', 'frigate-stats.json');
  const cameras = readFileSync(join(ROOT, 'examples/cameras.csv'));
  writeFileSync(join(dir, 'cameras.csv.gz'), gzipSync(cameras));
  // Records in site.json's segments (--inventory places them there).
  const records = [
    { id: 'g-1', segment: 'gate', preset: '1080p30-ir', count: 2 },
    { id: 'y-1', segment: 'yard', preset: '4k30' },
    { id: 'o-1', segment: 'office', bitrate: '3Mb/s', label: 'lobby' },
  ];
  writeFileSync(join(dir, 'cameras.ndjson'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  // Schedules (camsize columns), a folder of sites (check), two versions of a fleet and two inventories (diff).
  copy('examples/schedule.csv', 'schedule.csv');
  copy('examples/schedule.xlsx', 'schedule.xlsx');
  writeFileSync(join(dir, 'export.csv'), 'Standort,Anzahl,Preset\nLager,12,720p30\nHalle,3,4k30\n');
  mkdirSync(join(dir, 'sites'));
  copy('examples/campus.json', 'sites/campus.json');
  copy('examples/depot.json', 'sites/depot.json');
  copy('examples/sop-warehouse.json', 'before.json');
  copy('examples/sop-warehouse-yard.json', 'after.json');
  const csv = (rows: typeof records) =>
    `segment,preset,count\n${rows.map((r) => `${r.segment},${r.preset ?? '720p30'},${r.count ?? 1}`).join('\n')}\n`;
  writeFileSync(join(dir, 'old.csv'), csv(records));
  writeFileSync(join(dir, 'new.csv'), csv([...records, { id: 'y-2', segment: 'yard', preset: '4k30', count: 4 }]));
  const skipped: string[] = [];
  // `git show origin/main:site.json | camsize diff - site.json`: a repository whose origin/main holds site.json.
  if (needs('the help example that diffs a git revision', program('git', 'git'))) {
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
    git('init', '-q');
    git('add', 'site.json');
    git('commit', '-q', '-m', 'site');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  } else skipped.push('git show');
  mkdirSync(join(dir, 'recordings'));
  // Two short recordings for `camsize measure recordings/*.mp4`; without FFmpeg those examples are skipped (needs.ts).
  if (!needs('the help examples that measure recordings', program('ffmpeg', 'ffmpeg'), program('ffprobe', 'ffmpeg'))) {
    return { skipped: [...skipped, 'recordings/'] };
  }
  for (const name of ['gate', 'yard']) {
    const made = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=320x240:rate=10',
      '-c:v',
      'mjpeg',
      '-pix_fmt',
      'yuvj420p',
      join(dir, `recordings/${name}.mp4`),
    ]);
    if (made.status !== 0) throw new Error(`ffmpeg could not make a test recording: ${made.stderr}`);
  }
  return { skipped };
}
