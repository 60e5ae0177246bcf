/**
 * A fleet file's bytes as text: UTF-8 only, strictly. A file that is not
 * (a UTF-16 "Unicode text" save, a Latin-1 name) is an error with its place,
 * never text with U+FFFD where a name was.
 */
import { InputError } from '../diagnostics/errors.js';
import { lineAndColumn } from '../diagnostics/issues.js';
import { firstInvalidUtf8, looksUtf16, UTF16_MESSAGE } from '../inventory/encoding.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function fleetText(bytes: Uint8Array, file: string): string {
  if (looksUtf16(bytes)) throw new InputError(`${file}: ${UTF16_MESSAGE}`);
  try {
    return strictUtf8.decode(bytes); // a UTF-8 byte-order mark (editors on Windows add one) is dropped
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = Buffer.from(bytes.buffer, bytes.byteOffset, at).toString('utf8');
    const { line, column } = lineAndColumn(before, before.length);
    const byte = bytes[at]!.toString(16).padStart(2, '0');
    throw new InputError(`${file}:${line}:${column}: not valid UTF-8 (byte 0x${byte}); save the file as UTF-8`);
  }
}
