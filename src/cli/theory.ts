import { readRegularFile } from '../numeric/read-file.js';
import { dstar, entropy, jsd, kl, klReverse, value, valueAtOptimum, w1, formatRational, toSupport, type Enclosure, type LogOptions } from '../theory/index.js';
import { asFlags, CliError, parseArgs, parseBase, parseDigits, type Parsed } from './args.js';
import { CONTINUOUS, CONTINUOUS_HELP, runContinuous } from './theory-continuous.js';

interface Quantity {
  summary: string;
  formula: string;
  /** Which lists it reads besides --p. */
  q: boolean;
  d: boolean;
  x: 'required' | 'optional';
  log: boolean;
}

/** The quantities of `gan-verify theory`, in the order of the help text. */
export const QUANTITIES: Readonly<Record<string, Quantity>> = {
  dstar: {
    summary: 'the optimal discriminator at each point',
    formula: 'D*(x_i) = p_i/(p_i + q_i), undefined (null) where p_i = q_i = 0',
    q: true,
    d: false,
    x: 'optional',
    log: false,
  },
  value: {
    summary: 'the GAN value function for a discriminator table D',
    formula: 'V(D,G) = sum p_i ln D_i + sum q_i ln(1 - D_i); -inf where log 0 meets positive mass',
    q: true,
    d: true,
    x: 'optional',
    log: true,
  },
  'value-at-optimum': {
    summary: 'the value at the optimal discriminator, C(G) = V(D*,G) = 2 JSD - log 4',
    formula: 'C(G) = sum p_i ln(p_i/(p_i+q_i)) + sum q_i ln(q_i/(p_i+q_i))',
    q: true,
    d: false,
    x: 'optional',
    log: true,
  },
  kl: {
    summary: 'Kullback-Leibler divergence KL(P||Q)',
    formula: 'KL(P||Q) = sum p_i ln(p_i/q_i); 0 ln 0 = 0; inf where p_i > 0 = q_i',
    q: true,
    d: false,
    x: 'optional',
    log: true,
  },
  'kl-reverse': {
    summary: 'reverse Kullback-Leibler divergence KL(Q||P)',
    formula: 'KL(Q||P) = sum q_i ln(q_i/p_i); 0 ln 0 = 0; inf where q_i > 0 = p_i',
    q: true,
    d: false,
    x: 'optional',
    log: true,
  },
  jsd: {
    summary: 'Jensen-Shannon divergence (not its square root, the JS distance)',
    formula: 'JSD = KL(P||M)/2 + KL(Q||M)/2, M = (P+Q)/2; 0 <= JSD <= ln 2 (1 bit)',
    q: true,
    d: false,
    x: 'optional',
    log: true,
  },
  w1: {
    summary: 'Wasserstein-1 distance with its Kantorovich-Rubinstein dual witness',
    formula: 'W1 = integral |F_P - F_Q| = sum |F_i| (x_{i+1} - x_i) = max over 1-Lipschitz f of E_P f - E_Q f',
    q: true,
    d: false,
    x: 'required',
    log: false,
  },
  entropy: {
    summary: 'Shannon entropy of P (reads only --p)',
    formula: 'H(P) = -sum p_i ln p_i; 0 ln 0 = 0',
    q: false,
    d: false,
    x: 'optional',
    log: true,
  },
};

const SPEC = {
  help: 'flag',
  json: 'flag',
  normalize: 'flag',
  p: 'value',
  q: 'value',
  x: 'value',
  d: 'value',
  'p-file': 'value',
  'q-file': 'value',
  'x-file': 'value',
  'd-file': 'value',
  digits: 'value',
  base: 'value',
} as const;

export const THEORY_HELP = `Usage: gan-verify theory <quantity> --p <list> --q <list> [--x <list>] [--d <list>]
                         [--digits N] [--base e|2|10] [--normalize] [--json]

Exact values for two discrete distributions P (data) and Q (generator) over the same n points,
each with a certified enclosure [lower, upper] of the exact value.

Quantities:
${Object.entries(QUANTITIES)
  .map(([name, q]) => `  ${name.padEnd(17)} ${q.summary}`)
  .join('\n')}

Options:
  --p <list>         masses of P: comma-separated exact decimals or fractions (0.25,1/3,1e-300)
  --q <list>         masses of Q, same length
  --x <list>         support points, strictly increasing (required by w1)
  --d <list>         discriminator values in [0,1] (required by value)
  --p-file F         read --p from a JSON array of strings (likewise --q-file, --x-file, --d-file)
  --normalize        rescale masses exactly to sum 1 (so counts can be given); without it they
                     must sum to exactly 1
  --digits N         significant digits, 1 to 5000 (default 50)
  --base e|2|10      logarithm base: nats (default), bits or hartleys (base 10); log quantities only
  --json             print {"quantity","unit","digits","value","lower","upper"} with decimal
                     strings ("inf" for +infinity); arrays for dstar
  -h, --help         this text; 'gan-verify theory <quantity> --help' for a quantity's formula

Example:
  npx gan-verify theory jsd --p 1/2,1/2 --q 1,0 --json
`;

function quantityHelp(name: string, q: Quantity): string {
  const lists = ['--p <list>', q.q ? '--q <list>' : '', q.d ? '--d <list>' : '', q.x === 'required' ? '--x <list>' : '[--x <list>]'].filter(Boolean).join(' ');
  return `Usage: gan-verify theory ${name} ${lists} [--digits N]${q.log ? ' [--base e|2|10]' : ''} [--normalize] [--json]

${q.summary}.
  ${q.formula}

See 'gan-verify theory --help' for the options.
`;
}

function readList(cmd: string, args: Parsed, name: 'p' | 'q' | 'x' | 'd'): string[] | undefined {
  const inline = args.values.get(name);
  const file = args.values.get(`${name}-file`);
  if (inline !== undefined && file !== undefined) {
    throw new CliError(`${cmd}: give --${name} or --${name}-file, not both`);
  }
  if (inline !== undefined) return inline.trim() === '' ? [] : inline.split(',').map((s) => s.trim());
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    throw new CliError(`${cmd}: --${name}-file cannot be read: ${JSON.stringify(file)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${cmd}: --${name}-file must hold a JSON array of decimal strings; ${JSON.stringify(file)} is not valid JSON`);
  }
  if (!Array.isArray(data)) {
    throw new CliError(`${cmd}: --${name}-file must hold a JSON array of decimal strings; got ${typeof data} in ${JSON.stringify(file)}`);
  }
  return data as string[];
}

interface Output {
  quantity: string;
  unit: string;
  digits: number;
  value: string | (string | null)[];
  lower: string | (string | null)[];
  upper: string | (string | null)[];
  [extra: string]: unknown;
}

function readable(o: Output, exact: readonly (string | null | undefined)[], x: readonly string[] | undefined): string {
  if (Array.isArray(o.value)) {
    const rows = o.value.map((v, i) => {
      const at = x?.[i] ?? String(i);
      if (v === null) return `D*(${at}) = undefined (p = q = 0)`;
      const e = exact[i];
      return `D*(${at}) = ${v}${e !== undefined && e !== null && e !== v ? `  (exactly ${e})` : ''}`;
    });
    return rows.join('\n');
  }
  const e = exact[0];
  const exactNote = e !== undefined && e !== null && e !== o.value ? `  (exactly ${e})` : '';
  const unit = o.unit === 'nats' || o.unit === 'bits' || o.unit === 'hartleys' ? ` ${o.unit}` : '';
  const interval = o.lower === o.upper ? '' : `\n  certified: [${o.lower as string}, ${o.upper as string}]`;
  let line = `${o.quantity} = ${o.value}${unit}${exactNote}${interval}`;
  if (o.witness !== undefined) line += `\n  dual E_P f - E_Q f = ${o.dual as string}, witness f = ${(o.witness as string[]).join(',')}`;
  return line;
}

/** Runs `gan-verify theory …`; returns the text for stdout. */
export function runTheory(argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  if (first !== undefined && CONTINUOUS[first] !== undefined) return runContinuous(argv);
  return asFlags(`gan-verify theory${first === undefined ? '' : ` ${first}`}`, SPEC, () => runDiscrete(argv));
}

function runDiscrete(argv: readonly string[]): string {
  const cmd = 'gan-verify theory';
  const args = parseArgs(cmd, argv, SPEC);
  const [name, ...rest] = args.positionals;
  if (name === undefined) {
    if (args.flags.has('help')) return `${THEORY_HELP}\n${CONTINUOUS_HELP}`;
    throw new CliError(`${cmd}: missing <quantity>; one of ${[...Object.keys(QUANTITIES), ...Object.keys(CONTINUOUS)].join(' ')}`);
  }
  const quantity = QUANTITIES[name];
  if (quantity === undefined) {
    throw new CliError(`${cmd}: unknown quantity ${JSON.stringify(name)}; one of ${[...Object.keys(QUANTITIES), ...Object.keys(CONTINUOUS)].join(' ')}`);
  }
  if (args.flags.has('help')) return quantityHelp(name, quantity);
  if (rest.length > 0) throw new CliError(`${cmd} ${name}: unexpected argument ${JSON.stringify(rest[0])}`);
  const c = `${cmd} ${name}`;
  const p = readList(c, args, 'p');
  const q = readList(c, args, 'q');
  const x = readList(c, args, 'x');
  const d = readList(c, args, 'd');
  if (p === undefined) throw new CliError(`${c}: --p <list> is required`);
  if (quantity.q && q === undefined) throw new CliError(`${c}: --q <list> is required`);
  if (!quantity.q && q !== undefined) throw new CliError(`${c}: takes only --p; got --q`);
  if (quantity.d && d === undefined) throw new CliError(`${c}: --d <list> is required`);
  if (!quantity.d && d !== undefined) throw new CliError(`${c}: --d applies only to 'value'; got --d`);
  if (quantity.x === 'required' && x === undefined) {
    throw new CliError(`${c}: --x <list> is required (the support points the masses sit on)`);
  }
  const digits = parseDigits(c, args.values.get('digits'));
  const base = parseBase(c, args.values.get('base'));
  if (!quantity.log && base !== undefined) throw new CliError(`${c}: --base applies only to logarithmic quantities; got --base ${base}`);
  const normalize = args.flags.has('normalize');
  const opts: LogOptions = { normalize, ...(digits === undefined ? {} : { digits }), ...(base === undefined ? {} : { base }) };
  const Q = q ?? [];

  // Support points are validated whenever given (w1 uses them; dstar prints them).
  if (x !== undefined && quantity.x === 'optional') toSupport(libraryName(name), x, p.length);

  let out: Output;
  const exact: (string | null | undefined)[] = [];
  if (name === 'dstar') {
    const r = dstar(p, Q, opts);
    out = {
      quantity: name,
      unit: 'probability',
      digits: digits ?? 50,
      value: r.map((e) => e?.value ?? null),
      lower: r.map((e) => e?.lower ?? null),
      upper: r.map((e) => e?.upper ?? null),
      exact: r.map((e) => e?.exact ?? null),
    };
    exact.push(...r.map((e) => e?.exact ?? null));
  } else if (name === 'w1') {
    const r = w1(p, Q, x ?? [], opts);
    out = {
      ...pick(name, 'distance', r.distance),
      exact: r.distance.exact,
      dual: r.dual.value,
      witness: r.witness.map(formatRational),
    };
    exact.push(r.distance.exact);
  } else {
    const r =
      name === 'value'
        ? value(p, Q, d ?? [], opts)
        : name === 'value-at-optimum'
          ? valueAtOptimum(p, Q, opts)
          : name === 'kl'
            ? kl(p, Q, opts)
            : name === 'kl-reverse'
              ? klReverse(p, Q, opts)
              : name === 'jsd'
                ? jsd(p, Q, opts)
                : entropy(p, opts);
    out = pick(name, r.unit, r);
  }
  return args.flags.has('json') ? `${JSON.stringify(out)}\n` : `${readable(out, exact, x)}\n`;
}

/** The library function behind a CLI quantity, as its errors name it. */
function libraryName(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function pick(quantity: string, unit: string, e: Enclosure): Output {
  return { quantity, unit, digits: e.digits, value: e.value, lower: e.lower, upper: e.upper };
}
