/**
 * The fast path of loadFleet for a large, valid fleet file: its camera lists
 * cut out (core/input/fleet-pieces.ts) and read one segment at a time as the
 * reader walks the rest: scanned from the text when they hold only the common
 * groups (core/input/camera-list-scan.ts), else parsed and let go once read. A fleet comes out only when the
 * whole file is certainly what the plain path accepts without a word: valid
 * JSON, no key given twice (the ':' count against the keys of every piece,
 * key-count.ts, else the full scan), the structure fleetLooksValid passes, every list's groups
 * included, and not one issue from the value reader. Anything else, and any
 * file with a site calibration, answers undefined, and loadFleet reads the
 * whole text as before, so every message stays the plain path's.
 * test/unit/fleet-pieces.test.ts holds the two equal.
 */
import { CameraListScan } from '../core/input/camera-list-scan.js';
import { fleetCalibrationPath, fleetFromJson } from '../core/input/fleet-json.js';
import { type CameraLists, cutCameraLists } from '../core/input/fleet-pieces.js';
import type { CameraListSource, Json, Path, Reader } from '../core/input/fleet-reader.js';
import { groupsOfList } from '../core/input/fleet-segment.js';
import { duplicateKeys } from '../core/input/json-duplicates.js';
import { colons, ownKeys } from '../core/input/key-count.js';
import type { Catalog } from '../core/model/catalog.js';
import { type CameraGroup, type EstimateAtSetting, estimateAtPoints, type Fleet } from '../core/model/fleet.js';
import { camerasLookValid, fleetLooksValid } from '../schema/fleet-precheck.js';

/** Texts from this many characters are read in pieces (below, one JSON.parse costs little). */
export const PIECES_MIN_CHARS = 1 << 20;

/** Thrown by the list source to stop reading a file that the plain path must read. */
class Declined extends Error {
  constructor(readonly cutAgain = false) {
    super('declined');
  }
}

/** In the skeleton, a segment's "cameras" is absent or the index of its list in the text. */
const isIndex = (value: unknown) => value === undefined || typeof value === 'number';

/** The fleet of `body`, read in pieces; undefined when the plain path must read it (see above). */
export function fleetInPieces(body: string, catalog: Catalog, estimateAt?: EstimateAtSetting): Fleet | undefined {
  const quick = readCut(body, cutCameraLists(body), catalog, estimateAt);
  // A ']' inside a label ends the quick cut too soon: cut again at the lists' real ends.
  if (quick !== CUT_AGAIN) return quick;
  const careful = readCut(body, cutCameraLists(body, true), catalog, estimateAt);
  return careful === CUT_AGAIN ? undefined : careful;
}

/** A piece or the skeleton did not parse: the cut may have been wrong, not the file. */
const CUT_AGAIN = Symbol('cut again');

function readCut(
  body: string,
  cut: CameraLists | undefined,
  catalog: Catalog,
  estimateAt: EstimateAtSetting | undefined,
): Fleet | undefined | typeof CUT_AGAIN {
  if (!cut) return undefined;
  let skeleton: unknown;
  try {
    skeleton = JSON.parse(cut.skeleton);
  } catch {
    return CUT_AGAIN;
  }
  if (fleetCalibrationPath(skeleton) !== undefined || !fleetLooksValid(skeleton, isIndex)) return undefined;
  const lists = new ListsInText(body, cut, ownKeys(skeleton));
  let read: ReturnType<typeof fleetFromJson>;
  try {
    read = fleetFromJson(skeleton, catalog, undefined, false, estimateAtPoints(estimateAt), lists);
  } catch (error) {
    if (error instanceof Declined) return error.cutAgain ? CUT_AGAIN : undefined;
    throw error;
  } finally {
    lists.release();
  }
  if (!read.fleet || read.issues.length > 0 || !lists.opened.every((o) => o === 1)) return undefined;
  // As loadFleet: more ':' than keys (one in a URL, a label) and the full scan looks for a key given twice.
  if (colons(body) > lists.keys && duplicateKeys(body).length > 0) return undefined;
  return read.fleet;
}

/**
 * The lists of one cut text, for the reader. The text is a field, let go by `release()`: optimised
 * code that inlined `groupsOf` keeps this object alive (V8 embeds it), and must not keep the text.
 */
class ListsInText implements CameraListSource {
  /** Which lists were read: each exactly once. */
  readonly opened: Uint8Array;
  private scan: CameraListScan | undefined;

  constructor(
    private text: string,
    private readonly cut: Pick<CameraLists, 'starts' | 'ends'>,
    /** The keys of the skeleton and of every list read so far (the duplicate-key proof). */
    public keys: number,
  ) {
    this.opened = new Uint8Array(cut.starts.length);
  }

  release(): void {
    this.text = '';
    this.scan = undefined;
  }

  groupsOf(segment: Json, path: Path, reader: Reader): CameraGroup[] {
    const { starts, ends } = this.cut;
    const at = segment['cameras'];
    if (at === undefined) return [];
    // Each index once: a key spelt `"c\u0061meras"` holding a number would look like one.
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= starts.length || this.opened[at] === 1) throw new Declined();
    this.opened[at] = 1;
    this.scan ??= new CameraListScan(this.text, reader);
    const scanned = this.scan.list(starts[at]!, ends[at]!);
    if (scanned) {
      this.keys += scanned.keys;
      return scanned.groups;
    }
    let list: unknown;
    try {
      list = JSON.parse(this.text.slice(starts[at], ends[at]));
    } catch {
      throw new Declined(true);
    }
    if (!camerasLookValid(list)) throw new Declined();
    this.keys += ownKeys(list);
    return groupsOfList(list, path, reader);
  }
}
