/**
 * camsize as a library: `import { size, renderReport } from 'camsize'`.
 * Everything exported here is the public API, under semantic versioning
 * (docs/library.md); modules not reachable from this file are internal.
 * The command line is built on these same calls (src/cli/).
 */

// Sizing: a fleet and settings to a report, exactly.
export { size, howManyFit, type SizeCallOptions, type HowManyFitOptions } from './api/size.js';
export { sizeInventory } from './api/inventory.js';
export type {
  AbortSignalLike,
  InventoryProgress,
  InventoryRecord,
  InventorySource,
  SizeInventoryOptions,
} from './api/inventory-types.js';
export type { MeasuredSettings } from './api/measured.js';
export { sizeOptions, type SizeSettings, type SettingName } from './api/options.js';
export { sizeFleet, type SizeOptions } from './core/sizing/size.js';
export { answerCapacity } from './core/sizing/capacity.js';
export { exitCodeOf, verdictOf, type Verdict } from './core/sizing/verdict.js';

// Designs as code: what a change does, many fleets at once, every check flat.
export { check, diff, type DesignInput } from './api/design.js';
export { diffReports, checkKey } from './core/diff/diff.js';
export { flatChecks, type CheckUnit, type FlatCheck } from './core/sizing/flat-checks.js';
export { fleetsExitCode, fleetsReport, type FleetResult, type FleetsReport } from './core/model/fleets-report.js';
export type {
  CheckFlip,
  CheckState,
  DiffChange,
  DiffRow,
  DiffSide,
  FigureChange,
  FigureUnit,
  ReportDiff,
} from './core/model/diff-report.js';
export { RAID_LEVELS, type DiskPlan, type DiskSpec, type RaidLevel } from './core/sizing/disks.js';
export { STANDARD_SPEEDS } from './core/sizing/link-speeds.js';
export { POE_CLASS_MILLIWATTS, parsePower, type CameraPower } from './core/numbers/power.js';

// Fleets: fleet files (text, bytes, a parsed value, a path) into the fleet model.
export { parseFleet, loadFleet, type FileUrl, type ParseFleetOptions } from './api/fleet.js';
export type {
  CameraGroupDocument,
  EventsDocument,
  DisksDocument,
  FleetDocument,
  InventorySettingsDocument,
  ProjectDocument,
  LinkDocument,
  LinkSharedDocument,
  LinkUpDownDocument,
  RateText,
  RecorderDocument,
  ScheduleDocument,
  SegmentDocument,
  SegmentFieldsDocument,
  SubStreamDocument,
  ViewerEntryDocument,
  ViewersDocument,
  ViewersStreamsDocument,
} from './api/fleet-document.js';
export { MAX_DEPTH, customFiguresProfile, customProfile, estimateProfile, presetProfile } from './core/model/fleet.js';
export { AVERAGE_TO_PEAK, type RateBasis } from './core/model/rate-figures.js';
export type { CalibrationUsed, SiteCalibration } from './core/model/calibration.js';
export type {
  AverageFigure,
  CameraGroup,
  EstimateAt,
  EstimateRange,
  Fleet,
  LinkShape,
  Profile,
  ProfileBasis,
  Recorder,
  Segment,
  SegmentSettings,
  ViewerEntry,
  Viewers,
} from './core/model/fleet.js';

// Camera schedules and inventories: the column reference (every field and the header names read as
// it, the table `camsize help inventory` and docs/schedules.md show) and how a report's columns were
// read (report.inventory.columns); sizeInventory takes a schedule's settings (columns, segmentColumns …).
export { INVENTORY_COLUMNS, type ColumnDefinition, type ColumnField } from './core/inventory/columns.js';
export type { ColumnRead } from './core/inventory/column-plan.js';
export type { FleetInventorySettings } from './core/model/fleet.js';

// The preset catalog.
export { loadCatalog } from './api/catalog.js';
export { filterPresets, findPreset } from './api/checked-calls.js';
export {
  buildCatalog,
  type Catalog,
  type Preset,
  type PresetBasis,
  type PresetFilter,
} from './core/model/catalog.js';

// Output: the report in every format.
export { renderReport, renderPresets, renderEstimate, renderDiff, renderFleets, type RenderSettings } from './api/render.js';
export { FORMATS, type Format } from './render/renderer.js';

// Estimating a camera's bit rate from resolution, fps, codec, scene and quality.
export { estimateBitrate, normalizeCodec, parseResolution } from './api/checked-calls.js';
export type { Estimate, EstimatedFigure, EstimateInput } from './core/estimate/estimate.js';
export { estimatedGroup, estimatedProfile, type EstimatedGroupSpec } from './core/estimate/estimated-group.js';

// Exact numbers: rates in b/s and sizes in bytes as bigint, counts as bigint.
export { formatRate, type FormatRateOptions } from './api/numbers.js';
export { formatBytes, parseBytes, parseCount, parseRate } from './api/checked-calls.js';
export type { BitsPerSecond } from './core/numbers/rate.js';
export { MAX_COUNT } from './core/numbers/count.js';

// Errors: every refusal is a CamsizeError with a stable `code` (docs/errors.md), whose `issues` lists each
// problem, one printable line each; InputError and UsageError are its kinds (bad input, a bad setting).
export {
  CamsizeError,
  ERROR_CODES,
  EXIT,
  InputError,
  UsageError,
  type ErrorCode,
  type ErrorDetails,
} from './core/diagnostics/errors.js';

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
  LinkSuggestion,
  PoeStatus,
  PortStatus,
  RecorderRow,
  StorageKeeps,
  EstimatedPart,
  ProfileFigures,
  ProfileRow,
  RangeTotal,
  Report,
  SegmentDrift,
  SegmentPercentile,
  SegmentRow,
  SegmentTime,
  StorageStatus,
} from './core/model/report.js';
