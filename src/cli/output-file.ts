/**
 * `-o FILE` / `--output FILE`: what a command prints on standard output goes
 * to FILE instead, written whole once the command has finished (a capacity
 * check that fails still writes its report; an error, exit 2, writes nothing).
 * `-o -` is standard output. The file is not a terminal: no colour, no fitting.
 */
import { UsageError } from '../core/diagnostics/errors.js';
import { type Io, OutputError, writeProblem } from '../io/io.js';

export interface OutputTarget {
  /** The Io a command runs with: stdout collected for the file, or the process's own. */
  readonly io: Io;
  /** Writes the collected output to the file (nothing to do for stdout). */
  flush(): Promise<void>;
}

export function outputTarget(io: Io, path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') return { io, flush: async () => {} };
  if (path.trim() === '') throw new UsageError('--output needs a file name (or - for standard output)');
  const chunks: string[] = [];
  // Object.create keeps every other member of the Io (the bin's Io makes them on first use).
  const collecting: Io = Object.create(io, {
    stdout: { value: (text: string) => void chunks.push(text) },
    // Never the process's own: bytes would go past the file to standard output.
    stdoutBytes: { value: undefined },
    stdoutIsTTY: { value: false },
    terminalColumns: { value: () => undefined },
  });
  return {
    io: collecting,
    flush: async () => {
      try {
        await io.writeFile(path, chunks); // in parts: a long report (--json, CSV) is never joined into one string
      } catch (error) {
        throw new OutputError(`cannot write ${path}: ${writeProblem(error)}`, error);
      }
    },
  };
}
