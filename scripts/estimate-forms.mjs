#!/usr/bin/env node
// Compares the estimate model's forms on the hold-out batches, as the procedures in
// presets/validation/README.md fixed before each was run:
// - Procedure v2: v1 against v2 on batch holdout-2026-12 (each fitted to the points before it), then
//   leave one source out on the points up to that batch;
// - Procedure v3: v1 against v3 on batch holdout-2026-12b (each fitted to the points before it), then
//   leave one source out on all points.
// Each prints the figures its decision rule compares. Reads dist/modules/ (run `npm run build:modules`
// first; remove dist/modules before `npm test`, whose package test refuses build-only files).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorStats, estimateOf, fitModel } from '../dist/modules/core/estimate/fit.js';
import { heldOut } from '../dist/modules/core/estimate/held-out.js';
import { FIGURE_KINDS, readValidationSet } from '../dist/modules/core/estimate/validation.js';

const dir = fileURLToPath(new URL('../presets/validation/', import.meta.url));
const read = (f) => readFileSync(dir + f, 'utf8');
const BATCHES = ['holdout-2026-12', 'holdout-2026-12b'];
const set = readValidationSet(
  JSON.parse(read('estimate-points.json')),
  { csv: read('measured-averages.csv'), file: 'measured-averages.csv' },
  BATCHES.map((name) => ({ name, json: JSON.parse(read(`${name}.json`)) })),
);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const TARGET_MEDIAN = 0.3;
const inRange = (c) => Math.abs(c - 0.8) <= 0.1 + 1e-9;
const rounded = (fit) => JSON.stringify(Object.fromEntries(Object.entries(fit).map(([k, v]) => [k, +v.toFixed(4)])));

/** The points before `batch` (the fit's data for the true hold-out), the batch, and the points up to it. */
function split(batch) {
  const upTo = BATCHES.slice(0, BATCHES.indexOf(batch) + 1);
  const before = set.points.filter((p) => p.batch === undefined || (upTo.includes(p.batch) && p.batch !== batch));
  const fresh = set.points.filter((p) => p.batch === batch);
  return { before, fresh, all: [...before, ...fresh] };
}

function holdOut(form, before, fresh) {
  const fit = fitModel(before, form);
  const ratios = fresh.map((p) => estimateOf(fit, p) / p.bitsPerSecond);
  console.log(`\n== ${form}: fitted to the ${before.length} points before the batch: ${rounded(fit)}`);
  console.log(`hold-out batch (${fresh.length} points): median |error| ${pct(errorStats(ratios).medianAbsError)}`);
  for (const kind of FIGURE_KINDS) {
    const r = ratios.filter((_, i) => fresh[i].kind === kind);
    if (r.length)
      console.log(
        `  ${kind}: ${r.length} points, median |error| ${pct(errorStats(r).medianAbsError)}, geometric mean ratio ${errorStats(r).geometricMeanRatio.toFixed(2)}`,
      );
  }
  for (const [i, p] of fresh.entries()) console.log(`  ${p.id}: figure ${p.bitsPerSecond / 1000} kb/s, estimate × ${ratios[i].toFixed(2)}`);
}

function leaveOneOut(form, points) {
  const held = heldOut(points, form);
  let met = 0;
  console.log(
    `leave one source out (${points.length} points): all median |error| ${pct(held.all.medianAbsError)}, range held ${pct(held.all.coverage)}`,
  );
  for (const k of held.perKind) {
    const m = k.stats.medianAbsError <= TARGET_MEDIAN;
    const c = inRange(k.coverage);
    met += Number(m) + Number(c);
    console.log(
      `  ${k.kind}: ${k.stats.points} points, ${k.groups} groups, median ${pct(k.stats.medianAbsError)}${m ? '' : ' (missed)'}, range held ${pct(k.coverage)}${c ? '' : ' (missed)'}, geometric mean ratio ${k.stats.geometricMeanRatio.toFixed(2)}`,
    );
  }
  const subs = points.map((p, i) => [p, i]).filter(([p]) => p.stream === 'sub');
  if (subs.length) {
    const r = subs.map(([, i]) => held.ratios[i]);
    console.log(
      `  streams labelled sub: ${subs.length} points, median ${pct(errorStats(r).medianAbsError)}, geometric mean ratio ${errorStats(r).geometricMeanRatio.toFixed(2)}`,
    );
  }
  console.log(
    `  targets met: ${met} of ${2 * held.perKind.length}; fitted to all: ${rounded(held.fitted)}; ranges: peak × ${held.ranges.peak.low.toFixed(2)}–${held.ranges.peak.high.toFixed(2)}, average × ${held.ranges.average.low.toFixed(2)}–${held.ranges.average.high.toFixed(2)}`,
  );
}

for (const [procedure, batch, forms] of [
  ['Procedure v2', 'holdout-2026-12', ['v1', 'v2']],
  ['Procedure v3', 'holdout-2026-12b', ['v1', 'v3']],
]) {
  const { before, fresh, all } = split(batch);
  console.log(`\n######## ${procedure}: batch ${batch}`);
  for (const form of forms) {
    holdOut(form, before, fresh);
    leaveOneOut(form, all);
  }
}
