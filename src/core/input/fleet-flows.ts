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
import { checkArrayCount, type DiskSpec, parseRaid, usableBytes } from '../sizing/disks.js';
import { isObject, type Json, type Path, type Reader } from './fleet-reader.js';

/** A full-duplex capacity, "auto" (sized from the load), or the shape of an asymmetric or shared link. */
export function readLink(value: unknown, path: Path, reader: Reader): { duplex?: bigint; shape?: LinkShape; auto?: true } {
  const at = (...field: string[]): Path => [...path, 'link', ...field];
  if (value === 'auto') return { auto: true };
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
    const disks = isObject(value['disks']) ? reader.attempt(at('disks'), () => readDisks(value['disks'] as Json)) : undefined;
    if (disks?.count !== undefined && storageText !== undefined)
      reader.issues.push({
        path: at('disks'),
        message: 'give "storage" or the disks\' "count", not both: the array of disks is the storage',
      });
    const storage =
      disks?.count !== undefined
        ? usableBytes(disks.raid, disks.count, disks.sizeBytes)
        : typeof storageText === 'string'
          ? reader.attempt(at('storage'), () => parseBytes(storageText))
          : undefined;
    if (units === 'auto' && ingestText === undefined && storageText === undefined) {
      reader.issues.push({ path: at('units'), message: '"auto" sizes units by their "ingest" and "storage": give at least one of them' });
    }
    if (units === undefined || (value['disks'] !== undefined && disks === undefined)) return;
    recorders.push({
      name: value['name'],
      units,
      ...(ingest === undefined ? {} : { ingestBitsPerSecond: ingest }),
      ...(storage === undefined ? {} : { storageBytes: storage }),
      ...(disks === undefined ? {} : { disks }),
    });
  });
  return recorders;
}

/** A recorder unit's disks; types are zod's to report (a wrong one reads as absent here, and zod refuses the file). */
function readDisks(json: Json): DiskSpec {
  const { size, raid, count, spares, playback } = json;
  if (typeof size !== 'string' || (typeof raid !== 'string' && typeof raid !== 'number'))
    throw new InputError('disks need a "size" (e.g. "12TB") and a "raid" level (0, 1, 5, 6, 10 or "none")');
  const sizeBytes = parseBytes(size);
  if (sizeBytes === 0n) throw new InputError('a disk of 0 B holds nothing');
  const level = parseRaid(raid);
  const whole = (v: unknown, what: string) => {
    if (v === undefined) return undefined;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    if (!/^\d+$/.test(text) || text.length > 6) throw new InputError(`${what} '${String(v)}' is not a whole number up to 999999`);
    return BigInt(text);
  };
  const arrayCount = whole(count, 'disk count');
  const spec: DiskSpec = {
    sizeBytes,
    raid: level,
    ...(arrayCount === undefined ? {} : { count: checkArrayCount(level, arrayCount) }),
    ...optionalWhole('spares', whole(spares, 'hot spares')),
    ...optionalWhole('playback', whole(playback, 'playback sessions')),
  };
  return spec;
}

function optionalWhole<K extends string>(key: K, value: bigint | undefined): Partial<Record<K, bigint>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, bigint>);
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
