/**
 * Reads the values of a fleet file (already parsed JSON) into the fleet model:
 * bit rates, presets, counts, percentages, duplicate names. Structure and
 * types are zod's job (src/schema/fleet-schema.ts); fields of the wrong type
 * are skipped here so that each problem is reported once. The tree is walked
 * with a stack: depth costs memory, never stack, up to MAX_DEPTH levels.
 */
import type { Issue } from '../diagnostics/issues.js';
import type { SiteCalibration } from '../model/calibration.js';
import type { Catalog } from '../model/catalog.js';
import { DEFAULT_ESTIMATE_AT, type EstimateAt, type Fleet, type FleetInventorySettings, MAX_DEPTH, type Segment } from '../model/fleet.js';
import { columnPairsOf, delimiterOf, isHeaders } from '../inventory/column-settings.js';
import { type CameraListSource, isObject, type Json, type Path, Reader } from './fleet-reader.js';
import { readSegmentFields, type SegmentFields } from './fleet-segment.js';
import { projectFromJson } from './project.js';
import { fleetFlowProblems } from '../sizing/flows/places.js';
import { parseLinkSpeeds } from '../sizing/link-speeds.js';

/** `plain` reads without the fast paths (for the differential tests); `lists`: see CameraListSource (fleet-reader.ts). */
export function fleetFromJson(
  json: unknown,
  catalog: Catalog,
  calibration?: SiteCalibration,
  plain = false,
  estimateAt: { readonly peak: EstimateAt; readonly average: EstimateAt } = DEFAULT_ESTIMATE_AT,
  lists?: CameraListSource,
): { fleet?: Fleet; issues: Issue[] } {
  if (!isObject(json)) return { issues: [{ path: [], message: 'a fleet file is a JSON object with a "name" and "segments"' }] };
  const reader = new Reader(catalog, calibration, plain, estimateAt, lists);
  const name = typeof json['name'] === 'string' ? json['name'] : 'fleet';
  const root = readTree(json, name, reader);
  const inventory = json['inventory'] === undefined ? undefined : readInventorySettings(json['inventory'], reader);
  const speeds = Array.isArray(json['linkSpeeds'])
    ? reader.attempt(['linkSpeeds'], () => readSpeeds(json['linkSpeeds'] as unknown[]))
    : undefined;
  const project = projectFromJson(json['project'], reader.issues);
  if (reader.issues.length > 0) return { issues: reader.issues };
  return {
    fleet: { name, root, ...(project ? { project } : {}), ...(inventory ? { inventory } : {}), ...(speeds ? { linkSpeeds: speeds } : {}) },
    issues: [],
  };
}

/** "linkSpeeds": rates (zod reports a list of something else). */
function readSpeeds(list: unknown[]): bigint[] {
  return parseLinkSpeeds(list.filter((v): v is string => typeof v === 'string'));
}

/** The "inventory" settings (their structure checked by zod): field names and the delimiter read as the command line reads them. */
function readInventorySettings(json: unknown, reader: Reader): FleetInventorySettings | undefined {
  if (!isObject(json)) return undefined;
  const columns = json['columns'];
  // Values of another type (null, a number, a list of numbers) are zod's to report: only text is read here.
  const pairs =
    isObject(columns) && Object.values(columns).every(isHeaders)
      ? reader.attempt(['inventory', 'columns'], () => columnPairsOf(columns as Record<string, string | string[]>))
      : undefined;
  const segmentColumns = isHeaders(json['segmentColumns']) && Array.isArray(json['segmentColumns']) ? json['segmentColumns'] : undefined;
  const delimiter =
    typeof json['delimiter'] === 'string'
      ? reader.attempt(['inventory', 'delimiter'], () => delimiterOf(json['delimiter'] as string))
      : undefined;
  const sheet = typeof json['sheet'] === 'string' ? json['sheet'] : undefined;
  return {
    ...(pairs && pairs.length > 0 ? { columns: pairs } : {}),
    ...(segmentColumns ? { segmentColumns } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
}

/**
 * The site calibration file a fleet names ("calibration", at the top level
 * only), as written: a path relative to the fleet file, which the shell
 * resolves and reads. Undefined when absent or not a string (zod reports that).
 */
export function fleetCalibrationPath(json: unknown): string | undefined {
  const value = isObject(json) ? json['calibration'] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A segment still to read: its JSON, name and path, its depth, and its parent's index in `pending`. */
interface ToRead {
  json: Json;
  name: string;
  path: Path;
  depth: number;
  parent: number;
}

interface Pending {
  name: string;
  /** Where the segment is in the file, e.g. ['segments', 2]. */
  path: Path;
  fields: SegmentFields;
  /** Indices of the children in `pending`, in file order. */
  children: number[];
}

/** Every segment's fields in pre-order, then the segments built from the last to the first (children before parents). */
function readTree(rootJson: Json, rootName: string, reader: Reader): Segment {
  const pending: Pending[] = [];
  const stack: ToRead[] = [{ json: rootJson, name: rootName, path: [], depth: 0, parent: -1 }];
  while (stack.length > 0) {
    const { json, name, path, depth, parent } = stack.pop()!;
    const index = pending.length;
    pending.push({ name, path, fields: readSegmentFields(json, path, reader), children: [] });
    if (parent >= 0) pending[parent]!.children.push(index);
    const children = childSegments(json, path, depth, index, reader);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const built: Segment[] = new Array(pending.length);
  for (let i = pending.length - 1; i >= 0; i--) {
    const { name, fields, children } = pending[i]!;
    if (children.length === 0) {
      built[i] = Object.assign(fields as SegmentFields & { name: string; children: Segment[] }, { name, children: NO_SEGMENTS });
      continue;
    }
    const kids: Segment[] = new Array(children.length);
    for (let k = 0; k < children.length; k++) kids[k] = built[children[k]!]!;
    built[i] = Object.assign(fields as SegmentFields & { name: string; children: Segment[] }, { name, children: kids });
  }
  // Recorder names, "recordTo", "of" and sub streams are checked on the whole tree (the walk's order is the file's).
  if (reader.flowKeys)
    for (const problem of fleetFlowProblems(built[0]!))
      reader.issues.push({ path: [...pending[problem.node]!.path, ...problem.at], message: problem.message });
  return built[0]!;
}

const NO_CHILDREN: readonly ToRead[] = [];
/** The children of every leaf: one frozen empty list (the model is read-only). */
const NO_SEGMENTS: Segment[] = Object.freeze([]) as unknown as Segment[];

/** The child segments to read, after the checks on them: duplicate names, and the depth limit. */
function childSegments(json: Json, path: Path, depth: number, parent: number, reader: Reader): readonly ToRead[] {
  const segments = json['segments'];
  if (!Array.isArray(segments) || segments.length === 0) return NO_CHILDREN; // most segments: no list and map per leaf
  if (depth >= MAX_DEPTH) {
    reader.issues.push({
      path: [...path, 'segments'],
      message: `segments nested more than ${MAX_DEPTH} levels deep (camsize sizes trees up to ${MAX_DEPTH} levels)`,
    });
    return [];
  }
  const out: ToRead[] = [];
  const seen = new Map<string, number>();
  segments.forEach((child, i) => {
    if (!isObject(child)) return;
    const childName = typeof child['name'] === 'string' ? child['name'] : '';
    const earlier = seen.get(childName);
    if (earlier !== undefined && childName !== '') {
      reader.issues.push({
        path: [...path, 'segments', i, 'name'],
        message: `duplicate segment name '${childName}' (also segments[${earlier}])`,
      });
    } else {
      seen.set(childName, i);
    }
    out.push({ json: child, name: childName, path: [...path, 'segments', i], depth: depth + 1, parent });
  });
  return out;
}
