/** Turns zod issues into camsize's one-line-per-problem messages: `file: path.to.field: message`. */
import type { z } from 'zod';

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issuePath(issue.path);
    return `${file}: ${where === '' ? '' : `${where}: `}${issue.message}`;
  });
}
