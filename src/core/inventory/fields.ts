/** The fields of an inventory record and how a header names them. */
import { closest } from '../diagnostics/suggest.js';

export const FIELDS = ['segment', 'preset', 'bitrate', 'mbps', 'count', 'id', 'label'] as const;
export type Field = (typeof FIELDS)[number];

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
