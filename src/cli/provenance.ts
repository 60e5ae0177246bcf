/**
 * What a document says made it: the input files by their base names (never a
 * directory, never the command as typed, an -o path included), and when
 * (SOURCE_DATE_EPOCH, for reproducible reports, else now).
 */
import { basename } from 'node:path';
import { InputError } from '../core/diagnostics/errors.js';
import type { SizeRequest } from './request.js';

/** The files a sizing run reads, by base name, in the order given; standard input as "standard input". */
export function inputNames(request: Pick<SizeRequest, 'input' | 'measured' | 'calibration'>): string[] {
  const input = request.input;
  const named = (path: string | undefined) => (path === undefined || path === '-' ? 'standard input' : basename(path));
  const names: string[] = [];
  if (input.kind === 'fleet') names.push(named(input.operand));
  if (input.kind === 'inventory') {
    if (input.fleetOperand !== undefined) names.push(named(input.fleetOperand));
    names.push(named(input.path));
  }
  if (request.calibration !== undefined) names.push(named(request.calibration));
  for (const file of request.measured?.files ?? []) names.push(named(file));
  return [...new Set(names)];
}

/**
 * The time the report was made, ISO 8601 in UTC to the minute: SOURCE_DATE_EPOCH
 * (https://reproducible-builds.org/specs/source-date-epoch/) when set, else `now`.
 */
export function generationTime(env: Readonly<Record<string, string | undefined>>, now: () => number = Date.now): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  let millis = now();
  if (epoch !== undefined && epoch !== '') {
    const seconds = /^\d{1,12}$/.test(epoch.trim()) ? Number(epoch.trim()) : Number.NaN;
    if (!Number.isSafeInteger(seconds) || seconds > 253_402_300_799)
      throw new InputError(`SOURCE_DATE_EPOCH '${epoch}' is not a time: give whole seconds since 1970-01-01 UTC`);
    millis = seconds * 1000;
  }
  return `${new Date(millis).toISOString().slice(0, 16)}Z`;
}
