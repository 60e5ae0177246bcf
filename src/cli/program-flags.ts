/** What each command's action receives from the grammar (program.ts): the parsed flags, typed once. */

export interface OutputFlags {
  /** --timeline: the total's curve; --timeline=PATH arrives as timelineOf (see main.ts). */
  timeline?: boolean;
  timelineOf?: string;
  format?: string;
  json?: boolean;
  unit?: string;
  precision?: string;
  /** --color/--color=always, --no-color/--color=never; undefined (auto) when neither or --color=auto came last. */
  color?: boolean;
  depth?: string;
  top?: string;
  wide?: boolean;
  ascii?: boolean;
  output?: string;
  paper?: string;
}

export interface SizeFlags extends OutputFlags {
  /** Repeatable: undefined when not given. */
  preset?: string[];
  bitrate?: string[];
  count?: string[];
  camera?: string[];
  label?: string;
  capacity?: string;
  maxUtilization?: string;
  overhead?: string;
  as?: string;
  quiet?: boolean;
  inventory?: string;
  inputFormat?: string;
  columns?: string[];
  segmentColumns?: string;
  delimiter?: string;
  sheet?: string;
  allowNewSegments?: boolean;
  skipInvalid?: boolean;
  retention?: string;
  recording?: string;
  storageOverhead?: string;
  storageCapacity?: string;
  nightStart?: string;
  nightHours?: string;
  checkOn?: string;
  percentile?: string;
  correlation?: string;
  vbrCv?: string;
  /** Repeatable: undefined when not given. */
  measured?: string[];
  tolerance?: string;
  useMeasured?: boolean;
  /** A file; true when given without one (a usage error for a fleet). */
  calibration?: string | boolean;
  estimateAt?: string;
  flows?: boolean;
  maxPoeUtilization?: string;
  suggestLinks?: boolean;
  linkSpeeds?: string;
  growth?: string;
  storageHeadroom?: string;
  /** The design document's head (project.ts): override the fleet file's "project". */
  project?: string;
  customer?: string;
  site?: string;
  author?: string;
  revision?: string;
  date?: string;
}

export interface PresetsFlags extends OutputFlags {
  codec?: string;
  fps?: string;
  basis?: string;
}

/** The sizing settings `check` and `diff` take (a subset of the size command's). */
export interface DesignSizingFlags extends OutputFlags {
  maxUtilization?: string;
  overhead?: string;
  maxPoeUtilization?: string;
  linkSpeeds?: string;
  suggestLinks?: boolean;
  growth?: string;
  retention?: string;
  recording?: string;
  storageOverhead?: string;
  storageHeadroom?: string;
  checkOn?: string;
  nightStart?: string;
  nightHours?: string;
  calibration?: string;
}

export interface CheckFlags extends DesignSizingFlags {
  quiet?: boolean;
  failuresOnly?: boolean;
}

export interface DiffFlags extends DesignSizingFlags {
  unchanged?: boolean;
  inventory?: string;
  beforeInventory?: string;
  afterInventory?: string;
  measured?: string[];
  beforeMeasured?: string[];
  afterMeasured?: string[];
  tolerance?: string;
}

export interface Actions {
  size(operand: string | undefined, flags: SizeFlags): Promise<void>;
  presets(words: string[], flags: PresetsFlags): Promise<void>;
  schema(flags: { output?: boolean }): Promise<void>;
  estimate(flags: EstimateFlags): Promise<void>;
  measure(files: string[], flags: MeasureCommandFlags): Promise<void>;
  completion(shell: string): Promise<void>;
  columns(file: string, flags: ColumnsFlags): Promise<void>;
  check(files: string[], flags: CheckFlags): Promise<void>;
  diff(before: string, after: string, flags: DiffFlags): Promise<void>;
}

export interface ColumnsFlags {
  inputFormat?: string;
  columns?: string[];
  segmentColumns?: string;
  delimiter?: string;
  sheet?: string;
  rows?: string;
}

export interface MeasureCommandFlags extends OutputFlags {
  fit?: boolean;
}

export interface EstimateFlags extends OutputFlags {
  resolution?: string;
  fps?: string;
  codec?: string;
  scene?: string;
  quality?: string;
  /** true: show the model's calibration; a file: apply that site calibration to the estimate. */
  calibration?: boolean | string;
}

export interface ProgramOutput {
  writeOut(s: string): void;
  writeErr(s: string): void;
  /** Width help is wrapped to; undefined: the terminal's (commander asks stdout), or 80. */
  helpWidth?: number | undefined;
}
