/**
 * What the human formats (table, Markdown) show of a diff: a heading, the
 * table of figures that changed, the checks that flipped, and the verdict of
 * the change (it fails when a check newly fails). Built once as blocks.
 */
import type { DiffRow, DiffSide, ReportDiff } from '../core/model/diff-report.js';
import { changed } from '../core/model/diff-report.js';
import type { Block } from './blocks.js';
import { humanTable } from './columns/column.js';
import { DIFF_COLUMNS, type DiffLine, flipText } from './columns/diff.js';
import type { RenderOptions } from './view.js';

/** The rows a diff shows: those that changed, or every one with --unchanged. */
export function shownRows(diff: ReportDiff, options: Pick<RenderOptions, 'unchanged'>): DiffRow[] {
  return diff.rows.filter((r) => options.unchanged === true || r.change !== 'unchanged');
}

/** A direction of a link added or removed that carries nothing: its figures say nothing a reader needs (JSON keeps it). */
function idle(row: DiffRow): boolean {
  if (row.kind !== 'link' || (row.change !== 'added' && row.change !== 'removed') || row.flips.length > 0) return false;
  const load = row.figures.find((f) => f.name === 'load');
  return (load?.after ?? load?.before) === 0n;
}

/** Each shown row's figures that changed (every figure of it with --unchanged). */
export function diffLines(diff: ReportDiff, options: Pick<RenderOptions, 'unchanged'>): DiffLine[] {
  const fleet = diff.after.fleet;
  return shownRows(diff, options)
    .filter((row) => options.unchanged === true || !idle(row))
    .flatMap((row) => row.figures.filter((f) => options.unchanged === true || changed(f)).map((figure) => ({ row, figure, fleet })));
}

function sideText(label: string, s: DiffSide): string {
  const checks = s.checks === 1 ? '1 check' : `${s.checks} checks`;
  const state = s.checks === 0 ? 'nothing checked' : s.failed === 0 ? `${checks}, all pass` : `${checks}, ${s.failed} over`;
  return `${label}: ${state}`;
}

/** "Before: 7 checks, all pass. After: 8 checks, 1 over. 1 check newly fails; 0 fixed." */
function summary(diff: ReportDiff): string {
  const newly = diff.newlyFailing === 1 ? '1 check newly fails' : `${diff.newlyFailing} checks newly fail`;
  return `${sideText('Before', diff.before)}. ${sideText('After', diff.after)}. ${newly}; ${diff.fixed} fixed.`;
}

export function diffBlocks(diff: ReportDiff, options: RenderOptions): Block[] {
  const title = diff.before.fleet === diff.after.fleet ? diff.after.fleet : `${diff.before.fleet} → ${diff.after.fleet}`;
  const blocks: Block[] = [{ kind: 'heading', text: `What the change does: ${title}` }];
  const lines = diffLines(diff, options);
  if (lines.length > 0) blocks.push({ kind: 'table', role: 'diff', ...humanTable(DIFF_COLUMNS, lines, { options }) });
  else blocks.push({ kind: 'sentence', role: 'note', text: 'No change: every figure and every check is the same.' });
  blocks.push({ kind: 'sentence', role: 'capacity', text: summary(diff) });
  const flips = diff.rows.flatMap((r) => r.flips);
  const newly = flips.filter((f) => f.after === 'fail').map((f) => flipText(f, diff.after.fleet, options));
  const fixed = flips.filter((f) => f.after !== 'fail').map((f) => flipText(f, diff.before.fleet, options));
  for (const text of fixed) blocks.push({ kind: 'sentence', role: 'measured', text });
  const pass = diff.verdict === 'pass';
  blocks.push({
    kind: 'verdict',
    pass,
    text: pass ? 'The change passes: no check newly fails.' : 'The change fails: it puts a check over its limit that was not before:',
  });
  if (newly.length > 0) blocks.push({ kind: 'failures', lines: newly });
  return blocks;
}
