/**
 * What the bytes of an inventory say about their encoding: binary data, UTF-16
 * (a spreadsheet's "Unicode text" export), or key fields that are not UTF-8.
 * camsize reads UTF-8 only, and says so instead of guessing.
 */

import { printable } from '../diagnostics/printable.js';

/** The hint for input that is UTF-16, by its byte-order mark or its pattern of NUL bytes. */
export const UTF16_MESSAGE = 'UTF-16 is not supported; save the file as UTF-8';

/** A UTF-16 byte-order mark (FF FE or FE FF), or NULs in every other byte of the first 4 kB as ASCII text in UTF-16 has. */
export function looksUtf16(chunk: Uint8Array): boolean {
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return true;
  const pairs = Math.min(chunk.length, 4096) >> 1;
  if (pairs < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (chunk[2 * i] === 0) evenNul++;
    if (chunk[2 * i + 1] === 0) oddNul++;
  }
  // ASCII in UTF-16LE has every odd byte 0 and no even one; big-endian the other way round.
  return (oddNul * 2 >= pairs && evenNul * 10 < pairs) || (evenNul * 2 >= pairs && oddNul * 10 < pairs);
}

/** NUL bytes, or mostly control bytes, in the first 4 kB: not text. */
export function looksBinary(chunk: Uint8Array): boolean {
  const sample = chunk.subarray(0, 4096);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length / 10;
}

/** Bytes read as latin1, for a message: decoded as UTF-8 where they are, and made printable. */
export function shownText(latin1: string): string {
  return printable(Buffer.from(latin1, 'latin1').toString('utf8'));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A key field read as latin1 (one char per byte) as the UTF-8 text it is, or,
 * when its bytes are not UTF-8, what is wrong and where (1-based byte in the field).
 */
export function decodeUtf8Field(latin1: string): string | { problem: string } {
  let ascii = true;
  for (let i = 0; i < latin1.length; i++) {
    if (latin1.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return latin1; // pure ASCII (the common case) is the same in both
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at]!.toString(16).padStart(2, '0');
    return { problem: `not valid UTF-8 (byte 0x${byte} at byte ${at + 1} of the field); save the file as UTF-8` };
  }
}

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length - 1;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (length === 0) return 0;
  if (length > 1) {
    try {
      strictUtf8.decode(bytes.subarray(i, i + length));
    } catch {
      return 0;
    }
  }
  return length;
}
