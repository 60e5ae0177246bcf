/** Everything camsize touches outside the process (files, stdin, stdout), in one object so tests can fake it: the command line and the library's file readers both read through it. */
import { CamsizeError } from '../core/diagnostics/errors.js';

export interface Io {
  stdout(text: string): void;
  /**
   * UTF-8 bytes to standard output as they are, for an Io that can take them (the bin's): a long report
   * written as bytes (render/json-text.ts) is then never decoded into a string and encoded again. The
   * bytes are the caller's again once this returns. Without it, callers decode them and call stdout.
   */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /**
   * The exit code the command ends with, told before its output is written: a reader that goes away
   * mid-output (a closed pipe ends quietly) must not turn a failed check into success. Optional: an
   * Io that cannot lose its reader (a test's, -o FILE's) ignores it.
   */
  exitCodeIfCut?(code: number): void;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** The terminal's width in columns when stdout is a terminal; asked only when a table is drawn (it opens stdout). */
  terminalColumns(): number | undefined;
  /** All of standard input, as bytes (a fleet file is decoded strictly as UTF-8 by its reader). */
  readStdin(): Promise<Buffer>;
  /** Standard input as it arrives, in chunks of bytes (an inventory is streamed, never held). */
  stdinChunks(): AsyncIterable<Buffer>;
  /**
   * A file's bytes; with maxBytes, an error (code ERR_FS_FILE_TOO_LARGE) past that many, read or not (/dev/zero never ends);
   * with `regular`, an error (code ENOTREG) for anything but a regular file, opened without waiting (a FIFO never blocks).
   */
  readFile(path: string, maxBytes?: number, options?: { regular?: boolean }): Promise<Buffer>;
  /**
   * Writes a whole file (--output): to a temporary name beside it, then renamed, so readers never see half of it.
   * The text comes in parts, written in order and never joined: a JSON report can be longer than a string can be.
   */
  writeFile(path: string, parts: readonly string[]): Promise<void>;
}

/** Reads a file, refusing it once more than `maxBytes` have come: readFile alone would read /dev/zero until memory runs out. */
export async function readFileBounded(path: string, maxBytes?: number, options: { regular?: boolean } = {}): Promise<Buffer> {
  const fs = await import('node:fs/promises');
  if (maxBytes === undefined && !options.regular) return fs.readFile(path);
  const { constants } = await import('node:fs');
  const handle = await fs.open(path, options.regular ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  try {
    const stat = await handle.stat();
    if (options.regular && !stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    // A regular file already over the limit is refused from its size: reading 256 MiB only to refuse cost ~0.5 s and 300 MB.
    if (stat.isFile() && maxBytes !== undefined && stat.size > maxBytes) throw tooLarge(maxBytes);
    const parts: Buffer[] = [];
    let size = 0;
    if (stat.isFile()) {
      // A file's size is known: one buffer (a byte more, to see it grew), no parts joined (a 42 MB fleet file copied once less).
      const whole = Buffer.allocUnsafe(stat.size + 1);
      for (let read = -1; read !== 0 && size < whole.length; size += read)
        ({ bytesRead: read } = await handle.read(whole, size, whole.length - size, null));
      if (size < whole.length) return whole.subarray(0, size);
      parts.push(whole);
      if (maxBytes !== undefined && size > maxBytes) throw tooLarge(maxBytes);
    }
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(1 << 20), 0, 1 << 20, null);
      if (bytesRead === 0) return Buffer.concat(parts, size);
      size += bytesRead;
      if (maxBytes !== undefined && size > maxBytes) throw tooLarge(maxBytes);
      parts.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

function tooLarge(maxBytes: number): Error {
  return Object.assign(new Error(`more than ${maxBytes} bytes`), { code: 'ERR_FS_FILE_TOO_LARGE' });
}

/** Why output could not be written, in words, for "camsize: cannot write output: …" (exit 2). */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EFBIG') return 'file too large';
  if (code === 'EIO') return 'input/output error';
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EROFS') return 'read-only file system';
  return (error as Error).message;
}

/** A write failed (a full disk, a quota): an I/O error, exit 2, not a bug; and not an input error (code 'OUTPUT'). */
export class OutputError extends CamsizeError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'OUTPUT', cause });
    this.name = 'OutputError';
  }
}

function writeStdout(text: string): void {
  try {
    process.stdout.write(text);
  } catch (error) {
    // Files and /dev/full are written synchronously and throw here; pipes report through 'error' (see cli.ts).
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw new OutputError(`cannot write output: ${writeProblem(error)}`, error);
  }
}

let stderrGuarded = false;

/**
 * Diagnostics to fd 2. A closed stderr (`camsize … 2>&1 >/dev/null | true`) leaves them nowhere to
 * go, and that is no bug: the run ends with the exit code its command decided (2 for a usage or input
 * error), never as an internal error (3). Node reports a failed write to a pipe by an 'error' event.
 */
function writeStderr(text: string): void {
  if (!stderrGuarded) {
    stderrGuarded = true;
    process.stderr.on('error', () => {});
  }
  try {
    process.stderr.write(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

export function processIo(): Io {
  return {
    stdout: writeStdout,
    exitCodeIfCut: (code) => {
      process.exitCode = code; // what the 'error' handler for a closed pipe exits with (cli.ts)
    },
    stderr: writeStderr,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    terminalColumns: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinChunks: () => process.stdin as AsyncIterable<Buffer>,
    readFile: readFileBounded,
    writeFile: (path, parts) => writeWhole(path, parts),
  };
}

/**
 * Temporary files being written now. The process's entry (cli.ts) watches them: while there are any it
 * removes them when a signal ends the process (only then, so that Ctrl-C stops a long sizing at once).
 */
export const temporaries: { readonly pending: Set<string>; watch?: (writing: boolean) => void } = { pending: new Set() };

function track(temporary: string, writing: boolean): void {
  const was = temporaries.pending.size > 0;
  if (writing) temporaries.pending.add(temporary);
  else temporaries.pending.delete(temporary);
  if (was !== temporaries.pending.size > 0) temporaries.watch?.(!was);
}

/**
 * A regular file (or a new one) is written under a temporary name beside it
 * and renamed over it, keeping its mode, so a reader (a web server, a cron
 * job) never sees half a report; anything else (/dev/stdout, a FIFO) is
 * written as it is. The temporary name is unpredictable and created
 * exclusively (O_EXCL: never through a link planted there, never an existing
 * file), its mode set on the open file, and it is removed on every way out:
 * an error here, a signal (cli.ts).
 */
async function writeWhole(path: string, parts: readonly string[]): Promise<void> {
  const { rename, rm, stat, writeFile } = await import('node:fs/promises');
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) return writeFile(path, parts);
  const { temporary, handle } = await createTemporary(path);
  try {
    try {
      if (existing) await handle.chmod(existing.mode & 0o7777);
      for (const part of parts) await handle.write(part);
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    track(temporary, false);
  }
}

/** `.NAME.RANDOM.tmp` beside `path`, created exclusively (a name taken already is tried again with another). */
async function createTemporary(path: string) {
  const [{ open }, { randomBytes }, { basename, dirname, join }] = await Promise.all([
    import('node:fs/promises'),
    import('node:crypto'),
    import('node:path'),
  ]);
  for (let attempt = 0; ; attempt++) {
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`);
    try {
      track(temporary, true);
      return { temporary, handle: await open(temporary, 'wx', 0o666) };
    } catch (error) {
      track(temporary, false);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw error;
    }
  }
}
