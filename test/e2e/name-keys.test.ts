/**
 * Names may hold any character, U+0000 included: a group, check or segment is never read as another
 * whose name joined with a separator gives the same text (core/model/keys.ts). Found by an adversarial
 * test (issue 24, third session): `{"preset":"lbl\u00004000000"}` was read as the custom group
 * labelled "lbl" at 4 Mb/s read before it, and exited 0 with 5 cameras of "lbl".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const fleet = (cameras: unknown[]) => JSON.stringify({ name: 'f', segments: [{ name: 'a', link: '1Gb/s', cameras }] });

describe('a name holding U+0000 is its own name', () => {
  it('a preset id is never a custom group read before', async () => {
    const r = await runInProcess(['-', '-q'], {
      input: fleet([
        { bitrate: '4Mb/s', label: 'lbl', count: 2 },
        { preset: 'lbl\u00004000000', count: 3 },
      ]),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("segments[0].cameras[1].preset: unknown preset 'lbl\\u{0}4000000'");
  });

  it('a rate text and a label are never another pair', async () => {
    const r = await runInProcess(['-', '-q'], {
      input: fleet([
        { bitrate: '4Mb/s', label: 'a\u0000b', count: 2 },
        { bitrate: 'b\u00004Mb/s', label: 'a', count: 3 },
      ]),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("segments[0].cameras[1].bitrate: 'b\\u{0}4Mb/s' is not a bit rate");
  });

  // Before, the rows of a/b and of "a\u0000b" had one key: the later one's replaced a/b's, and a/b's
  // change was left out of the table (its check still failed, so the exit code was right).
  it('diff keeps the segment "a\\u0000b" apart from a/b', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camsize-keys-'));
    const tree = (count: number) =>
      JSON.stringify({
        name: 'f',
        segments: [
          { name: 'a', link: '1Gb/s', segments: [{ name: 'b', link: '100Mb/s', cameras: [{ preset: '720p30', count }] }] },
          { name: 'a\u0000b', link: '100Mb/s', cameras: [{ preset: '720p30', count: 5 }] },
        ],
      });
    writeFileSync(join(dir, 'before.json'), tree(5));
    writeFileSync(join(dir, 'after.json'), tree(50));
    const r = await runInProcess(['diff', join(dir, 'before.json'), join(dir, 'after.json'), '--format', 'csv']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\r\n');
    const head = lines[0]!.split(',');
    const where = head.indexOf('where');
    const changed = lines.slice(1).map((l) => l.split(',')[where]);
    expect(changed).toContain('a/b');
    expect(changed).not.toContain('a\\u{0}b');
  });
});
