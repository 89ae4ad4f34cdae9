import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * The one way the gate reads a file from disk: only a regular file (whether named directly or through a symbolic
 * link), never more than a cap. A FIFO, socket or device file (`/dev/zero`, `/dev/stdin`) would block the run or
 * read without end, so it is refused with the reason. The file is opened with O_NONBLOCK, so opening a FIFO does
 * not wait for a writer, and its type is taken from the opened descriptor (`fstat`), so a path swapped between a
 * check and the open cannot slip a device in.
 */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
  constructor(
    /** Why, in words: `a FIFO (named pipe), not a regular file`, `permission denied`. */
    readonly reason: string,
    /** The errno code when the system refused it (`ENOENT`, `EACCES`); none when it is not a regular file. */
    readonly code?: string
  ) {
    super(reason);
  }

  /** Nothing is there (or a path component is not a directory): for files the gate only looks for. */
  get missing(): boolean {
    return this.code === 'ENOENT' || this.code === 'ENOTDIR';
  }
}

/** What is at a path that is not a regular file, in words; undefined for a regular file. */
export function notRegularFile(
  stats: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>
): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (stats.isSocket()) return 'a socket, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device file, not a regular file';
  return 'not a regular file';
}

/** Why a file or directory could not be read, from its error code, in words. */
export function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot read (${code ?? 'unknown error'})`;
  }
}

/**
 * Opens `abs` for reading when it is a regular file; the caller closes the descriptor. Throws UnreadableFile.
 */
export function openRegularFile(abs: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A socket cannot be opened at all (ENXIO): say what it is.
    const kind = code === 'ENXIO' ? kindAt(abs) : undefined;
    if (kind !== undefined) throw new UnreadableFile(kind);
    throw new UnreadableFile(readFailure(code), code);
  }
  try {
    const stats = fstatSync(fd);
    const why = notRegularFile(stats);
    if (why !== undefined) throw new UnreadableFile(why, why === 'is a directory' ? 'EISDIR' : undefined);
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(readFailure((error as NodeJS.ErrnoException).code), (error as NodeJS.ErrnoException).code);
  }
}

function kindAt(abs: string): string | undefined {
  try {
    return notRegularFile(statSync(abs));
  } catch {
    return undefined;
  }
}

interface BoundedRead {
  /** At most the cap's bytes. */
  bytes: Buffer;
  /** The file holds more than the cap: `bytes` is its beginning only. */
  overCap: boolean;
}

/** Up to `maxBytes` of the regular file at `abs`; throws UnreadableFile (see openRegularFile). */
export function readRegularFile(abs: string, maxBytes: number): BoundedRead {
  const { fd, size } = openRegularFile(abs);
  try {
    // One byte past the cap tells a file over it. fstat's size only sizes the first buffer: a file may grow.
    let bytes = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      if (filled === bytes.length) {
        if (filled > maxBytes) return { bytes: bytes.subarray(0, maxBytes), overCap: true };
        const larger = Buffer.allocUnsafe(Math.min(bytes.length * 2, maxBytes + 1));
        bytes.copy(larger, 0, 0, filled);
        bytes = larger;
      }
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) return { bytes: bytes.subarray(0, filled), overCap: false };
      filled += n;
    }
  } catch (error) {
    throw new UnreadableFile(readFailure((error as NodeJS.ErrnoException).code), (error as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

/** A byte count for messages: `4 MB`, `512 KB`. */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
