/** Turns zod issues into camsize issues, with did-you-mean hints for unknown keys. */
import type { z } from 'zod';
import type { Issue } from '../core/diagnostics/issues.js';
import { closest } from '../core/diagnostics/suggest.js';

export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: readonly string[] = [],
  prefix: ReadonlyArray<string | number> = [],
): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = closest(key, knownKeys, 1);
        out.push({ path, message: `unknown key '${key}'${near[0] ? ` (did you mean '${near[0]}'?)` : ''}` });
      }
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}
