/**
 * Files the CLI writes: checked before any work starts, and written durably (a temporary file,
 * fsync, rename, then fsync of the folder), so an interruption never leaves a torn file and a
 * finished write survives a crash.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkAccounting, type DocumentAccounting } from '../claims/documents/accounting.js';
import { readRegularFile } from '../numeric/read-file.js';
import { CliError } from './args.js';

export { removeStaleTemp, SaveError, writeFileDurable } from '../claims/durable.js';

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0];

/** Whether a file can be created in `dir`: a probe file, removed at once (throws the system's error). */
function probeWritable(dir: string): void {
  const probe = join(dir, `.gan-verify-probe-${process.pid}`);
  closeSync(openSync(probe, 'w'));
  rmSync(probe);
}

/**
 * Creates a folder and its missing parents one level at a time (Node's recursive mkdir can loop
 * forever under /proc, where a missing entry reports EEXIST and ENOENT in turn); throws the system's
 * error at the first level that cannot be made.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  while (!existsSync(d)) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  if (existsSync(d) && !statSync(d).isDirectory()) throw Object.assign(new Error(`${d} is not a folder`), { code: 'ENOTDIR' });
  for (const m of missing.reverse()) mkdirSync(m);
}

/** A folder the command reads: it must exist and be a folder, else one line naming `what` (the flag and its value). */
export function existingDir(cmd: string, what: string, dir: string, hint: string): void {
  if (!existsSync(dir)) throw new CliError(`${cmd}: ${what} does not exist`);
  if (!statSync(dir).isDirectory()) throw new CliError(`${cmd}: ${what} is a file; ${hint}`);
}

/** A folder the command will write into: created now, or a one-line error naming the flag. */
export function ensureOutputDir(cmd: string, flag: string, dir: string): void {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CliError(`${cmd}: ${flag} ${JSON.stringify(dir)} exists and is not a folder`);
    makeDirs(dir);
    probeWritable(dir);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${cmd}: ${flag} ${JSON.stringify(dir)} cannot be written (${reason(e)})`);
  }
}

/** A file the command will write at the end: its folder must exist and be writable now. */
export function ensureOutputFile(cmd: string, flag: string, file: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw new CliError(`${cmd}: ${flag} ${JSON.stringify(file)} is a folder, not a file`);
  const dir = dirname(file);
  try {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error('ENOENT: its folder does not exist');
    probeWritable(dir);
  } catch (e) {
    throw new CliError(`${cmd}: ${flag} ${JSON.stringify(file)} cannot be written (${reason(e)})`);
  }
}

/** A document the command reads: a regular text file, or one line naming the flag and why not. */
export function readTextDocument(cmd: string, flag: string, path: string): string {
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (e) {
    const x = e as NodeJS.ErrnoException;
    throw new CliError(`${cmd}: ${flag} ${JSON.stringify(path)} cannot be read (${x.code === 'ENOENT' ? 'it does not exist' : (x.code ?? x.message)})`);
  }
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    throw new CliError(`${cmd}: ${flag} ${JSON.stringify(path)} is not a UTF-8 text document (binary content)`);
  if (text.trim() === '') throw new CliError(`${cmd}: ${flag} ${JSON.stringify(path)} is empty: there is no sentence to account for`);
  return text;
}

/** An --accounting file, parsed and checked whole before any work; one line naming the flag and the problem otherwise. */
export function readAccountingFile(cmd: string, file: string): DocumentAccounting {
  let raw: unknown;
  try {
    raw = JSON.parse(readRegularFile(file));
  } catch (e) {
    throw new CliError(
      `${cmd}: --accounting ${JSON.stringify(file)} is not readable JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]})`,
    );
  }
  try {
    return checkAccounting(raw, file);
  } catch (e) {
    throw new CliError(`${cmd}: ${(e as Error).message}`);
  }
}
