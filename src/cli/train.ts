import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKENDS, logLine, makeConfig, PRESETS, train, useBackend, formatFixed, type BackendName, type MemberLog } from '../train/index.js';
import { CliError, parseArgs } from './args.js';

export const TRAIN_HELP = `Usage: gan-verify train --preset seed-toy [--seed S] [--population K] [--steps N] [--batch N]
                       [--log-every N] [--loss ns|saturating|lsgan|wgan] [--lr-d X] [--lr-g X]
                       [--d-steps K] [--label-smoothing X] [--config FILE.json]
                       [--backend cpu|wasm|tensorflow|tensorflow-gpu] [--out DIR] [--json]

Trains the reference GAN on TensorFlow.js. Presets: ${Object.keys(PRESETS).join(', ')}.
  seed-toy   the toy of seed document 000_3ee4abfec5abb774.txt: data N(3,1), G and D
             Linear(1,16)-ReLU-Linear(16,1) (D with a sigmoid), BCE, non-saturating G loss,
             Adam(0.01, 0.9/0.999, 1e-8), batch 16, 1000 steps, a log line every 200 steps

Output: the documents' log format, "Step 0: D_loss=1.6131, G_loss=0.8809", every --log-every steps;
for a population (--population K trains seeds S..S+K-1 at once), the median and [5%, 95%] band.
--out DIR writes DIR/log.jsonl (one object per member per logged step: losses, mean and sd of G's
output, W1 to the target, max |D(x) - 1/2| on a grid) and DIR/summary.json; --json prints the
summary instead of the log lines. The same seed prints the same bytes (cpu backend).
`;

const SPEC = {
  help: 'flag',
  json: 'flag',
  preset: 'value',
  seed: 'value',
  population: 'value',
  steps: 'value',
  batch: 'value',
  'log-every': 'value',
  loss: 'value',
  'lr-d': 'value',
  'lr-g': 'value',
  'd-steps': 'value',
  'label-smoothing': 'value',
  config: 'value',
  backend: 'value',
  out: 'value',
} as const;

const INT = /^\d+$/;
const NUM = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function quantile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

function band(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${formatFixed(quantile(s, 0.5), 4)} [${formatFixed(quantile(s, 0.05), 4)}, ${formatFixed(quantile(s, 0.95), 4)}]`;
}

/** Runs `gan-verify train …`; resolves to the text for stdout. */
export async function runTrain(argv: readonly string[]): Promise<string> {
  const cmd = 'gan-verify train';
  const args = parseArgs(cmd, argv, SPEC);
  if (args.flags.has('help')) return TRAIN_HELP;
  if (args.positionals.length > 0) throw new CliError(`${cmd}: unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const int = (name: string) => {
    const v = args.values.get(name);
    if (v === undefined) return undefined;
    if (!INT.test(v)) throw new CliError(`${cmd}: --${name} must be a nonnegative integer; got ${JSON.stringify(v)}`);
    return Number(v);
  };
  const num = (name: string) => {
    const v = args.values.get(name);
    if (v === undefined) return undefined;
    if (!NUM.test(v)) throw new CliError(`${cmd}: --${name} must be a nonnegative number; got ${JSON.stringify(v)}`);
    return Number(v);
  };
  let fileOverrides: Record<string, unknown> = {};
  const configPath = args.values.get('config');
  if (configPath !== undefined) {
    try {
      fileOverrides = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(`${cmd}: --config ${JSON.stringify(configPath)} is not a readable JSON object (${(e as Error).message.split('\n')[0]})`);
    }
    if (fileOverrides === null || typeof fileOverrides !== 'object' || Array.isArray(fileOverrides)) throw new CliError(`${cmd}: --config ${JSON.stringify(configPath)} must hold a JSON object`);
  }
  const backend = (args.values.get('backend') ?? 'cpu') as BackendName;
  if (!BACKENDS.includes(backend)) throw new CliError(`${cmd}: --backend must be one of ${BACKENDS.join(', ')}; got ${JSON.stringify(backend)}`);
  const config = makeConfig(args.values.get('preset') ?? 'seed-toy', {
    ...fileOverrides,
    steps: int('steps'),
    batch: int('batch'),
    logEvery: int('log-every'),
    dSteps: int('d-steps'),
    lrD: num('lr-d'),
    lrG: num('lr-g'),
    labelSmoothing: num('label-smoothing'),
    loss: args.values.get('loss'),
  });
  const seed = int('seed') ?? 0;
  const population = int('population') ?? 1;
  await useBackend(backend);
  const lines: string[] = [];
  const records: MemberLog[] = [];
  const result = train(config, {
    seed,
    population,
    onLog: (logs) => {
      records.push(...logs);
      const l0 = logs[0] as MemberLog;
      if (logs.length === 1) lines.push(logLine(l0.step, l0.dLoss, l0.gLoss));
      else lines.push(`Step ${l0.step}: D_loss=${band(logs.map((l) => l.dLoss))}, G_loss=${band(logs.map((l) => l.gLoss))}`);
    },
  });
  const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
  const summary = {
    preset: config.preset,
    backend,
    seed,
    population,
    config,
    final: result.final,
    aggregate: {
      dLoss: median(result.final.map((l) => l.dLoss)),
      gLoss: median(result.final.map((l) => l.gLoss)),
      w1: median(result.final.map((l) => l.w1)),
      gMean: median(result.final.map((l) => l.gMean)),
      gStd: median(result.final.map((l) => l.gStd)),
      dHalfGap: median(result.final.map((l) => l.dHalfGap)),
    },
  };
  const outDir = args.values.get('out');
  if (outDir !== undefined) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'log.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  }
  return args.flags.has('json') ? `${JSON.stringify(summary)}\n` : `${lines.join('\n')}\n`;
}
