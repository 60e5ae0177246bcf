/**
 * Regressions of issue 22 (the third trust round) that the command line
 * shows: each case as the hostile tester ran it, in-process through the Io
 * seam. The classes each case belongs to are tested where the class lives
 * (named at each describe).
 */
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
