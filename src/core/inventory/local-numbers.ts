/**
 * Numbers as a ';'-separated spreadsheet export writes them (European
 * Excel): a decimal comma, 4,5 for 4.5. A separator followed by exactly three
 * digits (1.000, 4,500) could be a thousands separator or a decimal one: that
 * is refused, never guessed (1.000 cameras read as 1 would be a thousandth of
 * the fleet). Text in, text out: the exact decimal readers take it from here.
 */
import { InputError } from '../diagnostics/errors.js';
import { printable } from '../diagnostics/printable.js';

const LEADING_NUMBER = /^(\s*[+-]?)([\d.,]+)(.*)$/s;

/** `text` with its leading number's decimal comma made a point; plain text as it is. Throws InputError when the number is ambiguous. */
export function decimalCommaText(text: string): string {
  const match = LEADING_NUMBER.exec(text);
  if (!match) return text;
  const [, sign = '', number = '', rest = ''] = match;
  const separators = number.replace(/\d/g, '');
  if (separators === '') return text;
  if (separators.length > 1)
    throw new InputError(`'${printable(text.trim())}': write the number without thousands separators (e.g. 1500 or 4,5)`);
  const at = number.search(/[.,]/);
  // 0,625 and 1234,5 are decimals whatever the convention; 1.000 and 4,500 could be either.
  if (number.length - 1 - at === 3 && /^[1-9]\d{0,2}$/.test(number.slice(0, at))) {
    const whole = number.replace(/[.,]/, '');
    const decimal = number.replace(/[.,]/, '.');
    throw new InputError(
      `'${printable(text.trim())}' in a ';'-separated file could mean ${whole} or ${decimal}: write ${whole} for the first, ${number.replace(/[.,]/, ',')}0 for the second`,
    );
  }
  return `${sign}${number.replace(',', '.')}${rest}`;
}
