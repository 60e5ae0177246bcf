/** Everything the shell touches outside the process, in one object so tests can fake it. */

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  readStdin(): Promise<string>;
  /** Standard input as it arrives, in chunks of bytes (an inventory is streamed, never held). */
  stdinChunks(): AsyncIterable<Buffer>;
  readFile(path: string): Promise<string>;
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinChunks: () => process.stdin as AsyncIterable<Buffer>,
    readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
  };
}
