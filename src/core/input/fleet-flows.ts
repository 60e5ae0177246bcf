/**
 * Reads a segment's flow fields of a fleet file: the link's shape ("1Gb/s",
 * { up, down }, { shared }), its recorders, and the list form of "viewers".
 * Fields of the wrong type are skipped: zod reports those.
 */
import { InputError } from '../diagnostics/errors.js';
import type { LinkShape, Recorder, ViewerEntry } from '../model/fleet.js';
import { parseBytes } from '../numbers/bytes.js';
import { parseCount } from '../numbers/count.js';
import { parseRate } from '../numbers/rate.js';
import { isObject, type Path, type Reader } from './fleet-reader.js';

/** A full-duplex capacity, or the shape of an asymmetric or shared link. */
export function readLink(value: unknown, path: Path, reader: Reader): { duplex?: bigint; shape?: LinkShape } {
  const at = (...field: string[]): Path => [...path, 'link', ...field];
  if (typeof value === 'string') {
    const duplex = reader.attempt(at(), () => reader.rate(value));
    return duplex === undefined ? {} : { duplex };
  }
  if (!isObject(value)) return {};
  const rate = (key: 'up' | 'down' | 'shared') => {
    const text = value[key];
    return typeof text === 'string' ? reader.attempt(at(key), () => reader.rate(text)) : undefined;
  };
  if (value['shared'] !== undefined) {
    const shared = rate('shared');
    return shared === undefined ? {} : { shape: { kind: 'shared', bitsPerSecond: shared } };
  }
  const up = rate('up');
  const down = rate('down');
  return up === undefined || down === undefined ? {} : { shape: { kind: 'asymmetric', up, down } };
}

function readStreams(raw: unknown, where: Path, reader: Reader): bigint | undefined {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return BigInt(raw);
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return raw === '0' ? 0n : reader.attempt(where, () => parseCount(raw));
  return undefined;
}

/** The list form of "viewers": operator stations here. Entries with no streams or no stations are dropped. */
export function readViewerList(list: unknown[], path: Path, reader: Reader): ViewerEntry[] {
  const entries: ViewerEntry[] = [];
  list.forEach((value, k) => {
    if (!isObject(value)) return;
    const at = (field: string): Path => [...path, 'viewers', k, field];
    const streams = readStreams(value['streams'], at('streams'), reader);
    const stations = value['stations'] === undefined ? 1n : readStreams(value['stations'], at('stations'), reader);
    const of = typeof value['of'] === 'string' ? readOf(value['of'], at('of'), reader) : [];
    const rate = value['bitrate'];
    const bitsPerSecond = typeof rate === 'string' ? reader.attempt(at('bitrate'), () => positive(parseRate(rate))) : undefined;
    if (streams === undefined || stations === undefined || of === undefined || streams === 0n || stations === 0n) return;
    if (typeof rate === 'string' && bitsPerSecond === undefined) return;
    entries.push({
      streams,
      stations,
      of,
      stream: value['stream'] === 'sub' ? 'sub' : 'main',
      from: value['from'] === 'camera' ? 'camera' : 'recorder',
      multicast: value['multicast'] === true,
      ...(bitsPerSecond === undefined ? {} : { bitsPerSecond }),
    });
  });
  return entries;
}

function positive(bps: bigint): bigint {
  if (bps === 0n) throw new InputError('a viewed stream must be more than 0 b/s');
  return bps;
}

/** "site-a/sw-1" → ["site-a", "sw-1"]; the fleet's own name, or "/", is the whole fleet. */
function readOf(text: string, where: Path, reader: Reader): string[] | undefined {
  const parts = text.split('/').filter((p) => p !== '');
  if (parts.length === 0) {
    reader.issues.push({ path: where, message: `'${text}' is not a segment path (e.g. "site-a" or "site-a/sw-1")` });
    return undefined;
  }
  return parts;
}

export function readRecorders(list: unknown[], path: Path, reader: Reader): Recorder[] {
  const recorders: Recorder[] = [];
  list.forEach((value, k) => {
    if (!isObject(value) || typeof value['name'] !== 'string' || value['name'] === '') return;
    const at = (field: string): Path => [...path, 'recorders', k, field];
    const units = readUnits(value['units']);
    const ingestText = value['ingest'];
    const storageText = value['storage'];
    const ingest = typeof ingestText === 'string' ? reader.attempt(at('ingest'), () => positiveIngest(reader.rate(ingestText))) : undefined;
    const storage = typeof storageText === 'string' ? reader.attempt(at('storage'), () => parseBytes(storageText)) : undefined;
    if (units === 'auto' && ingestText === undefined && storageText === undefined) {
      reader.issues.push({ path: at('units'), message: '"auto" sizes units by their "ingest" and "storage": give at least one of them' });
    }
    if (units === undefined) return;
    recorders.push({
      name: value['name'],
      units,
      ...(ingest === undefined ? {} : { ingestBitsPerSecond: ingest }),
      ...(storage === undefined ? {} : { storageBytes: storage }),
    });
  });
  return recorders;
}

function readUnits(raw: unknown): bigint | 'auto' | undefined {
  if (raw === undefined) return 1n;
  if (raw === 'auto') return 'auto';
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 1 ? BigInt(raw) : undefined;
}

function positiveIngest(bps: bigint): bigint {
  if (bps === 0n) throw new InputError("a recorder's ingest must be more than 0 b/s");
  return bps;
}
