/**
 * The preset catalog: camera profiles with a bit rate and where that number
 * comes from. Pure: loading files is io/'s job (src/io/catalog-load.ts).
 */
import { InputError } from '../diagnostics/errors.js';
import { closest } from '../diagnostics/suggest.js';
import { normalizeCodec } from '../estimate/codec.js';

export type PresetBasis = 'report' | 'vendor-cap' | 'observed-cap' | 'planning' | 'measured';

/**
 * Which figure a preset's rate is (./rate-figures.ts): a vendor cap and a cap
 * seen at a recorder are peaks; planning figures and measured averages are
 * averages; the report's rates say neither and are used for both, as before.
 */
export function presetRateBasis(basis: PresetBasis): 'rate' | 'peak' | 'average' {
  return basis === 'vendor-cap' || basis === 'observed-cap' ? 'peak' : basis === 'report' ? 'rate' : 'average';
}

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly resolution: { readonly name: string; readonly width: number; readonly height: number };
  readonly fps: number;
  readonly scene: string;
  readonly codec: string | null;
  /** Per-camera bit rate, b/s: the figure its basis gives (presetRateBasis). */
  readonly bitsPerSecond: bigint;
  /** The other figure by day, b/s, where the source gives both (the average of a cap, the peak of an average). */
  readonly otherBitsPerSecond?: bigint;
  /** Former ids that still find it, with a deprecation note. */
  readonly aliases?: readonly string[];
  /** Night (IR on or unlit) bit rate where a source gives one, b/s. */
  readonly nightBitsPerSecond?: bigint;
  /** The camera's sub stream (for live viewing or recording at a low rate), where a source gives one, b/s. */
  readonly subBitsPerSecond?: bigint;
  readonly basis: PresetBasis;
  readonly source: { readonly citation: string; readonly url?: string; readonly note?: string };
  /** The catalog file the preset came from, e.g. "report.json". */
  readonly file: string;
}

export interface Catalog {
  readonly presets: readonly Preset[];
  readonly byId: ReadonlyMap<string, Preset>;
  /** Former ids (a preset's "aliases") to the preset they now name. */
  readonly aliases: ReadonlyMap<string, Preset>;
}

/** Listing order: the report's profiles first, then measured, planning and vendor-cap presets. */
const BASIS_ORDER: Record<PresetBasis, number> = { report: 0, measured: 1, 'observed-cap': 2, planning: 3, 'vendor-cap': 4 };

export function buildCatalog(loaded: readonly Preset[]): Catalog {
  const byId = new Map<string, Preset>();
  const issues: string[] = [];
  for (const preset of loaded) {
    const earlier = byId.get(preset.id);
    if (earlier) issues.push(`${preset.file}: preset id '${preset.id}' is already defined in ${earlier.file}`);
    else byId.set(preset.id, preset);
  }
  const aliases = new Map<string, Preset>();
  for (const preset of loaded)
    for (const alias of preset.aliases ?? []) {
      if (byId.has(alias) || aliases.has(alias))
        issues.push(`${preset.file}: alias '${alias}' of '${preset.id}' is already a preset id or alias`);
      else aliases.set(alias, preset);
    }
  if (issues.length > 0) throw new InputError(issues[0]!, issues);
  const presets = [...loaded].sort((a, b) => BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis]);
  return { presets, byId, aliases };
}

/** The preset with this id (case-insensitive), or an InputError with the closest ids. */
export function findPreset(catalog: Catalog, id: string): Preset {
  const exact = catalog.byId.get(id) ?? catalog.byId.get(id.toLowerCase());
  if (exact) return exact;
  const renamed = catalog.aliases.get(id) ?? catalog.aliases.get(id.toLowerCase());
  if (renamed) return renamed;
  throw new InputError(unknownPresetMessage(catalog, id));
}

export function unknownPresetMessage(catalog: Catalog, id: string): string {
  const near = closest(id, catalog.byId.keys());
  const hint =
    near.length === 0
      ? " (run 'camsize presets' to list them)"
      : ` (did you mean ${near
          .map((n) => `'${n}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}?)`;
  return `unknown preset '${id}'${hint}`;
}

export interface PresetFilter {
  codec?: string;
  fps?: number;
  basis?: string;
  /** Every word must appear in the id, label, resolution, scene, codec or citation. */
  words?: readonly string[];
}

export function filterPresets(catalog: Catalog, filter: PresetFilter): Preset[] {
  const codec = filter.codec === undefined ? undefined : normalizeCodec(filter.codec);
  const words = (filter.words ?? []).map((w) => w.toLowerCase());
  return catalog.presets.filter((p) => {
    if (codec !== undefined && (p.codec ?? 'unknown') !== codec) return false;
    if (filter.fps !== undefined && p.fps !== filter.fps) return false;
    if (filter.basis !== undefined && p.basis !== filter.basis) return false;
    const haystack = [
      p.id,
      p.label,
      p.basis,
      p.resolution.name,
      `${p.resolution.width}x${p.resolution.height}`,
      p.scene,
      p.codec ?? '',
      p.source.citation,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The catalog as plain JSON (bit rates as decimal strings of b/s), for the validation cache. */
export function presetToJson(preset: Preset): Record<string, unknown> {
  return {
    ...preset,
    bitsPerSecond: preset.bitsPerSecond.toString(),
    nightBitsPerSecond: preset.nightBitsPerSecond?.toString(),
    subBitsPerSecond: preset.subBitsPerSecond?.toString(),
    otherBitsPerSecond: preset.otherBitsPerSecond?.toString(),
  };
}

export function presetFromJson(json: Record<string, unknown>): Preset {
  const { nightBitsPerSecond: night, subBitsPerSecond: sub, otherBitsPerSecond: other, ...rest } = json;
  return {
    ...(rest as unknown as Preset),
    bitsPerSecond: BigInt(json['bitsPerSecond'] as string),
    ...(typeof night === 'string' ? { nightBitsPerSecond: BigInt(night) } : {}),
    ...(typeof sub === 'string' ? { subBitsPerSecond: BigInt(sub) } : {}),
    ...(typeof other === 'string' ? { otherBitsPerSecond: BigInt(other) } : {}),
  };
}
