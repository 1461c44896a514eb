/**
 * The population engine against batched PyTorch (bench/torch_population.py: parameters
 * [K, fan_in, fan_out], torch.baddbmm, one Adam), side by side in one run:
 * - the seed toy as K members for STEPS steps (default 1000; BENCH_POP_STEPS), K = 256, 1024 and 4096,
 *   training only (gan-verify with no intermediate log);
 * - the toy at K = 1024 with the default log interval (200: the metrics of every member at each log
 *   step included; PyTorch's script evaluates nothing), and what the metrics of one log step cost
 *   against the training between two log steps (target ≤ 10%);
 * - the `ring8` preset (2-D, G 2-128-128-2 and D 2-128-128-1, batch 256) at K = 64 for RING_STEPS
 *   steps (default 20; BENCH_RING8_STEPS).
 * Targets (issue 26): ≤ 0.5× batched PyTorch with one thread each, for every row. Also printed: both
 * cores (gan-verify `threads: 2` against PyTorch's better time with 1 or 2 threads), the cost per
 * member-step, the arithmetic rate and its share of the machine's float32 peak.
 * gan-verify runs from dist/ (the built package, as users run it), warmed up; its time is an N-step
 * run minus a 1-step run (set-up, thread start and the step-0 and final measurements not counted);
 * PyTorch's is its best of two runs of the loop alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type * as Train from '../src/train/index.js';
import { findPython } from './util.js';

const KS = [256, 1024, 4096];
const RING_K = 64;
const METRICS_K = 1024;

/**
 * Floating-point operations in one member-step of an MLP GAN with batch B: a layer of fin·fout
 * weights costs 2·fin·fout per row forward, 4 per row backward with weight gradients (gradient and
 * back-propagated vector), 2 backward without; each D step runs D forward and backward on 2B rows
 * (real and fake) after G forward on B; G's step (on the last D step's fakes, as the documents' loop does)
 * runs D forward and backward without weight gradients, then G backward; Adam ~10 per parameter.
 */
function flopsPerMemberStep(train: typeof Train, c: Train.TrainConfig, dim: number): number {
  const weights = (sizes: number[]) => sizes.slice(1).reduce((s, n, i) => s + (sizes[i] as number) * n, 0);
  const g = [c.noiseDim, ...c.gHidden, dim];
  const d = [dim, ...c.dHidden, 1];
  const B = c.batch;
  const Wg = weights(g);
  const Wd = weights(d);
  const dStep = 2 * Wg * B + 2 * Wd * 2 * B + 4 * Wd * 2 * B;
  const gStep = 2 * Wd * B + 2 * Wd * B + 4 * Wg * B;
  return c.dSteps * dStep + gStep + 10 * (train.parameterCount(g) + train.parameterCount(d));
}

async function timeRun(train: typeof Train, c: Train.TrainConfig, K: number, threads: number): Promise<number> {
  // (the configuration's precision is the row's: float32 as PyTorch computes, or the default float64)
  const t0 = performance.now();
  await train.train(c, { seed: 0, population: K, threads });
  return (performance.now() - t0) / 1000;
}

/** The time of `steps` steps: a run of that many minus a 1-step run (set-up, threads and the measurements not counted). */
async function timeOurs(
  train: typeof Train,
  preset: string,
  K: number,
  steps: number,
  threads: number,
  logEvery: number,
  precision: Train.Precision,
): Promise<number> {
  const base = await timeRun(train, train.makeConfig(preset, { steps: 1, logEvery: 1, precision }), K, threads);
  return (await timeRun(train, train.makeConfig(preset, { steps, logEvery, precision }), K, threads)) - base;
}

/** The clock of the first core in MHz (os.cpus() says 0 on some virtual machines; /proc/cpuinfo still knows). */
function clockMHz(): number {
  const fromOs = cpus()[0]?.speed ?? 0;
  if (fromOs > 0) return fromOs;
  try {
    const m = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? Math.round(Number(m[1])) : 0;
  } catch {
    return 0;
  }
}

/** Float32 flops a cycle on one core: AVX-512 (two 512-bit FMA pipes: 2 × 16 lanes × 2) where /proc/cpuinfo lists avx512f, else AVX2's 32. */
function f32FlopsPerCycle(): number {
  try {
    return /\bavx512f\b/.test(readFileSync('/proc/cpuinfo', 'utf8')) ? 64 : 32;
  } catch {
    return 32;
  }
}

/** PyTorch's best-of-two seconds per (K, threads), from one script run per thread count. */
function torchTimes(python: string, arch: string, steps: number, Ks: number[], lines: string[]): { times: Map<string, number>; version: string } {
  const times = new Map<string, number>();
  let version = '';
  for (const threads of [1, 2]) {
    const script = new URL('./torch_population.py', import.meta.url).pathname;
    const r = spawnSync(python, [script, String(threads), String(steps), ...Ks.map(String), '--arch', arch], { encoding: 'utf8' });
    if (r.status !== 0) {
      lines.push(`PyTorch population script (${arch}) failed: ${r.stderr.trim().split('\n').pop()}`);
      break;
    }
    for (const line of r.stdout.trim().split('\n')) {
      const o = JSON.parse(line) as { K: number; threads: number; seconds: number; torch: string };
      times.set(`${o.K}/${o.threads}`, o.seconds);
      version = o.torch;
    }
  }
  return { times, version };
}

export async function benchPopulation(): Promise<string[]> {
  const steps = Number(process.env.BENCH_POP_STEPS ?? 1000);
  const ringSteps = Number(process.env.BENCH_RING8_STEPS ?? 20);
  const lines: string[] = [];
  const python = findPython('torch');
  const toy = python === null ? { times: new Map<string, number>(), version: '' } : torchTimes(python, 'toy', steps, KS, lines);
  const ring = python === null ? { times: new Map<string, number>(), version: '' } : torchTimes(python, 'ring8', ringSteps, [RING_K], lines);
  if (python === null) lines.push('BATCHED PYTORCH COMPARISON NOT RUN: torch not found (apt-get install python3-torch)');
  const dist = new URL('../dist/train/index.js', import.meta.url).href;
  const train = (await import(dist)) as typeof Train;
  await train.useBackend('cpu');
  for (const threads of [1, 2]) await timeRun(train, train.makeConfig('seed-toy', { steps: 20, logEvery: 20 }), 256, threads); // warm-up
  const mhz = clockMHz();
  const perCycle = f32FlopsPerCycle();
  const peak = (mhz * 1e6 * perCycle * cpus().length) / 1e9;
  lines.push(
    `population engine vs batched PyTorch ${toy.version || ring.version} (one thread each unless said; ratios < 1 mean gan-verify is faster)`,
    `  machine: ${cpus().length} cores at ${mhz} MHz, float32 peak ≈ ${peak.toFixed(0)} GFLOP/s (${perCycle} flops/cycle/core); ` +
      "rows say the kernel's precision: f32 (four members an f32x4, as PyTorch computes) or f64 (two an f64x2, the default)",
    '  run                                   PyTorch 1t   PyTorch 2t   gan-verify 1t   gan-verify 2t   µs/member-step (1t, 2t)   ' +
      'ratio 1t (≤ 0.5)   ratio 2 cores   GFLOP/s 1t (% of peak)',
  );
  const row = async (name: string, preset: string, K: number, n: number, t: Map<string, number>, precision: Train.Precision, logEvery = n) => {
    const one = await timeOurs(train, preset, K, n, 1, logEvery, precision);
    const two = await timeOurs(train, preset, K, n, 2, logEvery, precision);
    const t1 = t.get(`${K}/1`);
    const t2 = t.get(`${K}/2`);
    const c = train.makeConfig(preset);
    const flops = flopsPerMemberStep(train, c, preset === 'seed-toy' || preset === 'mixture-1d' ? 1 : 2);
    const per = (s: number) => ((s / (K * n)) * 1e6).toFixed(2);
    const gflops = (flops * K * n) / one / 1e9;
    const r1 = t1 === undefined ? '—' : (one / t1).toFixed(3);
    const r2 = t1 === undefined || t2 === undefined ? '—' : (two / Math.min(t1, t2)).toFixed(3);
    const cell = (x: number | undefined, w: number) => (x === undefined ? '—' : `${x.toFixed(2)} s`).padEnd(w);
    lines.push(
      `  ${name.padEnd(37)} ${cell(t1, 12)} ${cell(t2, 12)} ${cell(one, 15)} ${cell(two, 15)} ${`${per(one)}, ${per(two)}`.padEnd(25)} ` +
        `${r1.padEnd(18)} ${r2.padEnd(15)} ${gflops.toFixed(2)} (${((100 * gflops) / (peak / cpus().length)).toFixed(1)}% of a core)`,
    );
    return one;
  };
  for (const K of KS) await row(`seed toy K=${K}, ${steps} steps, f32`, 'seed-toy', K, steps, toy.times, 'float32');
  await row(`seed toy K=${METRICS_K}, ${steps} steps, f64`, 'seed-toy', METRICS_K, steps, toy.times, 'float64');
  const logEvery = train.makeConfig('seed-toy').logEvery;
  await row(`seed toy K=${METRICS_K}, log every ${logEvery}, f32`, 'seed-toy', METRICS_K, steps, toy.times, 'float32', logEvery);
  await row(`ring8 K=${RING_K}, ${ringSteps} steps, f32`, 'ring8', RING_K, ringSteps, ring.times, 'float32');
  await row(`ring8 K=${RING_K}, ${ringSteps} steps, f64`, 'ring8', RING_K, ringSteps, ring.times, 'float64');
  for (const precision of ['float32', 'float64'] as const) lines.push(await metricsShareLine(train, steps, precision));
  return lines;
}

/**
 * What the metrics of one log step cost against the training between two (target ≤ 10%), from the trainer's own
 * account of one run (TrainResult.seconds: the time in the engine's steps and in the measurements), so the host's
 * load between two runs does not enter the ratio: (metrics per measurement) / (steps' time per logEvery steps).
 * The first measurement of a run also pays what happens once (the compiler's first pass, the evaluation's arrays
 * and kernels, the target's tables): it is shown apart, and the share is that of the later ones; the share over
 * all of them, the first included, is shown too. The median of three runs.
 */
export async function metricsShareLine(train: typeof Train, steps: number, precision: Train.Precision): Promise<string> {
  const c = train.makeConfig('seed-toy', { steps, precision });
  const runs: { first: number; later: number; all: number; between: number; count: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const { seconds: s } = await train.train(c, { seed: 0, population: METRICS_K });
    runs.push({
      first: s.firstMetrics,
      later: (s.metrics - s.firstMetrics) / Math.max(1, s.measurements - 1),
      all: s.metrics / s.measurements,
      between: s.steps / (steps / c.logEvery),
      count: s.measurements,
    });
  }
  const r = [...runs].sort((a, b) => a.later / a.between - b.later / b.between)[1] as (typeof runs)[number];
  const ms = (x: number) => (x * 1000).toFixed(0);
  return (
    `  metrics at a log step (${precision}, K=${METRICS_K}, ${c.evalSamples} evaluation samples a member, log every ${c.logEvery}; median of 3 runs): ` +
    `${ms(r.later)} ms against ${ms(r.between)} ms of training between two log steps: ${((100 * r.later) / r.between).toFixed(1)}% (target ≤ 10%); ` +
    `the run's first ${ms(r.first)} ms (once: first compilation, arrays, tables); all ${r.count} together ` +
    `${((100 * r.all) / r.between).toFixed(1)}%`
  );
}
