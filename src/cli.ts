/**
 * The application entry: wires the real process to the shell and sets the
 * exit code. `npm run build` bundles it (with every dependency) into
 * dist/camsize.cjs, which the bin, dist/cli.js (src/loader.ts), runs from V8's
 * code cache. The shell is imported dynamically so that even a broken bundle
 * ends as an internal error, exit 3, and never as exit 1, which scripts read
 * as "the capacity check failed".
 */
import { fstatSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { Io } from './io/io.js';

const INTERNAL_ERROR = 3;

function internalError(error: unknown): void {
  const detail = error instanceof Error ? (process.env['CAMSIZE_DEBUG'] ? error.stack : error.message) : String(error);
  process.stderr.write(`camsize: internal error: ${detail}\n`);
  process.exitCode = INTERNAL_ERROR;
}

type ShellIo = typeof import('./io/io.js');

/** One run of the CLI: its exit code. The build also calls it (with a silent Io) to warm the code cache. */
export async function run(argv: readonly string[], io?: Io): Promise<number> {
  const [{ main }, shellIo] = await Promise.all([import('./cli/main.js'), import('./io/io.js')]);
  return main(argv, io ?? (await startupIo(shellIo)));
}

/**
 * The process's Io (src/io/io.ts) with two start-up costs taken out:
 * opening process.stdout, process.stdin and process.stderr loads Node's stream
 * and net modules (~8 ms, a tenth of Node's own start-up), so stdout is
 * written with writeSync (what process.stdout does for files, pipes and
 * terminals on POSIX anyway) and asked whether it is a terminal without
 * node:tty where it can be told. Everything else is the process's Io, made on
 * first use.
 */
async function startupIo(shellIo: ShellIo): Promise<Io> {
  if (process.platform === 'win32') return shellIo.processIo(); // the console wants UTF-16 writes: keep Node's stream
  let full: Io | undefined;
  const rest = () => (full ??= shellIo.processIo());
  const own: Partial<Io> = {
    stdout: (text) => writeStdout(text, shellIo),
    stdoutBytes: (bytes) => writeBytes(bytes, shellIo),
    // A closed pipe ends with process.exitCode (writeStdout): the verdict, once the command knows it.
    exitCodeIfCut: (code) => {
      process.exitCode = code;
    },
    stderr: (text) => rest().stderr(text), // handed to commander up front, written to only on a problem
    env: process.env,
    stdoutIsTTY: await isTerminal(1),
  };
  return new Proxy(own as Io, {
    get: (target, key) => {
      if (key in target) return target[key as keyof Io];
      if (key === 'then') return undefined; // not a thenable: awaiting the Io must not make the rest
      return rest()[key as keyof Io];
    },
  });
}

/** isatty(fd): only a character device can be a terminal, and /dev/null (where benchmarks write) never is. */
async function isTerminal(fd: number): Promise<boolean> {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false; // a closed descriptor
  }
  return (await import('node:tty')).isatty(fd);
}

/** Bytes per write: the text is encoded a slice at a time, so a large report is never held twice. */
const WRITE_CHUNK = 1 << 20;

/**
 * Writes all of `text` to fd 1. A closed pipe (`camsize … | head -1`) is a
 * normal way for a reader to stop: end quietly. Any other failed write (a full
 * disk) is an I/O error, exit 2, worded as src/io/io.ts words it.
 */
function writeStdout(text: string, shellIo: ShellIo): void {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + WRITE_CHUNK);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++; // never split a surrogate pair
    writeBytes(Buffer.from(text.slice(from, to), 'utf8'), shellIo);
    from = to;
  }
}

/** Writes all of `bytes` to fd 1 (a report's text written as bytes: render/json-text.ts), as writeStdout does. */
function writeBytes(bytes: Uint8Array, { OutputError, writeProblem }: ShellIo): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at, bytes.length - at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw new OutputError(`cannot write output: ${writeProblem(error)}`, error);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // a non-blocking descriptor is full: wait 1 ms
    }
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAll(paths: Iterable<string>): void {
  for (const path of paths) {
    try {
      unlinkSync(path);
    } catch {
      // gone already, or never made
    }
  }
}

/** While `-o FILE` writes its temporary file, a signal removes it before the process ends by that signal. */
function onSignal(this: Set<string>, signal: NodeJS.Signals): void {
  removeAll(this);
  for (const s of SIGNALS) process.removeAllListeners(s);
  process.kill(process.pid, signal);
}

let signalHandler: ((signal: NodeJS.Signals) => void) | undefined;

function guardTemporaries(pending: Set<string>, writing: boolean): void {
  if (writing) {
    signalHandler = onSignal.bind(pending);
    for (const s of SIGNALS) process.on(s, signalHandler);
  } else if (signalHandler) {
    for (const s of SIGNALS) process.off(s, signalHandler);
    signalHandler = undefined;
  }
}

/** The process's run: exit codes, a closed pipe, and errors nothing else caught. */
export async function start(): Promise<void> {
  if (process.platform === 'win32') {
    // Node's stream reports a failed write here: a closed pipe ends quietly, anything else is exit 2.
    const { writeProblem } = await import('./io/io.js');
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (process.exitCode !== 2) process.stderr.write(`camsize: cannot write output: ${writeProblem(error)}\n`);
      process.exit(2);
    });
  }
  const { temporaries } = await import('./io/io.js');
  temporaries.watch = (writing) => guardTemporaries(temporaries.pending, writing);
  process.on('uncaughtException', (error) => {
    internalError(error);
    process.exit(INTERNAL_ERROR);
  });
  process.on('exit', () => removeAll(temporaries.pending));
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    internalError(error);
  }
}
