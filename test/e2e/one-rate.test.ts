/**
 * A fleet that gives one rate per camera sizes exactly as before cameras had
 * two figures (issue #21): each sizing case of the snapshots and every example
 * fleet, sized with --json by this camsize, with the keys #21 added taken out,
 * is the report the build before #21 gave, byte for byte of its value
 * (test/fixtures/one-rate/baseline.json, made by scripts/one-rate-baseline.mjs
 * from that build). A case whose fleet has a profile with two figures (a
 * vendor cap, a planning average, an estimate) is named in CHANGED and must
 * really have one: those are the numbers #21 changes on purpose.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const BASELINE = JSON.parse(readFileSync('test/fixtures/one-rate/baseline.json', 'utf8')) as Record<
  string,
  { args: string[]; sha256: string }
>;

/** Cases whose fleets give a peak or an average (the other follows from the ratio), or are estimated. */
const CHANGED = new Set(['day-night', 'day-night-average', 'recorders', 'multi-site', 'multi-site-flows', 'every-feature']);

type Json = Record<string, unknown>;

/**
 * The report without what #21 added (profiles' rateBasis, peak, average and range; the total's
 * loadFigure, profileSums, estimated), nor the keys later issues added beside the figures, which
 * change no number: #20's inventory.columns, #23's project and a segment's own viewers, #25's flat
 * checks (each a copy of a check the tree holds).
 */
function withoutFigures(report: Json): Json {
  const { checks: _c, project: _j, ...rest } = report;
  const profiles = (report['profiles'] as Json[]).map(({ rateBasis: _b, peak: _p, average: _a, range: _r, ...p }) => p);
  const { loadFigure: _f, profileSums: _s, estimated: _e, ...total } = report['total'] as Json;
  const segments = (report['segments'] as Json[]).map(({ viewers: _v, ...s }) => s);
  const inventory = report['inventory'] as Json | undefined;
  const read = inventory ? (({ columns: _k, ...i }) => ({ inventory: i }))(inventory) : {};
  return { ...rest, profiles, segments, total, ...read };
}

describe('a fleet that gives one rate per camera sizes exactly as before', () => {
  for (const [name, { args, sha256 }] of Object.entries(BASELINE)) {
    it(name, async () => {
      const { stdout, code } = await runInProcess([...args, '--json']);
      expect([0, 1]).toContain(code);
      const report = JSON.parse(stdout) as Json;
      const profiles = report['profiles'] as Json[];
      const oneRate = profiles.every((p) => p['rateBasis'] === 'rate');
      expect(oneRate).toBe(!CHANGED.has(name));
      if (!oneRate) return;
      expect(
        createHash('sha256')
          .update(JSON.stringify(withoutFigures(report)))
          .digest('hex'),
      ).toBe(sha256);
    });
  }
});
