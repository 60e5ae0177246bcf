/** A site calibration (`camsize measure … --fit`) applied to estimates: which factor, how it reads, and refusals. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateBitrate } from '../../src/core/estimate/estimate.js';
import { modelBitsPerSecond, SHIPPED_MODEL } from '../../src/core/estimate/model.js';
import { calibrationFor, modelMismatch } from '../../src/core/estimate/site-calibration.js';
import { calibrationText } from '../../src/core/model/calibration.js';
import { fleetCalibrationPath, fleetFromJson } from '../../src/core/input/fleet-json.js';
import type { SiteCalibration } from '../../src/core/model/calibration.js';
import type { Catalog } from '../../src/core/model/catalog.js';
import { readCalibrationJson } from '../../src/schema/calibration-schema.js';
import { calibrationPathOf } from '../../src/io/calibration-load.js';
import { loadCatalog } from '../../src/io/catalog-load.js';

const FILE = JSON.parse(readFileSync('test/fixtures/measure/site-calibration.json', 'utf8'));
const SITE = readCalibrationJson(FILE).calibration as SiteCalibration;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

describe('a site calibration', () => {
  it('reads the file --fit writes', () => {
    expect(SITE).toMatchObject({ site: { measurements: 9 }, codecs: { h265: { measurements: 7 } } });
    expect(modelMismatch(SITE)).toBeUndefined();
  });

  it("gives a codec with its own factor that factor, any other codec the site's", () => {
    expect(calibrationFor(SITE, 'h265')).toEqual({ ...SITE.codecs['h265'], scope: 'h265' });
    expect(calibrationFor(SITE, 'h264')).toEqual({
      factor: SITE.site.factor,
      measurements: 9,
      spreadPercent: SITE.site.spreadPercent,
      scope: 'site',
    });
  });

  it.each([
    [{ factor: 0.6, measurements: 9, spreadPercent: 22.557, scope: 'site' }, 'calibrated on 9 measurements, spread ±22.6 %'],
    [{ factor: 0.6, measurements: 7, spreadPercent: 13.6, scope: 'h265' }, 'calibrated on 7 measurements of h265 cameras, spread ±13.6 %'],
    [{ factor: 0.6, measurements: 1, scope: 'site' }, 'calibrated on 1 measurement, spread unknown'],
  ])('says how far to trust it: %j', (used, text) => {
    expect(calibrationText(used)).toBe(text);
  });

  it('scales the estimate by its factor, to a whole kb/s', () => {
    const input = { resolution: '4MP', fps: 20, codec: 'h265', scene: 'high' };
    const model = modelBitsPerSecond(SHIPPED_MODEL, {
      width: 2560,
      height: 1440,
      fps: 20,
      codec: 'h265',
      scene: 'high',
      quality: 'medium',
    });
    const calibrated = estimateBitrate({ ...input, calibration: SITE });
    // The factor scales the peak, and the average with it (measured averages were fitted against the model's average).
    expect(calibrated.peak.bitsPerSecond).toBe(BigInt(Math.round((model * SITE.codecs['h265']!.factor) / 1000)) * 1000n);
    expect(calibrated.peak.bitsPerSecond).toBe(5_110_000n);
    expect(calibrated.bitsPerSecond).toBe(4_139_000n);
    expect(calibrated.calibration?.scope).toBe('h265');
    expect(calibrated.steps.map(([step]) => step)).toContain(
      'site calibration (calibrated on 7 measurements of h265 cameras, spread ±15.8 %)',
    );
    expect(estimateBitrate(input).calibration).toBeUndefined();
  });

  it('refuses a file fitted to another model, or not a calibration at all', () => {
    expect(modelMismatch({ model: { base: 0.11, fpsExponent: 0.9, resolutionExponent: 0.19 } })).toMatch(
      /^fitted against another estimate model/,
    );
    // A file from before the two figures (no averageToPeak) was fitted against the one figure: refused too.
    const { averageToPeak: _ratio, ...older } = SITE.model;
    expect(modelMismatch({ model: older })).toMatch(/average ÷ peak none/);
    expect(readCalibrationJson({ ...FILE, kind: 'fleet' }).issues.map((i) => i.message)).toEqual([
      'not a camsize calibration (expected "kind": "camsize-calibration", from camsize measure --fit)',
    ]);
    expect(readCalibrationJson({ ...FILE, site: { ...FILE.site, factor: -1 } }).issues[0]?.path).toEqual(['site', 'factor']);
  });
});

describe('a fleet file with a calibration', () => {
  const fleet = {
    name: 'f',
    calibration: 'site-calibration.json',
    cameras: [
      { resolution: '4MP', fps: 20, codec: 'h265', scene: 'high', count: 2, label: 'dock' },
      { preset: '720p30', count: 1 },
    ],
  };

  it("names its calibration file, inside the fleet file's folder (issue 22: never any file)", () => {
    expect(fleetCalibrationPath(fleet)).toBe('site-calibration.json');
    expect(fleetCalibrationPath({ name: 'f', calibration: 5 })).toBeUndefined();
    expect(calibrationPathOf('sites/north/fleet.json', 'site-calibration.json')).toBe('sites/north/site-calibration.json');
    expect(calibrationPathOf('<stdin>', 'site-calibration.json')).toBe('site-calibration.json');
    expect(calibrationPathOf('sites/north/fleet.json', 'cal/./site.json')).toBe('sites/north/cal/site.json');
    for (const outside of ['/etc/camsize/cal.json', '../cal.json', '../../proc/self/environ', 'cal/../../x.json'])
      expect(() => calibrationPathOf('fleet.json', outside), outside).toThrow(/a fleet's calibration is a path inside its folder/);
  });

  it('calibrates its estimated groups, and only those, and says so in the description', () => {
    const groups = fleetFromJson(fleet, catalog, SITE).fleet!.root.groups;
    // Links at the peak's high end, storage at the average's centre.
    expect(groups[0]!.profile).toMatchObject({
      bitsPerSecond: 10_118_000n,
      average: { bitsPerSecond: 4_139_000n },
      description:
        'estimated: 2560x1440 20 fps h265, high scene, medium quality; calibrated on 7 measurements of h265 cameras, spread ±15.8 %',
    });
    expect(groups[1]!.profile.bitsPerSecond).toBe(4_000_000n);
    expect(fleetFromJson(fleet, catalog).fleet!.root.groups[0]!.profile.calibration).toBeUndefined();
  });
});
