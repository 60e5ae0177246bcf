/**
 * Messages quote what the user gave (a field, a count, a key). A diagnostic
 * is one printable line, so what is quoted is made printable: control
 * characters (a line break, a NUL, an escape sequence) and other invisible
 * code points become \n, \t, \r or \u{…} escapes, and a very long value is cut
 * with its length said.
 */
const MAX_SHOWN = 120;

export function printable(text: string, max = MAX_SHOWN): string {
  let out = '';
  let shown = 0;
  for (const ch of text) {
    if (shown === max) return `${out}… (${[...text].length} characters)`;
    out += printableChar(ch);
    shown++;
  }
  return out;
}

function printableChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code === 10) return '\\n';
  if (code === 13) return '\\r';
  if (code === 9) return '\\t';
  // C0 and C1 controls, DEL, and invisible formatting characters that could hide or reorder text.
  if (
    code < 32 ||
    (code >= 0x7f && code < 0xa0) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    // A lone surrogate (a JSON "\ud800" escape): written as UTF-8 it would become U+FFFD and hide what was there.
    (code >= 0xd800 && code <= 0xdfff)
  ) {
    return `\\u{${code.toString(16)}}`;
  }
  return ch;
}
