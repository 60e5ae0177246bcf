/**
 * Reads a site calibration file (`camsize measure … --fit > site-calibration.json`)
 * for --calibration FILE and a fleet file's "calibration": every problem listed
 * as `file: key: message`, exit 2; a file fitted to another model is refused.
 *
 * A fleet's own "calibration" is a file the user did not name (a fleet file
 * may come from anyone): it is a relative path inside the fleet file's folder
 * (the working directory for standard input or a fleet given as text), it
 * must be a regular file, and what it holds is never quoted back, whatever it
 * is. The library can refuse such files or supply them itself.
 */
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { InputError, withCode } from '../core/diagnostics/errors.js';
import { formatIssue } from '../core/diagnostics/issues.js';
import { printable } from '../core/diagnostics/printable.js';
import type { SiteCalibration } from '../core/model/calibration.js';
import { fileProblem } from './file-problem.js';
import type { Io } from './io.js';

/** A calibration is a few hundred bytes; far beyond that it is some other file (or /dev/zero), refused before it fills memory. */
const MAX_CALIBRATION_BYTES = 1024 * 1024;

/** How the files a fleet refers to are read: by camsize (the default), refused, or supplied by the caller. */
export interface ReferencedFiles {
  /** false: a fleet that refers to a file is refused. */
  readonly allowFiles?: boolean;
  /** Reads a file the fleet refers to, given its path as the fleet writes it; camsize then reads none itself. */
  readonly readFile?: (path: string) => Promise<Uint8Array | string>;
}

/** --calibration FILE: a file the user named, read as it is named. */
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
    throw new InputError(`${path}: ${readProblem(error)} (a site calibration from camsize measure … --fit)`, {
      code: 'FILE_UNREADABLE',
      cause: error,
      file: path,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON: ${printable((error as Error).message)}`, { cause: error });
  }
  return calibrationOf(json, path, true);
}

/** A fleet's own "calibration" (`written`), for the fleet read from `fleetFile`: never quoted back. */
export async function loadFleetCalibration(
  fleetFile: string,
  written: string,
  io: Pick<Io, 'readFile'>,
  files: ReferencedFiles = {},
): Promise<SiteCalibration> {
  try {
    return await readFleetCalibration(fleetFile, written, io, files);
  } catch (error) {
    throw withCode(error, 'CALIBRATION_INVALID', { file: fleetFile, path: 'calibration' });
  }
}

async function readFleetCalibration(
  fleetFile: string,
  written: string,
  io: Pick<Io, 'readFile'>,
  files: ReferencedFiles,
): Promise<SiteCalibration> {
  const shown = `${fleetFile}: calibration '${printable(written)}'`;
  if (files.allowFiles === false && !files.readFile)
    throw new InputError(`${shown}: the fleet refers to a file, and this reading of it allows none (allowFiles: false)`, {
      code: 'FLEET_INVALID',
    });
  let bytes: Uint8Array | string;
  try {
    bytes = files.readFile
      ? await files.readFile(written)
      : await io.readFile(calibrationPathOf(fleetFile, written), MAX_CALIBRATION_BYTES, { regular: true });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${shown}: ${readProblem(error)}`, { code: 'FILE_UNREADABLE', cause: error });
  }
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return calibrationOf(json, shown, false);
}

function readProblem(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'ERR_FS_FILE_TOO_LARGE'
    ? 'more than 1 MiB: too large for a site calibration'
    : fileProblem(error);
}

/** The calibration in `json`; refused listing every problem (a file the user named) or in one line saying nothing of it (one they did not). */
async function calibrationOf(json: unknown, shown: string, named: boolean): Promise<SiteCalibration> {
  const [{ readCalibrationJson }, { modelMismatch }] = await Promise.all([
    import('../schema/calibration-schema.js'),
    import('../core/estimate/site-calibration.js'),
  ]);
  const { calibration, issues } = json === undefined ? { calibration: undefined, issues: [] } : readCalibrationJson(json);
  if (!calibration) {
    if (!named) throw new InputError(`${shown}: not a site calibration (the JSON that camsize measure … --fit writes)`);
    const lines = issues.map((issue) => formatIssue(shown, issue));
    throw new InputError(lines[0] ?? `${shown}: not a site calibration`, lines);
  }
  const mismatch = modelMismatch(calibration);
  if (mismatch)
    throw new InputError(
      `${shown}: ${named ? mismatch : 'fitted against another estimate model: fit it again with camsize measure … --fit'}`,
    );
  return calibration;
}

/**
 * A fleet file's "calibration", resolved against the fleet file's folder (the working directory for
 * standard input and a fleet given as text): a relative path that stays inside that folder.
 */
export function calibrationPathOf(fleetFile: string, written: string): string {
  const folder = fleetFile === '<stdin>' || fleetFile === '<fleet>' ? '.' : dirname(fleetFile);
  const inside = normalize(written);
  if (isAbsolute(written) || inside === '..' || inside.startsWith(`..${sep}`) || written.includes('\0'))
    throw new InputError(
      `${fleetFile}: calibration '${printable(written)}': a fleet's calibration is a path inside its folder (for a file elsewhere: --calibration FILE)`,
    );
  return join(folder, inside);
}
