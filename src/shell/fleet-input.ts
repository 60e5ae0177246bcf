/** Reads the fleet file an operand names (or standard input) and checks it into the fleet model. */
import { InputError, UsageError } from '../core/diagnostics/errors.js';
import type { Catalog } from '../core/model/catalog.js';
import type { Fleet } from '../core/model/fleet.js';
import type { Io } from './io.js';

/** The fleet file named by the operand, or standard input for '-' or a pipe. */
export async function readFleetInput(operand: string | undefined, io: Io): Promise<{ name: string; bytes: Buffer }> {
  if (operand === undefined && io.stdinIsTTY) {
    throw new UsageError('nothing to size: give a fleet file, pipe one in, or use --preset ID --count N or --camera ID=N');
  }
  if (operand === undefined || operand === '-') {
    const bytes = await readBounded(io.stdinChunks(), '<stdin>');
    if (operand === undefined && bytes.toString('latin1').trim() === '') {
      throw new UsageError('nothing to size: standard input is empty; give a fleet file, or --preset ID --count N or --camera ID=N');
    }
    return { name: '<stdin>', bytes };
  }
  let bytes: Buffer;
  try {
    bytes = await io.readFile(operand, MAX_FLEET_BYTES);
  } catch (error) {
    throw new InputError(`${operand}: ${fileProblem(error)}`);
  }
  if (bytes.length > MAX_FLEET_BYTES) throw new InputError(`${operand}: ${TOO_LARGE}`);
  return { name: operand, bytes };
}

/**
 * A fleet file is a network's topology, read whole; far beyond any real one
 * it is something else (a camera list piped in without --inventory, /dev/zero),
 * refused before it exhausts memory.
 */
export const MAX_FLEET_BYTES = 256 * 1024 * 1024;
const TOO_LARGE = 'more than 256 MiB: too large for a fleet file (a list of cameras is an inventory: --inventory FILE, which is streamed)';

async function readBounded(chunks: AsyncIterable<Buffer>, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_FLEET_BYTES) throw new InputError(`${name}: ${TOO_LARGE}`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Why a file could not be read, in words. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a file: a part of the path is not a directory';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ERR_FS_FILE_TOO_LARGE') return TOO_LARGE;
  return (error as Error).message;
}

/** `calibration`: --calibration FILE, which replaces the fleet file's own "calibration". */
export async function fleetFromOperand(operand: string | undefined, io: Io, catalog: Catalog, calibration?: string): Promise<Fleet> {
  const input = await readFleetInput(operand, io);
  const { loadFleet } = await import('./fleet-load.js'); // off the start-up path of --preset runs
  try {
    return await loadFleet(input.bytes, input.name, catalog, { ...(calibration === undefined ? {} : { override: calibration }), io });
  } catch (error) {
    const kind = INVENTORY_NAME.exec(input.name)?.[1];
    if (!(error instanceof InputError) || kind === undefined) throw error;
    // A CSV or NDJSON file is a camera inventory, never a fleet file: say how to size it instead of where its JSON breaks.
    throw new UsageError(
      `${input.name}: a fleet file is JSON; a .${kind.toLowerCase()} file is a camera inventory: size it with --inventory ${input.name}`,
    );
  }
}

/** File names of inventories (see shell/inventory/load.ts), which the fleet operand is not. */
const INVENTORY_NAME = /\.(csv|ndjson|jsonl)(?:\.gz)?$/i;
