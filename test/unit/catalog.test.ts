import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, filterPresets, findPreset } from '../../src/core/model/catalog.js';
import { PRESETS_DIR, loadCatalog, readCatalogFiles, validateCatalogFiles } from '../../src/io/catalog-load.js';

describe('preset catalog', async () => {
  const presets = await validateCatalogFiles(readCatalogFiles());
  const catalog = buildCatalog(presets);

  it('every file in presets/ passes the schema', () => {
    expect(readdirSync(PRESETS_DIR).filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(3);
    expect(presets.length).toBeGreaterThanOrEqual(60);
  });

  it('ids are unique', () => {
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
  });

  it.each([
    ['720p30', 4_000_000n],
    ['1080p10-conference', 500_000n],
    ['1080p10-conference-2', 625_000n],
    ['1080p30-ir', 5_000_000n],
    ['5mp15-panoramic', 3_500_000n],
    ['4k30', 7_000_000n],
    ['4k10-night', 24_000_000n],
  ])("has the report's %s at %s b/s", (id, bps) => {
    const preset = findPreset(catalog, id);
    expect(preset.bitsPerSecond).toBe(bps);
    expect(preset.basis).toBe('report');
  });

  it.each(['1080p', '4mp', '5mp', '8mp', '12mp'])('has %s at 30/15/10 fps in H.264 and H.265', (res) => {
    for (const fps of [30, 15, 10]) {
      for (const codec of ['h264', 'h265']) {
        const preset = findPreset(catalog, `${res}${fps}-${codec}`);
        expect(preset.codec).toBe(codec);
        expect(preset.fps).toBe(fps);
        expect(preset.basis).toBe('vendor-cap');
      }
    }
  });

  it('every preset cites a source', () => {
    for (const p of presets) expect(p.source.citation.length).toBeGreaterThan(10);
  });

  it('suggests the closest ids for an unknown preset', () => {
    expect(() => findPreset(catalog, '720p3')).toThrow("unknown preset '720p3' (did you mean '720p30'?)");
    expect(() => findPreset(catalog, 'zzzzzzzz')).toThrow(/run 'camsize presets'/);
  });

  it('filters by codec, fps and words', () => {
    const h265at15 = filterPresets(catalog, { codec: 'H.265', fps: 15, words: ['4mp'] });
    expect(h265at15.map((p) => p.id).sort()).toEqual(['4mp15-h265', '4mp15-h265-plan']);
    expect(filterPresets(catalog, { basis: 'report' })).toHaveLength(7);
  });

  it('loadCatalog (with or without the build cache) gives the same presets', async () => {
    const loaded = await loadCatalog();
    expect(loaded.presets.map((p) => [p.id, p.bitsPerSecond])).toEqual(catalog.presets.map((p) => [p.id, p.bitsPerSecond]));
  });
});

describe('a broken catalog file', () => {
  function brokenCatalogDir(mutate: (json: { presets: Array<Record<string, unknown>> }) => void, name = 'report.json'): string {
    const dir = mkdtempSync(join(tmpdir(), 'camsize-presets-'));
    for (const f of readdirSync(PRESETS_DIR).filter((n) => n.endsWith('.json'))) copyFileSync(join(PRESETS_DIR, f), join(dir, f));
    const json = JSON.parse(readCatalogFiles(dir).find((f) => f.name === name)!.text);
    mutate(json);
    writeFileSync(join(dir, name), JSON.stringify(json));
    return dir;
  }

  it('is an error naming the file and the field', async () => {
    const dir = brokenCatalogDir((json) => {
      json.presets[2]!['mbps'] = '3 Mbs';
      delete json.presets[4]!['fps'];
    });
    await expect(loadCatalog(dir)).rejects.toMatchObject({
      issues: [
        "report.json: presets[2].mbps: unknown unit 'Mbs' (did you mean 'Mb/s'?)",
        'report.json: presets[4].fps: missing (expected a number)',
      ],
    });
  });

  it('rejects unknown keys and duplicate ids across files', async () => {
    const typo = brokenCatalogDir((json) => {
      json.presets[0]!['mpbs'] = 4;
    });
    await expect(loadCatalog(typo)).rejects.toThrow("report.json: presets[0]: unknown key 'mpbs' (did you mean 'mbps'?)");
    const dup = brokenCatalogDir((json) => {
      json.presets[0]!['id'] = '8mp15-h264-plan';
    });
    await expect(loadCatalog(dup)).rejects.toThrow("report.json: preset id '8mp15-h264-plan' is already defined in planning.json");
  });
});
