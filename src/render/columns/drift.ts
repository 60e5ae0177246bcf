/**
 * Design against measurement (--measured), defined once for every format:
 * the measured groups' table (one row per group, per camera) and the
 * figures the segment table adds (its cameras' load, measured groups at their
 * measured rate). Both compare daily averages of the payload.
 */
import { measurementPlace } from '../../core/measure/measurement.js';
import type { DriftFigures, GroupDrift, Report, SegmentDrift } from '../../core/model/report.js';
import type { UnmatchedMeasurement } from '../../core/measure/match.js';
import { deviationText, humanCount, humanRate, permilleText } from '../wording/quantities.js';
import { pathText } from '../wording/sentences.js';
import type { RenderOptions } from '../view.js';
import type { Cell, Column } from './column.js';
import { rateJson } from './json-values.js';
import { fields } from '../json-out.js';

export interface DriftContext {
  readonly report: Report;
  readonly options: RenderOptions;
}

/** "ok" or "DRIFT" (more than the tolerance above the design), as a check's cell. */
export function driftCell(f: DriftFigures | undefined): Cell | string {
  if (!f) return '';
  return f.exceeds ? { text: 'DRIFT', tone: 'bad' } : { text: 'ok', tone: 'good' };
}

/** The deviation, red when it is over the tolerance. */
export function deviationCell(f: DriftFigures | undefined): Cell | string {
  if (!f) return '';
  const text = deviationText(f.deviationPermille);
  return f.exceeds ? { text, tone: 'bad' } : text;
}

/** The deviation as the machine formats carry it: percent with one decimal, exact. */
export function deviationValue(f: DriftFigures): { text: string; number: number | null } {
  return f.deviationPermille === undefined
    ? { text: '', number: null }
    : { text: permilleText(f.deviationPermille), number: Number(permilleText(f.deviationPermille)) };
}

export function driftJson(f: DriftFigures) {
  return {
    design: rateJson(f.designBitsPerSecond),
    measured: rateJson(f.measuredBitsPerSecond),
    deviationPercent: deviationValue(f).number,
    exceeds: f.exceeds,
    measurements: f.measurements,
  };
}

export function segmentDriftJson(d: SegmentDrift) {
  return { ...driftJson(d), groups: d.groups };
}

/** "1 short, 2 likely caps": how many of a group's measurements are weak evidence. */
function weakEvidence(g: GroupDrift, separator: string): string {
  const caps = g.likelyCaps === 1 ? 'likely cap' : 'likely caps';
  return [g.short > 0 ? `${g.short} short` : '', g.likelyCaps > 0 ? `${g.likelyCaps} ${caps}` : ''].filter(Boolean).join(separator);
}

/** "3 (1 short, 2 likely caps)": how many measurements, and how many are weak evidence. */
function measurementsText(g: GroupDrift): string {
  const weak = weakEvidence(g, ', ');
  return weak === '' ? String(g.measurements) : `${g.measurements} (${weak})`;
}

/**
 * The drift table, one row per measured group. In a narrow terminal names wrap; the
 * measurement counts, cameras, then the two rates go first; deviation and verdict stay.
 */
export const DRIFT_COLUMNS: readonly Column<GroupDrift, DriftContext>[] = [
  {
    key: 'segment',
    human: { heading: () => 'Segment', align: 'left', cell: (g, c) => pathText(c.report, g.path), fit: { wraps: 'name' } },
    csv: (g) => ({ segment: g.path.join('/'), depth: String(g.path.length) }),
    json: fields((g) => ({ path: g.path })),
  },
  {
    key: 'group',
    human: { heading: () => 'Group', align: 'left', cell: (g) => ({ text: g.group, style: 'code' }), fit: { wraps: 'name' } },
    csv: (g) => ({ profile: g.group, description: g.profile.description }),
    json: fields((g) => ({ group: g.group, kind: g.profile.kind, description: g.profile.description })),
  },
  {
    key: 'cameras',
    human: { heading: () => 'Cameras', align: 'right', cell: (g) => humanCount(g.cameras), fit: { drops: 2 } },
    csv: (g) => ({ cameras: g.cameras.toString() }),
    json: fields((g) => ({ cameras: g.cameras.toString() })),
  },
  {
    key: 'measurements',
    human: { heading: () => 'Measurements', align: 'right', cell: measurementsText, fit: { drops: 1 } },
    csv: (g) => ({ measurements: String(g.measurements), note: weakEvidence(g, '; ') }),
    json: fields((g) => ({ measurements: g.measurements, short: g.short, likelyCaps: g.likelyCaps })),
  },
  {
    key: 'design',
    human: { heading: () => 'Design avg.', align: 'right', cell: (g, c) => humanRate(g.designBitsPerSecond, c.options), fit: { drops: 3 } },
    csv: (g) => ({ design_bps: g.designBitsPerSecond.toString() }),
    json: fields((g) => ({ design: rateJson(g.designBitsPerSecond) })),
  },
  {
    key: 'measured',
    human: {
      heading: () => 'Measured avg.',
      align: 'right',
      cell: (g, c) => humanRate(g.measuredBitsPerSecond, c.options),
      fit: { drops: 4 },
    },
    csv: (g) => ({ measured_bps: g.measuredBitsPerSecond.toString() }),
    json: fields((g) => ({ measured: rateJson(g.measuredBitsPerSecond) })),
  },
  {
    key: 'deviation',
    human: { heading: () => 'Deviation', align: 'right', cell: deviationCell },
    csv: (g) => ({ deviation_pct: deviationValue(g).text }),
    json: fields((g) => ({ deviationPercent: deviationValue(g).number })),
  },
  {
    key: 'drift',
    human: { heading: () => 'Drift', align: 'left', cell: driftCell },
    csv: (g) => ({ drift: g.exceeds ? 'over' : 'ok' }),
    json: fields((g) => ({ exceeds: g.exceeds })),
  },
];

/** A measurement no group matched, as the CSV `unmatched` rows and the JSON `drift.unmatched` list carry it. */
export const UNMATCHED_COLUMNS: readonly Column<UnmatchedMeasurement, unknown>[] = [
  {
    key: 'measurement',
    csv: ({ measurement: m }) => ({
      segment: m.segment ?? '',
      profile: m.preset ?? m.label ?? '',
      measured_bps: m.bitsPerSecond.toString(),
    }),
    json: fields(({ measurement: m }) => ({
      file: m.file,
      ...(m.where === undefined ? {} : { where: m.where }),
      ...(m.camera === undefined ? {} : { camera: m.camera }),
      ...(m.segment === undefined ? {} : { segment: m.segment }),
      ...((m.preset ?? m.label) ? { group: m.preset ?? m.label } : {}),
      bitsPerSecond: m.bitsPerSecond.toString(),
    })),
  },
  {
    key: 'reason',
    csv: (u) => ({ note: `${measurementPlace(u.measurement)}${u.measurement.camera ? ` (${u.measurement.camera})` : ''}: ${u.reason}` }),
    json: fields((u) => ({ reason: u.reason })),
  },
];
