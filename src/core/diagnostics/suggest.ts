/**
 * Edit distance counting a swap of two neighbouring letters as one edit
 * (optimal string alignment), so "mpbs" is one edit from "mbps". For "did you
 * mean" hints on short words.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates closest to `word`, best first: prefix matches and those within
 * a third of the word's length in edits.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const scored: Array<[string, number, number]> = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = editDistance(lower, c);
    // A prefix match counts as one edit away, then the plain distance breaks ties.
    const score = c.startsWith(lower) || lower.startsWith(c) ? Math.min(distance, 1) : distance;
    if (score <= Math.max(2, Math.floor(word.length / 3))) scored.push([candidate, score, distance]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[2] - y[2] || x[0].localeCompare(y[0]));
  return scored.slice(0, limit).map(([c]) => c);
}
