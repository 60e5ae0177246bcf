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
 *
 * A file the plain path refuses is given up at its first failed check, so that it costs about what the
 * plain path costs (issue 24): a syntax error in the first PROBE_CHARS is found before any cut (by the
 * plain path's own locator, json-syntax.ts); the lists are proven in text order (a list the reader
 * reaches early has those before it parsed first), so no list after a broken one is read; a broken list
 * is never read again, and the text is cut again carefully only when the quick cut's skeleton does not
 * parse and the careful cut differs from it.
 */
import { CameraListScan } from '../core/input/camera-list-scan.js';
import { fleetCalibrationPath, fleetFromJson } from '../core/input/fleet-json.js';
import { type CameraLists, cutCameraLists, listEnd } from '../core/input/fleet-pieces.js';
import type { CameraListSource, Json, Path, Reader } from '../core/input/fleet-reader.js';
import { groupsOfList } from '../core/input/fleet-segment.js';
import { type DuplicateKey, duplicateKeys } from '../core/input/json-duplicates.js';
import { type JsonSyntaxError, locateJsonError } from '../core/input/json-syntax.js';
import { colons, ownKeys } from '../core/input/key-count.js';
import type { Catalog } from '../core/model/catalog.js';
import { type CameraGroup, type EstimateAtSetting, estimateAtPoints, type Fleet } from '../core/model/fleet.js';
import { camerasLookValid, fleetLooksValid } from '../schema/fleet-precheck.js';

/** Texts from this many characters are read in pieces (below, one JSON.parse costs little). */
export const PIECES_MIN_CHARS = 1 << 20;

/** Thrown by the list source to stop reading a file that the plain path must read. */
class Declined extends Error {
  constructor() {
    super('declined');
  }
}

/**
 * Characters of the text's start checked for a syntax error before it is cut: cutting and parsing
 * the skeleton walk the whole text (for 40 MB, about what JSON.parse spends on its first 2-4 MB),
 * so an error near the start is the plain path's to find. The check costs a few ms.
 */
export const PROBE_CHARS = 1 << 18;
/** A token can be cut by the probe's end: errors this near it are not taken as the file's. */
const PROBE_MARGIN = 1 << 10;

/** Whether the first PROBE_CHARS of `body` certainly hold a syntax error (then the plain path reports it at once). */
export function brokenNearStart(body: string): boolean {
  const head = body.length <= PROBE_CHARS ? body : body.slice(0, PROBE_CHARS);
  try {
    JSON.parse(head);
    return false; // the whole text is valid JSON (a short one)
  } catch {
    const { offset } = locateJsonError(head);
    return head.length === body.length || offset < head.length - PROBE_MARGIN;
  }
}

/** In the skeleton, a segment's "cameras" is absent or the index of its list in the text. */
const isIndex = (value: unknown) => value === undefined || typeof value === 'number';

/**
 * What reading in pieces found: the fleet; or (the text proven JSON) the keys given twice, which the
 * plain path reports first and from the text alone; or the text's first syntax error, as
 * locateJsonError(body) would give it (see ListsInText.syntaxError); undefined when the plain path must read it.
 */
export type PiecesRead =
  | { readonly fleet: Fleet }
  | { readonly duplicates: readonly DuplicateKey[] }
  | { readonly syntax: JsonSyntaxError }
  | undefined;

/** The fleet of `body`, read in pieces; undefined when the plain path must read it (see above). */
export function fleetInPieces(body: string, catalog: Catalog, estimateAt?: EstimateAtSetting): Fleet | undefined {
  const read = readInPieces(body, catalog, estimateAt);
  return read && 'fleet' in read ? read.fleet : undefined;
}

/** `body` read in pieces (see PiecesRead). */
export function readInPieces(body: string, catalog: Catalog, estimateAt?: EstimateAtSetting): PiecesRead {
  if (brokenNearStart(body)) return undefined;
  const quick = cutCameraLists(body);
  if (!quick) return undefined;
  const skeleton = parsedSkeleton(quick.skeleton);
  if (skeleton !== undefined) return readCut(body, quick, skeleton, catalog, estimateAt);
  // A ']' inside a label ends the quick cut too soon: cut again at the lists' real ends. The same cut
  // gives the same skeleton: then the text itself is not JSON.
  const careful = cutCameraLists(body, true);
  if (!careful || sameCut(quick, careful)) return undefined;
  const again = parsedSkeleton(careful.skeleton);
  return again === undefined ? undefined : readCut(body, careful, again, catalog, estimateAt);
}

/** The skeleton parsed, or undefined when it is not JSON (JSON.parse never gives undefined). */
function parsedSkeleton(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sameCut(a: CameraLists, b: CameraLists): boolean {
  if (a.ends.length !== b.ends.length) return false;
  for (let i = 0; i < a.ends.length; i++) if (a.starts[i] !== b.starts[i] || a.ends[i] !== b.ends[i]) return false;
  return true;
}

function readCut(
  body: string,
  cut: CameraLists,
  skeleton: unknown,
  catalog: Catalog,
  estimateAt: EstimateAtSetting | undefined,
): PiecesRead {
  if (fleetCalibrationPath(skeleton) !== undefined || !fleetLooksValid(skeleton, isIndex)) return undefined;
  const lists = new ListsInText(body, cut, ownKeys(skeleton));
  let read: ReturnType<typeof fleetFromJson>;
  try {
    read = fleetFromJson(skeleton, catalog, undefined, false, estimateAtPoints(estimateAt), lists);
  } catch (error) {
    if (error instanceof Declined) return lists.syntax ? { syntax: lists.syntax } : undefined;
    throw error;
  } finally {
    lists.release();
  }
  if (!read.fleet || read.issues.length > 0 || !lists.opened.every((o) => o === 1)) return undefined;
  // As loadFleet: more ':' than keys (one in a URL, a label) and the full scan looks for a key given twice.
  // The skeleton and every list parsed, so the text is JSON: the plain path would report these, and no more.
  const duplicates = colons(body) > lists.keys ? duplicateKeys(body) : [];
  return duplicates.length > 0 ? { duplicates } : { fleet: read.fleet };
}

/**
 * The lists of one cut text, for the reader. The text is a field, let go by `release()`: optimised
 * code that inlined `groupsOf` keeps this object alive (V8 embeds it), and must not keep the text.
 */
class ListsInText implements CameraListSource {
  /** Which lists were read: each exactly once. */
  readonly opened: Uint8Array;
  /** Every list before this index (in the text) is read or parsed: proven JSON. */
  private proven = 0;
  /** The text's first syntax error, when a list did not parse and it is certainly there. */
  syntax: JsonSyntaxError | undefined;
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
    this.proveBefore(at);
    this.scan ??= new CameraListScan(this.text, reader);
    const scanned = this.scan.list(starts[at]!, ends[at]!);
    if (scanned) {
      this.keys += scanned.keys;
      return scanned.groups;
    }
    const list = this.parsed(at);
    if (!camerasLookValid(list)) throw new Declined();
    this.keys += ownKeys(list);
    return groupsOfList(list, path, reader);
  }

  /**
   * Parses the lists before `at` not read yet (a parent's list written after its children's): a
   * syntax error in them is found before this list is read, as JSON.parse of the whole text finds it.
   */
  private proveBefore(at: number): void {
    for (; this.proven < at; this.proven++) if (this.opened[this.proven] !== 1) this.parsed(this.proven);
    this.proven = Math.max(this.proven, at + 1);
  }

  /**
   * List `at` parsed. One that is not JSON declines the file, never cut again: a quick cut that ended a
   * list too soon leaves its rest in the skeleton, which then does not parse (and declining is always safe).
   */
  private parsed(at: number): unknown {
    const piece = this.text.slice(this.cut.starts[at], this.cut.ends[at]);
    try {
      return JSON.parse(piece);
    } catch {
      this.syntax = this.syntaxError(at, piece);
      throw new Declined();
    }
  }

  /**
   * The first syntax error of the whole text, found in list `at`, which did not parse, when every list
   * before it is proven JSON (every list before `proven` is; parsed() runs in text order) and the skeleton parsed: the
   * text up to the list is then a valid start of a JSON text, so locateJsonError walks it without a word
   * and enters the list as a walk of the list alone does. If the list's real end is its cut's end, that
   * walk's first error inside the list is the whole walk's. Else (the walk of the list finds nothing, or
   * the cut ended early) undefined: the plain path looks.
   */
  private syntaxError(at: number, piece: string): JsonSyntaxError | undefined {
    const start = this.cut.starts[at]!;
    if (at > this.proven || listEnd(this.text, start) !== this.cut.ends[at]! - 1) return undefined;
    const where = locateJsonError(piece);
    return where.offset < piece.length ? { offset: start + where.offset, message: where.message } : undefined;
  }
}
