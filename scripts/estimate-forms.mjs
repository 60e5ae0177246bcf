#!/usr/bin/env node
// Compares the estimate model's forms v1 and v2 (presets/validation/README.md, Procedure v2) on
// 1. the hold-out batch, each form fitted to the old points only, and
// 2. leave one source out on old + new points, per kind, with the ranges' coverage.
// Reads dist/modules/ (run `npm run build:modules` first; remove dist/modules before `npm test`, whose
// package test refuses build-only files). Prints the figures the decision rule compares.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorStats, estimateOf, fitModel } from '../dist/modules/core/estimate/fit.js';
import { heldOut } from '../dist/modules/core/estimate/held-out.js';
import { FIGURE_KINDS, readValidationSet } from '../dist/modules/core/estimate/validation.js';

const dir = fileURLToPath(new URL('../presets/validation/', import.meta.url));
const read = (f) => readFileSync(dir + f, 'utf8');
const set = readValidationSet(
  JSON.parse(read('estimate-points.json')),
  { csv: read('measured-averages.csv'), file: 'measured-averages.csv' },
  [{ name: 'holdout-2026-12', json: JSON.parse(read('holdout-2026-12.json')) }],
);
const old = set.points.filter((p) => p.batch === undefined);
const fresh = set.points.filter((p) => p.batch !== undefined);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const TARGET_MEDIAN = 0.3;
const inRange = (c) => Math.abs(c - 0.8) <= 0.1 + 1e-9;

for (const form of ['v1', 'v2']) {
  const fit = fitModel(old, form);
  const ratios = fresh.map((p) => estimateOf(fit, p) / p.bitsPerSecond);
  console.log(
    `\n== ${form}: fitted to the ${old.length} old points: ${JSON.stringify(Object.fromEntries(Object.entries(fit).map(([k, v]) => [k, +v.toFixed(4)])))}`,
  );
  console.log(`hold-out batch (${fresh.length} points): median |error| ${pct(errorStats(ratios).medianAbsError)}`);
  for (const kind of FIGURE_KINDS) {
    const r = ratios.filter((_, i) => fresh[i].kind === kind);
    if (r.length) console.log(`  ${kind}: ${r.length} points, median |error| ${pct(errorStats(r).medianAbsError)}`);
  }
  for (const [i, p] of fresh.entries()) console.log(`  ${p.id}: figure ${p.bitsPerSecond / 1000} kb/s, estimate × ${ratios[i].toFixed(2)}`);
  const held = heldOut(set.points, form);
  let met = 0;
  console.log(
    `leave one source out, old + new (${set.points.length} points): all median |error| ${pct(held.all.medianAbsError)}, range held ${pct(held.all.coverage)}`,
  );
  for (const k of held.perKind) {
    const m = k.stats.medianAbsError <= TARGET_MEDIAN;
    const c = inRange(k.coverage);
    met += Number(m) + Number(c);
    console.log(
      `  ${k.kind}: ${k.stats.points} points, ${k.groups} groups, median ${pct(k.stats.medianAbsError)}${m ? '' : ' (missed)'}, range held ${pct(k.coverage)}${c ? '' : ' (missed)'}`,
    );
  }
  console.log(
    `  targets met: ${met} of ${2 * held.perKind.length}; ranges: peak × ${held.ranges.peak.low.toFixed(2)}–${held.ranges.peak.high.toFixed(2)}, average × ${held.ranges.average.low.toFixed(2)}–${held.ranges.average.high.toFixed(2)}`,
  );
}
