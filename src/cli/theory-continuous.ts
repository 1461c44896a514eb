import { gaussianKl, gaussianW1, gaussianW2, mixtureW1, parseMixtureSpec, type Enclosure, type LogQuantity } from '../theory/index.js';
import { CliError, parseArgs } from './args.js';

/** The continuous quantities of `gan-verify theory` (issue 3; JSD by certified quadrature is still to come). */
export const CONTINUOUS: Readonly<Record<string, { summary: string; formula: string; mixture: boolean; log: boolean }>> = {
  'gaussian-kl': {
    summary: 'KL(N1||N2) between 1-D Gaussians, closed form',
    formula: 'KL = ln(sigma2/sigma1) + (sigma1^2 + (mu1 - mu2)^2)/(2 sigma2^2) - 1/2',
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
  'mixture-w1': {
    summary: 'Wasserstein-1 between Gaussian mixtures, W1 = integral |F_P - F_Q|, certified without quadrature',
    formula: 'sign changes of F_P - F_Q isolated by certified bisection; exact pieces through G = integral of F',
    mixture: true,
    log: false,
  },
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
  digits: 'value',
  base: 'value',
} as const;

export const CONTINUOUS_HELP = `Continuous quantities (exact decimals or fractions, certified like the discrete ones):
  gan-verify theory gaussian-kl|gaussian-w1|gaussian-w2 --mu1 A --sigma1 B --mu2 C --sigma2 D
                    [--digits N] [--base e|2 (gaussian-kl)] [--json]
  gaussian-mixture:  gan-verify theory mixture-w1 --p-mix <spec> --q-mix <spec> [--digits N] [--json]
                     where <spec> is w:mu:sigma,w:mu:sigma,... with weights summing to exactly 1
${Object.entries(CONTINUOUS)
  .map(([k, v]) => `  ${k.padEnd(17)} ${v.summary}`)
  .join('\n')}
`;

/** Runs a continuous `gan-verify theory <quantity>`; returns the text for stdout. */
export function runContinuous(argv: readonly string[]): string {
  const cmd = 'gan-verify theory';
  const args = parseArgs(cmd, argv, SPEC);
  const [name, ...rest] = args.positionals;
  const q = CONTINUOUS[name as string];
  if (name === undefined || q === undefined) throw new CliError(`${cmd}: unknown quantity ${JSON.stringify(name)}`);
  const c = `${cmd} ${name}`;
  if (args.flags.has('help')) {
    const usage = q.mixture ? '--p-mix <spec> --q-mix <spec>' : '--mu1 A --sigma1 B --mu2 C --sigma2 D';
    return `Usage: gan-verify theory ${name} ${usage} [--digits N]${q.log ? ' [--base e|2]' : ''} [--json]\n\n${q.summary}.\n  ${q.formula}\n`;
  }
  if (rest.length > 0) throw new CliError(`${c}: unexpected argument ${JSON.stringify(rest[0])}`);
  const digitsRaw = args.values.get('digits');
  if (digitsRaw !== undefined && !/^\d+$/.test(digitsRaw.trim())) throw new CliError(`${c}: --digits must be an integer from 1 to 5000; got ${JSON.stringify(digitsRaw)}`);
  const digits = digitsRaw === undefined ? undefined : Number(digitsRaw);
  const baseRaw = args.values.get('base');
  if (baseRaw !== undefined && !q.log) throw new CliError(`${c}: --base applies only to logarithmic quantities; got --base ${baseRaw}`);
  if (baseRaw !== undefined && baseRaw !== 'e' && baseRaw !== '2') throw new CliError(`${c}: --base must be e or 2; got ${JSON.stringify(baseRaw)}`);
  const opts = { ...(digits === undefined ? {} : { digits }), ...(baseRaw === '2' ? { base: 2 as const } : {}) };
  const need = (k: string) => {
    const v = args.values.get(k);
    if (v === undefined) throw new CliError(`${c}: --${k} is required`);
    return v;
  };
  const forbid = (keys: string[]) => {
    for (const k of keys) if (args.values.has(k)) throw new CliError(`${c}: --${k} does not apply here`);
  };
  let r: Enclosure | LogQuantity;
  if (q.mixture) {
    forbid(['mu1', 'sigma1', 'mu2', 'sigma2']);
    r = mixtureW1(parseMixtureSpec(need('p-mix'), 'mixtureW1', 'p'), parseMixtureSpec(need('q-mix'), 'mixtureW1', 'q'), opts);
  } else {
    forbid(['p-mix', 'q-mix']);
    const p = { mu: need('mu1'), sigma: need('sigma1') };
    const g = { mu: need('mu2'), sigma: need('sigma2') };
    r = name === 'gaussian-kl' ? gaussianKl(p, g, opts) : name === 'gaussian-w1' ? gaussianW1(p, g, opts) : gaussianW2(p, g, opts);
  }
  const unit = 'unit' in r ? r.unit : 'distance';
  const out = { quantity: name, unit, digits: r.digits, value: r.value, lower: r.lower, upper: r.upper, ...(r.exact === undefined ? {} : { exact: r.exact }) };
  if (args.flags.has('json')) return `${JSON.stringify(out)}\n`;
  const interval = r.lower === r.upper ? '' : `\n  certified: [${r.lower}, ${r.upper}]`;
  const exact = r.exact !== undefined && r.exact !== r.value ? `  (exactly ${r.exact})` : '';
  return `${name} = ${r.value}${unit === 'distance' ? '' : ` ${unit}`}${exact}${interval}\n`;
}
