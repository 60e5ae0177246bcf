/**
 * A worksheet's number cell as the decimal text camsize reads, exactly: the
 * cell's own text (<v>4.5</v> is 4.5), never a float. Excel keeps 15
 * significant digits and writes some values with 17 (4.1 as
 * 4.0999999999999996, 0.1+0.2 as 0.30000000000000004): such text is rounded
 * to the 15 digits Excel shows, so a cell reads as what its user sees.
 */

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** Significant digits Excel keeps and shows. */
export const EXCEL_DIGITS = 15;

/** Plain decimal text ('4.5', '1000', '0.001') of a number cell's text; undefined when it is no number. */
export function excelNumberText(text: string): string | undefined {
  const match = NUMBER.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  let digits = (whole + fraction).replace(/^0+/, '');
  // value = digits × 10^exponent
  let exponent = Number(exponentText) - fraction.length;
  if (digits === '') return '0';
  if (digits.length > EXCEL_DIGITS) {
    const cut = digits.length - EXCEL_DIGITS;
    let kept = BigInt(digits.slice(0, EXCEL_DIGITS));
    if (digits.charCodeAt(EXCEL_DIGITS) >= 53 /* '5' */) kept += 1n;
    digits = kept.toString();
    exponent += cut;
  }
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  if (exponent > 400 || exponent < -400) return undefined; // no cell camsize reads is that large or small
  if (exponent >= 0) return `${sign === '-' ? '-' : ''}${digits}${'0'.repeat(exponent)}`;
  const point = digits.length + exponent;
  const body = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  return `${sign === '-' ? '-' : ''}${body}`;
}
