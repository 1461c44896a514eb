import { checkConfig, type TrainConfig } from './config.js';
import { checkOptionsWith, show } from '../theory/errors.js';
import { CHECKPOINT_FORMAT, type Checkpoint, type Engine, type FinalProbe, type MemberLog, type MemberStop } from './types.js';
import { checkMemory } from '../numeric/memory.js';
import { parseDistribution, Rng, type Dist1D, type Distribution, type RngState } from '../numeric/index.js';
import { checkSeed } from '../numeric/rng.js';
import { TrainError } from './errors.js';
import { chosenBackend } from './backend.js';
import { chooseEngine } from './engines/registry.js';
import type { Points } from './engines/types.js';
import { STEP_STOPPED_D, type NetState, type StopRecord } from './engines/fused-members.js';
import { isCritic } from './losses.js';
import { gridFor, measure, probe, type RunView } from './metrics.js';
import { layout, networkSizes, parameterCount } from './mlp.js';

export { modeMetrics } from './mode-metrics.js';
export type { Checkpoint, Engine, FinalProbe, MemberLog, MemberStop } from './types.js';
export { formatFixed, logLine } from './log-format.js';

/**
 * The reference GAN trainer: a population of K independent runs (seeds s, s+1, …). Each network's
 * parameters are one [K·P] float32 array (member k's row: W then b, layer by layer) and Adam's
 * moments the same. Each member's losses are means over its own batch and its gradient touches
 * only its own row, so member k of a population computes the same float operations, in the same
 * order, as the single run with seed s + k (tested bit for bit, for any split over threads). This
 * file is the loop: when to log, checkpoint, probe and listen for signals; an engine computes the
 * steps (engines/: `fused` on the cpu backend, `autodiff` elsewhere), metrics.ts measures.
 *
 * Noise and data come from the project's generator (`numeric/rng.ts`), never from TensorFlow.js:
 * member k uses Rng.fromSeed(s + k), stream 0 for initialisation, 1 for data, 2 for z, 3 for the
 * fixed evaluation noise, 4 for the gradient penalty's interpolation weights, 5 for the critic's
 * held-out data, 6 for the probe's data.
 */

/** The options of {@link train}: the population, the engine, and the callbacks that observe, checkpoint and stop a run. */
export interface TrainOptions {
  /**
   * The first member's seed, an integer from 0 to 2³² − 1; member k uses seed + k. Ignored with `resume`.
   * @defaultValue 0
   */
  seed?: number;
  /**
   * The number of members K, 1 to 4096 (seed + K − 1 must stay below 2³²). Ignored with `resume`.
   * @defaultValue 1
   */
  population?: number;
  /** Default: `fused` on the cpu backend, `autodiff` elsewhere. */
  engine?: Engine;
  /**
   * Fused engine: split the members over this many worker threads (default 1: this thread). The
   * bytes of a run do not depend on it. Node only.
   */
  threads?: number;
  /**
   * Fused engine: false runs every member on the scalar code instead of the WebAssembly SIMD kernel
   * (same bytes, tested; for comparisons). Default true.
   */
  simd?: boolean;
  /** Called after every logged step with one entry per member. */
  onLog?: (logs: MemberLog[]) => void;
  /**
   * With `onProbe`: every this many steps, D on its grid, G's samples and D* (as `onFinal` gives them at the end).
   * @defaultValue 10
   */
  probeEvery?: number;
  /** Called after every `probeEvery`-th step with the step just done; reads the state, changes nothing. */
  onProbe?: (step: number, probe: FinalProbe) => void;
  /** Called before each step with the step index and the run's step count (progress bars). */
  onStep?: (step: number, steps: number) => void;
  /** Called when a member stops on a non-finite loss (the others go on). */
  onStop?: (stop: MemberStop) => void;
  /** Take a checkpoint every this many steps (and when `shouldStop` turns true). */
  checkpointEvery?: number;
  /** Receives each checkpoint taken (every `checkpointEvery` steps, and before {@link TrainInterrupted} is thrown); plain JSON, for `resume`. */
  onCheckpoint?: (checkpoint: Checkpoint) => void;
  /** Continue from a checkpoint instead of starting (its config, seed, population and engine are used). */
  resume?: Checkpoint;
  /** Polled between steps; when it returns true a checkpoint is taken and {@link TrainInterrupted} thrown. */
  shouldStop?: () => boolean;
  /** Called once after the last step with G's output on the evaluation noise and D on the metric grid. */
  onFinal?: (probe: FinalProbe) => void;
}

/** Thrown when `shouldStop` interrupted a run; the checkpoint has been handed to `onCheckpoint`. */
export class TrainInterrupted extends Error {
  /** Always `'TrainInterrupted'`: the class name that stack traces and `String(error)` show. */
  override readonly name = 'TrainInterrupted';
  /** @param step - The step the run stopped before: the checkpoint's `step`, the next step a resumed run does. */
  constructor(readonly step: number) {
    super(`interrupted before step ${step}`);
  }
}

/** What {@link train} resolves to. */
export interface TrainResult {
  /** The configuration the run used (the checkpoint's when resumed). */
  config: TrainConfig;
  /** The first member's seed; member k's is seed + k. */
  seed: number;
  /** The number of members K. */
  population: number;
  /** The engine that ran the steps. */
  engine: Engine;
  /** Every logged step (0, logEvery, 2·logEvery, …), one entry per member each; a resumed run's include the checkpoint's. */
  logs: MemberLog[][];
  /** One entry per member at the last step done: the run's last step, or the step where its last training member stopped. */
  final: MemberLog[];
  /** Per member: why it stopped, or null when it ran to the end. */
  stopped: (MemberStop | null)[];
  /**
   * Where this run's wall time went, in seconds: the engine's steps, and the measurements of every member
   * at logged (and final) steps, with their count. It varies from run to run, so no output of gan-verify
   * records it; `npm run bench` reads it for what a log step's metrics cost against the training.
   */
  seconds: {
    /** In the engine's steps. */
    steps: number;
    /** In the measurements of every member (metrics, and the critic's estimate for the critic losses). */
    metrics: number;
    /** How many measurements: the logged steps and, when it was not logged, the last one. */
    measurements: number;
    /**
     * Of `metrics`, the first measurement of this process's run (it also pays what a measurement does once: the
     * compiler's first pass over the code, the evaluation's arrays and kernels, the target's quantile tables).
     */
    firstMetrics: number;
  };
}

/**
 * Initial parameters [K·P]: PyTorch's nn.Linear, weights and biases uniform in ±1/√fan_in; per
 * member, layer by layer, W (row-major [in][out]) then b, from that member's stream 0.
 */
function initParams(rngs: Rng[], sizes: number[]): Float32Array {
  const net = layout(sizes);
  const out = new Float32Array(rngs.length * net.P);
  rngs.forEach((rng, k) => {
    for (const L of net.layers) {
      const bound = 1 / Math.sqrt(L.fin);
      for (let i = 0; i < L.fin * L.fout; i++) out[k * net.P + L.w + i] = (2 * rng.uniform() - 1) * bound;
      for (let i = 0; i < L.fout; i++) out[k * net.P + L.b + i] = (2 * rng.uniform() - 1) * bound;
    }
  });
  return out;
}

/**
 * Lets other work run between steps (signal handlers in Node, the page in a browser): setImmediate
 * in Node; in a browser, a MessageChannel message, which unlike setTimeout(0) is not clamped to 4 ms.
 */
function yieldToEvents(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    (ch.port1 as unknown as { onmessage: () => void }).onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** The keys of {@link TrainOptions} (a misspelled one is refused, not ignored). */
const TRAIN_OPTIONS = [
  'seed',
  'population',
  'engine',
  'threads',
  'simd',
  'onLog',
  'probeEvery',
  'onProbe',
  'onStep',
  'onStop',
  'checkpointEvery',
  'onCheckpoint',
  'resume',
  'shouldStop',
  'onFinal',
] as const;

/**
 * Trains the population; resolves to every member's logs. Asynchronous so that signals can be
 * heard between steps and worker threads can run (the work itself is deterministic).
 */
export async function train(config: TrainConfig, options: TrainOptions = {}): Promise<TrainResult> {
  checkOptionsWith('train', options, TrainError, TRAIN_OPTIONS);
  // a checkpoint is checked completely (every field and their consistency) before any work starts
  for (const k of ['onLog', 'onStep', 'onStop', 'onCheckpoint', 'onFinal', 'onProbe', 'shouldStop'] as const) {
    const f = (options as Record<string, unknown>)[k];
    if (f !== undefined && typeof f !== 'function') throw new TrainError('train', `options.${k}`, `must be a function; got ${show(f)}`);
  }
  const probeEvery = options.probeEvery ?? 10;
  if (!Number.isSafeInteger(probeEvery) || probeEvery < 1)
    throw new TrainError('train', 'options.probeEvery', `must be an integer ≥ 1; got ${show(options.probeEvery)}`);
  // the checkpoint's schema (zod) is loaded only to resume one
  const ck = options.resume === undefined ? undefined : (await import('./checkpoint.js')).validateCheckpoint(options.resume);
  // a configuration is checked as makeConfig checks it (every field of its preset, each valid)
  if (ck === undefined) checkConfig('train', config);
  const c = ck?.config ?? config;
  const seed = checkSeed('train', ck?.seed ?? options.seed ?? 0);
  const K = ck?.population ?? options.population ?? 1;
  if (!Number.isSafeInteger(K) || K < 1 || K > 4096) throw new TrainError('train', 'population', `must be an integer from 1 to 4096; got ${JSON.stringify(K)}`);
  if (seed + K - 1 > 0xffff_ffff) throw new TrainError('train', 'seed', `+ population − 1 must stay below 2^32; got ${seed} + ${K} − 1`);
  // the backend useBackend selected (cpu when none was): TensorFlow.js is loaded only if the engine needs it
  const backend = chosenBackend();
  if (ck !== undefined && options.engine !== undefined && options.engine !== ck.engine)
    throw new TrainError(
      'train',
      'engine',
      `must be the checkpoint's engine ${JSON.stringify(ck.engine)} to resume it (the engines' bytes differ); got ${JSON.stringify(options.engine)}`,
    );
  // the engine named (checked against the registry), or on resuming the checkpoint's, or the first that can run the configuration
  const engineEntry = chooseEngine(c, backend, ck?.engine ?? options.engine);
  const engineName: Engine = engineEntry.name;
  if (ck === undefined && options.onCheckpoint !== undefined && (c.spectralNorm === true || (c.ema ?? 0) > 0))
    throw new TrainError(
      'train',
      'options.onCheckpoint',
      `cannot hold ${c.spectralNorm === true ? "spectral normalisation's power-iteration vectors" : "G's moving average"} yet; train without a checkpoint`,
    );
  const threads = options.threads ?? 1;
  if (!Number.isSafeInteger(threads) || threads < 1 || threads > 256)
    throw new TrainError('train', 'options.threads', `must be an integer from 1 to 256; got ${show(options.threads)}`);
  if (options.simd !== undefined && typeof options.simd !== 'boolean')
    throw new TrainError('train', 'options.simd', `must be true or false; got ${show(options.simd)}`);
  if (threads > 1 && engineName !== 'fused')
    throw new TrainError('train', 'options.threads', `splits the fused engine's members over threads; the engine is ${JSON.stringify(engineName)}`);
  // member k's streams 0 … 6 (see above), from one seeding
  const streams = Array.from({ length: K }, (_, k) => Rng.fromSeed(seed + k).streams(7));
  const stream = (i: number) => streams.map((st) => st[i] as Rng);
  const initR = stream(0);
  const restore = (st: RngState[] | undefined, i: number) => (st ? st.map((x) => Rng.restore(x)) : stream(i));
  const dataR = restore(ck?.rng.data, 1);
  const noiseR = restore(ck?.rng.noise, 2);
  const gpR = restore(ck?.rng.gp, 4);
  const rngs = dataR.map((data, k) => ({ data, noise: noiseR[k] as Rng, gp: gpR[k] as Rng }));
  const evalR = stream(3);
  const parsed = parseDistribution(c.target, 'train', 'target');
  if ('kind' in parsed) throw new TrainError('train', 'target', `must be a distribution, not a file of samples; got ${JSON.stringify(c.target)}`);
  const target: Distribution = parsed;
  const dim = target.dim;
  checkTrainMemory(c, K, dim);

  const { g: gSizes, d: dSizes } = networkSizes(c, dim);
  const zeros = (sizes: number[]) => new Float32Array(K * layout(sizes).P);
  const init: NetState = ck
    ? { gp: f32(ck.g), gm: f32(ck.gm), gv: f32(ck.gv), dp: f32(ck.d), dm: f32(ck.dm), dv: f32(ck.dv) }
    : { gp: initParams(initR, gSizes), gm: zeros(gSizes), gv: zeros(gSizes), dp: initParams(initR, dSizes), dm: zeros(dSizes), dv: zeros(dSizes) };
  const stopped: (MemberStop | null)[] = ck ? [...ck.stopped] : new Array<MemberStop | null>(K).fill(null);
  const active = Uint8Array.from(stopped, (s) => (s === null ? 1 : 0));
  const engine = await engineEntry.create({ c, target, K, init, rngs, active, threads, simd: options.simd ?? true });
  const evalZ: Points = { data: drawAll(evalR, c.evalSamples * c.noiseDim, (r) => r.normal()), shape: [K, c.evalSamples, c.noiseDim] };
  // the grid's points (one member's copy) and every member's copy
  const gridX = gridFor(target);
  const gridN = gridX.length / dim;
  const grid: Points = { data: new Float32Array(K * gridX.length), shape: [K, gridN, dim] };
  for (let k = 0; k < K; k++) grid.data.set(gridX, k * gridX.length);
  // fresh data from a stream of its own (no other stream is touched): [K, evalSamples, dim]
  const freshData = (i: number) => {
    const out = new Float32Array(K * c.evalSamples * dim);
    stream(i).forEach((r, k) => out.set(target.sample(r, c.evalSamples), k * c.evalSamples * dim));
    return { data: out, shape: [K, c.evalSamples, dim] } as Points;
  };
  // held-out data for the critic's estimate (stream 5)
  const heldOut = isCritic(c.loss) ? freshData(5) : null;
  // for onProbe: data points on which D is read (stream 6), so that a page can estimate V(D, G)
  // and the classifier bound on the JSD from samples
  const probeData = options.onProbe !== undefined ? freshData(6) : null;
  const run: RunView = { c, target, K, seed, grid, gridX, stopped };
  const logs: MemberLog[][] = ck ? ck.logs.map((l) => [...l]) : [];
  let tD = ck?.tD ?? 0;
  let tG = ck?.tG ?? 0;
  const checkpoint = async (next: number): Promise<Checkpoint> => {
    const st = engine.state();
    return {
      format: CHECKPOINT_FORMAT,
      config: c,
      seed,
      population: K,
      engine: engineName,
      step: next,
      tD,
      tG,
      g: Array.from(st.gp),
      d: Array.from(st.dp),
      gm: Array.from(st.gm),
      gv: Array.from(st.gv),
      dm: Array.from(st.dm),
      dv: Array.from(st.dv),
      rng: await engine.rngStates(),
      stopped: [...stopped],
      logs,
    };
  };
  const seconds = { steps: 0, metrics: 0, measurements: 0, firstMetrics: 0 };
  const measureNow = (step: number) => {
    const t0 = performance.now();
    const entry = measureMembers(step);
    const took = (performance.now() - t0) / 1000;
    if (seconds.measurements === 0) seconds.firstMetrics = took;
    seconds.metrics += took;
    seconds.measurements++;
    return entry;
  };
  const measureMembers = (step: number) => {
    const at = { step, dLoss: engine.report.dLoss, gLoss: engine.report.gLoss };
    // a 1-D target's samples summarised where the engine makes them, when nothing else here reads them
    if (dim === 1 && heldOut === null && engine.summarise !== undefined) {
      const { one, logits } = engine.summarise(evalZ, grid, target as Dist1D);
      return measure(run, at, { samples: null, logits, one }, engine.state().gp);
    }
    const ev = engine.evaluate(evalZ, grid, true);
    const logs = measure(run, at, ev, engine.state().gp);
    if (heldOut !== null) {
      const fReal = engine.critic(heldOut);
      const fFake = engine.critic({ data: ev.samples, shape: [K, c.evalSamples, dim] });
      const n = c.evalSamples;
      logs.forEach((m, k) => {
        let s = 0;
        for (let i = k * n; i < (k + 1) * n; i++) s += (fReal[i] as number) - (fFake[i] as number);
        m.criticEstimate = s / n;
      });
    }
    return logs;
  };
  const training = () => engine.report.active.includes(1);
  // the steps after which something is read (a log, a checkpoint, a probe): a run of steps ends there
  const readAfter = (s: number) =>
    s % c.logEvery === 0 ||
    (options.checkpointEvery !== undefined && (s + 1) % options.checkpointEvery === 0) ||
    (options.onProbe !== undefined && (s + 1) % probeEvery === 0);
  let final: MemberLog[] = [];

  try {
    let step = ck?.step ?? 0;
    while (step < c.steps && training()) {
      // let signal handlers run between runs of steps; stop cleanly with a checkpoint when asked
      await yieldToEvents();
      if (options.shouldStop?.() === true) {
        options.onCheckpoint?.(await checkpoint(step));
        throw new TrainInterrupted(step);
      }
      let n = 1;
      while (n < engine.chunk && step + n < c.steps && !readAfter(step + n - 1)) n++;
      for (let s = step; s < step + n; s++) options.onStep?.(s, c.steps);
      const t0 = performance.now();
      const stops = await engine.run(step, n, tD, tG);
      seconds.steps += (performance.now() - t0) / 1000;
      tD += n * c.dSteps;
      tG += n;
      for (const r of stops) {
        const stop: MemberStop = { seed: seed + r.member, step: r.step, quantity: r.status === STEP_STOPPED_D ? 'D loss' : 'G loss', value: r.value };
        stopped[r.member] = stop;
        options.onStop?.(stop);
      }
      // the last step done: a run ends where its last member stopped
      const done = training() || stops.length === 0 ? step + n - 1 : (stops[stops.length - 1] as StopRecord).step;
      step = done + 1;
      const last = done === c.steps - 1 || !training();
      if (done % c.logEvery === 0) {
        const entry = measureNow(done);
        logs.push(entry);
        options.onLog?.(entry);
      }
      if (last) final = done % c.logEvery === 0 ? (logs[logs.length - 1] as MemberLog[]) : measureNow(done);
      if (options.checkpointEvery !== undefined && (done + 1) % options.checkpointEvery === 0 && !last) options.onCheckpoint?.(await checkpoint(done + 1));
      if (options.onProbe !== undefined && (done + 1) % probeEvery === 0) options.onProbe(done, probe(run, engine, evalZ, probeData));
    }
    if (final.length === 0) final = logs[logs.length - 1] ?? measureNow(step - 1);
    if (options.onFinal) options.onFinal(probe(run, engine, evalZ, probeData));
    return { config: c, seed, population: K, engine: engineName, logs, final, stopped, seconds };
  } finally {
    await engine.dispose();
  }
}

/** n draws of f per generator, member-major: [K·n] float32. */
function drawAll(rngs: Rng[], n: number, f: (r: Rng) => number): Float32Array {
  const out = new Float32Array(rngs.length * n);
  rngs.forEach((r, k) => {
    for (let i = 0; i < n; i++) out[k * n + i] = f(r);
  });
  return out;
}

const f32 = (x: readonly number[]) => Float32Array.from(x);

/**
 * Refuses, before any allocation, a run whose step would not fit in memory. Per step: the real
 * batches and noise of every D step (float32, [dSteps, K, B, dim + noiseDim + 1]) with the copies the
 * engines make; the activations of the widest layer for a batch (float64 in the fused engine, per
 * member in TF.js ops); parameters and Adam moments; G's evaluation samples.
 */
export function checkTrainMemory(c: TrainConfig, K: number, dim: number): void {
  const width = Math.max(dim, c.noiseDim, ...c.gHidden, ...c.dHidden);
  const sizes = networkSizes(c, dim);
  const P = parameterCount(sizes.g) + parameterCount(sizes.d);
  const bytes = 16 * c.dSteps * K * c.batch * (dim + c.noiseDim + 1) + 48 * K * c.batch * width + 24 * K * P + 16 * K * c.evalSamples * dim;
  checkMemory(
    'train',
    'batch',
    c.batch,
    bytes,
    `population ${K}, batch ${c.batch}, ${c.dSteps} D steps, widest layer ${width}`,
    (f, a, d) => new TrainError(f, a, d),
  );
}
