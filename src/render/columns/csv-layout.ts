/**
 * The CSV output is one table with a `section` column (profile, segment,
 * total, timeline). Its columns, in this order, are a contract for
 * spreadsheets and scripts: new ones are only ever added at the end.
 */
export const CSV_COLUMNS = [
  'section',
  'segment',
  'depth',
  'profile',
  'description',
  'per_camera_bps',
  'cameras',
  'viewing_bps',
  'load_bps',
  'link_bps',
  'max_utilization_pct',
  'usable_bps',
  'utilization_pct',
  'headroom_bps',
  'headroom_cameras',
  'headroom_profile',
  'status',
  'storage_bytes',
  'storage_capacity_bytes',
  'average_bps',
  'peak_bps',
  'hour',
  'percentile_bps',
  // --measured: design against measurement (segment rows: the load; `drift` rows: per camera), and `unmatched` rows.
  'design_bps',
  'measured_bps',
  'deviation_pct',
  'drift',
  'measurements',
  'note',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
