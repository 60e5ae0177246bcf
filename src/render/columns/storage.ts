/**
 * The storage table's columns (the HTML report's storage section): one row
 * per segment whose storage is sized, with what its retention needs, what it
 * has and whether that fits. CSV and JSON carry the same figures on the
 * segment rows (columns/segments.ts).
 */
import type { Column } from './column.js';
import type { SegmentContext, ShownSegment } from './segments.js';
import { storageCapacityCell, storageCell } from './values.js';

export const STORAGE_COLUMNS: readonly Column<ShownSegment, SegmentContext>[] = [
  { key: 'segment', human: { heading: () => 'Segment', align: 'left', cell: (s) => ({ text: s.name, indent: s.depth }) } },
  {
    key: 'needed',
    human: {
      heading: () => 'Needed',
      align: 'right',
      cell: (s, c) => storageCell(s.row.storage, c.options),
    },
  },
  {
    key: 'capacity',
    human: {
      heading: () => 'Capacity',
      align: 'right',
      shows: (c) => c.storageCapacity,
      cell: (s, c) => storageCapacityCell(s.row.storage, c.options),
    },
  },
  {
    key: 'status',
    human: {
      heading: () => 'Status',
      align: 'left',
      shows: (c) => c.storageCapacity,
      cell: (s) =>
        s.row.storage?.fits === undefined ? '' : s.row.storage.fits ? { text: 'ok', tone: 'good' } : { text: 'SHORT', tone: 'bad' },
    },
  },
];
