/**
 * The one registry of inventory record fields, shared by the CSV and JSON
 * scanners: their names (as a CSV header or a JSON key gives them), which make
 * the aggregate key and in what order, and where each one's value is kept
 * while a record is read (its slot).
 */
import { closest } from '../diagnostics/suggest.js';

export const FIELDS = ['segment', 'preset', 'bitrate', 'mbps', 'count', 'id', 'label'] as const;
export type Field = (typeof FIELDS)[number];

/** The fields whose values make a record's aggregate key, in the canonical order the aggregate decodes. */
export const KEY_FIELDS: readonly Field[] = ['segment', 'preset', 'bitrate', 'mbps', 'label'];

/** Value slots while a record is read: the key fields (in KEY_FIELDS order), then count and id. */
export const SLOTS: readonly Field[] = [...KEY_FIELDS, 'count', 'id'];
export const COUNT_SLOT = 5;
export const ID_SLOT = 6;

/**
 * Extra columns (site, ip, model …) are normal in exports and are ignored,
 * but one that looks like a misspelt field is an error: a silently ignored
 * "cout" would count every camera once.
 */
export function checkExtraField(name: string): string | undefined {
  const normal = name.trim().toLowerCase();
  if ((FIELDS as readonly string[]).includes(normal)) return undefined;
  const near = closest(normal, FIELDS, 1)[0];
  if (near !== undefined && normal.length >= 3) return `unknown field '${name}' (did you mean '${near}'?)`;
  return undefined;
}
