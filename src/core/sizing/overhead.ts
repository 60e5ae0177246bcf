/**
 * Transport overhead: protocol headers added to the video payload. Defaults
 * and their basis are in shared research §3.1 (derived from header sizes at a
 * 1500-byte MTU): RTP/UDP/IPv4/Ethernet with preamble and inter-frame gap and
 * H.264 FU-A ≈ 5.5 %; RTSP-interleaved RTP over TCP ≈ 7.5 %.
 */
import { own } from '../model/own.js';
import { ceilDiv } from '../numbers/decimal.js';
import { InputError } from '../diagnostics/errors.js';
import { parsePercent, percentText, type Ratio } from '../numbers/percent.js';

export interface Overhead {
  /** "none", "udp", "tcp" or "custom" */
  readonly kind: string;
  readonly ratio: Ratio;
  readonly description: string;
}

export const OVERHEADS: Readonly<Record<string, Overhead>> = {
  none: { kind: 'none', ratio: { num: 0n, den: 100n }, description: 'none (video payload only)' },
  udp: { kind: 'udp', ratio: { num: 55n, den: 1000n }, description: 'udp: RTP/UDP/IP/Ethernet +5.5 %' },
  tcp: { kind: 'tcp', ratio: { num: 75n, den: 1000n }, description: 'tcp: RTSP-interleaved RTP over TCP +7.5 %' },
};

/** "udp", "tcp", "none", "4.2", "4.2%" or a number of percent. */
export function parseOverhead(input: string | number): Overhead {
  if (typeof input === 'string') {
    const named = own(OVERHEADS, input.trim().toLowerCase());
    if (named) return named;
  }
  let ratio: Ratio;
  try {
    ratio = parsePercent(input, 'overhead');
  } catch {
    throw new InputError(`overhead '${input}' is not udp, tcp, none or a percentage (e.g. 6.5)`);
  }
  if (ratio.num > ratio.den) throw new InputError(`overhead '${input}' is more than 100 %`);
  return { kind: 'custom', ratio, description: `custom +${percentText(ratio)} %` };
}

/**
 * Per-camera rate on the wire, b/s: payload × (1 + overhead), rounded up to a
 * whole bit per second (a camera sends whole bits). Exact for every catalog
 * rate with the named overheads.
 */
export function wireRate(payloadBitsPerSecond: bigint, overhead: Overhead): bigint {
  const { num, den } = overhead.ratio;
  return num === 0n ? payloadBitsPerSecond : ceilDiv(payloadBitsPerSecond * (den + num), den);
}
