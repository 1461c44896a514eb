/**
 * Durable file writes for everything gan-verify saves (checkpoints, logs, sweep units, summaries,
 * reports). A write goes to `PATH.tmp`, every byte is written (short writes are continued, as
 * `write(2)` may return fewer bytes than asked near a full disk), the file is fsynced, renamed over
 * PATH, and the folder fsynced. Any failure removes the temporary file, leaves the previous PATH
 * exactly as it was, and throws {@link SaveError} naming the file and the system's reason: a full
 * disk never replaces a good file by a truncated one.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** A file that could not be saved; the previous file at `path` (if any) is untouched. */
export class SaveError extends Error {
  override readonly name = 'SaveError';
  constructor(
    /** The file that was not saved. */
    readonly path: string,
    /** The system's error code (ENOSPC, EACCES, …) or message. */
    readonly reason: string,
    /** Whether a previous version of the file exists (and was kept). */
    readonly kept: boolean,
  ) {
    super(`could not save ${path} (${reason})${kept ? '; its previous version is kept' : ''}`);
  }
}

const reasonOf = (e: unknown): string => {
  const x = e as NodeJS.ErrnoException;
  if (x.code === 'ENOSPC') return 'ENOSPC: no space left on device';
  if (x.code === 'EDQUOT') return 'EDQUOT: disk quota exceeded';
  return x.code ?? String((e as Error).message).split('\n')[0] ?? 'unknown error';
};

/** Writes every byte of `buf` to `fd`, continuing after short writes; throws the system's error. */
function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) {
    const n = writeSync(fd, buf, off, buf.length - off);
    // a write that makes no progress would loop forever: treat it as a full disk
    if (!(n > 0)) throw Object.assign(new Error('write returned 0 bytes'), { code: 'ENOSPC' });
    off += n;
  }
}

/** Writes `data` to `path` durably (see the module note); throws {@link SaveError} and keeps the old file on failure. */
export function writeFileDurable(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp`;
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const kept = existsSync(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeAll(fd, buf);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the close error adds nothing to the first one
      }
    }
    rmSync(tmp, { force: true });
    throw new SaveError(path, reasonOf(e), kept);
  }
  try {
    const dfd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // some file systems cannot fsync a folder; the rename itself is atomic
  }
}

/** Copies a file durably (read whole, then {@link writeFileDurable}). */
export function copyFileDurable(from: string, to: string): void {
  writeFileDurable(to, readFileSync(from));
}

/** Removes a temporary file left by an interrupted durable write. */
export function removeStaleTemp(path: string): void {
  rmSync(`${path}.tmp`, { force: true });
}
