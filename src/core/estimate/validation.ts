/**
 * The validation set of the estimate model (presets/validation/): independent
 * public bit-rate figures, each with its source and the kind of figure it is,
 * and measured averages in the measurements CSV `camsize measure` reads. Pure:
 * the shell reads the files, this checks their shape and turns them into points.
 * How they are used (kinds, groups, the held-out procedure): presets/validation/README.md.
 */
import { InputError } from '../diagnostics/errors.js';
import { csvRows, measurementsFromCsv } from '../measure/csv.js';
import { normalizeCodec } from './codec.js';
import { CODEC_FACTORS, QUALITY_FACTORS, SCENE_FACTORS } from './model.js';

/** What a figure is: a measured average, a vendor's estimate of use, a configured cap, a recommended setting, a calculator's table. */
export type FigureKind = 'measured-average' | 'vendor-estimate' | 'vendor-cap' | 'vendor-recommendation' | 'calculator';
export const FIGURE_KINDS: readonly FigureKind[] = [
  'measured-average',
  'vendor-estimate',
  'vendor-cap',
  'vendor-recommendation',
  'calculator',
];

/** Which of a camera's two figures a kind of figure is: averages are what storage holds, peaks what links carry. */
export type RateFigure = 'peak' | 'average';
export function figureOf(kind: FigureKind): RateFigure {
  return kind === 'measured-average' || kind === 'vendor-estimate' ? 'average' : 'peak';
}

export interface ValidationSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly kind: FigureKind;
  /** Where in the source the figures are, quoted. */
  readonly location: string;
  /** Sources that are not independent share a group (held out together, weighed as one); default: its id. */
  readonly group: string;
}

export interface ValidationPoint {
  readonly id: string;
  readonly source: string;
  readonly kind: FigureKind;
  readonly group: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: string;
  readonly scene: string;
  readonly quality: string;
  /** The public figure, b/s. */
  readonly bitsPerSecond: number;
  /** The cell or text of the source the figure is read from. */
  readonly cell: string;
  /** The point's own address, when it is not its source's. */
  readonly url?: string;
  /** The stream's role as its source labels it: 'sub' for a stream named other than the main one (README, Procedure v2). */
  readonly stream?: StreamRole;
  /** The batch a point came in, when it is not the first fit's data (e.g. 'holdout-2026-12'). */
  readonly batch?: string;
}

export type StreamRole = 'main' | 'sub';
export const STREAM_ROLES: readonly StreamRole[] = ['main', 'sub'];

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

function oneOf(value: string, where: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new InputError(`${where}: '${value}' is not one of ${allowed.join(', ')}`);
  return value;
}

function readSource(id: string, o: unknown): ValidationSource {
  const where = `sources.${id}`;
  if (!isObject(o)) throw new InputError(`${where}: expected an object`);
  const kind = oneOf(text(o, 'kind', where), `${where}.kind`, FIGURE_KINDS) as FigureKind;
  const group = o['group'] === undefined ? id : text(o, 'group', where);
  return { id, title: text(o, 'title', where), url: text(o, 'url', where), kind, location: text(o, 'location', where), group };
}

function readPoint(o: unknown, i: number, sources: ReadonlyMap<string, ValidationSource>): ValidationPoint {
  const where = `points[${i}]`;
  if (!isObject(o) || !isObject(o['resolution'])) throw new InputError(`${where}: expected an object with a resolution`);
  const source = sources.get(text(o, 'source', where));
  if (!source) throw new InputError(`${where}.source: no source '${String(o['source'])}' in "sources"`);
  return {
    id: text(o, 'id', where),
    source: source.id,
    kind: source.kind,
    group: source.group,
    width: positive(o['resolution'], 'width', `${where}.resolution`),
    height: positive(o['resolution'], 'height', `${where}.resolution`),
    fps: positive(o, 'fps', where),
    codec: oneOf(text(o, 'codec', where), `${where}.codec`, Object.keys(CODEC_FACTORS)),
    scene: oneOf(text(o, 'scene', where), `${where}.scene`, Object.keys(SCENE_FACTORS)),
    quality: oneOf(text(o, 'quality', where), `${where}.quality`, Object.keys(QUALITY_FACTORS)),
    bitsPerSecond: positive(o, 'kbps', where) * 1000,
    cell: text(o, 'cell', where),
    stream: o['stream'] === undefined ? 'main' : (oneOf(text(o, 'stream', where), `${where}.stream`, STREAM_ROLES) as StreamRole),
  };
}

/**
 * Points from the measured averages' CSV: `camsize measure`'s own reader gives
 * the rate (and checks the duration), the other columns say what the camera was
 * and where the figure comes from.
 */
export function measuredPoints(csv: string, file: string, sources: ReadonlyMap<string, ValidationSource>): ValidationPoint[] {
  const measured = measurementsFromCsv(csv, file);
  const [header, ...rows] = csvRows(csv);
  const index = new Map((header?.fields ?? []).map((name, i) => [name.trim().toLowerCase(), i]));
  return rows.map(({ line, fields }, i) => {
    const where = `${file}:${line}`;
    const get = (name: string) => {
      const v = fields[index.get(name) ?? -1]?.trim();
      if (!v) throw new InputError(`${where}: ${name}: empty`);
      return v;
    };
    const source = sources.get(get('source'));
    if (!source) throw new InputError(`${where}: source: no source '${get('source')}' in the points file's "sources"`);
    if (source.kind !== 'measured-average') throw new InputError(`${where}: source '${source.id}' is not a measured-average source`);
    const size = /^(\d+)x(\d+)$/.exec(get('resolution'));
    const fps = Number(get('fps'));
    if (!size || !(fps > 0)) throw new InputError(`${where}: expected a resolution WIDTHxHEIGHT and a frame rate`);
    get('quote');
    return {
      id: get('camera'),
      source: source.id,
      kind: source.kind,
      group: source.group,
      width: Number(size[1]),
      height: Number(size[2]),
      fps,
      codec: oneOf(normalizeCodec(get('codec')), `${where}: codec`, Object.keys(CODEC_FACTORS)),
      scene: 'medium',
      quality: 'medium',
      bitsPerSecond: Number(measured[i]!.bitsPerSecond),
      cell: get('quote'),
      url: get('url'),
      stream: 'main' as const,
    };
  });
}

/** The sources and points of one points file (estimate-points.json or a later batch of the same shape). */
function readPointsFile(json: unknown, where: string): { sources: Map<string, ValidationSource>; raw: unknown[] } {
  if (!isObject(json) || !isObject(json['sources']) || !Array.isArray(json['points']))
    throw new InputError(`${where}expected an object with "sources" and "points"`);
  return { sources: new Map(Object.entries(json['sources']).map(([id, s]) => [id, readSource(id, s)])), raw: json['points'] };
}

/** A later batch of points (e.g. the hold-out batch), with its name. */
export interface PointsBatch {
  readonly name: string;
  readonly json: unknown;
}

/**
 * Parses the points file's JSON value (and the measured averages' CSV, and any
 * later batches of points, each marked with its batch's name); an InputError
 * names the first bad field.
 */
export function readValidationSet(
  json: unknown,
  measured?: { csv: string; file: string },
  batches: readonly PointsBatch[] = [],
): ValidationSet {
  const first = readPointsFile(json, '');
  const points: ValidationPoint[] = [
    ...first.raw.map((p, i) => readPoint(p, i, first.sources)),
    ...(measured ? measuredPoints(measured.csv, measured.file, first.sources) : []),
  ];
  const sources = new Map(first.sources);
  for (const b of batches) {
    const file = readPointsFile(b.json, `${b.name}: `);
    for (const [id, s] of file.sources) {
      if (sources.has(id)) throw new InputError(`${b.name}: sources.${id}: already a source of an earlier file`);
      sources.set(id, s);
    }
    points.push(...file.raw.map((p, i) => ({ ...readPoint(p, i, file.sources), batch: b.name })));
  }
  const ids = new Set<string>();
  for (const p of points) {
    if (ids.has(p.id)) throw new InputError(`points: duplicate id '${p.id}'`);
    ids.add(p.id);
  }
  return { sources: [...sources.values()], points };
}
