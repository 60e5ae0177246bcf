import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validationReport } from '../../src/core/estimate/calibration.js';
import { errorStats, fitModel, leaveOneOut, SOP_CODEC_FACTORS } from '../../src/core/estimate/fit.js';
import { modelBitsPerSecond, SHIPPED_MODEL, type ModelParams } from '../../src/core/estimate/model.js';
import { readValidationSet, type ValidationPoint } from '../../src/core/estimate/validation.js';
import { readCatalogFiles } from '../../src/io/catalog-load.js';

const SET = readValidationSet(JSON.parse(readFileSync('presets/validation/estimate-points.json', 'utf8')));

function point(width: number, height: number, fps: number, codec: string, quality: string, params: ModelParams): ValidationPoint {
  const p = {
    id: `${width}x${height}@${fps}-${codec}-${quality}`,
    source: 's',
    width,
    height,
    fps,
    codec,
    scene: 'medium',
    quality,
    cell: 'c',
  };
  return { ...p, bitsPerSecond: modelBitsPerSecond(params, p) };
}

describe('fitting the estimate model', () => {
  const truth: ModelParams = {
    base: 0.08,
    fpsExponent: 0.7,
    resolutionExponent: 0.2,
    codecFactors: { ...SOP_CODEC_FACTORS, h265: 0.6, mjpeg: 8 },
  };
  const synthetic = [
    point(1280, 720, 10, 'h264', 'medium', truth),
    point(1920, 1080, 15, 'h264', 'high', truth),
    point(2560, 1440, 30, 'h264', 'medium', truth),
    point(3840, 2160, 25, 'h265', 'medium', truth),
    point(1920, 1080, 5, 'h265', 'low', truth),
    point(1280, 1024, 10, 'mjpeg', 'medium', truth),
    point(2592, 1944, 12, 'mjpeg', 'medium', truth),
  ];

  it('recovers the parameters that made the points, exactly', () => {
    const fit = fitModel(synthetic);
    expect(fit.base).toBeCloseTo(0.08, 12);
    expect(fit.fpsExponent).toBeCloseTo(0.7, 12);
    expect(fit.resolutionExponent).toBeCloseTo(0.2, 12);
    expect(fit.codecFactors['h265']).toBeCloseTo(0.6, 12);
    expect(fit.codecFactors['mjpeg']).toBeCloseTo(8, 12);
    expect(fit.codecFactors['h264-smart']).toBe(0.6); // no point: the SOP's ratio
    expect(fit.codecFactors['av1']).toBeCloseTo(0.7 * 0.6, 12); // the SOP's AV1/H.265 ratio on the fitted H.265
  });

  it('predicts held-out points of an exact model without error', () => {
    const stats = errorStats(leaveOneOut(synthetic).map((e, i) => e / synthetic[i]!.bitsPerSecond));
    expect(stats.medianAbsError).toBeLessThan(1e-9);
    expect(stats.outsideFactor2).toBe(0);
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

describe('the shipped model against the validation set', () => {
  it('holds at least 30 points, each from a listed source with its cell', () => {
    expect(SET.points.length).toBeGreaterThanOrEqual(30);
    expect(SET.sources.length).toBe(5);
    for (const p of SET.points) expect(p.cell.length).toBeGreaterThan(0);
  });

  it('ships the fit to it, rounded (base 4 decimals, exponents 2, codec factors 2 significant digits)', () => {
    const fit = fitModel(SET.points);
    expect(SHIPPED_MODEL.base).toBe(Number(fit.base.toFixed(4)));
    expect(SHIPPED_MODEL.fpsExponent).toBe(Number(fit.fpsExponent.toFixed(2)));
    expect(SHIPPED_MODEL.resolutionExponent).toBe(Number(fit.resolutionExponent.toFixed(2)));
    for (const [codec, factor] of Object.entries(fit.codecFactors))
      expect(SHIPPED_MODEL.codecFactors[codec]).toBe(Number(factor.toPrecision(2)));
  });

  it('has the error figures the README states (in sample, leave one out, leave one source out)', () => {
    const r = validationReport(SET);
    const figures = (s: typeof r.inSample) => [
      s.points,
      s.medianAbsError.toFixed(3),
      s.geometricMeanRatio.toFixed(2),
      s.minRatio.toFixed(2),
      s.maxRatio.toFixed(2),
      s.outsideFactor2,
    ];
    expect(figures(r.inSample)).toEqual([64, '0.122', '1.00', '0.59', '2.11', 1]);
    expect(figures(r.leaveOneOut)).toEqual([64, '0.142', '1.00', '0.55', '2.17', 1]);
    expect(figures(r.leaveOneSourceOut)).toEqual([64, '0.258', '0.85', '0.50', '2.17', 2]);
    expect(r.target).toEqual({ medianMet: true, factor2Met: false });
    expect(r.worst[0]!.id).toBe('identiv-1.3mp10-h264');
  });

  it('misses the ×2 target held out on a figure the other sources contradict at the same inputs (the README says why)', () => {
    const byId = new Map(SET.points.map((p) => [p.id, p]));
    const identiv = byId.get('identiv-1.3mp10-h264')!;
    const unifore = byId.get('unifore-1280x102410-h264')!;
    const inputs = (p: ValidationPoint) => [p.width, p.height, p.fps, p.codec, p.scene, p.quality];
    expect(inputs(identiv)).toEqual(inputs(unifore)); // so every model gives both one estimate in sample
    expect([identiv.bitsPerSecond, unifore.bitsPerSecond]).toEqual([700_000, 2_000_000]); // 2.86× apart
    expect(SET.sources.find((s) => s.id === identiv.source)!.kind).toBe('vendor-estimate');
    // The lowest figure for its inputs of all H.264 points: the shipped model's highest H.264 ratio.
    const rows = validationReport(SET).rows.filter((r) => r.codec === 'h264');
    expect(rows.reduce((a, b) => (b.ratio > a.ratio ? b : a)).id).toBe(identiv.id);
    // Both within ×2 needs an estimate of 1.0–1.4 Mb/s; the fit to the 63 other points says 1.52.
    expect(rows.find((r) => r.id === identiv.id)!.heldOutBitsPerSecond).toBe(1_522_000n);
    // Held out, its source's only other point is the only MJPEG point: a per-source factor is not identifiable.
    const others = SET.points.filter((p) => p !== identiv && p.source === identiv.source);
    expect(others.map((p) => p.codec)).toEqual(['mjpeg']);
    expect(SET.points.filter((p) => p.codec === 'mjpeg')).toEqual(others);
  });

  it('has a leave-one-source-out error inflated by one source holding every H.265 and smart-codec point', () => {
    const codecs = ['h265', 'h264-smart', 'h265-smart'];
    expect(new Set(SET.points.filter((p) => codecs.includes(p.codec)).map((p) => p.source))).toEqual(new Set(['neo236']));
    const r = validationReport(SET);
    const h264 = r.rows.filter((row) => row.codec === 'h264');
    expect(errorStats(h264.map((row) => row.heldOutRatio)).medianAbsError.toFixed(3)).toBe('0.208'); // leave one out, H.264 only
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
});
