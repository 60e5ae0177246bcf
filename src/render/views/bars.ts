/**
 * What the documents draw as bars: storage against capacity (each recorder,
 * each segment with a storage of its own), and the busiest links of a big
 * tree, fullest first. Only choices and order: every figure is the report's.
 */
import type { LinkStatus, Report, SegmentRow } from '../../core/model/report.js';
import { busierFirst } from '../shown-segments.js';
import { pathText } from '../wording/sentences.js';

export interface StorageBar {
  /** "recorder nvr-a (site-a)", or the segment's path. */
  readonly label: string;
  readonly neededBytes: bigint;
  readonly capacityBytes: bigint;
  readonly over: boolean;
}

/** Storage bars drawn at most (the fullest, when there are more). */
export const STORAGE_BARS = 30;

/** Each recorder and segment whose storage is sized against a capacity, in tree order (the fullest STORAGE_BARS). */
export function storageBars(report: Report): StorageBar[] {
  const bars: StorageBar[] = [];
  for (const r of report.recorders ?? []) {
    const s = r.storage;
    if (s?.capacityBytes === undefined) continue;
    const where = r.headEnd ? 'the head end' : pathText(report, r.path);
    bars.push({ label: `${r.name} (${where})`, neededBytes: s.bytes, capacityBytes: s.capacityBytes, over: s.fits === false });
  }
  for (const row of report.segments) {
    const s = row.storage;
    if (s?.capacityBytes === undefined) continue;
    bars.push({ label: pathText(report, row.path), neededBytes: s.bytes, capacityBytes: s.capacityBytes, over: s.fits === false });
  }
  if (bars.length <= STORAGE_BARS) return bars;
  const share = (b: StorageBar) => (b.capacityBytes > 0n ? (b.neededBytes * 1_000_000n) / b.capacityBytes : 10n ** 12n);
  const fullest = new Set([...bars].sort((a, b) => (share(b) > share(a) ? 1 : share(b) < share(a) ? -1 : 0)).slice(0, STORAGE_BARS));
  return bars.filter((b) => fullest.has(b));
}

export interface LinkBar {
  readonly row: SegmentRow;
  readonly link: LinkStatus;
  readonly label: string;
}

/** Busiest links drawn, at most. */
export const BUSIEST_BARS = 20;

/** The links fullest first (by utilisation), at most BUSIEST_BARS, and how many links there are. */
export function busiestLinks(report: Report): { bars: LinkBar[]; links: number } {
  const links = report.segments.filter((s) => s.link !== undefined);
  const bars = links
    .sort(busierFirst)
    .slice(0, BUSIEST_BARS)
    .map((row) => ({ row, link: row.link!, label: pathText(report, row.path) }));
  return { bars, links: links.length };
}
