import {
  gaussianJsd,
  gaussianKl,
  gaussianW1,
  gaussianW2,
  mixtureJsd,
  mixtureKl,
  mixtureValueAtOptimum,
  mixtureW1,
  shiftSeries,
  type ComponentLike,
  type Enclosure,
  type GaussianLike,
  type LogQuantity,
} from '../theory/index.js';
import { parseMixtureSpec } from './mixture-spec.js';
import { asFlags, CliError, parseArgs, parseBase, parseDigits } from './args.js';

/** The continuous quantities of `gan-verify theory`. */
export const CONTINUOUS: Readonly<Record<string, { summary: string; formula: string; mixture: boolean; log: boolean }>> = {
  'gaussian-kl': {
    summary: 'KL(N1||N2) between 1-D Gaussians, closed form',
    formula: 'KL = ln(sigma2/sigma1) + (sigma1^2 + (mu1 - mu2)^2)/(2 sigma2^2) - 1/2',
    mixture: false,
    log: true,
  },
  'gaussian-jsd': {
    summary: 'Jensen-Shannon divergence between 1-D Gaussians, certified quadrature',
    formula: 'JSD = (1/2) integral p ln(2p/(p+q)) + q ln(2q/(p+q)); trapezoid rule with an analytic-strip error bound',
    mixture: false,
    log: true,
  },
  'gaussian-w1': {
    summary: 'Wasserstein-1 between 1-D Gaussians, closed form',
    formula: 'W1 = |dmu| if sigma1 = sigma2, else dmu (2 Phi(c) - 1) + 2 s phi(c), s = |sigma1 - sigma2|, c = dmu/s',
    mixture: false,
    log: false,
  },
  'gaussian-w2': {
    summary: 'Wasserstein-2 between 1-D Gaussians, closed form',
    formula: 'W2 = sqrt((mu1 - mu2)^2 + (sigma1 - sigma2)^2)',
    mixture: false,
    log: false,
  },
  'mixture-jsd': {
    summary: 'Jensen-Shannon divergence between Gaussian mixtures, certified quadrature',
    formula: 'JSD = (1/2) integral p ln(2p/(p+q)) + q ln(2q/(p+q)); trapezoid rule with an analytic-strip error bound',
    mixture: true,
    log: true,
  },
  'mixture-kl': {
    summary: 'KL(P||Q) between Gaussian mixtures, certified quadrature',
    formula: 'KL = integral p ln(p/q)',
    mixture: true,
    log: true,
  },
  'mixture-value-at-optimum': {
    summary: 'C(G) = V(D*,G) between Gaussian mixtures (data P, generator Q), certified quadrature',
    formula: 'C(G) = integral p ln(p/(p+q)) + q ln(q/(p+q)) = 2 JSD - ln 4',
    mixture: true,
    log: true,
  },
  'shift-series': {
    summary: 'JSD(t) and W1(t) between P and P shifted by t, for uniform or narrow Gaussian P',
    formula: 'uniform U[0,w]: JSD = ln 2 min(|t|/w, 1), W1 = |t|; gaussian N(0,w^2): JSD by certified quadrature, W1 = |t|',
    mixture: false,
    log: true,
  },
  'mixture-w1': {
    summary: 'Wasserstein-1 between Gaussian mixtures, W1 = integral |F_P - F_Q|, certified without quadrature',
    formula: 'sign changes of F_P - F_Q isolated by certified bisection; exact pieces through G = integral of F',
    mixture: true,
    log: false,
  },
};

type Opts = { digits?: number; base?: 'e' | 2 | 10 };
const GAUSSIAN_FNS: Readonly<Record<string, (p: GaussianLike, q: GaussianLike, o: Opts) => Enclosure | LogQuantity>> = {
  'gaussian-kl': gaussianKl,
  'gaussian-jsd': gaussianJsd,
  'gaussian-w1': gaussianW1,
  'gaussian-w2': gaussianW2,
};
/** CLI name → [library name (for error messages), function]. */
const MIXTURE_FNS: Readonly<Record<string, [string, (p: ComponentLike[], q: ComponentLike[], o: Opts) => Enclosure | LogQuantity]>> = {
  'mixture-jsd': ['mixtureJsd', mixtureJsd],
  'mixture-kl': ['mixtureKl', mixtureKl],
  'mixture-value-at-optimum': ['mixtureValueAtOptimum', mixtureValueAtOptimum],
  'mixture-w1': ['mixtureW1', mixtureW1],
};

const SPEC = {
  help: 'flag',
  json: 'flag',
  mu1: 'value',
  sigma1: 'value',
  mu2: 'value',
  sigma2: 'value',
  'p-mix': 'value',
  'q-mix': 'value',
  family: 'value',
  scale: 'value',
  t: 'value',
  digits: 'value',
  'max-seconds': 'value',
  base: 'value',
} as const;

/** The time budget of a certified continuous quantity on the command line, unless --max-seconds is given. */
export const DEFAULT_MAX_SECONDS = 600;

export const CONTINUOUS_HELP = `Continuous quantities (exact decimals or fractions, certified like the discrete ones):
  gan-verify theory gaussian-kl|gaussian-w1|gaussian-w2 --mu1 A --sigma1 B --mu2 C --sigma2 D
                    [--digits N] [--base e|2|10 (gaussian-kl)] [--json]
  gan-verify theory mixture-jsd|mixture-kl|mixture-value-at-optimum|mixture-w1
                    --p-mix <spec> --q-mix <spec> [--digits N] [--base e|2|10 (log quantities)] [--json]
                    where <spec> is w:mu:sigma,w:mu:sigma,... with weights summing to exactly 1
  gan-verify theory shift-series --family uniform|gaussian --scale W --t <list> [--digits N] [--json]
                    JSD(t) and W1(t) between P and P shifted by t (the disjoint-support phenomenon)
  --max-seconds S   the time budget of the certified computation (default 600): past it, one line
                    says where it stopped and exit 2 (a progress line shows on a terminal)
${Object.entries(CONTINUOUS)
  .map(([k, v]) => `  ${k.padEnd(17)} ${v.summary}`)
  .join('\n')}
`;

/** Runs a continuous `gan-verify theory <quantity>`; returns the text for stdout. */
export function runContinuous(argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  return asFlags(`gan-verify theory${first === undefined ? '' : ` ${first}`}`, SPEC, () => continuous(argv));
}

function continuous(argv: readonly string[]): string {
  const cmd = 'gan-verify theory';
  const args = parseArgs(cmd, argv, SPEC);
  const [name, ...rest] = args.positionals;
  const q = CONTINUOUS[name as string];
  if (name === undefined || q === undefined) throw new CliError(`${cmd}: unknown quantity ${JSON.stringify(name)}`);
  const c = `${cmd} ${name}`;
  if (args.flags.has('help')) {
    const usage =
      name === 'shift-series'
        ? '--family uniform|gaussian --scale W --t <list>'
        : q.mixture
          ? '--p-mix <spec> --q-mix <spec>'
          : '--mu1 A --sigma1 B --mu2 C --sigma2 D';
    return `Usage: gan-verify theory ${name} ${usage} [--digits N]${q.log ? ' [--base e|2|10]' : ''} [--json]\n\n${q.summary}.\n  ${q.formula}\n`;
  }
  if (rest.length > 0) throw new CliError(`${c}: unexpected argument ${JSON.stringify(rest[0])}`);
  const digits = parseDigits(c, args.values.get('digits'));
  const baseRaw = args.values.get('base');
  if (baseRaw !== undefined && !q.log) throw new CliError(`${c}: --base applies only to logarithmic quantities; got --base ${baseRaw}`);
  const base = parseBase(c, baseRaw);
  const maxRaw = args.values.get('max-seconds');
  if (maxRaw !== undefined && !(/^\d+(\.\d+)?$/.test(maxRaw) && Number(maxRaw) > 0))
    throw new CliError(`${c}: --max-seconds must be a positive number of seconds; got ${JSON.stringify(maxRaw)}`);
  // a progress line on a terminal for the certified quadrature (it can take minutes on spread-out scales)
  let shown = 0;
  const onProgress = process.stderr.isTTY
    ? (done: number, total: number, bits: number) => {
        const now = performance.now();
        if (now - shown < 250 && done !== 0) return;
        shown = now;
        process.stderr.write(`\r${c}: ${bits} bits, node ${done} of ${total} (${Math.round((100 * done) / total)}%)   `);
      }
    : undefined;
  const opts = {
    ...(digits === undefined ? {} : { digits }),
    ...(base === undefined ? {} : { base }),
    // every certified computation is bounded: 600 s unless --max-seconds says otherwise
    maxSeconds: maxRaw === undefined ? DEFAULT_MAX_SECONDS : Number(maxRaw),
    ...(onProgress ? { onProgress } : {}),
  };
  if (name === 'shift-series') return runShiftSeries(c, args, opts);
  const need = (k: string) => {
    const v = args.values.get(k);
    if (v === undefined) throw new CliError(`${c}: --${k} is required`);
    return v;
  };
  const forbid = (keys: string[]) => {
    for (const k of keys) if (args.values.has(k)) throw new CliError(`${c}: --${k} does not apply here`);
  };
  let r: Enclosure | LogQuantity;
  try {
    if (q.mixture) {
      forbid(['mu1', 'sigma1', 'mu2', 'sigma2']);
      const [lib, f] = MIXTURE_FNS[name] as (typeof MIXTURE_FNS)[string] & {};
      r = f(parseMixtureSpec(need('p-mix'), lib, 'p'), parseMixtureSpec(need('q-mix'), lib, 'q'), opts);
    } else {
      forbid(['p-mix', 'q-mix']);
      const p = { mu: need('mu1'), sigma: need('sigma1') };
      const g = { mu: need('mu2'), sigma: need('sigma2') };
      r = (GAUSSIAN_FNS[name] as (typeof GAUSSIAN_FNS)[string] & {})(p, g, opts);
    }
  } finally {
    // clear the progress line, whether the result or an error follows
    if (onProgress !== undefined && shown > 0) process.stderr.write('\r\x1b[K');
  }
  const unit = 'unit' in r ? r.unit : 'distance';
  const out = { quantity: name, unit, digits: r.digits, value: r.value, lower: r.lower, upper: r.upper, ...(r.exact === undefined ? {} : { exact: r.exact }) };
  if (args.flags.has('json')) return `${JSON.stringify(out)}\n`;
  const interval = r.lower === r.upper ? '' : `\n  certified: [${r.lower}, ${r.upper}]`;
  const exact = r.exact !== undefined && r.exact !== r.value ? `  (exactly ${r.exact})` : '';
  return `${name} = ${r.value}${unit === 'distance' ? '' : ` ${unit}`}${exact}${interval}\n`;
}

function runShiftSeries(c: string, args: ReturnType<typeof parseArgs>, opts: Opts): string {
  const family = args.values.get('family');
  const scale = args.values.get('scale');
  const ts = args.values.get('t');
  if (family === undefined || scale === undefined || ts === undefined) throw new CliError(`${c}: --family, --scale and --t are required`);
  if (family !== 'uniform' && family !== 'gaussian') throw new CliError(`${c}: --family must be uniform or gaussian; got ${JSON.stringify(family)}`);
  const rows = shiftSeries(
    family,
    scale,
    ts.split(',').map((v) => v.trim()),
    opts,
  );
  if (args.flags.has('json')) {
    const bounds = (e: { value: string; lower: string; upper: string }) => ({ value: e.value, lower: e.lower, upper: e.upper });
    const series = rows.map((r) => ({ t: r.t, jsd: bounds(r.jsd), w1: bounds(r.w1) }));
    return `${JSON.stringify({ quantity: 'shift-series', family, scale, unit: rows[0]?.jsd.unit ?? 'nats', rows: series })}\n`;
  }
  const lines = [`t\tJSD(P, P+t) [${rows[0]?.jsd.unit ?? 'nats'}]\tW1(P, P+t)`];
  for (const r of rows) lines.push(`${r.t}\t${r.jsd.value}\t${r.w1.value}`);
  return `${lines.join('\n')}\n`;
}
