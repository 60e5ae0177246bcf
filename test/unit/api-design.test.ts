/** The library's designs-as-code calls (src/index.ts): diff, check, flatChecks and their renderers, in-process. */
import { describe, expect, it } from 'vitest';
import { check, diff, flatChecks, fleetsExitCode, howManyFit, renderDiff, renderFleets, size, UsageError } from '../../src/index.js';

const SITE = {
  name: 'site',
  segments: [{ name: 'sw', link: 'auto', ports: 8, poe: '100W', cameras: [{ bitrate: '12Mb/s', count: 6, poe: 'class 2' }] }],
};
const GROWN = { ...SITE, segments: [{ ...SITE.segments[0]!, cameras: [{ bitrate: '12Mb/s', count: 12, poe: 'class 2' }] }] };

describe('diff', () => {
  it('sizes both fleets with the same settings and compares them; a report may be given as it is', async () => {
    const d = await diff(SITE, GROWN);
    expect(d.verdict).toBe('fail'); // 12 ports of 8, 84 W over 80 W
    expect(d.newlyFailing).toBe(2);
    const link = d.rows.find((r) => r.kind === 'link' && r.direction === 'up')!;
    // The "auto" link: 72 Mb/s is over 100 Mb/s at 70 % (70 Mb/s), so 1 Gb/s; 144 Mb/s fits it too.
    expect(link.figures.find((f) => f.name === 'load')).toMatchObject({ before: 72_000_000n, after: 144_000_000n });
    const same = await size(SITE);
    expect((await diff(same, same)).rows.every((r) => r.change === 'unchanged')).toBe(true);
    expect(await renderDiff(d, 'markdown')).toContain('| sw | ports used | 6 | 12 | +6 |');
    await expect(renderDiff(d, 'html')).rejects.toThrow(UsageError);
  });
});

describe('check', () => {
  it('checks many fleets, keeps going past one that cannot be read, and says the exit code', async () => {
    const report = await check([
      { file: 'site', fleet: SITE },
      { file: 'grown', fleet: GROWN },
      'no/such/fleet.json',
      { file: 'broken', fleet: '{ "name": 1 }' },
    ]);
    expect(report.fleets.map((f) => f.report?.verdict ?? 'error')).toEqual(['pass', 'fail', 'error', 'error']);
    expect(report.fleets[2]!.problems![0]).toMatch(/^no\/such\/fleet\.json: /);
    expect(report.verdict).toBe('error');
    expect(fleetsExitCode(report)).toBe(2);
    const text = await renderFleets(report);
    expect(text.split('\n')[0]).toBe("site: pass: all 3 checks of 'site' fit");
    const json = JSON.parse(await renderFleets(await check([{ file: 'grown', fleet: GROWN }], { failuresOnly: true }), 'json'));
    expect(json.checks.map((c: { kind: string }) => c.kind)).toEqual(['ports', 'poe']);
  });
});

describe('flatChecks', () => {
  it('lists each direction of a link and each switch check with its exact load and limit', async () => {
    const report = await size(SITE);
    expect(flatChecks(report)).toEqual([
      { kind: 'link', path: ['sw'], direction: 'up', load: 72_000_000n, limit: 700_000_000n, unit: 'b/s', fits: true },
      { kind: 'link', path: ['sw'], direction: 'down', load: 0n, limit: 700_000_000n, unit: 'b/s', fits: true },
      { kind: 'ports', path: ['sw'], load: 6n, limit: 8n, unit: 'ports', fits: true },
      { kind: 'poe', path: ['sw'], load: 42_000n, limit: 80_000n, unit: 'mW', fits: true },
    ]);
  });
});

describe('growth', () => {
  it('is refused for "how many fit?", whose answer is a count (growing it would size more cameras than fit)', async () => {
    await expect(howManyFit('4k30', '1Gb/s', { growth: '20%' })).rejects.toThrow(/no count to grow/);
  });
});
