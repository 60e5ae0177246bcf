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
    const bytes = await io.readStdin();
    if (operand === undefined && bytes.toString('latin1').trim() === '') {
      throw new UsageError('nothing to size: standard input is empty; give a fleet file, or --preset ID --count N or --camera ID=N');
    }
    return { name: '<stdin>', bytes };
  }
  try {
    return { name: operand, bytes: await io.readFile(operand) };
  } catch (error) {
    throw new InputError(`${operand}: ${fileProblem(error)}`);
  }
}

/** Why a file could not be read, in words. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

export async function fleetFromOperand(operand: string | undefined, io: Io, catalog: Catalog): Promise<Fleet> {
  const input = await readFleetInput(operand, io);
  const { parseFleet } = await import('../api/fleet.js'); // off the start-up path of --preset runs
  try {
    return await parseFleet(input.bytes, { file: input.name, catalog });
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
