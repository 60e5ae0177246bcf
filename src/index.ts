/**
 * camsize as a library: `import { size, renderReport } from 'camsize'`.
 * Everything exported here is the public API, under semantic versioning
 * (docs/library.md); modules not reachable from this file are internal.
 * The command line is built on these same calls (src/cli/).
 */

// Sizing: a fleet and settings to a report, exactly.
export { size, howManyFit, type SizeCallOptions } from './api/size.js';
export type { MeasuredSettings } from './api/measured.js';
export { sizeOptions, type SizeSettings, type SettingName } from './api/options.js';
export { sizeFleet, type SizeOptions } from './core/sizing/size.js';
export { answerCapacity } from './core/sizing/capacity.js';
export { exitCodeOf, verdictOf, type Verdict } from './core/sizing/verdict.js';

// Fleets: fleet files (text, bytes, a parsed value, a path) into the fleet model.
export { parseFleet, loadFleet, type FleetDocument, type ParseFleetOptions } from './api/fleet.js';
export { MAX_DEPTH, customProfile, estimateProfile, presetProfile } from './core/model/fleet.js';
export type { CalibrationUsed, SiteCalibration } from './core/model/calibration.js';
export type {
  CameraGroup,
  Fleet,
  LinkShape,
  Profile,
  Recorder,
  Segment,
  SegmentSettings,
  ViewerEntry,
  Viewers,
} from './core/model/fleet.js';

// Camera schedules and inventories: the column reference (every field and the header names read as
// it, the table `camsize help inventory` and docs/schedules.md show), and how a schedule's columns are
// read (the settings an inventory read takes: an explicit mapping, the segment path's columns).
export { INVENTORY_COLUMNS, type ColumnDefinition, type ColumnField } from './core/inventory/columns.js';
export type { ColumnRead, ColumnSettings } from './core/inventory/column-plan.js';
export { columnPairsOf, columnSettings } from './core/inventory/column-settings.js';
export type { FleetInventorySettings } from './core/model/fleet.js';

// The preset catalog.
export { loadCatalog } from './api/catalog.js';
export {
  buildCatalog,
  filterPresets,
  findPreset,
  type Catalog,
  type Preset,
  type PresetBasis,
  type PresetFilter,
} from './core/model/catalog.js';

// Output: the report in every format.
export { renderReport, renderPresets, renderEstimate, type RenderSettings } from './api/render.js';
export { FORMATS, type Format } from './render/renderer.js';

// Estimating a camera's bit rate from resolution, fps, codec, scene and quality.
export { estimateBitrate, parseResolution, type Estimate, type EstimateInput } from './core/estimate/estimate.js';
export { normalizeCodec } from './core/estimate/codec.js';

// Exact numbers: rates in b/s and sizes in bytes as bigint, counts as bigint.
export { formatRate, type FormatRateOptions } from './api/numbers.js';
export { parseRate, type BitsPerSecond } from './core/numbers/rate.js';
export { formatBytes, parseBytes } from './core/numbers/bytes.js';
export { MAX_COUNT, parseCount } from './core/numbers/count.js';

// Errors: every refusal is an InputError whose `issues` lists each problem, one printable line each.
export { EXIT, InputError, UsageError } from './core/diagnostics/errors.js';

export type {
  CapacityAnswer,
  Check,
  DriftFigures,
  DriftSummary,
  GroupDrift,
  Direction,
  DirectionLoad,
  FlowEnd,
  FlowItem,
  LinkKind,
  LinkStatus,
  RecorderRow,
  StorageKeeps,
  ProfileRow,
  Report,
  SegmentDrift,
  SegmentPercentile,
  SegmentRow,
  SegmentTime,
  StorageStatus,
} from './core/model/report.js';
