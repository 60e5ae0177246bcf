/** A schedule's reading settings (--columns, --segment-columns, --delimiter, --sheet) as the inventory reader takes them. */
import type { InventoryOptions } from '../../io/inventory/options.js';
import type { ScheduleRequest } from '../request.js';

/** The schedule settings as the inventory reader takes them. */
export function scheduleOptions(schedule: ScheduleRequest): Pick<InventoryOptions, 'columns' | 'delimiter' | 'sheet'> {
  const columns = {
    ...(schedule.columns ? { columns: schedule.columns } : {}),
    ...(schedule.segmentColumns ? { segmentColumns: schedule.segmentColumns } : {}),
  };
  return {
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(schedule.delimiter ? { delimiter: schedule.delimiter } : {}),
    ...(schedule.sheet !== undefined ? { sheet: schedule.sheet } : {}),
  };
}
