/**
 * Tables that fit: the terminal's width (the TTY's, then COLUMNS), --wide,
 * ASCII borders without a UTF-8 locale, on TERM=dumb or with --ascii; all
 * in-process through the Io seam (test/e2e/terminal.test.ts runs the same in
 * a real terminal).
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const CAMPUS = ['examples/campus.json'];
const cells = (line: string) => [...line].length;
const tableLines = (text: string) => text.split('\n').filter((l) => /^[┌│└+|]/.test(l));
const widest = (text: string) => Math.max(...tableLines(text).map(cells));

describe('table width', () => {
  it('fits the terminal stdout is (80 columns): wraps, leaves out, and says which', async () => {
    const { stdout, code } = await runInProcess(CAMPUS, { stdoutIsTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(code).toBe(1);
    expect(widest(stdout)).toBe(80);
    expect(stdout).toContain('Left out to fit 80 columns: Cameras, Link, Headroom (--wide shows every column).');
    expect(stdout).toMatch(/│ +sw-b2 +│ +746\.94 Mb\/s │ +0 b\/s │ +74\.7 % \/ 0 % │ OVER ↑ │/);
    // The description wraps; the numbers beside it stay whole on the first line.
    expect(stdout).toMatch(/│ 4k10-night +│ 4K 10 fps, +│ +24 Mb\/s │ +12 │ +303\.84 Mb\/s │\n│ +│ outdoors at +│/);
  });

  it('reads COLUMNS when stdout is not a terminal', async () => {
    const { stdout } = await runInProcess(CAMPUS, { env: { COLUMNS: '60' } });
    expect(widest(stdout)).toBeLessThanOrEqual(60);
    // sw-b2 is over: its utilisation explains it and stays (wrapped at " / "); the loads go, Down first.
    expect(stdout).toContain('Left out to fit 60 columns: Cameras, Down, Link, Headroom (--wide shows every column).');
    expect(stdout).toMatch(/│ {3}wan-monitoring │ +0 b\/s │ +0 % \/ │ ok +│\n│ +│ +│ +6\.76 % │ +│/);
    expect(stdout).toMatch(/│ {5}sw-b2 +│ +746\.94 Mb\/s │ +74\.7 % \/ │ OVER ↑ │/);
  });

  it('keeps a recorder\'s "2 needed" where units "auto" leaves its status blank', async () => {
    const { stdout } = await runInProcess(['examples/multi-site.json'], { env: { COLUMNS: '60' } });
    expect(widest(stdout)).toBeLessThanOrEqual(60);
    // With the ratio 0.81 the derived ingest figures are long again (125.03704 Mb/s; 126.6 Mb/s at 0.8), and the ingest column gives way.
    expect(stdout).toMatch(/│ nvr-b +│ +140 Mb\/s \(62\.52 %\) │ 2 needed │ +│/);
    expect(stdout).toContain('Left out to fit 60 columns: Segment, Cameras, Ingest, Storage, Store cap., Keeps (--wide');
  });

  it("prefers the terminal's own width to COLUMNS", async () => {
    const { stdout } = await runInProcess(CAMPUS, { stdoutIsTTY: true, columns: 100, env: { COLUMNS: '60', NO_COLOR: '1' } });
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    expect(stdout).toContain('Left out to fit 100 columns: Headroom');
  });

  it('--wide keeps every column, as when no width is known', async () => {
    const plain = await runInProcess(CAMPUS);
    const wide = await runInProcess([...CAMPUS, '--wide'], { env: { COLUMNS: '60' } });
    expect(wide.stdout).toBe(plain.stdout);
    expect(widest(wide.stdout)).toBe(113);
    expect(wide.stdout).not.toContain('Left out');
  });

  it.each([['abc'], ['0'], [''], ['-5'], ['80x']])('ignores COLUMNS=%j', async (columns) => {
    expect((await runInProcess(CAMPUS, { env: { COLUMNS: columns } })).stdout).toBe((await runInProcess(CAMPUS)).stdout);
  });

  it('leaves the other formats alone', async () => {
    for (const format of ['json', 'csv', 'markdown']) {
      const narrow = await runInProcess([...CAMPUS, '--format', format, '--ascii'], { env: { COLUMNS: '40', LANG: 'C' } });
      expect(narrow.stdout).toBe((await runInProcess([...CAMPUS, '--format', format])).stdout);
    }
  });

  it('fits the catalog, the estimate, the calibration and measurements too', async () => {
    const commands = [
      ['presets'],
      ['estimate', '--calibration'],
      ['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265'],
      ['measure', 'examples/measurements.csv'],
    ];
    for (const args of commands) {
      for (const columns of ['80', '60']) {
        const { stdout, code } = await runInProcess(args, { env: { COLUMNS: columns } });
        expect(code).toBe(0);
        expect(widest(stdout)).toBeLessThanOrEqual(Number(columns));
      }
    }
  });

  it('narrows the day chart to the terminal', async () => {
    const { stdout } = await runInProcess(['examples/day-night.json', '--timeline'], { env: { COLUMNS: '60' } });
    const hours = stdout.split('\n').filter((l) => /^\d\d:00 /.test(l));
    expect(hours).toHaveLength(24);
    for (const line of hours) expect(cells(line)).toBeLessThanOrEqual(60);
  });
});

describe('borders', () => {
  const ascii = (text: string) => tableLines(text).every((l) => /^[\x20-\x7e]*$/.test(l.replace(/[×–]/g, 'x')));
  const unicode = (text: string) => text.includes('┌') && text.includes('│');

  it.each([
    ['a UTF-8 LANG', { LANG: 'en_US.UTF-8' }, true],
    ['utf8 spelt short', { LANG: 'de_DE.utf8' }, true],
    ['LC_ALL over LANG', { LANG: 'en_US.UTF-8', LC_ALL: 'C' }, false],
    ['LC_CTYPE over LANG', { LANG: 'C', LC_CTYPE: 'C.UTF-8' }, true],
    ['LC_ALL over LC_CTYPE', { LC_ALL: 'en_GB.UTF-8', LC_CTYPE: 'POSIX' }, true],
    ['no locale at all', { LANG: '' }, false],
    ['the C locale', { LANG: 'C' }, false],
    ['a Latin-1 locale', { LANG: 'de_DE.ISO-8859-1' }, false],
    ['TERM=dumb', { LANG: 'C.UTF-8', TERM: 'dumb' }, false],
  ])('%s', async (_name, env, drawsUnicode) => {
    const { stdout } = await runInProcess(CAMPUS, { env });
    expect(unicode(stdout)).toBe(drawsUnicode);
    expect(ascii(stdout)).toBe(!drawsUnicode);
  });

  it('--ascii forces them, at any width, bars too', async () => {
    const { stdout } = await runInProcess(['examples/day-night.json', '--timeline', '--ascii'], { env: { COLUMNS: '70' } });
    expect(stdout).toMatch(/^\+-+\+/);
    expect(ascii(stdout)).toBe(true);
    expect(stdout).toMatch(/^19:00 night #+ +931\.2 Mb\/s \(peak 1\.29540748 Gb\/s\)$/m);
    expect(stdout).not.toMatch(/[█▏▎▍▌▋▊▉]/);
  });

  it('stitches a long ASCII table as one', async () => {
    const segments = Array.from({ length: 250 }, (_, i) => ({
      name: `s${i}`,
      link: '1Gb/s',
      cameras: [{ preset: '720p30', count: i + 1 }],
    }));
    const fleet = JSON.stringify({ name: 'long', segments });
    const { stdout } = await runInProcess(['-', '--ascii', '--depth', '1'], { input: fleet, env: { COLUMNS: '50' } });
    // After the profile table (a border, the heading, one profile, the total, a border): 251 segments.
    const lines = tableLines(stdout).slice(5);
    expect(lines).toHaveLength(2 + 1 + 251);
    expect(lines[0]).toMatch(/^\+-+\+/);
    expect(lines.at(-1)).toMatch(/^\+-+\+/);
    expect(new Set(lines.map(cells)).size).toBe(1);
    expect(lines.filter((l) => l.startsWith('+'))).toHaveLength(2);
  });
});
