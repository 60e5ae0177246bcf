import { describe, expect, it } from 'vitest';
import { printable } from '../../src/core/diagnostics/printable.js';

describe('printable', () => {
  it.each([
    ['plain text', 'plain text'],
    ['two\nlines', 'two\\nlines'],
    ['a\r\nb\tc', 'a\\r\\nb\\tc'],
    ['nul\u0000here', 'nul\\u{0}here'],
    ['esc\u001b[31m', 'esc\\u{1b}[31m'],
    ['bidi\u202eevil', 'bidi\\u{202e}evil'],
    ['ümlaut 中文 😀', 'ümlaut 中文 😀'],
    ['lone \ud800 surrogate \udfff', 'lone \\u{d800} surrogate \\u{dfff}'],
  ])('%j → %j', (input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('cuts a long value and says how long it was', () => {
    expect(printable('x'.repeat(200), 5)).toBe('xxxxx… (200 characters)');
  });
});
