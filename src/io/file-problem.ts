/** Why a file could not be read, in words; and how large a fleet file may be. */

/**
 * A fleet file is a network's topology, read whole; far beyond any real one
 * it is something else (a camera list piped in without --inventory, /dev/zero),
 * refused before it exhausts memory.
 */
export const MAX_FLEET_BYTES = 256 * 1024 * 1024;
export const TOO_LARGE =
  'more than 256 MiB: too large for a fleet file (a list of cameras is an inventory: --inventory FILE, which is streamed)';

/** Why a file could not be read, in words. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a file: a part of the path is not a directory';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENOTREG') return 'not a regular file (a device, a pipe or a socket)';
  if (code === 'ERR_FS_FILE_TOO_LARGE') return TOO_LARGE;
  return (error as Error).message;
}
