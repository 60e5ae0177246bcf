/** Problems found in an input file, each with where it is: `file: path.to.field: message`. */
export type IssuePath = ReadonlyArray<string | number>;

export interface Issue {
  readonly path: IssuePath;
  readonly message: string;
}

/** ["segments", 2, "cameras", 0, "count"] → "segments[2].cameras[0].count" */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Paths longer than this many keys are shown by their first and last keys (a 1,000-level tree has 2,000). */
const SHOWN_KEYS = 12;

export function formatIssue(file: string, issue: Issue): string {
  const path = issue.path;
  const where =
    path.length <= SHOWN_KEYS
      ? issuePath(path)
      : `${issuePath(path.slice(0, SHOWN_KEYS / 2))}…(${path.length - SHOWN_KEYS} more keys)…${issuePath(['', ...path.slice(-SHOWN_KEYS / 2)]).replace(/^\./, '.')}`;
  return `${file}: ${where === '' ? '' : `${where}: `}${issue.message}`;
}

/**
 * Sorts issues into reading order: by path, array indices numerically, a
 * parent before its fields, the keys of one object in `keyOrder`. Where a
 * structural and a value check both flag one field, only the first listed
 * for that path is kept (callers list the more specific message first).
 */
export function orderIssues(issues: readonly Issue[], keyOrder: readonly string[]): Issue[] {
  const rank = (key: string) => {
    const i = keyOrder.indexOf(key);
    return i === -1 ? keyOrder.length : i;
  };
  const compare = (a: Issue, b: Issue): number => {
    const n = Math.min(a.path.length, b.path.length);
    for (let i = 0; i < n; i++) {
      const x = a.path[i]!;
      const y = b.path[i]!;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return rank(String(x)) - rank(String(y));
    }
    return a.path.length - b.path.length;
  };
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = issuePath(issue.path);
    if (seen.has(key) && !issue.message.startsWith('unknown key')) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(compare);
}

/** 0-based character offset → 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
