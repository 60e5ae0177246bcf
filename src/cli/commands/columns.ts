/**
 * `camsize columns FILE`: how a schedule (or any inventory) will be read,
 * before it is sized: each column and the field it is read as, the rows
 * skipped above the header, and the first rows as camsize understood them
 * (segment, cameras, profile and rate). The file is read whole, as sizing
 * reads it, so whatever sizing would refuse is refused here (exit 2).
 */
import { printable } from '../../core/diagnostics/printable.js';
import type { ColumnRead } from '../../core/inventory/column-plan.js';
import { delimiterName } from '../../core/inventory/header-rows.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { Profile } from '../../core/model/fleet.js';
import { formatRate } from '../../core/numbers/rate.js';
import type { Io } from '../../io/io.js';
import type { InventoryColumns } from '../../io/inventory/options.js';
import type { ColumnsRequest } from '../request.js';
import { unusedSheetNote } from './inventory-notes.js';
import { scheduleOptions } from '../../api/inventory-read.js';

interface ShownRow {
  line: number;
  segment: string;
  cameras: string;
  profile: Profile;
}

export async function runColumns(request: ColumnsRequest, catalog: Catalog, io: Io): Promise<number> {
  const { loadInventory } = await import('../../io/inventory/load.js');
  const shown: ShownRow[] = [];
  const { aggregate, name, columns } = await loadInventory(
    request.path,
    catalog,
    {
      skipInvalid: false,
      threads: 1,
      ...(request.format ? { format: request.format } : {}),
      ...scheduleOptions(request.schedule),
      observe: (agg, e, line, count) => {
        if (shown.length < request.rows)
          shown.push({ line, segment: agg.segmentOf(e).join('/') || '(the file)', cameras: String(count), profile: agg.profileOf(e) });
      },
    },
    io,
  );
  for (const note of unusedSheetNote(name, columns, request.schedule.sheet)) io.stderr(`camsize: ${note}\n`);
  const lines = [
    ...heading(name, columns),
    '',
    ...table(
      ['Column', 'Read as'],
      (columns?.reads ?? []).map((r) => [printable(r.header) || '(no name)', readAs(r)]),
    ),
  ];
  if (shown.length > 0) {
    lines.push('', `The first ${shown.length === 1 ? 'row' : `${shown.length} rows`} as read:`);
    lines.push(
      ...table(
        ['Line', 'Segment', 'Cameras', 'Profile'],
        shown.map((r) => [String(r.line), printable(r.segment), r.cameras, profileText(r.profile)]),
      ),
    );
  } else if (aggregate.size > 0) {
    lines.push('', 'Groups (each distinct segment and profile, with its first record):');
    lines.push(
      ...table(
        ['Line', 'Segment', 'Cameras', 'Profile'],
        aggregate.entries
          .slice(0, request.rows)
          .map((e) => [String(e.first.line), printable(e.segment.join('/')), String(e.count), profileText(e.profile)]),
      ),
    );
  }
  const cameras = aggregate.cameras();
  const records = aggregate.records;
  lines.push(
    '',
    `${cameras.toLocaleString('en-US')} camera${cameras === 1n ? '' : 's'} in ${records.toLocaleString('en-US')} record${records === 1 ? '' : 's'}.`,
  );
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function heading(name: string, columns: InventoryColumns | undefined): string[] {
  if (columns === undefined) return [`${printable(name)}`];
  if (columns.line === 0) return [`${printable(name)}: records with these keys`];
  const where =
    columns.sheet !== undefined ? `sheet '${printable(columns.sheet)}'` : `CSV, ${delimiterName(columns.delimiter ?? ',')} between columns`;
  const titles =
    columns.titles.length === 0 ? '' : ` (above it, skipped: ${columns.titles.map((t) => `line ${t.line} '${t.text}'`).join(', ')})`;
  return [`${printable(name)}: ${where}; the header is on line ${columns.line}${titles}`];
}

const SHORT: Partial<Record<ColumnRead['field'], string>> = {
  label: 'label (names the groups of rows without a preset)',
  id: 'id (not summed)',
  resolution: 'resolution (rows to estimate)',
  fps: 'fps (rows to estimate)',
  codec: 'codec (rows to estimate)',
  scene: 'scene (rows to estimate)',
  quality: 'quality (rows to estimate)',
};

function readAs(r: ColumnRead): string {
  if (r.level !== undefined) return `segment, level ${r.level} of the path`;
  if (r.unit !== undefined) return `${r.field}; bare numbers in ${printable(r.unit)}`;
  return SHORT[r.field] ?? r.field;
}

function profileText(p: Profile): string {
  // Two figures say which is which: the peak links carry, the average storage holds.
  const rate = p.average
    ? `peak ${formatRate(p.bitsPerSecond)}, average ${formatRate(p.average.bitsPerSecond)}`
    : formatRate(p.bitsPerSecond);
  if (p.kind === 'preset') return `preset ${p.name}, ${rate}`;
  if (p.kind === 'estimate') return `${p.name === 'estimate' ? '' : `${printable(p.name)}: `}${p.description}, ${rate}`;
  return `${printable(p.name)}: ${p.description}, ${rate}`;
}

/** Rows as aligned text columns (the last one unpadded). */
function table(head: string[], rows: string[][]): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  '));
}
