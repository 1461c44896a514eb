/** The CLI's argument parsing: node:util parseArgs, strict (every option declared); values may start with '-'. */
import { parseArgs as nodeParseArgs } from 'node:util';
import { InputError } from '../theory/errors.js';

export class CliError extends Error {
  override readonly name = 'CliError';
  /** The exit code: 2 for bad input; 130 for a run stopped by SIGINT/SIGTERM. */
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export type OptionKind = 'value' | 'flag';

export interface Parsed {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/**
 * Parses `argv` against `spec` (option name without dashes → kind) with node:util's parseArgs
 * (strict: every option declared). `--name value`, `--name=value` and `-h` (for `--help`) are
 * accepted, and values may start with '-' (`--mu -1`): such a value is handed to parseArgs as
 * `--mu=-1`, which it would otherwise take for an option. An unknown option, a repeated option, a
 * flag given a value or a missing value is a {@link CliError} naming the option.
 */
export function parseArgs(command: string, argv: readonly string[], spec: Readonly<Record<string, OptionKind>>): Parsed {
  const args: string[] = [];
  const held: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (a === '-h') args.push('--help');
    else if (a.startsWith('--') && !a.includes('=') && spec[a.slice(2)] === 'value' && next?.startsWith('-')) {
      args.push(`${a}=${next}`);
      i++;
    } else if (/^-[\d.]/.test(a)) {
      // a negative number as a positional: held aside so parseArgs does not read it as options
      held.push(a);
      args.push(`\u0000${held.length - 1}`);
    } else args.push(a);
  }
  const options = Object.fromEntries(Object.entries(spec).map(([k, kind]) => [k, { type: kind === 'flag' ? ('boolean' as const) : ('string' as const) }]));
  if (options.help === undefined) options.help = { type: 'boolean' };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = /'(-{1,2}[^' ]+)/.exec((e as Error).message)?.[1] ?? '?';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliError(
        name.startsWith('--') ? `${command}: unknown option ${name} (see --help)` : `${command}: unknown option ${JSON.stringify(name)} (see --help)`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (spec[name.slice(2)] === 'flag') {
        const given = args.find((x) => x.startsWith(`${name}=`)) ?? name;
        throw new CliError(`${command}: option ${name} takes no value; got ${JSON.stringify(given)}`);
      }
      throw new CliError(`${command}: option ${name} needs a value`);
    }
    throw new CliError(`${command}: ${(e as Error).message}`);
  }
  const out: Parsed = { positionals: [], values: new Map(), flags: new Set() };
  const seen = new Set<string>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'positional') out.positionals.push(t.value.startsWith('\u0000') ? (held[Number(t.value.slice(1))] as string) : t.value);
    else if (t.kind === 'option') {
      if (t.name === 'help' && spec.help === undefined) throw new CliError(`${command}: unknown option --help`);
      if (seen.has(t.name) && spec[t.name] === 'value') throw new CliError(`${command}: option --${t.name} given twice`);
      seen.add(t.name);
      if (spec[t.name] === 'flag' || t.name === 'help') out.flags.add(t.name);
      else out.values.set(t.name, t.value as string);
    } else if (t.kind === 'option-terminator') {
      // everything after `--` is positional; parseArgs has already listed it as such
    }
  }
  return out;
}

/** `--digits N`: a nonnegative integer string (the library checks the range and names it). */
export function parseDigits(cmd: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new CliError(`${cmd}: --digits must be an integer from 1 to 5000; got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `--base e|2|10`: nats, bits or hartleys. */
export function parseBase(cmd: string, raw: string | undefined): 'e' | 2 | 10 | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'e') return 'e';
  if (raw === '2') return 2;
  if (raw === '10') return 10;
  throw new CliError(`${cmd}: --base must be e, 2 or 10; got ${JSON.stringify(raw)}`);
}

/**
 * Runs a command's library calls so that an error about an argument the user gave as a flag names
 * the flag: the library's `jsd: digits must be …` becomes `gan-verify theory jsd: --digits must be …`,
 * and `p[2] must …` becomes `--p: p[2] must …`. Errors about anything else pass through unchanged.
 */
export function asFlags<T>(command: string, spec: Readonly<Record<string, OptionKind>>, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw asFlagError(command, spec, e);
  }
}

/** {@link asFlags} for a command that runs asynchronously. */
export async function asFlagsAsync<T>(command: string, spec: Readonly<Record<string, OptionKind>>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw asFlagError(command, spec, e);
  }
}

/** The error about an argument given as a flag, restated with the flag; any other error unchanged. */
function asFlagError(command: string, spec: Readonly<Record<string, OptionKind>>, e: unknown): unknown {
  if (!(e instanceof InputError)) return e;
  const m = /^([A-Za-z]+)(.*)$/.exec(e.arg);
  const flag = m?.[1]?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const prefix = `${e.fn}: ${e.arg} `;
  if (m === null || flag === undefined || spec[flag] !== 'value' || !e.message.startsWith(prefix)) return e;
  const where = m[2] === '' ? '' : `: ${e.arg}`;
  return new CliError(`${command}: --${flag}${where} ${e.message.slice(prefix.length)}`);
}

/** A shard `I/N` (1 ≤ I ≤ N), given by `from` (a flag or an environment variable). */
export function parseShard(cmd: string, from: string, text: string): { i: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || n < 1 || i < 1 || i > n) throw new CliError(`${cmd}: ${from} must be I/N with 1 ≤ I ≤ N; got ${JSON.stringify(text)}`);
  return { i, n };
}

/** `--seed N` (default 0): an integer from 0 to 2³² − 1, or one line naming the flag. */
export function parseSeedFlag(cmd: string, raw: string | undefined): number {
  const text = raw ?? '0';
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !(seed <= 0xffff_ffff)) throw new CliError(`${cmd}: --seed must be an integer from 0 to 4294967295; got ${JSON.stringify(text)}`);
  return seed;
}

/** `--time-limit S` (default 600): seconds, positive, at most 2147483 (the longest timer Node keeps, about 24.8 days). */
export function parseTimeLimit(cmd: string, raw: string | undefined): number {
  const text = raw ?? '600';
  if (!/^\d+(\.\d+)?$/.test(text) || !(Number(text) > 0))
    throw new CliError(`${cmd}: --time-limit must be a positive number of seconds; got ${JSON.stringify(text)}`);
  // Node's timers hold at most 2^31 − 1 ms; a longer limit would fire at once
  if (Number(text) > 2_147_483) throw new CliError(`${cmd}: --time-limit must be at most 2147483 s (24.8 days, the longest timer Node keeps); got ${text}`);
  return Number(text);
}
