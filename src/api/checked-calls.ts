/**
 * The core's text readers and catalog look-ups as the library exports them:
 * the same calls, their arguments checked first, so that `parseRate(4)` or
 * `estimateBitrate({ fps: '15' })` is a UsageError saying what was given, not
 * a TypeError from inside. The command line calls the core directly (its
 * values are text by construction).
 */
import { UsageError } from '../core/diagnostics/errors.js';
import { normalizeCodec as normalizeCodecCore } from '../core/estimate/codec.js';
import {
  type Estimate,
  type EstimateInput,
  estimateBitrate as estimateCore,
  parseResolution as parseResolutionCore,
} from '../core/estimate/estimate.js';
import {
  type Catalog,
  filterPresets as filterCore,
  findPreset as findCore,
  type Preset,
  type PresetFilter,
} from '../core/model/catalog.js';
import { formatBytes as formatBytesCore, parseBytes as parseBytesCore } from '../core/numbers/bytes.js';
import { parseCount as parseCountCore } from '../core/numbers/count.js';
import { type BitsPerSecond, parseRate as parseRateCore } from '../core/numbers/rate.js';
import { checkArgument, checkSettings, described } from './arguments.js';

/** "4Mb/s", "0.625 Mbps", "10 Gbps" → bits per second; a bare number only with `defaultUnit`. */
export function parseRate(text: string, defaultUnit?: string): BitsPerSecond {
  checkArgument('parseRate', 'text', text, 'text');
  if (defaultUnit !== undefined) checkArgument('parseRate', 'defaultUnit', defaultUnit, 'text');
  return parseRateCore(text, defaultUnit);
}

/** "100TB", "500 TiB", "1.5 PB" → bytes. */
export function parseBytes(text: string): bigint {
  checkArgument('parseBytes', 'text', text, 'text');
  return parseBytesCore(text);
}

/** Bytes → "25.92 EB": exact, in the largest decimal unit the value reaches. */
export function formatBytes(bytes: bigint, options?: { group?: boolean }): string {
  if (typeof bytes !== 'bigint' || bytes < 0n) throw new UsageError(`formatBytes: bytes is a bigint, 0 or more, not ${described(bytes)}`);
  return formatBytesCore(bytes, checkSettings('formatBytes', options, { group: 'boolean' }));
}

/** "20000000", "20,000,000", "2e7" → a count of cameras (0 to 10^15). */
export function parseCount(text: string): bigint {
  checkArgument('parseCount', 'text', text, 'text');
  return parseCountCore(text);
}

/** "1920x1080", "4MP", "4K", "1080p" → width and height. */
export function parseResolution(text: string): [number, number] {
  checkArgument('parseResolution', 'text', text, 'text');
  return parseResolutionCore(text);
}

/** "H.265", "hevc", "H.264+" → camsize's codec names (h265, h264-smart…). */
export function normalizeCodec(text: string): string {
  checkArgument('normalizeCodec', 'text', text, 'text');
  return normalizeCodecCore(text);
}

/** A camera's bit rate estimated from its resolution, fps, codec, scene and quality, with every step. */
export function estimateBitrate(input: EstimateInput): Estimate {
  const checked = checkSettings<EstimateInput>('estimateBitrate', input, {
    resolution: 'text',
    fps: 'number',
    codec: 'text',
    scene: 'text',
    quality: 'text',
    calibration: 'object',
  });
  for (const key of ['resolution', 'fps', 'codec'] as const) {
    if (checked[key] === undefined) throw new UsageError(`estimateBitrate: ${key} is missing`, { path: key });
  }
  return estimateCore(checked);
}

/** The preset with this id (case-insensitive), or an error naming the closest ids. */
export function findPreset(catalog: Catalog, id: string): Preset {
  checkArgument('findPreset', 'catalog', catalog, 'catalog');
  checkArgument('findPreset', 'id', id, 'text');
  return findCore(catalog, id);
}

/** The presets matching every given filter. */
export function filterPresets(catalog: Catalog, filter: PresetFilter): Preset[] {
  checkArgument('filterPresets', 'catalog', catalog, 'catalog');
  const checked = checkSettings<PresetFilter>('filterPresets', filter, { codec: 'text', fps: 'number', basis: 'text', words: 'text-list' });
  return filterCore(catalog, checked);
}
