/**
 * The sentences the human formats print under their tables: settings, the
 * capacity answer, the total, the day's load, the percentile, storage, the
 * verdict and one line per failed check. Wording lives here once; formats
 * only style it.
 */
import type { CapacityAnswer, Check, LinkStatus, RecorderRow, Report, StorageStatus } from '../../core/model/report.js';
import { disksFailure, headroomText, poeFailure, portsFailure } from './design.js';
import { percentText } from '../../core/numbers/percent.js';
import { recordingText } from '../../core/sizing/storage.js';
import type { RenderOptions } from '../view.js';
import { loadFigure } from './figures.js';
import { driftFailure, driftVerdict } from './measured.js';
import { approximateRate, bytesText, hourText, humanCount, humanRate, keepsText, storageText, utilizationText } from './quantities.js';

/** Where a check is: the segment path, or the fleet's name for the root. */
export function pathText(report: Report, path: readonly string[]): string {
  return path.length === 0 ? report.fleetName : path.join('/');
}

/** The total in its auto-scaled unit and, when that is not Mb/s, in Mb/s too. */
export function totalSentence(report: Report, options: RenderOptions): string {
  const { cameras, loadBitsPerSecond, viewingBitsPerSecond } = report.total;
  const main = humanRate(loadBitsPerSecond, options);
  const inMbps = humanRate(loadBitsPerSecond, { ...options, unit: { name: 'Mb/s', factor: 10n ** 6n } });
  const also = options.unit === undefined && !main.endsWith(' Mb/s') ? ` (${inMbps})` : '';
  const noun = cameras === 1n ? 'camera' : 'cameras';
  const viewing = viewingBitsPerSecond > 0n ? `, including ${humanRate(viewingBitsPerSecond, options)} of live viewing` : '';
  const partial = report.partial ? ` (partial: ${humanCount(BigInt(report.partial.skippedRecords))} invalid records skipped)` : '';
  if (report.recorders) return recordersTotal(report, options, noun) + partial;
  return `Total: ${main}${also}${loadFigure(report)} for ${humanCount(cameras)} ${noun}${viewing}${partial}`;
}

/** With recorders the total is where streams are recorded, and what still crosses between the fleet and the head end. */
function recordersTotal(report: Report, options: RenderOptions, noun: string): string {
  const inFleet = (report.recorders ?? []).filter((r) => !r.headEnd);
  const taken = report.total.recordedInFleetBitsPerSecond ?? 0n;
  const root = report.segments[0]!;
  const recorders = inFleet.length === 1 ? '1 recorder in the fleet takes' : `${inFleet.length} recorders in the fleet take`;
  const up = root.up.loadBitsPerSecond;
  const down = root.down.loadBitsPerSecond;
  const crossing =
    up === 0n && down === 0n
      ? 'no stream crosses to or from the head end'
      : `${humanRate(up, options)} up to the head end and ${humanRate(down, options)} down from it`;
  return `Total: ${humanCount(report.total.cameras)} ${noun}; ${recorders} ${humanRate(taken, options)}${loadFigure(report)}; ${crossing}`;
}

/** Which overheads and ceiling the numbers include; nothing when neither matters (no overhead, no check). */
export function settingsSentence(report: Report): string | undefined {
  const overheadApplied = report.settings.overheadsUsed.some((o) => o.ratio.num !== 0n);
  if (!overheadApplied && report.verdict === 'unchecked') return undefined;
  const overheads = report.settings.overheadsUsed.map((o) => o.description).join('; ');
  return `Overhead: ${overheads}. Links count as full at ${percentText(report.settings.maxUtilization)} % unless a segment says otherwise.`;
}

/** One line for a link over its limit: what (and which figure, when there are two), by how much. */
function linkFailure(where: string, link: LinkStatus, load: bigint, options: RenderOptions, figure = ''): string {
  const over = humanRate(-link.headroomBitsPerSecond, options);
  const cameras = link.headroomCameras
    ? `, ${humanCount(-link.headroomCameras.cameras)} × ${link.headroomCameras.profile.name}${link.headroomCameras.stream === 'sub' ? ' sub' : ''} too many`
    : '';
  return (
    `over: ${where}: ${humanRate(load, options)}${figure} on ${humanRate(link.capacityBitsPerSecond, options)} ` +
    `(${utilizationText(link, options)}), ${over} over the ${percentText(link.ceiling)} % ceiling of ` +
    `${humanRate(link.usableBitsPerSecond, options)}${cameras}`
  );
}

function storageFailure(where: string, storage: StorageStatus, options: RenderOptions): string {
  const short = storage.bytes - (storage.capacityBytes ?? 0n);
  return `over: ${where}: storage ${storageText(storage.bytes, options)} needed, capacity ${bytesText(storage.capacityBytes ?? 0n, options)}, ${bytesText(short, options)} short`;
}

/** The lines of a failing check: one per direction or part over its limit. */
export function failureLine(report: Report, check: Check, options: RenderOptions): string[] {
  switch (check.kind) {
    case 'link':
      return check.directions
        .filter((d) => !d.link.fits)
        .map((d) => {
          // A report where nothing flows down names no direction: its lines read as they always have.
          const where = pathText(report, check.path) + (report.twoWay ? ` (${d.direction})` : '');
          return linkFailure(where, d.link, d.loadBitsPerSecond, options, loadFigure(report));
        });
    case 'storage':
      return [storageFailure(pathText(report, check.path), check.storage, options)];
    case 'recorder':
      return recorderFailures(report, check.recorder, options);
    case 'total':
      return [linkFailure('total (--capacity)', check.link, check.loadBitsPerSecond, options, loadFigure(report))];
    case 'total-storage':
      return [storageFailure('total (--storage-capacity)', check.storage, options)];
    case 'how-many':
      return [noneFit(check.answer, options)];
    case 'drift':
      return [driftFailure(pathText(report, check.path), check.drift, report.drift?.tolerance, options)];
    case 'ports':
      return [portsFailure(pathText(report, check.path), check.ports)];
    case 'poe':
      return [poeFailure(pathText(report, check.path), check.poe)];
  }
}

/** "over: recorder nvr-a (site-a): ingest …" and "…: storage … short". */
function recorderFailures(report: Report, r: RecorderRow, options: RenderOptions): string[] {
  const where = `recorder ${r.name} (${pathText(report, r.path)})`;
  const lines: string[] = [];
  if (r.ingest && !r.ingest.fits) {
    const units = `${humanCount(r.units ?? 1n)} × ${humanRate(r.ingestPerUnitBitsPerSecond ?? 0n, options)}`;
    lines.push(
      `over: ${where}: ingest ${humanRate(r.ingestBitsPerSecond, options)}${loadFigure(report)} on ${units} (${utilizationText(r.ingest, options)}), ` +
        `${humanRate(-r.ingest.headroomBitsPerSecond, options)} over the ${percentText(r.ingest.ceiling)} % ceiling of ${humanRate(r.ingest.usableBitsPerSecond, options)}`,
    );
  }
  if (r.storage?.fits === false) lines.push(storageFailure(where, r.storage, options));
  if (r.disks && !r.disks.fits) lines.push(disksFailure(where, r.disks));
  return lines;
}

/** Every failing check of the report as lines, segments in tree order, then the recorders and the totals. */
export function failureLines(report: Report, options: RenderOptions): string[] {
  return report.checks.filter((c) => !c.fits).flatMap((c) => failureLine(report, c, options));
}

/** "All 9 checks fit." / "2 of 9 checks are over their limit:" — or nothing when nothing had a capacity. */
export function verdictSentence(report: Report): string | undefined {
  if (report.drift) return driftVerdict(report.checks, report.drift.tolerance);
  const checks = report.checks;
  if (checks.length === 0) return undefined;
  const failed = checks.filter((c) => !c.fits).length;
  if (checks.length === 1) return failed === 0 ? 'Fits: the capacity check passes.' : 'Does not fit: the capacity check is over the limit:';
  return failed === 0
    ? `Fits: all ${checks.length} capacity checks pass.`
    : `Does not fit: ${failed} of ${checks.length} capacity checks ${failed === 1 ? 'is' : 'are'} over the limit:`;
}

/** What the verdict is when nothing had a capacity to check it against. */
export function uncheckedSentence(): string {
  return 'Unchecked: no link, --capacity or storage capacity is set, so nothing was checked against a limit.';
}

/** "30d of continuous recording", or each combination the segments use. */
function retentionText(report: Report): string {
  const used = report.settings.storage?.used ?? [];
  const one = (u: (typeof used)[number]) => `${u.retention.text} of ${recordingText(u.recording)} recording`;
  if (used.length === 1) return one(used[0]!);
  return `the retentions set per segment (${used.map(one).join('; ')})`;
}

/** "Storage: 25.92 EB (~22.48 EiB) to keep 30d of continuous recording (+25 % RAID/filesystem)." */
export function storageSentence(report: Report, options: RenderOptions): string | undefined {
  const s = report.settings.storage;
  const total = report.total.storage;
  const keeps = report.total.keeps;
  if (s && keeps) {
    const overhead = s.overhead.num === 0n ? '' : `, with +${percentText(s.overhead)} % for RAID/filesystem`;
    const what = keeps.retentionSeconds === undefined ? 'nothing is recorded' : `keeps ${keepsText(keeps.retentionSeconds, options)}`;
    return `Storage: ${bytesText(keeps.capacityBytes, options)} (--storage-capacity) ${what} of ${recordingText(s.recording)} recording${overhead}`;
  }
  if (!s || !total) return undefined;
  const overhead = s.overhead.num === 0n ? '' : `, with +${percentText(s.overhead)} % for RAID/filesystem`;
  const capacity = total.capacityBytes === undefined ? '' : ` on ${bytesText(total.capacityBytes, options)}`;
  const unretained = total.unretainedCameras;
  const left =
    unretained === undefined
      ? ''
      : `; not counted: ${humanCount(unretained)} recorded ${unretained === 1n ? 'camera' : 'cameras'} in segments that set no retention` +
        (report.recorders?.some((r) => r.keeps) ? ' (Keeps in the recorders table: how long their storage keeps them)' : '');
  return `Storage: ${storageText(total.bytes, options)} to keep ${retentionText(report)}${overhead}${headroomText(report)}${capacity}${left}`;
}

/** The how-many check failing: not even one camera fits. */
function noneFit(a: CapacityAnswer, options: RenderOptions): string {
  return (
    `over: not even one ${a.profile.name} camera fits: ${humanRate(a.perCameraBitsPerSecond, options)} per camera${rateBasis(a)} ` +
    `on ${humanRate(a.usableBitsPerSecond, options)} usable (${humanRate(a.capacityBitsPerSecond, options)} at ${percentText(a.ceiling)} %)`
  );
}

/** " (its peak over the day)" when the camera's rate varies and the check counts it at that rate. */
function rateBasis(a: CapacityAnswer): string {
  return a.checkedOn === undefined ? '' : a.checkedOn === 'peak' ? ' (its peak over the day)' : ' (its daily average)';
}

/** "How many fit" in one sentence. */
export function capacitySentence(report: Report, options: RenderOptions): string | undefined {
  const a = report.capacityAnswer;
  if (!a) return undefined;
  const noun = a.maxCameras === 1n ? 'camera' : 'cameras';
  return (
    `${humanRate(a.capacityBitsPerSecond, options)} at ${percentText(a.ceiling)} % max utilization = ` +
    `${humanRate(a.usableBitsPerSecond, options)} usable; at ${humanRate(a.perCameraBitsPerSecond, options)} per camera${rateBasis(a)} ` +
    `that fits ${humanCount(a.maxCameras)} ${a.profile.name} ${noun}.`
  );
}

/** "Over the day: peak … at 18:00 …; daily average …; links are checked against the peak." */
export function timeSentence(report: Report, options: RenderOptions): string | undefined {
  const settings = report.settings.time;
  const t = report.total.time;
  if (!settings || !t) return undefined;
  const { nightStart, nightHours } = settings.schedule;
  const night = nightHours === 0 ? 'no night' : `night ${hourText(nightStart)}–${hourText((nightStart + nightHours) % 24)}`;
  const other = settings.checkOn === 'peak' ? '--check-on average' : '--check-on peak';
  const checked = `Links are checked against the ${settings.checkOn === 'peak' ? 'peak' : 'daily average'} (${other} to change); storage uses the daily average.`;
  // With recorders the total is what crosses between the fleet and the head end, which may be nothing.
  if (report.recorders && t.peakBitsPerSecond === 0n)
    return `Over the day (${night}): no stream crosses to or from the head end at any hour. ${checked}`;
  const where = report.recorders ? ', between the fleet and the head end' : '';
  const flat = (hours: readonly bigint[]) => hours.every((h) => h === hours[0]);
  if (flat(t.hourlyPeakBitsPerSecond) && flat(t.hourlyAverageBitsPerSecond))
    return `No rate varies over the day${where}: peak ${humanRate(t.peakBitsPerSecond, options)}, daily average ${humanRate(t.averageBitsPerSecond, options)}. ${checked}`;
  return (
    `Over the day (${night})${where}: peak ${humanRate(t.peakBitsPerSecond, options)} from ${hourText(t.peakHour)} ` +
    `(every camera's peak in that hour at once, events coinciding), busiest hour ${hourText(t.busiestHour)} at ` +
    `${humanRate(t.busiestHourBitsPerSecond, options)} on average, daily average ${humanRate(t.averageBitsPerSecond, options)}. ` +
    checked
  );
}

/** "p99 of the total: ~1.2 Gb/s (mean …, σ …; correlation 1, VBR σ/μ 0.5; normal approximation)." */
export function percentileSentence(report: Report, options: RenderOptions): string | undefined {
  const settings = report.settings.percentile;
  const p = report.total.percentile;
  if (!settings || !p) return undefined;
  const mean = approximateRate(BigInt(Math.ceil(p.mean)), options);
  const sigma = approximateRate(BigInt(Math.ceil(p.sigma)), options);
  // When rates vary over the day, each hour is sized on its own and the worst one is given.
  const hour = report.settings.time ? ` in the worst hour, ${hourText(p.hour)}` : '';
  const bound = report.settings.time ? "never below that hour's mean" : 'never below the mean';
  return (
    `p${settings.percentile} of the total: ~${approximateRate(p.bitsPerSecond, options).replace(/^~/, '')}${hour} ` +
    `(mean ${mean}, σ ${sigma}; correlation ${settings.correlation}, VBR σ/μ ${settings.vbrCv}; ` +
    `normal approximation, ${bound}).`
  );
}

/** Under a terminal table narrowed to fit: which columns it left out, and how to see them. */
export function leftOutNote(headings: readonly string[], width: number): string {
  const names = headings.map((h) => h.replace(/\s+/g, ' ')).join(', ');
  return `Left out to fit ${width} columns: ${names} (--wide shows every column).`;
}
