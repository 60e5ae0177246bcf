/**
 * What a fleet file refers to is a file the user did not name (issue 22,
 * item 11): whatever it holds, no message quotes it. A canary is put in
 * every shape such a file can take (text, binary, JSON, a calibration with
 * the canary in each field, one fitted to another model, one too large) and
 * looked for in the refusal, through the library and the command line.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFleet } from '../../src/index.js';
import { runInProcess } from '../helpers/in-process.js';

const WORD = 'CANARY';
const NUMBER = 8675309.4242;
const calibration = {
  kind: 'camsize-calibration',
  version: 1,
  model: { base: 0.1026, fpsExponent: 0.87, resolutionExponent: 0.09 },
  site: { factor: 1.1, measurements: 7, spreadPercent: 13.6, short: 0, likelyCaps: 0 },
  codecs: {},
  skipped: 0,
  files: ['a.mp4'],
};

/** Every leaf of the calibration replaced by the canary word and by the canary number, and keys added named after it. */
function poisoned(): unknown[] {
  const out: unknown[] = [];
  const visit = (path: string[], value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit([...path, k], v);
      out.push(withAt(path, { ...(value as object), [WORD]: NUMBER }));
      return;
    }
    out.push(withAt(path, WORD), withAt(path, NUMBER), withAt(path, `${WORD}\u001b[2J`));
  };
  visit([], calibration);
  return out;
}

function withAt(path: string[], value: unknown): unknown {
  const copy = structuredClone(calibration) as Record<string, unknown>;
  if (path.length === 0) return value;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

const SHAPES: Array<[string, string | Buffer]> = [
  ['text', `root:x:0:0:${WORD}:/root:/bin/bash\n`],
  ['binary', Buffer.from([0, 255, 1, ...Buffer.from(WORD), 0xc3])],
  ['a JSON string', JSON.stringify(WORD)],
  ['a JSON array', JSON.stringify([WORD, NUMBER])],
  ['another model', JSON.stringify({ ...calibration, model: { base: NUMBER, fpsExponent: NUMBER, resolutionExponent: NUMBER } })],
  ['too large', `${WORD}${' '.repeat(1024 * 1024 + 10)}`],
  ['not JSON, a number', String(NUMBER)],
  ...poisoned().map((json, i): [string, string] => [`calibration ${i}`, JSON.stringify(json)]),
];

describe("a fleet's referenced file is never quoted", () => {
  it('in any shape, through the library and the command line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camsize-canary-'));
    const fleetFile = join(dir, 'fleet.json');
    const fleet = JSON.stringify({
      name: 'f',
      calibration: 'cal.json',
      cameras: [{ resolution: '1080p', fps: 15, codec: 'h264', count: 1 }],
    });
    await writeFile(fleetFile, fleet);
    let refused = 0;
    for (const [i, [what, content]] of SHAPES.entries()) {
      await writeFile(join(dir, 'cal.json'), content);
      const error = await parseFleet(fleet, { file: fleetFile }).then(
        () => undefined,
        (e: Error) => e,
      );
      // The command line reads through the same loader: its own words are checked on the plain shapes.
      const cli = i < 7 ? await runInProcess([fleetFile]) : { code: error ? 2 : 0, stderr: '' };
      expect(cli.code, what).toBe(error ? 2 : 0); // accepted: a valid calibration after all (a canary where any value goes)
      if (!error) continue;
      refused++;
      for (const text of [error.message, ...((error as { issues?: string[] }).issues ?? []), cli.stderr]) {
        expect(text, what).not.toContain(WORD);
        expect(text, what).not.toContain('8675309');
      }
    }
    expect(refused).toBeGreaterThan(SHAPES.length / 2);
  });
});
