/**
 * Where the report's camera rates come from, for the formats that cite them
 * (HTML): each catalog source once, with the presets that use it and their
 * basis; estimated and custom rates say what they are.
 */
import type { Report } from '../core/model/report.js';
import { tupleKey } from '../core/model/keys.js';

export interface Source {
  readonly citation: string;
  readonly url?: string;
  readonly note?: string;
  /** The report's profiles that take their rate from it, with the basis of each ("report", "vendor-cap" …). */
  readonly profiles: readonly { readonly name: string; readonly basis: string }[];
}

export function reportSources(report: Report): { sources: Source[]; estimated: string[]; custom: string[] } {
  const byCitation = new Map<string, { citation: string; url?: string; note?: string; profiles: { name: string; basis: string }[] }>();
  const estimated: string[] = [];
  const custom: string[] = [];
  for (const { profile } of report.profiles) {
    const preset = profile.preset;
    if (profile.kind === 'estimate') estimated.push(profile.name);
    if (!preset) {
      if (profile.kind === 'custom') custom.push(profile.name);
      continue;
    }
    const key = tupleKey(preset.source.citation, preset.source.url ?? '');
    let source = byCitation.get(key);
    if (!source) {
      source = {
        citation: preset.source.citation,
        ...(preset.source.url ? { url: preset.source.url } : {}),
        ...(preset.source.note ? { note: preset.source.note } : {}),
        profiles: [],
      };
      byCitation.set(key, source);
    }
    source.profiles.push({ name: profile.name, basis: preset.basis });
  }
  return { sources: [...byCitation.values()], estimated, custom };
}
