import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { readRegularFile } from '../numeric/read-file.js';
import { progressBar } from './progress.js';
import { ensureOutputDir, removeStaleTemp, SaveError, writeFileDurable } from './files.js';
import { join } from 'node:path';
// the trainer's modules one by one, not gan-verify/train's index: that loads TensorFlow.js (the tabular
// trainer's), which a run on the fused engine does not need (`train --steps 1` starts in a fraction of the time)
import { BACKENDS, chosenBackend, useBackend, type BackendName } from '../train/backend.js';
import { makeConfig, PRESETS } from '../train/config.js';
import { LOSS_BOUND } from '../train/losses.js';
import { formatFixed, logLine } from '../train/log-format.js';
import { train, TrainInterrupted } from '../train/trainer.js';
import type { Checkpoint, Engine, MemberLog } from '../train/types.js';
import { asFlagsAsync, CliError, parseArgs } from './args.js';

export const TRAIN_HELP = `Usage: gan-verify train --preset seed-toy [--seed S] [--population K] [--steps N] [--batch N]
                       [--log-every N] [--loss ns|saturating|lsgan|wgan|wgan-gp|hinge] [--lr-d X] [--lr-g X]
                       [--d-steps K] [--label-smoothing X] [--r1 G] [--r2 G] [--spectral-norm] [--ema B]
                       [--config FILE.json]
                       [--backend cpu|wasm|tensorflow|tensorflow-gpu] [--engine fused|autodiff]
                       [--precision float64|float32] [--threads N] [--out DIR] [--json] [--report-memory]
                       [--checkpoint DIR] [--checkpoint-every N] | --resume DIR

Trains the reference GAN (a WebAssembly engine; TensorFlow.js ops with --engine autodiff).
Presets: ${[...Object.keys(PRESETS), 'tabular'].join(', ')}.
  seed-toy   the toy of seed document 000_3ee4abfec5abb774.txt: data N(3,1), G and D
             Linear(1,16)-ReLU-Linear(16,1) (D with a sigmoid), BCE, non-saturating G loss,
             Adam(0.01, 0.9/0.999, 1e-8), batch 16, 1000 steps, a log line every 200 steps
  mixture-1d data 0.5 N(-2, 0.5^2) + 0.5 N(2, 0.5^2); G, D with two hidden layers of 32
  ring8      8 Gaussians on the unit circle (sigma 0.01), 2-D noise, layers of 128, batch 256
  grid25     25 Gaussians at {-4,...,4}^2 (sigma 0.05), same networks; both report modes covered,
             the high-quality share and the reverse KL of the mode histogram
  tabular    data p = (0.1, 0.2, 0.3, 0.4) on 4 points, G = softmax over 4 logits, D = a sigmoid per
             point, trained on exact expectations (or, with --batch B, on minibatches of B
             real and B fake points, G by the score-function gradient); each log line adds
             the exact V(D,G) and JSD(p_data||p_G) from the theory module (accepts --seed
             --population --steps --log-every --loss ns|saturating --lr-d --lr-g --d-steps
             --batch --json)

Output: the documents' log format, "Step 0: D_loss=1.6131, G_loss=0.8809", every --log-every steps;
for a population (--population K trains seeds S..S+K-1 at once), the median and [5%, 95%] band.
--out DIR writes DIR/log.jsonl (one object per member per logged step: losses, mean and sd of G's
output, W1 to the target, max |D(x) - 1/2| on a grid) and DIR/summary.json; --json prints the
summary instead of the log lines. The same seed prints the same bytes on a backend and engine.
On the cpu backend a step runs as the trainer's fused arithmetic (--engine fused, the default
there: WebAssembly SIMD, two members at a time, four in float32; --threads N splits a population over N worker
threads, with the same bytes); --engine autodiff runs it as TF.js ops with TF.js's gradients (the
only engine elsewhere). --precision float32 computes the fused engine's step in float32, every operation
rounded as PyTorch's float32 tensors round it (four members at a time in the kernel; faster, other bytes);
float64 (the default, every committed log's) sums in float64 and stores in float32.
--report-memory prints the process's peak resident memory on stderr.
--loss hinge (D: E max(0, 1 - D(x)) + E max(0, 1 + D(G(z))); G: -E D(G(z))), --r1 G and --r2 G (D's loss
gains G/2 E|grad_x D|^2 on the real or the fake batch), --spectral-norm (every layer of D divided by its
largest singular value, one power iteration per D step) and --ema B (G's samples from a moving average
of its weights) run on the autodiff engine, which they choose when --engine is not given.
A member whose loss becomes NaN or infinite stops alone: a line on stderr names it, the step and the
quantity, its last good state stays in the checkpoint and the summary, and the exit status is 1.
--checkpoint DIR saves DIR/checkpoint.json (weights, Adam state, generator states, step, logs) every
--checkpoint-every steps (default 200) and on SIGINT/SIGTERM; --resume DIR continues from it and
prints the same log, byte for byte, as the run that was never interrupted. The checkpoint does not
remember --out: give --out DIR again when resuming (--resume DIR --out OUT).
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
  r1: 'value',
  r2: 'value',
  'spectral-norm': 'flag',
  ema: 'value',
  config: 'value',
  backend: 'value',
  engine: 'value',
  precision: 'value',
  threads: 'value',
  'report-memory': 'flag',
  out: 'value',
  checkpoint: 'value',
  'checkpoint-every': 'value',
  resume: 'value',
} as const;

const INT = /^\d+$/;
const NUM = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function quantile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

/** Median and 5–95% band of the members still training (stopped members have no losses). */
/** The median and the 5%–95% range of the members' values, to `places` decimals. */
function band(xs: number[], places = 4): string {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return 'NaN';
  return `${formatFixed(quantile(s, 0.5), places)} [${formatFixed(quantile(s, 0.05), places)}, ${formatFixed(quantile(s, 0.95), places)}]`;
}

/** Runs `gan-verify train …`; resolves to the text for stdout and the exit status (1 when a member stopped). */
export async function runTrain(
  argv: readonly string[],
  err: (s: string) => void = (s) => process.stderr.write(s),
  out?: (s: string) => void,
): Promise<[string, number]> {
  // the trainer's errors about a setting given as a flag name the flag (train: population … → --population …)
  return asFlagsAsync('gan-verify train', SPEC, () => trainCommand(argv, err, out));
}

async function trainCommand(argv: readonly string[], err: (s: string) => void, out?: (s: string) => void): Promise<[string, number]> {
  const cmd = 'gan-verify train';
  const args = parseArgs(cmd, argv, SPEC);
  if (args.flags.has('help')) return [TRAIN_HELP, 0];
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
    const x = Number(v);
    // a nonzero number written beyond float64's range must not become 0 or Infinity silently
    if (!Number.isFinite(x) || (x === 0 && /[1-9]/.test(v.replace(/[eE].*$/, ''))))
      throw new CliError(`${cmd}: --${name} ${JSON.stringify(v)} is outside float64's range (it would be read as ${x})`);
    return x;
  };
  let fileOverrides: Record<string, unknown> = {};
  const configPath = args.values.get('config');
  if (configPath !== undefined) {
    try {
      fileOverrides = JSON.parse(readRegularFile(configPath)) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(`${cmd}: --config ${JSON.stringify(configPath)} is not a readable JSON object (${(e as Error).message.split('\n')[0]})`);
    }
    if (fileOverrides === null || typeof fileOverrides !== 'object' || Array.isArray(fileOverrides))
      throw new CliError(`${cmd}: --config ${JSON.stringify(configPath)} must hold a JSON object`);
  }
  // the file may name the preset; a --preset flag wins
  const { preset: filePreset, ...fileSettings } = fileOverrides;
  if (filePreset !== undefined && typeof filePreset !== 'string')
    throw new CliError(`${cmd}: --config ${JSON.stringify(configPath)}: preset must be a string; got ${JSON.stringify(filePreset)}`);
  const preset = args.values.get('preset') ?? (filePreset as string | undefined) ?? 'seed-toy';
  if (preset !== 'tabular' && !(preset in PRESETS)) {
    throw new CliError(
      `${cmd}: ${args.values.has('preset') ? '--preset' : `--config ${JSON.stringify(configPath)}: preset`} must be one of ` +
        `${[...Object.keys(PRESETS), 'tabular'].join(', ')}; got ${JSON.stringify(preset)}`,
    );
  }
  if (preset === 'tabular') {
    if (configPath !== undefined) throw new CliError(`${cmd}: --config does not apply to the tabular preset (give its settings as flags)`);
    return [await runTabular(cmd, args, int, num), 0];
  }
  const backend = (args.values.get('backend') ?? 'cpu') as BackendName;
  if (!BACKENDS.includes(backend)) throw new CliError(`${cmd}: --backend must be one of ${BACKENDS.join(', ')}; got ${JSON.stringify(backend)}`);
  const engine = args.values.get('engine') as Engine | undefined;
  if (engine !== undefined && engine !== 'fused' && engine !== 'autodiff')
    throw new CliError(`${cmd}: --engine must be fused or autodiff; got ${JSON.stringify(engine)}`);
  if (engine === 'fused' && backend !== 'cpu') throw new CliError(`${cmd}: --engine fused runs on the cpu backend only; got --backend ${backend}`);
  // flags override the file's settings only where a flag was given
  const flags: Record<string, unknown> = {
    steps: int('steps'),
    batch: int('batch'),
    logEvery: int('log-every'),
    dSteps: int('d-steps'),
    lrD: num('lr-d'),
    lrG: num('lr-g'),
    labelSmoothing: num('label-smoothing'),
    loss: args.values.get('loss'),
    r1: num('r1'),
    r2: num('r2'),
    ema: num('ema'),
    spectralNorm: args.flags.has('spectral-norm') ? true : undefined,
    precision: args.values.get('precision'),
  };
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  try {
    makeConfig(preset, fileSettings);
  } catch (e) {
    // name the file for a bad setting in it (the flags are checked below, by their own names)
    if (configPath !== undefined && e instanceof Error)
      throw new CliError(`${cmd}: --config ${JSON.stringify(configPath)}: ${e.message.replace(/^train: /, '')}`);
    throw e;
  }
  const config = makeConfig(preset, { ...fileSettings, ...given });
  const resumeDir = args.values.get('resume');
  let resume: Checkpoint | undefined;
  if (resumeDir !== undefined) {
    const clash = [
      'preset',
      'seed',
      'population',
      'steps',
      'batch',
      'log-every',
      'loss',
      'lr-d',
      'lr-g',
      'd-steps',
      'label-smoothing',
      'r1',
      'r2',
      'ema',
      'config',
      'engine',
      'precision',
    ].find((k) => args.values.has(k) || (k === 'spectral-norm' && args.flags.has(k)));
    if (clash !== undefined) throw new CliError(`${cmd}: --resume takes the run's settings from its checkpoint; got --${clash} too`);
    const file = join(resumeDir, 'checkpoint.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readRegularFile(file));
    } catch (e) {
      throw new CliError(
        `${cmd}: --resume ${JSON.stringify(resumeDir)} has no readable checkpoint.json ` +
          `(${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]})`,
      );
    }
    try {
      resume = (await import('./checkpoint-file.js')).unsealCheckpoint(raw);
    } catch (e) {
      throw new CliError(`${cmd}: --resume ${JSON.stringify(resumeDir)}: checkpoint.json is not usable: ${(e as Error).message.replace(/^checkpoint: /, '')}`);
    }
  }
  const checkpointDir = args.values.get('checkpoint') ?? resumeDir;
  if (args.values.has('checkpoint') && (config.spectralNorm === true || (config.ema ?? 0) > 0))
    throw new CliError(
      `${cmd}: --checkpoint cannot hold ${config.spectralNorm === true ? '--spectral-norm' : '--ema'}'s state yet; train without --checkpoint`,
    );
  const every = int('checkpoint-every') ?? (checkpointDir === undefined ? undefined : 200);
  if (every !== undefined && (every < 1 || checkpointDir === undefined))
    throw new CliError(`${cmd}: --checkpoint-every needs --checkpoint DIR and a value ≥ 1; got ${every}`);
  const seed = int('seed') ?? 0;
  const population = int('population') ?? 1;
  const threads = int('threads') ?? 1;
  if (threads < 1 || threads > 256) throw new CliError(`${cmd}: --threads must be an integer from 1 to 256; got ${threads}`);
  if (threads > 1 && (engine === 'autodiff' || backend !== 'cpu'))
    throw new CliError(
      `${cmd}: --threads splits the fused engine's members (cpu backend); got ${engine === 'autodiff' ? '--engine autodiff' : `--backend ${backend}`}`,
    );
  // TensorFlow.js is loaded for another backend (or to go back to cpu from one); on cpu the engine loads it if it needs it
  if (backend !== 'cpu' || chosenBackend() !== 'cpu') await useBackend(backend);
  const lines: string[] = [];
  const records: MemberLog[] = [];
  // 2-D targets: the modes covered and the share of high-quality points (within 3σ of a mode) follow the losses
  const pct = (x: number) => `${formatFixed(100 * x, 1)}%`;
  const modesOf = (logs: MemberLog[]) => {
    const l0 = logs[0] as MemberLog;
    if (l0.modes === undefined) return '';
    if (logs.length === 1) return `, modes=${l0.modesCovered}/${l0.modes}, high-quality=${pct(l0.hqShare as number)}`;
    return `, modes/${l0.modes}=${band(
      logs.map((l) => l.modesCovered as number),
      1,
    )}, high-quality%=${band(
      logs.map((l) => 100 * (l.hqShare as number)),
      1,
    )}`;
  };
  const lineOf = (logs: MemberLog[]) => {
    const l0 = logs[0] as MemberLog;
    return (
      (logs.length === 1
        ? logLine(l0.step, l0.dLoss, l0.gLoss)
        : `Step ${l0.step}: D_loss=${band(logs.map((l) => l.dLoss))}, G_loss=${band(logs.map((l) => l.gLoss))}`) + modesOf(logs)
    );
  };
  // the log streams: each line goes out as its step completes (given a writer), and --out DIR's
  // log.jsonl grows as it goes, so an interrupted run has printed and kept everything it did
  const streaming = out !== undefined && !args.flags.has('json');
  const outDirGiven = args.values.get('out');
  if (outDirGiven !== undefined) ensureOutputDir(cmd, '--out', outDirGiven);
  const logFile = outDirGiven === undefined ? undefined : join(outDirGiven, 'log.jsonl');
  // the streamed log: a failed append (a full disk) stops the streaming, says so once, and the log
  // is written whole at the end (or the run ends with exit 1 naming it)
  let streamFailed = false;
  const appendLog = (text: string) => {
    if (logFile === undefined || streamFailed) return;
    try {
      appendFileSync(logFile, text);
    } catch (e) {
      streamFailed = true;
      err(`${cmd}: could not append to ${logFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); it will be written whole at the end\n`);
    }
  };
  if (logFile !== undefined) {
    try {
      writeFileSync(logFile, '');
    } catch (e) {
      throw new CliError(
        `${cmd}: --out ${JSON.stringify(outDirGiven)}: ${logFile} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
  }
  // a progress bar on stderr when it is a terminal, wiped before each log line
  const bar = args.flags.has('json') ? null : progressBar();
  const emit = (logs: MemberLog[]) => {
    records.push(...logs);
    const line = lineOf(logs);
    lines.push(line);
    bar?.clear();
    if (streaming) out(`${line}\n`);
    appendLog(logs.map((r) => `${JSON.stringify(r)}\n`).join(''));
  };
  for (const logs of resume?.logs ?? []) emit(logs);
  // outputs are checked before the work starts; a temp file left by an interrupted write is removed
  if (checkpointDir !== undefined) {
    ensureOutputDir(cmd, args.values.has('checkpoint') ? '--checkpoint' : '--resume', checkpointDir);
    removeStaleTemp(join(checkpointDir, 'checkpoint.json'));
  }
  // the step of the last checkpoint on disk (a resumed run starts from one)
  let savedStep: number | undefined = resume?.step;
  // the checkpoint's schema (zod) is loaded only when a checkpoint is written
  const sealCheckpoint = checkpointDir === undefined ? null : (await import('./checkpoint-file.js')).sealCheckpoint;
  const save = (ck: Checkpoint) => {
    if (checkpointDir === undefined || sealCheckpoint === null) return;
    // temp file, every byte, fsync, rename: a full disk or an interruption never leaves a torn checkpoint
    try {
      writeFileDurable(join(checkpointDir, 'checkpoint.json'), sealCheckpoint(ck));
    } catch (e) {
      if (!(e instanceof SaveError)) throw e;
      const kept =
        savedStep === undefined
          ? 'no checkpoint was saved before this one'
          : `the checkpoint of step ${savedStep} is kept (continue with --resume ${checkpointDir} once there is room)`;
      throw new CliError(`${cmd}: ${stop ? 'interrupted; ' : ''}could not save the checkpoint of step ${ck.step}: ${e.message}; ${kept}`, 1);
    }
    savedStep = ck.step;
  };
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: Awaited<ReturnType<typeof train>>;
  try {
    result = await train(config, {
      seed,
      population,
      resume,
      engine,
      threads,
      onStop: (st) =>
        err(
          `${cmd}: member seed ${st.seed} stopped at step ${st.step}: its ${st.quantity} became ` +
            `${st.value}${Number.isFinite(st.value) ? ` (beyond the bound |loss| ≤ ${LOSS_BOUND}: diverged)` : ''}; its last good state is kept\n`,
        ),
      checkpointEvery: every,
      ...(checkpointDir === undefined ? {} : { onCheckpoint: save }),
      shouldStop: () => stop,
      onLog: emit,
      ...(bar === null ? {} : { onStep: (s: number, n: number) => bar.update(s, n, population === 1 ? 'steps' : `steps, ${population} members`) }),
    });
  } catch (e) {
    if (e instanceof TrainInterrupted) {
      const where =
        checkpointDir === undefined
          ? 'no --checkpoint DIR was given, so nothing was saved'
          : `checkpoint saved in ${checkpointDir} (continue with --resume ${checkpointDir})`;
      throw new CliError(`${cmd}: interrupted before step ${e.step}; ${where}`, 130);
    }
    throw e;
  } finally {
    bar?.clear();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const median = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  const summary = {
    preset: result.config.preset,
    backend,
    engine: result.engine,
    seed: result.seed,
    population: result.population,
    config: result.config,
    final: result.final,
    stopped: result.stopped.filter((x) => x !== null),
    // the median over members of every metric the preset reports
    aggregate: Object.fromEntries(
      (['dLoss', 'gLoss', 'w1', 'gMean', 'gStd', 'modesCovered', 'hqShare', 'reverseKl', 'dHalfGap', 'dStarGap'] as const)
        .filter((key) => result.final.every((l) => typeof l[key] === 'number'))
        .map((key) => [key, median(result.final.filter((l) => l.stopped === undefined).map((l) => l[key] as number))]),
    ),
  };
  const outDir = args.values.get('out');
  if (outDir !== undefined) {
    mkdirSync(outDir, { recursive: true });
    // the streamed log, rewritten whole and durably now that the run is complete
    try {
      writeFileDurable(join(outDir, 'log.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      writeFileDurable(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
    } catch (e) {
      if (!(e instanceof SaveError)) throw e;
      const ck = checkpointDir === undefined ? 'no --checkpoint DIR was given' : `the run's last checkpoint is in ${checkpointDir}`;
      throw new CliError(`${cmd}: the run finished, but ${e.message}; ${ck}`, 1);
    }
  }
  const code = result.stopped.some((x) => x !== null) ? 1 : 0;
  // maxRSS is in kibibytes
  if (args.flags.has('report-memory')) err(`${cmd}: peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`);
  return [args.flags.has('json') ? `${JSON.stringify(summary)}\n` : streaming ? '' : `${lines.join('\n')}\n`, code];
}

function runTabular(
  cmd: string,
  args: ReturnType<typeof parseArgs>,
  int: (name: string) => number | undefined,
  num: (name: string) => number | undefined,
): Promise<string> {
  const allowed = new Set(['preset', 'seed', 'population', 'steps', 'log-every', 'loss', 'lr-d', 'lr-g', 'd-steps', 'batch']);
  const extra = [...args.values.keys()].find((k) => !allowed.has(k));
  if (extra !== undefined) throw new CliError(`${cmd}: --${extra} does not apply to the tabular preset`);
  const loss = args.values.get('loss') ?? 'ns';
  if (loss !== 'ns' && loss !== 'saturating') throw new CliError(`${cmd}: --loss must be ns or saturating for the tabular preset; got ${JSON.stringify(loss)}`);
  const over = {
    steps: int('steps'),
    logEvery: int('log-every'),
    dSteps: int('d-steps'),
    lrD: num('lr-d'),
    lrG: num('lr-g'),
    batch: int('batch'),
    loss: loss as 'ns' | 'saturating',
  };
  const clean = Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined));
  for (const k of ['steps', 'logEvery', 'dSteps'] as const) {
    if (clean[k] !== undefined && (clean[k] as number) < 1)
      throw new CliError(`${cmd}: --${k === 'logEvery' ? 'log-every' : k === 'dSteps' ? 'd-steps' : 'steps'} must be ≥ 1`);
  }
  return useBackend('cpu').then(async () => {
    const { trainTabular } = await import('../train/tabular.js');
    const logs = trainTabular(clean, { seed: int('seed') ?? 0, population: int('population') ?? 1 });
    if (args.flags.has('json')) return `${JSON.stringify({ preset: 'tabular', logs })}\n`;
    const lines = logs.map((members) => {
      const m = members[0] as (typeof members)[number];
      const med = (f: (x: typeof m) => number) => {
        const xs = members.map(f).sort((a, b) => a - b);
        return xs[(xs.length - 1) >> 1] as number;
      };
      return `Step ${m.step}: D_loss=${formatFixed(
        med((x) => x.dLoss),
        4,
      )}, G_loss=${formatFixed(
        med((x) => x.gLoss),
        4,
      )}, V=${formatFixed(
        med((x) => x.value),
        6,
      )}, JSD=${formatFixed(
        med((x) => x.jsd),
        6,
      )}`;
    });
    return `${lines.join('\n')}\n`;
  });
}
