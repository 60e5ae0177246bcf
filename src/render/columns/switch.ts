/**
 * The segment table's columns for what designs as code added: the link speed
 * suggested beside the current link ("link": "auto", --suggest-links), the
 * switch's ports and PoE budget, and the storage with its headroom. Their
 * JSON and CSV faces are in SWITCH_MACHINE_COLUMN, after every older key.
 */
import type { LinkSuggestion, PoeStatus, PortStatus, SegmentRow } from '../../core/model/report.js';
import { percentText } from '../../core/numbers/percent.js';
import { wattsText } from '../../core/numbers/power.js';
import { formatScaled } from '../../core/numbers/rate.js';
import { basisPointsText, bytesText, humanCount, humanRate } from '../wording/quantities.js';
import type { RenderOptions } from '../view.js';
import { type Cell, type Column, LAST_RESORT } from './column.js';
import type { CsvColumn } from './csv-layout.js';
import { arrow } from './directions.js';
import type { SegmentContext, ShownSegment } from './segment-context.js';
import type { JsonOut } from '../json-out.js';
import { rateJson } from './json-values.js';

/** "1 Gb/s"; "10 Gb/s ↑ 1 Gb/s ↓" when the directions differ; "> 100 Gb/s" when even the largest speed is short. */
export function suggestionText(s: LinkSuggestion, options: RenderOptions): string {
  const speed = (bps: bigint | undefined) =>
    bps === undefined ? `> ${humanRate(s.largestBitsPerSecond, options)}` : humanRate(bps, options);
  if (s.kind === 'shared') return `${speed(s.shared)} shared`;
  if (s.up === s.down) return speed(s.up);
  const gap = options.ascii ? ' ' : '';
  return `${arrow('up', options)}${gap}${speed(s.up)} ${arrow('down', options)}${gap}${speed(s.down)}`;
}

function portsCell(p: PortStatus): Cell {
  return { text: `${humanCount(p.used)} / ${humanCount(p.ports)}`, ...(p.fits ? {} : { tone: 'bad' as const }) };
}

function poeCell(p: PoeStatus): Cell {
  return {
    text: `${wattsText(p.drawMilliwatts, { group: true })} / ${wattsText(p.budgetMilliwatts, { group: true })} (${basisPointsText(p.utilizationBasisPoints)})`,
    gauge: { value: p.drawMilliwatts, full: p.budgetMilliwatts, limit: p.usableMilliwatts, over: !p.fits },
    ...(p.fits ? {} : { tone: 'bad' as const }),
  };
}

export const SUGGESTION_COLUMN: Column<ShownSegment, SegmentContext> = {
  key: 'linkSuggestion',
  human: {
    heading: () => 'Suggested',
    align: 'right',
    shows: (c) => c.suggestions,
    fit: { drops: 6 },
    cell: (s, c) => (s.row.linkSuggestion ? suggestionText(s.row.linkSuggestion, c.options) : ''),
  },
};

export const STORAGE_REQUIRED_COLUMN: Column<ShownSegment, SegmentContext> = {
  key: 'storageRequired',
  human: {
    heading: (c) => `+${percentText(c.report.settings.storage?.headroom ?? { num: 0n, den: 1n })} % headroom`,
    align: 'right',
    shows: (c) => c.report.settings.storage?.headroom !== undefined,
    // Left out just before the storage it is made from.
    fit: { drops: LAST_RESORT },
    cell: (s) => (s.row.storage?.requiredBytes === undefined ? '' : bytesText(s.row.storage.requiredBytes)),
  },
};

export const SWITCH_COLUMNS: readonly Column<ShownSegment, SegmentContext>[] = [
  {
    key: 'ports',
    human: {
      heading: () => 'Ports',
      align: 'right',
      shows: (c) => c.ports,
      fit: { drops: 5 },
      cell: (s) => (s.row.ports ? portsCell(s.row.ports) : ''),
    },
  },
  {
    key: 'poe',
    human: {
      heading: () => 'PoE',
      align: 'right',
      shows: (c) => c.poe,
      fit: { drops: 5 },
      cell: (s) => (s.row.poe ? poeCell(s.row.poe) : ''),
    },
  },
];

/** Milliwatts exact, with watts for convenience. */
function writeWatts(out: JsonOut, key: string, milliwatts: bigint): void {
  out.object(key);
  out.bigint('milliwatts', milliwatts);
  out.scaled('watts', milliwatts, 3);
  out.end();
}

function poeMembers(p: PoeStatus, out: JsonOut): void {
  writeWatts(out, 'budget', p.budgetMilliwatts);
  out.number('maxUtilizationPercent', Number(percentText(p.ceiling)));
  writeWatts(out, 'usable', p.usableMilliwatts);
  writeWatts(out, 'draw', p.drawMilliwatts);
  out.bigint('cameras', p.cameras);
  if (p.utilizationBasisPoints === undefined) out.number('utilizationPercent', null);
  else out.scaled('utilizationPercent', p.utilizationBasisPoints, 2);
  writeWatts(out, 'headroom', p.headroomMilliwatts);
  out.boolean('fits', p.fits);
}

export function suggestionJson(s: LinkSuggestion) {
  const speed = (bps: bigint | undefined) => (bps === undefined ? null : rateJson(bps));
  return {
    kind: s.kind,
    ...(s.kind === 'shared' ? { shared: speed(s.shared) } : { up: speed(s.up), down: speed(s.down) }),
    largest: rateJson(s.largestBitsPerSecond),
  };
}

function switchCsv(row: SegmentRow): Partial<Record<CsvColumn, string>> {
  const cells: Partial<Record<CsvColumn, string>> = {};
  const s = row.linkSuggestion;
  if (s) {
    cells.suggested_up_bps = (s.kind === 'shared' ? s.shared : s.up)?.toString() ?? '';
    cells.suggested_down_bps = (s.kind === 'shared' ? s.shared : s.down)?.toString() ?? '';
  }
  if (row.linkAuto) cells.link_auto = 'true';
  if (row.ports) {
    cells.ports = row.ports.ports.toString();
    cells.ports_used = row.ports.used.toString();
  }
  const p = row.poe;
  if (p) {
    cells.poe_budget_mw = p.budgetMilliwatts.toString();
    cells.max_poe_utilization_pct = percentText(p.ceiling);
    cells.poe_usable_mw = p.usableMilliwatts.toString();
    cells.poe_mw = p.drawMilliwatts.toString();
    cells.poe_utilization_pct = p.utilizationBasisPoints === undefined ? '' : formatScaled(p.utilizationBasisPoints, 100n);
  }
  if (row.storage?.requiredBytes !== undefined) cells.storage_required_bytes = row.storage.requiredBytes.toString();
  return cells;
}

/** JSON and CSV only: the suggestion, ports and PoE of a row, after every older key (JSON key order is part of the contract). */
export const SWITCH_MACHINE_COLUMN: Column<ShownSegment, SegmentContext> = {
  key: 'switch',
  csv: (s) => switchCsv(s.row),
  json: (s, out) => {
    if (s.row.linkAuto) out.boolean('linkAuto', true);
    if (s.row.linkSuggestion) out.value('linkSuggestion', suggestionJson(s.row.linkSuggestion));
    const ports = s.row.ports;
    if (ports) {
      out.object('ports');
      out.bigint('ports', ports.ports);
      out.bigint('used', ports.used);
      out.bigint('spare', ports.spare);
      out.boolean('fits', ports.fits);
      out.end();
    }
    if (s.row.poe) {
      out.object('poe');
      poeMembers(s.row.poe, out);
      out.end();
    }
  },
};
