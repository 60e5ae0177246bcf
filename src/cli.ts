#!/usr/bin/env node
/**
 * Entry point: wires the real process to the shell and sets the exit code.
 * The shell is imported dynamically so that even a broken install (a missing
 * dependency) ends as an internal error, exit 3, and never as exit 1, which
 * scripts read as "the capacity check failed".
 */
const INTERNAL_ERROR = 3;

function internalError(error: unknown): void {
  const detail = error instanceof Error ? (process.env['CAMSIZE_DEBUG'] ? error.stack : error.message) : String(error);
  process.stderr.write(`camsize: internal error: ${detail}\n`);
  process.exitCode = INTERNAL_ERROR;
}

// A closed pipe (`camsize … | head -1`) is a normal way for a reader to stop: end quietly.
// Any other failed write (a full disk) is an I/O error, exit 2 (shell/io.ts says the same for sync writes).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (process.exitCode !== 2)
    process.stderr.write(`camsize: cannot write output: ${error.code === 'ENOSPC' ? 'no space left on device' : error.message}\n`);
  process.exit(2);
});
process.on('uncaughtException', (error) => {
  internalError(error);
  process.exit(INTERNAL_ERROR);
});

try {
  const [{ main }, { processIo }] = await Promise.all([import('./shell/main.js'), import('./shell/io.js')]);
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  internalError(error);
}
