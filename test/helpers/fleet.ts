/** Small builders for fleets in tests. */
import { customProfile, type CameraGroup, type Fleet, type Segment } from '../../src/core/model/fleet.js';

export function mbps(value: number | string): bigint {
  const [whole = '0', frac = ''] = String(value).split('.');
  return BigInt(whole + frac.padEnd(6, '0').slice(0, 6));
}

export function group(rateBps: bigint, count: bigint | number, label?: string): CameraGroup {
  return { profile: customProfile(rateBps, label), count: BigInt(count) };
}

export function segment(name: string, groups: CameraGroup[], children: Segment[] = [], linkBitsPerSecond?: bigint): Segment {
  return { name, groups, children, ...(linkBitsPerSecond === undefined ? {} : { linkBitsPerSecond }) };
}

export function flatFleet(groups: CameraGroup[]): Fleet {
  return { name: 'test', root: segment('test', groups) };
}
