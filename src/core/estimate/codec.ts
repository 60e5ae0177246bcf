/**
 * Codec names as people and tools write them, to camsize's names (h264, h265,
 * h264-smart, h265-smart, av1, mjpeg): case, dots and blanks do not matter
 * ("H.265"), "+" is the vendors' smart variant ("H.264+"), and the standards'
 * other names are the same codec (AVC is H.264, HEVC is H.265, as ffprobe says).
 */
import { own } from '../model/own.js';
const ALIASES: Readonly<Record<string, string>> = { avc: 'h264', hevc: 'h265' };

export function normalizeCodec(text: string): string {
  const plain = text.trim().toLowerCase().replace(/[.\s]/g, '');
  const smart = plain.endsWith('+') || plain.endsWith('-smart');
  const base = plain.replace(/(\+|-smart)$/, '');
  const name = own(ALIASES, base) ?? base;
  return smart ? `${name}-smart` : name;
}
