/** Terminal table output (cli-table3; colour through the shell's Paint only). */
import type TableType from 'cli-table3';
import { requireCjs } from '../require-cjs.js';
import type { Preset } from '../core/catalog.js';
import type { Report } from '../core/report.js';
import { humanCount, humanRate, totalSentence, type RenderOptions } from './options.js';

const Table = requireCjs('cli-table3') as typeof TableType;

function newTable(head: string[], align: Array<'left' | 'right'>, options: RenderOptions): TableType.Table {
  return new Table({
    head: head.map((h) => options.paint.bold(h)),
    colAligns: align,
    // cli-table3 colours headers and borders by itself; camsize decides colour in one place.
    style: { head: [], border: [] },
  });
}

export function showsSegments(report: Report): boolean {
  return report.segments.length > 1 || report.segments.some((s) => s.linkBitsPerSecond !== undefined);
}

export function renderTable(report: Report, options: RenderOptions): string {
  const { paint } = options;
  const profiles = newTable(
    ['Profile', 'Description', 'Per camera', 'Cameras', 'Load'],
    ['left', 'left', 'right', 'right', 'right'],
    options,
  );
  for (const row of report.profiles) {
    profiles.push([
      row.profile.name,
      row.profile.description,
      humanRate(row.profile.bitsPerSecond, options),
      humanCount(row.cameras),
      humanRate(row.loadBitsPerSecond, options),
    ]);
  }
  profiles.push([
    paint.bold('Total'),
    '',
    '',
    paint.bold(humanCount(report.total.cameras)),
    paint.bold(humanRate(report.total.loadBitsPerSecond, options)),
  ]);
  const parts = [profiles.toString()];

  if (showsSegments(report)) {
    const segments = newTable(['Segment', 'Cameras', 'Load', 'Link'], ['left', 'right', 'right', 'right'], options);
    for (const row of report.segments) {
      const name = row.depth === 0 ? report.fleetName : '  '.repeat(row.depth) + (row.path[row.path.length - 1] ?? '');
      segments.push([
        name,
        humanCount(row.cameras),
        humanRate(row.loadBitsPerSecond, options),
        row.linkBitsPerSecond === undefined ? '' : humanRate(row.linkBitsPerSecond, options),
      ]);
    }
    parts.push(segments.toString());
  }
  parts.push(paint.bold(totalSentence(report.total.cameras, report.total.loadBitsPerSecond, options)));
  return parts.join('\n') + '\n';
}

export function renderTablePresets(presets: readonly Preset[], options: RenderOptions): string {
  const table = newTable(
    ['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Basis'],
    ['left', 'left', 'right', 'left', 'left', 'right', 'left'],
    options,
  );
  for (const p of presets) {
    table.push([p.id, p.resolution.name, String(p.fps), p.codec ?? '', p.scene, humanRate(p.bitsPerSecond, options), p.basis]);
  }
  const noun = presets.length === 1 ? 'preset' : 'presets';
  const hint = options.paint.dim(`${presets.length} ${noun}; sources: camsize presets --format json (or --format markdown)`);
  return `${table.toString()}\n${hint}\n`;
}
