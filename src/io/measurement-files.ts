/**
 * Measurement files as camsize reads them: a recording (probed with FFmpeg's
 * ffprobe), a saved ffprobe JSON, a measurements CSV, or a saved Frigate API
 * answer. Used by `camsize measure` and by `--measured` (the library's too).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { InputError, withCode } from '../core/diagnostics/errors.js';
import type { Measurement } from '../core/measure/measurement.js';
import type { Io } from './io.js';

/** FFmpeg's prober; CAMSIZE_FFPROBE points at another binary (tests use it to make ffprobe missing). */
const FFPROBE_ARGS = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
const FFPROBE_TIMEOUT_MS = 60_000;

export const MISSING_FFPROBE =
  "ffprobe (FFmpeg) is not installed or not on PATH: install it (Debian/Ubuntu: 'apt-get install ffmpeg') to measure recordings";

/**
 * ffprobe opens what it is given as a URL: `2026-12-01T10:00:00.mp4` is a protocol it does not know,
 * `http:x.mp4` is fetched, and `-report` is an option. A recording is a file: `file:` and its absolute path.
 */
export function ffprobeInput(file: string): string {
  return `file:${resolve(file)}`;
}

function probe(file: string, io: Io): Promise<unknown> {
  const bin = io.env['CAMSIZE_FFPROBE'] || 'ffprobe';
  return new Promise((resolve, reject) => {
    const input = ffprobeInput(file);
    execFile(bin, [...FFPROBE_ARGS, input], { maxBuffer: 16 * 1024 * 1024, timeout: FFPROBE_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new InputError(MISSING_FFPROBE, { code: 'MISSING_PROGRAM', cause: error }));
      }
      if (error) {
        const why = String(stderr).trim().split('\n').pop() || error.message;
        const own = why.startsWith(`${input}: `) ? why.slice(input.length + 2) : why;
        return reject(new InputError(`${file}: ffprobe cannot read it: ${own}`));
      }
      try {
        resolve(JSON.parse(String(stdout)));
      } catch {
        reject(new InputError(`${file}: ffprobe gave output that is not JSON`));
      }
    });
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Measurement files are read whole; past this (a device, a wrong file) they are refused before they exhaust memory. */
export const MAX_MEASUREMENT_BYTES = 256 * 1024 * 1024;

async function readText(file: string, io: Io): Promise<string> {
  try {
    return (await io.readFile(file, MAX_MEASUREMENT_BYTES)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const details = { code: 'FILE_UNREADABLE', cause: error, file } as const;
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new InputError(`${file}: larger than 256 MiB, too large for a measurements file`, details);
    throw new InputError(`${file}: cannot read it (${code ?? 'error'})`, details);
  }
}

async function readJson(file: string, io: Io): Promise<unknown> {
  const text = await readText(file, io);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** One file's measurements, by what the file is: CSV and JSON by extension, anything else a recording. */
export async function readMeasurements(file: string, io: Io): Promise<Measurement[]> {
  try {
    return await measurementsOf(file, io);
  } catch (error) {
    throw withCode(error, 'MEASUREMENT_INVALID', { file });
  }
}

async function measurementsOf(file: string, io: Io): Promise<Measurement[]> {
  const [{ measurementsFromCsv }, { measurementFromFfprobe }, { measurementsFromFrigate, isFrigateJson }] = await Promise.all([
    import('../core/measure/csv.js'),
    import('../core/measure/ffprobe.js'),
    import('../core/measure/frigate.js'),
  ]);
  if (/\.csv$/i.test(file)) {
    return measurementsFromCsv(await readText(file, io), file);
  }
  if (/\.json$/i.test(file)) {
    const json = await readJson(file, io);
    if (isFrigateJson(json)) return measurementsFromFrigate(json, file);
    if (isObject(json) && 'format' in json) return [measurementFromFfprobe(json, file)];
    throw new InputError(`${file}: neither a saved ffprobe JSON nor Frigate's /api/stats or /api/recordings/storage`);
  }
  return [measurementFromFfprobe(await probe(file, io), file)];
}
