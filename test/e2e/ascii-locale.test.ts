/**
 * A terminal whose locale is not UTF-8 (LC_ALL=C) shows only ASCII: the table
 * borders were ASCII there, but 7 × 4k30, night 18:00–06:00, σ/μ, ±13.6 % and
 * ≤ 25 % were printed as they are (issue 22 item 16). Every command with
 * human output, every table, sentence, failure line and diagnostic, is here
 * run under LC_ALL=C and must print nothing but ASCII (the names in these
 * files are ASCII); under a UTF-8 locale the same symbols stay.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const COMMANDS: string[][] = [
  ['examples/campus.json'],
  ['examples/campus.json', '-q'],
  ['examples/campus.json', '--as', '4k30', '--capacity', '1Gb/s', '--flows'],
  ['examples/day-night.json', '--timeline=junctions'],
  ['examples/multi-site.json', '--flows'],
  ['examples/relay.json', '--flows'],
  ['examples/recorders.json', '--calibration', 'examples/site-calibration.json'],
  ['--preset', '720p30', '--count', '100', '--percentile', '99', '--correlation', '0.3'],
  ['test/fixtures/every-feature.json', '--percentile', '99.9', '--timeline=north/yard', '--retention', '7d', '--storage-capacity', '100TB'],
  ['test/fixtures/measure/calibrated.json'],
  ['examples/depot.json', '--measured', 'examples/depot-measured.csv', '--use-measured'],
  ['examples/site.json', '--inventory', 'examples/cameras.csv', '--measured', 'test/fixtures/measure/site-ids.csv'],
  ['presets'],
  ['estimate', '--resolution', '4MP', '--fps', '20', '--codec', 'h265', '--calibration', 'examples/site-calibration.json'],
  ['estimate', '--calibration'],
  ['measure', 'examples/measurements.csv', 'test/fixtures/measure/frigate-stats.json'],
  ['--help'],
  ['measure', '--help'],
  ['help', 'fleet'],
  ['estimate', '--calibration', '--resolution', '4K', '--fps', '15', '--codec', 'h265'],
];

const notAscii = (text: string) => [...new Set(text.match(/[^\x00-\x7f]/g) ?? [])];

describe('under a locale that is not UTF-8, only ASCII', () => {
  it.each(COMMANDS.map((args) => [args.join(' '), args]))('camsize %s', async (_name, args) => {
    const { stdout, stderr } = await runInProcess(args, { env: { LANG: '', LC_ALL: 'C' } });
    expect(notAscii(stdout)).toEqual([]);
    expect(notAscii(stderr)).toEqual([]);
  });

  it('a cell that grows (± is +/-) is spelled before the table is laid out', async () => {
    const { stdout } = await runInProcess(['examples/recorders.json', '--calibration', 'examples/site-calibration.json'], {
      env: { LANG: '', LC_ALL: 'C' },
    });
    const lines = stdout.split('\n');
    const profiles = lines.slice(0, lines.findIndex((line, i) => i > 0 && line.startsWith('+')) + 1);
    expect(profiles.some((line) => line.includes('spread +/-15.8 %'))).toBe(true);
    expect(new Set(profiles.map((line) => line.length)).size).toBe(1);
  });

  it('a UTF-8 locale keeps the symbols', async () => {
    const { stdout } = await runInProcess(['examples/campus.json', '-q']);
    expect(stdout).toContain('7 × 4k30 too many');
    const ascii = await runInProcess(['examples/campus.json', '-q'], { env: { LANG: '', LC_ALL: 'C' } });
    expect(ascii.stdout).toContain('7 x 4k30 too many');
  });
});
