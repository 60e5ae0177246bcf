/**
 * The wording of what designs as code added: a switch's ports and PoE over
 * their limits, disks too small, the storage headroom, and the sentence that
 * says which design settings the figures include (growth, link speeds, the
 * PoE ceiling). sentences.ts puts them in the report's lines.
 */
import type { PoeStatus, PortStatus, Report } from '../../core/model/report.js';
import { percentText } from '../../core/numbers/percent.js';
import { wattsText } from '../../core/numbers/power.js';
import type { DiskPlan } from '../../core/sizing/disks.js';
import type { RenderOptions } from '../view.js';
import { basisPointsText, bytesText, humanCount, humanRate, storageText } from './quantities.js';

/** "over: sw-1: 26 ports used of 24, 2 short". */
export function portsFailure(where: string, p: PortStatus): string {
  return `over: ${where}: ${humanCount(p.used)} ports used of ${humanCount(p.ports)}, ${humanCount(-p.spare)} short`;
}

const watts = (mw: bigint) => wattsText(mw, { group: true });

/** "over: sw-1: PoE 312 W on a 370 W budget (84.33 %), 16 W over the 80 % ceiling of 296 W". */
export function poeFailure(where: string, p: PoeStatus): string {
  return (
    `over: ${where}: PoE ${watts(p.drawMilliwatts)} on a ${watts(p.budgetMilliwatts)} budget (${basisPointsText(p.utilizationBasisPoints)}), ` +
    `${watts(-p.headroomMilliwatts)} over the ${percentText(p.ceiling)} % ceiling of ${watts(p.usableMilliwatts)}`
  );
}

/** "over: recorder nvr (site): RAID 1 of 12 TB disks holds 12 TB; each unit needs 60.8 TB …". */
export function disksFailure(where: string, d: DiskPlan): string {
  return (
    `over: ${where}: RAID ${d.raid} of ${bytesText(d.diskBytes)} disks holds ${bytesText(d.usableBytes)}; ` +
    `each unit needs ${bytesText(d.requiredBytes ?? 0n)} (RAID 10, or larger disks, hold more)`
  );
}

/** "; with +20 % headroom, 60.786936 TB (~55.28 TiB)": the storage the checks compare, with its spare capacity. */
export function headroomText(report: Report): string {
  const headroom = report.settings.storage?.headroom;
  const required = report.total.storage?.requiredBytes;
  if (!headroom || required === undefined) return '';
  return `; with +${percentText(headroom)} % headroom, ${storageText(required)}`;
}

/** Which design settings the figures include: growth, the speeds links were sized from, the PoE ceiling. */
export function designSentence(report: Report, options: RenderOptions): string | undefined {
  const s = report.settings;
  const parts: string[] = [];
  if (s.growth) {
    const shares = s.growth.used.length === 0 ? 'none applied' : s.growth.used.map((g) => `+${percentText(g)} %`).join(', ');
    const noun = s.growth.addedCameras === 1n ? 'camera' : 'cameras';
    parts.push(`Growth: ${shares} future cameras (${humanCount(s.growth.addedCameras)} ${noun} added) in every figure.`);
  }
  if (s.linkSpeeds) {
    const speeds = s.linkSpeeds.map((bps) => humanRate(bps, options)).join(', ');
    parts.push(`Suggested links: the smallest of ${speeds} that holds each direction's load under its ceiling.`);
  }
  if (s.maxPoeUtilization)
    parts.push(`PoE budgets count as full at ${percentText(s.maxPoeUtilization)} % unless a segment says otherwise.`);
  return parts.length === 0 ? undefined : parts.join(' ');
}
