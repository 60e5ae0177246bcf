/**
 * Reads a site calibration file (`camsize measure … --fit > site-calibration.json`)
 * for --calibration FILE and a fleet file's "calibration": every problem listed
 * as `file: key: message`, exit 2; a file fitted to another model is refused.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { InputError, withCode } from '../core/diagnostics/errors.js';
import { formatIssue } from '../core/diagnostics/issues.js';
import type { SiteCalibration } from '../core/model/calibration.js';
import { fileProblem } from './file-problem.js';
import type { Io } from './io.js';

/** A calibration is a few hundred bytes; far beyond that it is some other file (or /dev/zero), refused before it fills memory. */
const MAX_CALIBRATION_BYTES = 1024 * 1024;

export async function loadCalibration(path: string, io: Pick<Io, 'readFile'>): Promise<SiteCalibration> {
  try {
    return await readCalibration(path, io);
  } catch (error) {
    throw withCode(error, 'CALIBRATION_INVALID', { file: path });
  }
}

async function readCalibration(path: string, io: Pick<Io, 'readFile'>): Promise<SiteCalibration> {
  let text: string;
  try {
    text = (await io.readFile(path, MAX_CALIBRATION_BYTES)).toString('utf8');
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ERR_FS_FILE_TOO_LARGE'
        ? 'more than 1 MiB: too large for a site calibration'
        : fileProblem(error);
    throw new InputError(`${path}: ${why} (a site calibration from camsize measure … --fit)`, {
      code: 'FILE_UNREADABLE',
      cause: error,
      file: path,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const [{ readCalibrationJson }, { modelMismatch }] = await Promise.all([
    import('../schema/calibration-schema.js'),
    import('../core/estimate/site-calibration.js'),
  ]);
  const { calibration, issues } = readCalibrationJson(json);
  if (!calibration) {
    const lines = issues.map((issue) => formatIssue(path, issue));
    throw new InputError(lines[0] ?? `${path}: not a site calibration`, lines);
  }
  const mismatch = modelMismatch(calibration);
  if (mismatch) throw new InputError(`${path}: ${mismatch}`);
  return calibration;
}

/** A fleet file's "calibration", relative to the fleet file (to the working directory for standard input). */
export function calibrationPathOf(fleetFile: string, written: string): string {
  if (isAbsolute(written) || fleetFile === '<stdin>') return written;
  return join(dirname(fleetFile), written);
}
