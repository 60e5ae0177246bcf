/**
 * Names reach the terminal only as text (issue 22, item 13): a fleet's,
 * segments', recorders', labels', and a measurements file's cameras and
 * segments, each holding every kind of control character (ESC sequences,
 * OSC, BEL, CR, a line break, NUL, DEL, C1 controls), in every format that
 * is not JSON or HTML, for the report (with flows, recorders, drift, the day's
 * curve, --quiet) and `camsize measure`. No byte below 0x20 but the format's
 * own line ends, no DEL, no C1 control; and the name is still there, escaped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const HOSTILE = [
  '\u001b[8m',
  '\u001b]0;owned\u0007',
  '\u001b]8;;x\u001b\\',
  '\u0007',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u009b31m',
  '\u0085',
  '\u2028',
  '\u202e',
];

/** Bytes (as code points) no text format may write, but `own` (its line ends). */
function forbidden(text: string, own: RegExp): string[] {
  const bad: string[] = [];
  for (const ch of text.replace(own, '')) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) bad.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  return bad;
}

function files(h: string) {
  const dir = mkdtempSync(join(tmpdir(), 'camsize-visible-'));
  const fleet = {
    name: `f${h}f`,
    retention: '1d',
    segments: [
      {
        name: `si${h}te`,
        link: '10Mb/s',
        recorders: [{ name: `nv${h}r`, storage: '1TB' }],
        cameras: [{ bitrate: '4Mb/s', night: '6Mb/s', count: 3, label: `ca${h}m` }],
      },
      {
        name: `h${h}q`,
        viewers: [{ streams: 2, of: `si${h}te` }],
        cameras: [{ bitrate: '2Mb/s', count: 1, label: `ga${h}te`, recordTo: `nv${h}r` }],
      },
    ],
  };
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const csv = [
    'camera,segment,label,rate,duration',
    `${q(`c${h}1`)},${q(`si${h}te`)},${q(`ca${h}m`)},9Mb/s,24h`,
    `c2,${q(`no${h}pe`)},x,2Mb/s,24h`,
  ];
  writeFileSync(join(dir, 'fleet.json'), JSON.stringify(fleet));
  writeFileSync(join(dir, 'm.csv'), `${csv.join('\n')}\n`);
  return { fleet: join(dir, 'fleet.json'), measured: join(dir, 'm.csv'), site: `si${h}te` };
}

const FORMATS: Array<[string, RegExp]> = [
  ['table', /\n/g],
  ['markdown', /\n/g],
  ['csv', /\r\n/g],
];

describe('names are written as text in every text format', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('%s', async (_, h) => {
    const { fleet, measured, site } = files(h);
    for (const [format, own] of FORMATS) {
      const runs = [
        // An argument cannot hold a NUL (the command line refuses it): that case names its curve otherwise.
        [fleet, '--flows', '--measured', measured, h.includes('\u0000') ? '--timeline' : `--timeline=${site}`, '-f', format],
        [fleet, '-q', '-f', format],
        ['measure', measured, '-f', format],
      ];
      for (const args of runs) {
        const result = await runInProcess(args);
        expect([0, 1], `${args.join(' ')}: ${result.stderr}`).toContain(result.code);
        expect(forbidden(result.stdout, own), `${format}: ${args.join(' ')}`).toEqual([]);
        expect(forbidden(result.stderr, /\n/g), `stderr of ${args.join(' ')}`).toEqual([]);
      }
      const report = (await runInProcess([fleet, '--flows', '-f', format])).stdout;
      expect(report, format).toMatch(/si\\.*te/);
      expect(report, format).toMatch(/nv\\.*r/);
    }
  });
});
