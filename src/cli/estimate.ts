import {
  estimateJsd,
  estimateJsdLowerBound,
  estimateKl,
  estimateKlKnn,
  estimateValue,
  estimateW1,
  parseDistribution,
  type Discriminator,
  type Estimate,
} from '../numeric/index.js';
import { asFlags, CliError, parseArgs } from './args.js';

const QUANTITIES: Readonly<Record<string, string>> = {
  value: 'V(D,G) = E_P ln D + E_Q ln(1 - D); --d optimal (default) gives C(G) = 2 JSD - ln 4',
  kl: 'KL(P||Q) = E_P[ln p - ln q], both densities known',
  jsd: 'JSD(P||Q) = E_P[ln(2p/(p+q))]/2 + E_Q[ln(2q/(p+q))]/2, both densities known',
  w1: 'Wasserstein-1 on the line: sample against a known CDF, or two samples (--two-sample)',
  'kl-knn': 'KL(P||Q) from samples alone (Wang-Kulkarni-Verdu k-nearest-neighbour estimator)',
  'jsd-lower': 'the classifier bound JSD >= (V(D,G) + ln 4)/2 for a discriminator --d',
};

export const ESTIMATE_HELP = `Usage: gan-verify estimate <quantity> --p <dist> --q <dist> [--samples N] [--seed S]
                           [--level 0.95] [--d <disc>] [--k K] [--two-sample] [--json]

Monte Carlo estimates with confidence intervals. The same seed prints the same bytes.

Quantities:
${Object.entries(QUANTITIES)
  .map(([k, v]) => `  ${k.padEnd(10)} ${v}`)
  .join('\n')}

Distributions (<dist>):
  normal:MU,SIGMA            uniform:A,B
  mixture:W:MU:SIGMA,...     (1-D Gaussian mixture, weights summing to 1)
  categorical:X:W,...        (masses W at points X)
  ring8                      8 Gaussians on the unit circle, sigma 0.01
  grid25                     25 Gaussians at {-4,-2,0,2,4}^2, sigma 0.05
  PATH                       a file of samples: one number, or one x,y pair, per line

Options:
  --samples N      draws from each known distribution (default 10000; files are used whole)
  --seed S         integer seed, 0 to 4294967295 (default 0); P uses stream 0, Q stream 1
  --level L        confidence level in (0, 1) (default 0.95)
  --d <disc>       discriminator for value and jsd-lower: optimal (default for value),
                   logistic:A,B (1-D: D(x) = 1/(1+exp(-(A x + B)))), logistic:A,B,C (2-D: A x + B y + C),
                   const:C
  --k K            neighbours for kl-knn (default 1)
  --two-sample     w1: sample Q too instead of using its CDF
  --json           {"quantity","estimate","stderr","ci","level","samples","seed","method"[,"caveat"]}
  -h, --help       this text

Example:
  npx gan-verify estimate jsd --p normal:0,1 --q normal:1,1 --samples 100000 --seed 1
`;

const SPEC = {
  help: 'flag',
  json: 'flag',
  'two-sample': 'flag',
  p: 'value',
  q: 'value',
  samples: 'value',
  seed: 'value',
  level: 'value',
  d: 'value',
  k: 'value',
} as const;

function integer(cmd: string, name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new CliError(`${cmd}: --${name} must be a nonnegative integer; got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function parseDiscriminator(cmd: string, raw: string): Discriminator {
  if (raw === 'optimal') return 'optimal';
  const [head, body] = [raw.slice(0, raw.indexOf(':')), raw.slice(raw.indexOf(':') + 1)];
  const nums = body.split(',').map((s) => (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s.trim()) ? Number(s) : Number.NaN));
  const bad = () => new CliError(`${cmd}: --d must be optimal, logistic:A,B, logistic:A,B,C or const:C; got ${JSON.stringify(raw)}`);
  if (raw.indexOf(':') < 0 || nums.some((v) => !Number.isFinite(v))) throw bad();
  if (head === 'const' && nums.length === 1) {
    const c = nums[0] as number;
    if (!(c >= 0 && c <= 1)) throw new CliError(`${cmd}: --d const:C needs C in [0, 1]; got ${JSON.stringify(raw)}`);
    return () => c;
  }
  // logistic discriminators go in as logits, so ln D and ln(1 − D) are computed in log form
  if (head === 'logistic' && nums.length === 2) {
    const [a, b] = nums as [number, number];
    return { logit: (x) => a * x + b };
  }
  if (head === 'logistic' && nums.length === 3) {
    const [a, b, c] = nums as [number, number, number];
    return { logit: (x, y) => a * x + b * y + c };
  }
  throw bad();
}

const showEnd = (x: number) => (x === -Infinity ? '-inf' : x === Infinity ? 'inf' : String(x));

function readable(e: Estimate): string {
  const pct = `${+(e.level * 100).toFixed(6)}%`;
  const n = e.samples.q > 0 && e.samples.p > 0 ? `${e.samples.p} + ${e.samples.q} samples` : `${e.samples.p + e.samples.q} samples`;
  const lines = [
    `${e.quantity} ~ ${e.estimate === -Infinity ? '-inf' : e.estimate === Infinity ? 'inf' : e.estimate} +/- ${e.stderr} (stderr)`,
    `  ${pct} CI [${showEnd(e.ci[0])}, ${showEnd(e.ci[1])}]; ${n}, seed ${e.seed}`,
    `  method: ${e.method}`,
  ];
  if (e.caveat !== undefined) lines.push(`  caveat: ${e.caveat}`);
  return `${lines.join('\n')}\n`;
}

/** Runs `gan-verify estimate …`; returns the text for stdout. */
export function runEstimate(argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  return asFlags(`gan-verify estimate${first === undefined ? '' : ` ${first}`}`, SPEC, () => estimate(argv));
}

function estimate(argv: readonly string[]): string {
  const cmd = 'gan-verify estimate';
  const args = parseArgs(cmd, argv, SPEC);
  const [name, ...rest] = args.positionals;
  if (name === undefined) {
    if (args.flags.has('help')) return ESTIMATE_HELP;
    throw new CliError(`${cmd}: missing <quantity>; one of ${Object.keys(QUANTITIES).join(' ')}`);
  }
  if (QUANTITIES[name] === undefined) throw new CliError(`${cmd}: unknown quantity ${JSON.stringify(name)}; one of ${Object.keys(QUANTITIES).join(' ')}`);
  if (args.flags.has('help'))
    return (
      `Usage: gan-verify estimate ${name} --p <dist> --q <dist> [options]\n\n${QUANTITIES[name]}.\n\nSee 'gan-verify estimate --help' for ` +
      `distributions and options.\n`
    );
  if (rest.length > 0) throw new CliError(`${cmd} ${name}: unexpected argument ${JSON.stringify(rest[0])}`);
  const c = `${cmd} ${name}`;
  const pSpec = args.values.get('p');
  const qSpec = args.values.get('q');
  if (pSpec === undefined) throw new CliError(`${c}: --p <dist> is required`);
  if (qSpec === undefined) throw new CliError(`${c}: --q <dist> is required`);
  const samples = integer(c, 'samples', args.values.get('samples'));
  const seed = integer(c, 'seed', args.values.get('seed'));
  const k = integer(c, 'k', args.values.get('k'));
  const levelRaw = args.values.get('level');
  let level: number | undefined;
  if (levelRaw !== undefined) {
    level = /^(0?\.\d+|0|1)$/.test(levelRaw.trim()) ? Number(levelRaw) : Number.NaN;
    if (!(level > 0 && level < 1)) throw new CliError(`${c}: --level must lie strictly between 0 and 1; got ${JSON.stringify(levelRaw)}`);
  }
  const dRaw = args.values.get('d');
  if (dRaw !== undefined && name !== 'value' && name !== 'jsd-lower') throw new CliError(`${c}: --d applies only to value and jsd-lower`);
  if (k !== undefined && name !== 'kl-knn') throw new CliError(`${c}: --k applies only to kl-knn`);
  if (args.flags.has('two-sample') && name !== 'w1') throw new CliError(`${c}: --two-sample applies only to w1`);
  const fnName = `estimate ${name}`;
  const p = parseDistribution(pSpec, fnName, '--p');
  const q = parseDistribution(qSpec, fnName, '--q');
  const opts = { ...(samples === undefined ? {} : { samples }), ...(seed === undefined ? {} : { seed }), ...(level === undefined ? {} : { level }) };
  let e: Estimate;
  switch (name) {
    case 'value':
      e = estimateValue(p, q, dRaw === undefined ? 'optimal' : parseDiscriminator(c, dRaw), opts);
      break;
    case 'kl':
      e = estimateKl(p, q, opts);
      break;
    case 'jsd':
      e = estimateJsd(p, q, opts);
      break;
    case 'w1':
      e = estimateW1(p, q, { ...opts, twoSample: args.flags.has('two-sample') });
      break;
    case 'kl-knn':
      e = estimateKlKnn(p, q, { ...opts, ...(k === undefined ? {} : { k }) });
      break;
    default:
      if (dRaw === undefined) throw new CliError(`${c}: --d <disc> is required (the bound is about a given discriminator)`);
      e = estimateJsdLowerBound(p, q, parseDiscriminator(c, dRaw), opts);
  }
  // JSON has no infinities: they are written as the strings "inf" and "-inf"
  const inf = (_: string, v: unknown) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v);
  return args.flags.has('json') ? `${JSON.stringify(e, inf)}\n` : readable(e);
}
