/**
 * camsize's own symbols in ASCII, for a terminal whose locale is not UTF-8
 * (or TERM=dumb, or --ascii): the rule the table borders follow. The table
 * format spells its arrows and bars itself; this covers the symbols of its
 * words and numbers (7 × 4k30, night 18:00–06:00, σ/μ, ±13.6 %, ≤ 25 %).
 * A table's cells are spelled before it is laid out, so widths stay right.
 */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['×', 'x'],
  ['÷', '/'],
  ['±', '+/-'],
  ['≤', '<='],
  ['≥', '>='],
  ['–', '-'],
  ['—', '-'],
  ['…', '...'],
  ['σ', 'sd'],
  ['μ', 'mean'],
  ['→', '->'],
  ['↑', '^'],
  ['↓', 'v'],
  ['’', "'"],
]);

const ANY = new RegExp(`[${[...SYMBOLS.keys()].join('')}]`, 'g');

/** `text` with camsize's symbols spelled in ASCII. */
export function asciiSymbols(text: string): string {
  return text.replace(ANY, (symbol) => SYMBOLS.get(symbol)!);
}
