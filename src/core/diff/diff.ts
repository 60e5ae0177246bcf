/**
 * What a change to a design does: two reports of it (before and after a
 * change to its fleet file) compared row by row, segments by path, each
 * direction of a link, recorders by name, and the total, each with every
 * figure on either side and the checks that flipped. Pure: reading the two
 * fleets is the caller's. A check that fails after and did not before (it
 * passed, or did not exist) fails the diff: a CI gate for pull requests.
 */
import type { CheckFlip, CheckState, DiffRow, DiffSide, FigureChange, ReportDiff } from '../model/diff-report.js';
import type { Report, SegmentRow } from '../model/report.js';
import { type FlatCheck, flatChecks } from '../sizing/flat-checks.js';
import { pathKey, tupleKey } from '../model/keys.js';
import { type Figures, linkDirections, linkFigures, recorderFigures, segmentFigures, totalFigures } from './figures.js';

/** A check's identity across the two reports: what it is, where, which direction or part. */
export function checkKey(c: FlatCheck): string {
  return tupleKey(c.kind, c.path, c.recorder ?? '', c.group ?? '', c.direction ?? '', c.part ?? '');
}

/** The row a check belongs to: a link's direction, a recorder, the total, or a segment. */
function rowKeyOf(c: FlatCheck): string {
  switch (c.kind) {
    case 'link':
      return tupleKey('link', c.direction ?? '', c.path);
    case 'recorder':
      return tupleKey('recorder', c.recorder ?? '');
    case 'total':
    case 'total-storage':
    case 'how-many':
      return 'total';
    default:
      return tupleKey('segment', c.path);
  }
}

interface RowSide {
  kind: DiffRow['kind'];
  path: readonly string[];
  direction?: 'up' | 'down' | 'shared';
  recorder?: string;
  figures: Figures;
}

/** A report's rows, keyed, in its order: each segment, then its link's directions; the recorders; the total. */
function rowsOf(report: Report, other: Report): Map<string, RowSide> {
  const rows = new Map<string, RowSide>();
  const otherLinked = new Map<string, SegmentRow>(other.segments.map((s) => [pathKey(s.path), s]));
  for (const s of report.segments) {
    const twin = otherLinked.get(pathKey(s.path));
    const linked = s.link !== undefined || twin?.link !== undefined;
    rows.set(tupleKey('segment', s.path), { kind: 'segment', path: s.path, figures: segmentFigures(s, linked) });
    const directions = new Set([...linkDirections(s), ...(twin ? linkDirections(twin) : [])]);
    for (const direction of directions)
      rows.set(tupleKey('link', direction, s.path), {
        kind: 'link',
        path: s.path,
        direction,
        figures: linkFigures(s, direction),
      });
  }
  for (const r of report.recorders ?? [])
    rows.set(tupleKey('recorder', r.name), { kind: 'recorder', path: r.path, recorder: r.name, figures: recorderFigures(r) });
  rows.set('total', { kind: 'total', path: [], figures: totalFigures(report) });
  return rows;
}

function figureChanges(before: Figures | undefined, after: Figures | undefined): FigureChange[] {
  const names = [...new Set([...(after?.keys() ?? []), ...(before?.keys() ?? [])])];
  return names.map((name) => {
    const b = before?.get(name);
    const a = after?.get(name);
    return { name, unit: (a ?? b)!.unit, ...(b ? { before: b.value } : {}), ...(a ? { after: a.value } : {}) };
  });
}

const stateOf = (c: FlatCheck | undefined): CheckState => (c === undefined ? 'absent' : c.fits ? 'pass' : 'fail');

/** Checks whose verdict differs: pass ↔ fail, a failing check added or gone. */
function flipsOf(before: Report, after: Report): CheckFlip[] {
  const was = new Map(flatChecks(before).map((c) => [checkKey(c), c]));
  const flips: CheckFlip[] = [];
  const seen = new Set<string>();
  for (const c of flatChecks(after)) {
    const key = checkKey(c);
    seen.add(key);
    const b = was.get(key);
    if (stateOf(b) !== stateOf(c) && (c.fits === false || b?.fits === false))
      flips.push({ check: c, before: stateOf(b), after: stateOf(c), ...(b ? { was: b } : {}) });
  }
  for (const [key, b] of was) if (!seen.has(key) && !b.fits) flips.push({ check: b, before: 'fail', after: 'absent', was: b });
  return flips;
}

function side(report: Report): DiffSide {
  const failed = report.checks.filter((c) => !c.fits).length;
  return { fleet: report.fleetName, verdict: report.verdict, checks: report.checks.length, failed };
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const b = rowsOf(before, after);
  const a = rowsOf(after, before);
  const flips = flipsOf(before, after);
  const flipsByRow = new Map<string, CheckFlip[]>();
  for (const flip of flips) {
    const key = rowKeyOf(flip.check);
    flipsByRow.set(key, [...(flipsByRow.get(key) ?? []), flip]);
  }
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const rows = keys.map((key): DiffRow => {
    const was = b.get(key);
    const is = a.get(key);
    const { kind, path, direction, recorder } = (is ?? was)!;
    const figures = figureChanges(was?.figures, is?.figures);
    const rowFlips = flipsByRow.get(key) ?? [];
    const change = !was
      ? 'added'
      : !is
        ? 'removed'
        : figures.some((f) => f.before !== f.after) || rowFlips.length > 0
          ? 'changed'
          : 'unchanged';
    return {
      kind,
      path,
      ...(direction ? { direction } : {}),
      ...(recorder !== undefined ? { recorder } : {}),
      change,
      figures,
      flips: rowFlips,
    };
  });
  const newlyFailing = flips.filter((f) => f.after === 'fail').length;
  const fixed = flips.filter((f) => f.before === 'fail').length;
  return { before: side(before), after: side(after), rows, newlyFailing, fixed, verdict: newlyFailing > 0 ? 'fail' : 'pass' };
}
