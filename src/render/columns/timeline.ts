/** The columns of the 24-hour timeline: the hour, day or night, the average and the peak load. */
import type { TimelineHour } from '../timeline.js';
import type { RenderOptions } from '../view.js';
import { humanRate } from '../wording/quantities.js';
import type { Column } from './column.js';
import { writeRate } from './json-values.js';

export const TIMELINE_COLUMNS: readonly Column<TimelineHour, RenderOptions>[] = [
  {
    key: 'hour',
    human: { heading: () => 'Hour', align: 'left', cell: (h) => h.hour },
    csv: (h) => ({ hour: h.hour }),
    json: (h, out) => out.string('hour', h.hour),
  },
  {
    key: 'state',
    human: { heading: () => 'State', align: 'left', cell: (h) => (h.night ? 'night' : 'day') },
    csv: (h) => ({ status: h.night ? 'night' : 'day' }),
    json: (h, out) => out.boolean('night', h.night),
  },
  {
    key: 'average',
    human: { heading: () => 'Average', align: 'right', cell: (h, o) => humanRate(h.averageBitsPerSecond, o) },
    csv: (h) => ({ average_bps: h.averageBitsPerSecond.toString() }),
    json: (h, out) => writeRate(out, 'average', h.averageBitsPerSecond),
  },
  {
    key: 'peak',
    human: { heading: () => 'Peak', align: 'right', cell: (h, o) => humanRate(h.peakBitsPerSecond, o) },
    csv: (h) => ({ peak_bps: h.peakBitsPerSecond.toString() }),
    json: (h, out) => writeRate(out, 'peak', h.peakBitsPerSecond),
  },
];
