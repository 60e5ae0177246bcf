/**
 * Runs camsize in this process through the Io seam (src/io/io.ts): the same
 * main() the bin calls, with stdout, stderr, stdin and the environment faked.
 * Fast (no Node start-up per case); real spawns stay for what only a process
 * shows (exit codes of the process, EPIPE, signals, TTY detection).
 */
import { writeFile } from 'node:fs/promises';
import { type Io, readFileBounded } from '../../src/io/io.js';
import { main } from '../../src/cli/main.js';

export interface InProcessResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface InProcessOptions {
  /** Standard input; when undefined stdin is a terminal (nothing piped). */
  input?: string | Buffer;
  /** The environment; a UTF-8 locale (LANG=C.UTF-8) unless it says otherwise (LANG: '' unsets it). */
  env?: Record<string, string>;
  stdoutIsTTY?: boolean;
  /** The terminal's width, when stdout is a terminal. */
  columns?: number;
  stderrIsTTY?: boolean;
}

export function fakeIo(options: InProcessOptions = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    env: { LANG: 'C.UTF-8', ...options.env },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdinIsTTY: options.input === undefined,
    terminalColumns: () => (options.stdoutIsTTY ? options.columns : undefined),
    readStdin: async () => Buffer.from(options.input ?? ''),
    stdinChunks: async function* () {
      if (options.input !== undefined) yield Buffer.from(options.input);
    },
    readFile: readFileBounded,
    writeFile: async (path, parts) => writeFile(path, parts),
  };
}

export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const io = fakeIo(options);
  const code = await main(args, io);
  return { stdout: io.out.join(''), stderr: io.err.join(''), code };
}
