/**
 * The validation set of the estimate model (presets/validation/estimate-points.json):
 * independent public bit-rate figures, each with its source. Pure: the shell
 * reads the file, this checks its shape and turns it into points.
 */
import { InputError } from '../diagnostics/errors.js';
import { CODEC_FACTORS, QUALITY_FACTORS, SCENE_FACTORS } from './estimate.js';

/** What a figure is: a setting a vendor recommends, a vendor's own estimate of what a camera uses ("pre-calculated"), a measurement, … */
export type FigureKind =
  | 'vendor-recommendation'
  | 'vendor-estimate'
  | 'vendor-measured'
  | 'calculator-table'
  | 'measured-average'
  | 'manual';
const KINDS: readonly FigureKind[] = [
  'vendor-recommendation',
  'vendor-estimate',
  'vendor-measured',
  'calculator-table',
  'measured-average',
  'manual',
];

export interface ValidationSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly kind: FigureKind;
  /** Where in the source the figures are, quoted. */
  readonly location: string;
}

export interface ValidationPoint {
  readonly id: string;
  readonly source: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: string;
  readonly scene: string;
  readonly quality: string;
  /** The public figure, b/s (kbps × 1000). */
  readonly bitsPerSecond: number;
  /** The cell of the source the figure is read from. */
  readonly cell: string;
}

export interface ValidationSet {
  readonly sources: readonly ValidationSource[];
  readonly points: readonly ValidationPoint[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) throw new InputError(`${where}.${key}: expected a non-empty string`);
  return v;
}

function positive(o: Json, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InputError(`${where}.${key}: expected a positive number`);
  return v;
}

function oneOf(o: Json, key: string, where: string, allowed: readonly string[]): string {
  const v = text(o, key, where);
  if (!allowed.includes(v)) throw new InputError(`${where}.${key}: '${v}' is not one of ${allowed.join(', ')}`);
  return v;
}

function readSource(id: string, o: unknown): ValidationSource {
  const where = `sources.${id}`;
  if (!isObject(o)) throw new InputError(`${where}: expected an object`);
  const kind = oneOf(o, 'kind', where, KINDS) as FigureKind;
  return { id, title: text(o, 'title', where), url: text(o, 'url', where), kind, location: text(o, 'location', where) };
}

function readPoint(o: unknown, i: number, sources: ReadonlyMap<string, ValidationSource>): ValidationPoint {
  const where = `points[${i}]`;
  if (!isObject(o) || !isObject(o['resolution'])) throw new InputError(`${where}: expected an object with a resolution`);
  const source = text(o, 'source', where);
  if (!sources.has(source)) throw new InputError(`${where}.source: no source '${source}' in "sources"`);
  return {
    id: text(o, 'id', where),
    source,
    width: positive(o['resolution'], 'width', `${where}.resolution`),
    height: positive(o['resolution'], 'height', `${where}.resolution`),
    fps: positive(o, 'fps', where),
    codec: oneOf(o, 'codec', where, Object.keys(CODEC_FACTORS)),
    scene: oneOf(o, 'scene', where, Object.keys(SCENE_FACTORS)),
    quality: oneOf(o, 'quality', where, Object.keys(QUALITY_FACTORS)),
    bitsPerSecond: positive(o, 'kbps', where) * 1000,
    cell: text(o, 'cell', where),
  };
}

/** Parses the validation file's JSON value; an InputError names the first bad field. */
export function readValidationSet(json: unknown): ValidationSet {
  if (!isObject(json) || !isObject(json['sources']) || !Array.isArray(json['points']))
    throw new InputError('expected an object with "sources" and "points"');
  const sources = new Map(Object.entries(json['sources']).map(([id, s]) => [id, readSource(id, s)]));
  const points = json['points'].map((p, i) => readPoint(p, i, sources));
  const ids = new Set<string>();
  for (const p of points) {
    if (ids.has(p.id)) throw new InputError(`points: duplicate id '${p.id}'`);
    ids.add(p.id);
  }
  return { sources: [...sources.values()], points };
}
