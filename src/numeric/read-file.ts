/**
 * Reading an input file: a regular file only (a FIFO, a device such as /dev/zero, a folder or a
 * socket is refused before it is opened, so nothing blocks or reads forever), and at most `maxBytes`
 * (256 MiB by default), checked before it is read. The error's message says which rule failed; callers
 * wrap it in their own error naming the function or flag.
 */
import { readFileSync, statSync } from 'node:fs';

/** The default bound on an input file's size. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const KINDS: [string, (s: ReturnType<typeof statSync>) => boolean][] = [
  ['a folder', (s) => s?.isDirectory() === true],
  ['a FIFO', (s) => s?.isFIFO() === true],
  ['a character device', (s) => s?.isCharacterDevice() === true],
  ['a block device', (s) => s?.isBlockDevice() === true],
  ['a socket', (s) => s?.isSocket() === true],
];

/** The text of a regular file of at most `maxBytes` bytes; throws an Error (with `code` from the system where it failed there). */
export function readRegularFile(path: string, maxBytes = MAX_INPUT_BYTES): string {
  const st = statSync(path);
  if (!st.isFile()) {
    const kind = KINDS.find(([, is]) => is(st))?.[0] ?? 'not a regular file';
    throw new Error(`${kind}, not a regular file`);
  }
  if (st.size > maxBytes) throw new Error(`${st.size} bytes, more than the ${maxBytes} bytes an input file may have`);
  return readFileSync(path, 'utf8');
}
