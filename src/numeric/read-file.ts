/**
 * Every input file the toolkit reads goes through here, and nothing in the math reads files.
 *
 * {@link readRegularFile}: a regular file only (a FIFO, a device such as /dev/zero, a folder or a
 * socket is refused before it is opened, so nothing blocks or reads forever), and at most `maxBytes`
 * (256 MiB by default), checked before it is read. The error's message says which rule failed; callers
 * wrap it in their own error naming the function or flag. {@link readSampleFile} reads samples with it,
 * and {@link parseDistribution} takes a spec or, failing that, the path of a sample file.
 */
import { readFileSync, statSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { parseDistributionSpec, NUMBER } from './distributions/spec.js';
import type { Distribution, SampleSet } from './distributions/types.js';
import { NumericError, showValue } from './errors.js';

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

/**
 * Reads a distribution spec (see {@link parseDistributionSpec}: `normal:MU,SIGMA`, `uniform:A,B`,
 * `mixture:W:MU:SIGMA,…`, `categorical:X:W,…`, `ring8`, `grid25`) or else the path of a file of samples
 * (see {@link readSampleFile}). `arg` names the option in errors.
 */
export function parseDistribution(spec: string, fn = 'parseDistribution', arg = 'spec'): Distribution | SampleSet {
  return parseDistributionSpec(spec, fn, arg) ?? readSampleFile(spec.trim(), fn, arg);
}

/**
 * Reads a file of samples: one number or one `x,y` pair per line, as CSV (read by d3-dsv, so quoted
 * fields work) or separated by spaces; an optional header line (`x` or `x,y`, any names) and `#`
 * comments are skipped.
 */
export function readSampleFile(path: string, fn = 'readSampleFile', arg = 'path'): SampleSet {
  fn = String(fn);
  arg = String(arg);
  // a number would be read as a file descriptor (0 is stdin): only a path string is a file here
  if (typeof path !== 'string' || path === '') throw new NumericError(fn, arg, `must be the path of a sample file; got ${showValue(path)}`);
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '' : ` (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    throw new NumericError(
      fn,
      arg,
      'is neither a distribution (normal:MU,SIGMA, uniform:A,B, mixture:W:MU:SIGMA,…, categorical:X:W,…, ring8[:R,SIGMA], grid25[:S,SIGMA]) ' +
        `nor a readable sample file${why}; got ` +
        `${showValue(path)}`,
    );
  }
  // one pass over the lines, no object per line: a file of 10⁶ samples is read in a fraction of a second
  const values: number[] = [];
  let dim: 1 | 2 | undefined;
  let first = true;
  let start = 0;
  for (let i = 0; start <= text.length; i++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    const hash = line.indexOf('#');
    if (hash !== -1) line = line.slice(0, hash);
    line = line.trim();
    if (line === '') continue;
    const cells = /[,"]/.test(line) ? (csvParseRows(line)[0] ?? []).map((c) => c.trim()) : /\s/.test(line) ? line.split(/\s+/) : [line];
    // a header: a first row none of whose cells is a number
    if (first) {
      first = false;
      if (cells.every((c) => !NUMBER.test(c)) && cells.length <= 2) continue;
    }
    const d = cells.length;
    if (d !== 1 && d !== 2)
      throw new NumericError(fn, arg, `file ${showValue(path)} line ${i + 1} must hold one number or an x,y pair; got ${showValue(line)}`);
    if (dim === undefined) dim = d;
    else if (d !== dim)
      throw new NumericError(fn, arg, `file ${showValue(path)} line ${i + 1} has ${d} values where earlier lines have ${dim}; got ${showValue(line)}`);
    for (const c of cells) {
      if (!NUMBER.test(c))
        throw new NumericError(fn, arg, `file ${showValue(path)} line ${i + 1} holds a value that is not a finite number; got ${showValue(c)}`);
      values.push(Number(c));
    }
  }
  if (dim === undefined) throw new NumericError(fn, arg, `file ${showValue(path)} holds no samples`);
  return { dim, spec: path, kind: 'samples', data: Float64Array.from(values) };
}
