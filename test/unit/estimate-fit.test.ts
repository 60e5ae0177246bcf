/** The estimate model's fit, its held-out procedure (presets/validation/README.md) and what docs/estimates.md states of them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGET_COVERAGE_SLACK, TARGET_MEDIAN, validationReport } from '../../src/core/estimate/calibration.js';
import { errorStats, fitModel, groupWeights, leaveOneSourceOut, weightedPercentile } from '../../src/core/estimate/fit.js';
import { heldOut } from '../../src/core/estimate/held-out.js';
import { CODEC_FACTORS, modelBitsPerSecond, type ModelParams, SHIPPED_MODEL, SHIPPED_RANGES } from '../../src/core/estimate/model.js';
import { type FigureKind, readValidationSet, type ValidationPoint } from '../../src/core/estimate/validation.js';
import { AVERAGE_TO_PEAK } from '../../src/core/model/rate-figures.js';
import { readCatalogFiles } from '../../src/io/catalog-load.js';

const DIR = 'presets/validation/';
const MEASURED = { csv: readFileSync(`${DIR}measured-averages.csv`, 'utf8'), file: 'measured-averages.csv' };
const HOLDOUT = ['holdout-2026-12', 'holdout-2026-12b'].map((name) => ({
  name,
  json: JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8')),
}));
const OLD = readValidationSet(JSON.parse(readFileSync(`${DIR}estimate-points.json`, 'utf8')), MEASURED);
/** What `estimate --calibration` reads: the points file, the measured averages and the hold-out batches. */
const SET = readValidationSet(JSON.parse(readFileSync(`${DIR}estimate-points.json`, 'utf8')), MEASURED, HOLDOUT);

function point(
  group: string,
  kind: FigureKind,
  [width, height, fps]: [number, number, number],
  codec: string,
  quality: string,
  params: ModelParams,
): ValidationPoint {
  const p = { id: `${group}-${width}x${height}@${fps}-${codec}-${quality}`, source: group, kind, group, width, height, fps, codec };
  const full = { ...p, scene: 'medium', quality, cell: 'c' };
  return {
    ...full,
    bitsPerSecond: modelBitsPerSecond(params, full, kind === 'measured-average' || kind === 'vendor-estimate' ? 'average' : 'peak'),
  };
}

describe('fitting the estimate model', () => {
  const truth: ModelParams = { base: 0.08, fpsExponent: 0.6, resolutionExponent: 0.2, averageToPeak: 0.7 };
  const synthetic = [
    point('a', 'vendor-cap', [1280, 720, 10], 'h264', 'medium', truth),
    point('a', 'vendor-cap', [1920, 1080, 15], 'h264', 'high', truth),
    point('b', 'vendor-recommendation', [2560, 1440, 30], 'h264', 'medium', truth),
    point('b', 'vendor-recommendation', [3840, 2160, 25], 'h265', 'medium', truth),
    point('c', 'calculator', [1920, 1080, 5], 'h265', 'low', truth),
    point('d', 'measured-average', [1280, 1024, 10], 'mjpeg', 'medium', truth),
    point('e', 'vendor-estimate', [2592, 1944, 12], 'h264-smart', 'medium', truth),
    point('e', 'vendor-estimate', [640, 480, 25], 'h264', 'medium', truth),
  ];

  it('recovers the parameters that made the points, the codec factors held at the independent ones', () => {
    const fit = fitModel(synthetic);
    expect(fit.base).toBeCloseTo(0.08, 12);
    expect(fit.fpsExponent).toBeCloseTo(0.6, 12);
    expect(fit.resolutionExponent).toBeCloseTo(0.2, 12);
    expect(fit.averageToPeak).toBeCloseTo(0.7, 12);
  });

  it('predicts each source held out without error when the model is exact', () => {
    const stats = errorStats(leaveOneSourceOut(synthetic).map((e, i) => e / synthetic[i]!.bitsPerSecond));
    expect(stats.medianAbsError).toBeLessThan(1e-9);
    expect(stats.maxRatio).toBeCloseTo(1, 9);
  });

  it('takes the average to be the peak when no figure is an average', () => {
    expect(fitModel(synthetic.slice(0, 5)).averageToPeak).toBe(1);
  });

  it('form v2 also recovers the level of calculator tables and of secondary streams (README, Procedure v2)', () => {
    const v2: ModelParams = { ...truth, calculatorLevel: 1.3, subStream: 0.4 };
    const sub = (p: ValidationPoint): ValidationPoint => ({ ...p, id: `${p.id}-sub`, stream: 'sub', bitsPerSecond: p.bitsPerSecond * 0.4 });
    const calc = (p: ValidationPoint) => (p.kind === 'calculator' ? { ...p, bitsPerSecond: p.bitsPerSecond * 1.3 } : p);
    const made = [...synthetic.map(calc), sub(synthetic[0]!), sub(synthetic[2]!), sub(synthetic[3]!)];
    const fit = fitModel(made, 'v2');
    for (const key of Object.keys(v2) as Array<keyof ModelParams>) expect(fit[key]).toBeCloseTo(v2[key]!, 12);
    // v1 has neither term, and a v2 term without points on both sides is 1.
    expect(fitModel(made)).not.toHaveProperty('subStream');
    expect(fitModel(synthetic, 'v2').subStream).toBe(1);
  });

  it('form v3 recovers the secondary streams’ level only: no calculator term (README, Procedure v3)', () => {
    const sub = (p: ValidationPoint): ValidationPoint => ({ ...p, id: `${p.id}-sub`, stream: 'sub', bitsPerSecond: p.bitsPerSecond * 0.4 });
    const made = [...synthetic, sub(synthetic[0]!), sub(synthetic[2]!), sub(synthetic[3]!)];
    const fit = fitModel(made, 'v3');
    for (const key of Object.keys(truth) as Array<keyof ModelParams>) expect(fit[key]).toBeCloseTo(truth[key]!, 12);
    expect(fit.subStream).toBeCloseTo(0.4, 12);
    expect(fit).not.toHaveProperty('calculatorLevel');
    // A sub stream is estimated at s × the main stream's level, both figures.
    const main = { width: 1920, height: 1080, fps: 15, codec: 'h264', scene: 'medium', quality: 'medium' };
    expect(modelBitsPerSecond(fit, { ...main, stream: 'sub' }, 'average') / modelBitsPerSecond(fit, main, 'average')).toBeCloseTo(0.4, 12);
  });

  it('weighs every source group the same, however many points it has', () => {
    const w = groupWeights(synthetic);
    const byGroup = new Map<string, number>();
    synthetic.forEach((p, i) => {
      byGroup.set(p.group, (byGroup.get(p.group) ?? 0) + w[i]!);
    });
    expect([...byGroup.values()].every((sum) => Math.abs(sum - 1) < 1e-12)).toBe(true);
  });

  it.each([
    // Values at the middles of their cumulative weights (1/8, 3/8, 5/8, 7/8), linear between, held beyond.
    [[1, 2, 3, 4], [1, 1, 1, 1], 0.5, 2.5],
    [[1, 2, 3, 4], [1, 1, 1, 1], 0.1, 1],
    [[1, 2, 3, 4], [1, 1, 1, 1], 0.9, 4],
    [[4, 1, 3, 2], [1, 1, 1, 1], 0.25, 1.5],
    [[0, 10], [3, 1], 0.5, 10 * ((0.5 - 0.375) / (0.875 - 0.375))],
  ])('weighted percentile of %j (weights %j) at %s is %s', (values, weights, q, expected) => {
    expect(weightedPercentile(values, weights, q)).toBeCloseTo(expected, 12);
  });

  it('summarises ratios: median |error|, geometric mean, extremes, points outside ×2', () => {
    expect(errorStats([0.5, 1, 2.5, 1.2])).toEqual({
      points: 4,
      medianAbsError: 0.35, // |errors| 0, 0.2, 0.5, 1.5
      geometricMeanRatio: (0.5 * 1 * 2.5 * 1.2) ** 0.25,
      minRatio: 0.5,
      maxRatio: 2.5,
      outsideFactor2: 1,
    });
  });
});

describe('the validation set', () => {
  it('holds 137 points from 22 sources in 18 independent groups (6 and 32 of them the hold-out batches), each with its quoted cell, every source with its URL', () => {
    expect(SET.points.length).toBe(137);
    expect(SET.sources.length).toBe(22);
    expect(new Set(SET.points.map((p) => p.group)).size).toBe(18);
    expect(SET.points.filter((p) => p.batch === 'holdout-2026-12').length).toBe(6);
    expect(SET.points.filter((p) => p.batch === 'holdout-2026-12b').length).toBe(32);
    for (const p of SET.points) expect(p.cell.length).toBeGreaterThan(0);
    for (const s of SET.sources) expect(s.url).toMatch(/^https?:\/\//);
  });

  it('has every kind of figure, the measured averages from the CSV camsize measure reads', () => {
    const kinds = (k: FigureKind) => SET.points.filter((p) => p.kind === k).length;
    expect([
      kinds('measured-average'),
      kinds('vendor-estimate'),
      kinds('vendor-cap'),
      kinds('vendor-recommendation'),
      kinds('calculator'),
    ]).toEqual([3, 10, 19, 34, 71]);
    expect(SET.points.filter((p) => p.kind === 'measured-average').every((p) => p.url !== undefined)).toBe(true);
  });

  it('pairs a UniFi camera’s stored average with its configured rate: 0.63 and 0.89 (docs/time-and-storage.md)', () => {
    const bps = (id: string) => SET.points.find((p) => p.id === id)!.bitsPerSecond;
    expect((bps('unifi-g4-pro-storage') / bps('unifi-g4-pro-high')).toFixed(2)).toBe('0.63');
    expect((bps('unifi-g4-doorbell-storage') / bps('unifi-g4-doorbell-main')).toFixed(2)).toBe('0.89');
  });

  it('puts the UniFi records of one author in one group, and two Reolink firmware dumps in one', () => {
    const groupOf = (source: string) => SET.sources.find((s) => s.id === source)!.group;
    expect(new Set(['unifi-g4-doorbell', 'unifi-g4-pro', 'unifi-bootstrap', 'unifi-storage'].map(groupOf))).toEqual(
      new Set(['unifi-protect-fixtures']),
    );
    expect(groupOf('reolink-ability')).toBe(groupOf('reolink-rlc420'));
  });

  it('is never read as a preset catalog', () => {
    expect(readCatalogFiles().map((f) => f.name)).toEqual(['field-caps.json', 'planning.json', 'report.json', 'vendor-caps.json']);
  });

  it.each([
    [{ sources: {}, points: {} }, 'expected an object with "sources" and "points"'],
    [{ sources: { a: { title: 't', url: 'u', kind: 'guess', location: 'l' } }, points: [] }, "sources.a.kind: 'guess' is not one of"],
    [{ sources: {}, points: [{ id: 'p', source: 'x', resolution: {} }] }, "points[0].source: no source 'x'"],
  ])('refuses a malformed set: %j', (json, message) => {
    expect(() => readValidationSet(json)).toThrow(message);
  });

  it('reads a later batch of points with its name, and refuses a source id an earlier file already has', () => {
    const json = JSON.parse(readFileSync(`${DIR}estimate-points.json`, 'utf8'));
    const batch = JSON.parse(readFileSync(`${DIR}holdout-2026-12.json`, 'utf8'));
    const set = readValidationSet(json, MEASURED, [{ name: 'holdout-2026-12', json: batch }]);
    const fresh = set.points.filter((p) => p.batch === 'holdout-2026-12');
    expect(fresh.map((p) => p.id)).toEqual(batch.points.map((p: { id: string }) => p.id));
    expect(set.points.length).toBe(OLD.points.length + fresh.length);
    expect(fresh.filter((p) => p.stream === 'sub').map((p) => p.id)).toEqual(['scrypted-720p20-remote', 'scrypted-360p20-low']);
    expect(() => readValidationSet(json, MEASURED, [{ name: 'again', json }])).toThrow('again: sources.unifore: already a source');
  });

  it('refuses a measured average without its source, or from a source that is not a measured average', () => {
    const json = JSON.parse(readFileSync(`${DIR}estimate-points.json`, 'utf8'));
    const csv = (source: string) => ({
      csv: `camera,rate,duration,resolution,fps,codec,source,url,quote\nc,1Mb/s,24h,1920x1080,30,h264,${source},u,q\n`,
      file: 'm.csv',
    });
    expect(() => readValidationSet(json, csv('nope'))).toThrow("m.csv:2: source: no source 'nope'");
    expect(() => readValidationSet(json, csv('unifore'))).toThrow("source 'unifore' is not a measured-average source");
  });
});

describe('the shipped model and its ranges', () => {
  const held = heldOut(SET.points);

  it('is the fit to the validation set, rounded (base 4 decimals, exponents and the ratio 2)', () => {
    const fit = held.fitted;
    expect(SHIPPED_MODEL).toEqual({
      base: Number(fit.base.toFixed(4)),
      fpsExponent: Number(fit.fpsExponent.toFixed(2)),
      resolutionExponent: Number(fit.resolutionExponent.toFixed(2)),
      averageToPeak: Number(fit.averageToPeak.toFixed(2)),
    });
    // The ratio presets and groups that give one figure use is the fitted one.
    expect(Number(AVERAGE_TO_PEAK.num) / Number(AVERAGE_TO_PEAK.den)).toBe(SHIPPED_MODEL.averageToPeak);
  });

  it('ships the held-out 80 % ranges, rounded to 2 decimals', () => {
    const round = (r: { low: number; high: number }) => ({ low: Number(r.low.toFixed(2)), high: Number(r.high.toFixed(2)) });
    expect(SHIPPED_RANGES).toEqual({ peak: round(held.ranges.peak), average: round(held.ranges.average) });
  });

  it('keeps the codec factors of the independent comparisons (not fitted)', () => {
    expect(CODEC_FACTORS).toEqual({ h264: 1, 'h264-smart': 0.6, h265: 0.85, 'h265-smart': 0.51, av1: 0.6, mjpeg: 10 });
  });
});

describe('how far to trust it: the held-out figures docs/estimates.md states', () => {
  const r = validationReport(SET);
  const row = (kind: string) => {
    const k = r.perKind.find((x) => x.kind === kind)!;
    return [k.groups, k.points, (k.stats.medianAbsError * 100).toFixed(1), k.stats.outsideFactor2, (k.coverage * 100).toFixed(1)];
  };

  it.each([
    ['measured-average', [2, 3, '20.1', 0, '100.0']],
    ['vendor-estimate', [3, 10, '48.6', 0, '80.0']],
    ['vendor-cap', [6, 19, '60.0', 7, '63.2']],
    ['vendor-recommendation', [5, 34, '24.8', 1, '100.0']],
    ['calculator', [3, 71, '21.5', 6, '88.7']],
  ])('%s: groups, points, median |error| %, outside ×2, in the 80 % range %', (kind, expected) => {
    expect(row(kind)).toEqual(expected);
  });

  it('over all 137: median 24.9 %, the range holding 87.6 %', () => {
    expect([r.points, (r.all.medianAbsError * 100).toFixed(1), (r.all.coverage * 100).toFixed(1)]).toEqual([137, '24.9', '87.6']);
  });

  it('on each hold-out batch, fitted to the points found before it: 61.3 % and 36.5 %', () => {
    const [b, c] = r.batches;
    const pct = (x: number) => (x * 100).toFixed(1);
    expect([r.batches.length, b!.batch, b!.points, b!.groups, pct(b!.stats.medianAbsError)]).toEqual([2, 'holdout-2026-12', 6, 2, '61.3']);
    expect(b!.perKind.map((k) => [k.kind, k.points, pct(k.stats.medianAbsError), k.medianMet])).toEqual([
      ['vendor-cap', 1, '3.7', true],
      ['vendor-recommendation', 5, '80.0', false],
    ]);
    // The second batch's fit saw the first batch, not itself: the model shipped before it was found.
    expect([c!.batch, c!.points, c!.groups, pct(c!.stats.medianAbsError)]).toEqual(['holdout-2026-12b', 32, 1, '36.5']);
    expect(c!.perKind.map((k) => [k.kind, k.points, pct(k.stats.medianAbsError), k.medianMet])).toEqual([
      ['calculator', 32, '36.5', false],
    ]);
  });

  it('meets the median target for three kinds and the coverage target for two (the misses docs/estimates.md explains)', () => {
    expect(r.perKind.filter((k) => k.medianMet).map((k) => k.kind)).toEqual(['measured-average', 'vendor-recommendation', 'calculator']);
    expect(r.perKind.filter((k) => k.coverageMet).map((k) => k.kind)).toEqual(['vendor-estimate', 'calculator']);
    expect([TARGET_MEDIAN, TARGET_COVERAGE_SLACK]).toEqual([0.3, 0.1]);
  });

  it('misses vendor caps on secondary streams: set far below what a main stream of that size gets', () => {
    const caps = r.rows.filter((x) => x.kind === 'vendor-cap');
    const outside = caps.filter((x) => x.heldOutRatio > 2 || x.heldOutRatio < 0.5).map((x) => x.id);
    expect(outside).toEqual([
      'unifi-g4-pro-medium',
      'unifi-g4-pro-low',
      'unifi-g4-dome-low',
      'unifi-intercom-medium',
      'reolink-rlc420-sub',
      'dafang-720p25-h264',
      'birdwatching-4k25-main',
    ]);
    const main = caps.filter((x) => !/medium|low|sub/.test(x.id));
    expect((errorStats(main.map((x) => x.heldOutRatio)).medianAbsError * 100).toFixed(1)).toBe('21.5');
  });

  it('reads high at 26 fps or more: held-out median 24.9 %, 27.6 % and 23.0 % by frame rate, geometric mean 1.25 at the top', () => {
    const band = (keep: (fps: number) => boolean) => {
      const stats = errorStats(r.rows.filter((x) => keep(x.fps)).map((x) => x.heldOutRatio));
      return [stats.points, (stats.medianAbsError * 100).toFixed(1), stats.geometricMeanRatio.toFixed(2)];
    };
    expect(band((fps) => fps <= 12)).toEqual([34, '24.9', '1.09']);
    expect(band((fps) => fps > 12 && fps < 26)).toEqual([66, '27.6', '1.01']);
    expect(band((fps) => fps >= 26)).toEqual([37, '23.0', '1.25']);
  });

  it('misses vendor estimates on FortiRecorder’s flat frame-rate scaling (30 fps about 1.5 × over, 10 fps on it)', () => {
    const forti = r.rows.filter((x) => x.source === 'fortirecorder');
    expect(forti.filter((x) => x.fps === 30).every((x) => x.heldOutRatio > 1.45)).toBe(true);
    expect(forti.filter((x) => x.fps === 10).every((x) => Math.abs(x.heldOutRatio - 1) < 0.05)).toBe(true);
  });
});
