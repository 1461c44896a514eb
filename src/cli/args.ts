/** A small, strict argument parser: every option is declared, values may start with '-'. */

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
 * Parses `argv` against `spec` (option name without dashes → kind). `--name value`, `--name=value`
 * and `-h` (for `--help`) are accepted; an unknown option, a repeated option or a missing value is a
 * {@link CliError} naming it.
 */
export function parseArgs(command: string, argv: readonly string[], spec: Readonly<Record<string, OptionKind>>): Parsed {
  const out: Parsed = { positionals: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h') {
      out.flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg.length > 1 && !/^-[\d.]/.test(arg)) {
        throw new CliError(`${command}: unknown option ${JSON.stringify(arg)} (see --help)`);
      }
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (kind === undefined) throw new CliError(`${command}: unknown option --${name} (see --help)`);
    if (kind === 'flag') {
      if (eq >= 0) throw new CliError(`${command}: option --${name} takes no value; got ${JSON.stringify(arg)}`);
      out.flags.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined) throw new CliError(`${command}: option --${name} needs a value`);
      value = next;
      i++;
    }
    if (out.values.has(name)) throw new CliError(`${command}: option --${name} given twice`);
    out.values.set(name, value);
  }
  return out;
}

/** `--digits N`: a nonnegative integer string (the library checks the range and names it). */
export function parseDigits(cmd: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new CliError(`${cmd}: --digits must be an integer from 1 to 5000; got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `--base e|2`. */
export function parseBase(cmd: string, raw: string | undefined): 'e' | 2 | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'e') return 'e';
  if (raw === '2') return 2;
  throw new CliError(`${cmd}: --base must be e or 2; got ${JSON.stringify(raw)}`);
}
