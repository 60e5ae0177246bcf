/** Reads the fleet file an operand names (or standard input) and checks it into the fleet model. */
import { InputError, UsageError } from '../core/diagnostics/errors.js';
import type { Catalog } from '../core/model/catalog.js';
import type { EstimateAt, Fleet } from '../core/model/fleet.js';
import { fileProblem, MAX_FLEET_BYTES, TOO_LARGE } from './file-problem.js';
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
    throw new InputError(`${operand}: ${fileProblem(error)}`, { code: 'FILE_UNREADABLE', cause: error, file: operand });
  }
  if (bytes.length > MAX_FLEET_BYTES) throw new InputError(`${operand}: ${TOO_LARGE}`, { code: 'FILE_UNREADABLE', file: operand });
  return { name: operand, bytes };
}

async function readBounded(chunks: AsyncIterable<Buffer>, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_FLEET_BYTES) throw new InputError(`${name}: ${TOO_LARGE}`, { code: 'FILE_UNREADABLE', file: name });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/**
 * `calibration`: --calibration FILE, which replaces the fleet file's own "calibration";
 * `estimateAt`: --estimate-at, the point of their ranges estimated groups take.
 */
export async function fleetFromOperand(
  operand: string | undefined,
  io: Io,
  catalog: Catalog,
  calibration?: string,
  estimateAt?: EstimateAt,
): Promise<Fleet> {
  const input = await readFleetInput(operand, io);
  const { loadFleet } = await import('./fleet-load.js'); // off the start-up path of --preset runs
  try {
    return await loadFleet(
      input.bytes,
      input.name,
      catalog,
      { ...(calibration === undefined ? {} : { override: calibration }), io },
      estimateAt,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Another kind of file (an inventory, measurements, a calibration …): one line saying which option takes it,
    // instead of where it breaks as a fleet file.
    const { otherFileKind } = await import('../core/input/file-kind.js');
    const kind = otherFileKind(input.name, input.bytes);
    if (kind === undefined) throw error;
    throw new UsageError(`${input.name}: ${kind}`, { code: 'FLEET_SYNTAX', cause: error, file: input.name });
  }
}
