/** Zero cameras of a kind is a real answer: a script sizing --count $N for a site without that camera type gets 0 b/s, exit 0. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

describe('zero cameras', () => {
  it('--count 0 sizes to 0 b/s and exits 0', async () => {
    const { stdout, stderr, code } = await runInProcess(['--preset', '720p30', '--count', '0', '--json']);
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(doc.total).toMatchObject({ cameras: '0', load: { bitsPerSecond: '0' } });
    expect(doc.profiles[0]).toMatchObject({ profile: '720p30', cameras: '0', load: { bitsPerSecond: '0' } });
  });

  it('"count": 0 in a fleet file and 0 in --camera are accepted', async () => {
    const fleet = JSON.stringify({
      name: 'site',
      link: '1Gb/s',
      cameras: [
        { preset: '720p30', count: 0 },
        { bitrate: '2Mb/s', count: '0' },
      ],
    });
    const { stdout, code } = await runInProcess(['-', '-q'], { input: fleet });
    expect([stdout, code]).toEqual(['', 0]);
    expect((await runInProcess(['--camera', '4k30=0', '--camera', '720p30=2', '-f', 'csv'])).stdout).toContain('total,,,,,,2,0,8000000,');
  });

  it('refuses what is not a whole number of cameras', async () => {
    expect(await runInProcess(['--preset', '720p30', '--count', '-1'])).toEqual({
      stdout: '',
      stderr: "camsize: --count: count '-1' is negative (expected a whole number of cameras, 0 or more)\n",
      code: 2,
    });
  });
});
