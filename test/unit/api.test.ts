/** The library's calls (src/index.ts), in-process: exact values, and refusals that name the setting. */
import { describe, expect, it } from 'vitest';
import {
  EXIT,
  estimateBitrate,
  exitCodeOf,
  FORMATS,
  formatRate,
  howManyFit,
  InputError,
  loadCatalog,
  loadFleet,
  normalizeCodec,
  parseFleet,
  parseRate,
  renderReport,
  size,
  sizeFleet,
  sizeOptions,
} from '../../src/index.js';
import { refusal } from '../helpers/refusal.js';

const DEPOT = { name: 'depot', link: '1Gb/s', segments: [{ name: 'yard', link: '100Mb/s', cameras: [{ preset: '4k30', count: 12 }] }] };

describe('size', () => {
  it('sizes a fleet file value with settings as the command line writes them', async () => {
    const report = await size(DEPOT, { overhead: 'udp' });
    expect(report.total.loadBitsPerSecond).toBe(88_620_000n); // 12 × 7 Mb/s × 1.055
    expect(report.verdict).toBe('fail'); // over 70 % of 100 Mb/s
    expect(exitCodeOf(report)).toBe(EXIT.checkFailed);
    expect((await size(DEPOT, { overhead: 'udp', maxUtilization: 90 })).verdict).toBe('pass');
    expect((await size({ name: 'x', cameras: [{ preset: '720p30', count: 3 }] })).verdict).toBe('unchecked');
  });

  it('takes the fleet as text, as a model from parseFleet, and counts as bigints', async () => {
    const text = await size(JSON.stringify(DEPOT));
    const model = await size(await parseFleet(DEPOT));
    expect(text.total.loadBitsPerSecond).toBe(84_000_000n);
    expect(model).toEqual(text);
    const huge = await size({ name: 'x', cameras: [{ preset: '720p30', count: '1000000000000000' }] });
    expect(huge.total.loadBitsPerSecond).toBe(4n * 10n ** 21n);
    // A bigint count (outside the file format's types, which are JSON's) is read as its digits.
    expect(await size({ name: 'x', cameras: [{ preset: '720p30', count: (10n ** 15n) as never }] })).toEqual(huge);
  });

  it('is the core sizeFleet with the options sizeOptions reads', async () => {
    const catalog = await loadCatalog();
    const fleet = await parseFleet(DEPOT);
    const settings = { overhead: 'tcp', capacity: '1Gb/s', retention: '30d', as: '720p30' } as const;
    expect(await size(fleet, settings)).toEqual(sizeFleet(fleet, sizeOptions(settings, catalog)));
  });

  it('refuses a bad setting naming it as the code does', async () => {
    expect(await refusal(() => size(DEPOT, { maxUtilization: 0 }))).toEqual([
      "maxUtilization: max utilization '0' must be more than 0 % and at most 100 %",
    ]);
    expect(await refusal(() => size(DEPOT, { capacity: '10 Gbs' }))).toEqual(["capacity: unknown unit 'Gbs' (did you mean 'Gb/s'?)"]);
    expect(await refusal(() => size(DEPOT, { correlation: 0.5 }))).toEqual(['correlation and vbrCv go with percentile']);
    expect(await refusal(() => size(DEPOT, { checkOn: 'noon' as 'peak' }))).toEqual(["checkOn 'noon' is not 'peak' or 'average'"]);
    expect(await refusal(() => size(DEPOT, { as: '4k3' }))).toEqual(["unknown preset '4k3' (did you mean '4k30'?)"]);
  });
});

describe('fleets', () => {
  it('lists every problem of a fleet, with where it is', async () => {
    expect(await refusal(() => parseFleet({ name: 'x', segments: [{ name: 'a', link: '1Gbs' }, { cameras: [] } as never] }))).toEqual([
      "<fleet>: segments[0].link: unknown unit 'Gbs' (did you mean 'Gb/s'?)",
      '<fleet>: segments[1].name: missing (expected a string)',
    ]);
    expect(await refusal(() => parseFleet('{"name": "x",}', { file: 'site.json' }))).toEqual([
      "site.json:1:14: unexpected '}' after ',' (trailing commas are not JSON)",
    ]);
    expect(await refusal(() => parseFleet({ name: 'x', link: 10n } as never))).toEqual([
      '<fleet>: link: 10n is a bigint; only a count may be one (write rates and sizes with a unit, e.g. "4Mb/s")',
    ]);
  });

  it('reads a file, and says when there is none', async () => {
    expect((await size(await loadFleet('examples/figure6.json'))).total.loadBitsPerSecond).toBe(23_000_000n);
    expect(await refusal(() => loadFleet('examples/nope.json'))).toEqual(['examples/nope.json: no such file']);
  });
});

describe('how many fit, numbers, estimates, rendering', () => {
  it('answers how many fit for a preset or a rate', async () => {
    expect((await howManyFit('4k30', '1Gb/s')).capacityAnswer?.maxCameras).toBe(100n);
    expect((await howManyFit('2Mb/s', 1_000_000_000n, { maxUtilization: '100%' })).capacityAnswer?.maxCameras).toBe(500n);
    expect(await refusal(() => howManyFit('4k3', '1Gb/s'))).toEqual(["camera: unknown preset '4k3' (did you mean '4k30'?)"]);
  });

  it('formats and parses rates exactly', () => {
    expect(formatRate(parseRate('4Mb/s') * 20_000_000n)).toBe('80 Tb/s');
    expect(formatRate(1_255_713_750n, { unit: 'Mb/s', group: true })).toBe('1,255.71375 Mb/s');
    expect(formatRate(1_255_713_750n, { precision: 2 })).toBe('~1.26 Gb/s');
    expect(() => formatRate(1n, { unit: 'furlongs' })).toThrow(InputError);
  });

  it('reads codec names as people and tools write them', () => {
    expect(['hevc', 'H.265', 'h265', 'HEVC'].map(normalizeCodec)).toEqual(['h265', 'h265', 'h265', 'h265']);
    expect(['avc', 'H.264+', 'avc+', 'h264-smart'].map(normalizeCodec)).toEqual(['h264', 'h264-smart', 'h264-smart', 'h264-smart']);
    expect(estimateBitrate({ resolution: '4K', fps: 15, codec: 'hevc' })).toEqual(
      estimateBitrate({ resolution: '4K', fps: 15, codec: 'h265' }),
    );
  });

  it('renders a report in each format, and refuses an unknown one', async () => {
    const report = await size(DEPOT);
    expect(await renderReport(report, 'markdown')).toMatch(/^## depot\n/);
    expect(JSON.parse(await renderReport(report, 'json')).verdict).toBe('fail');
    expect(await renderReport(report)).toMatch(/^┌/);
    expect(await renderReport(report, 'table', { color: true })).toMatch(/\x1b\[/);
    expect(await refusal(() => renderReport(report, 'xml' as 'json'))).toEqual([`format 'xml' is not one of ${FORMATS.join(', ')}`]);
    expect(await refusal(() => renderReport(report, 'table', { precision: 100 }))).toEqual([
      "precision '100' must be a whole number of decimals from 0 to 99, 'exact' or 'reading'",
    ]);
  });
});
