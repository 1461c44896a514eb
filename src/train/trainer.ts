import { checkConfig } from './config.js';
import { checkFields, checkNumber, checkTensor } from './check.js';
import { show } from '../theory/errors.js';
import { CHECKPOINT_FORMAT, parameterCount, validateCheckpoint } from './checkpoint.js';
import { checkMemory } from '../numeric/memory.js';
import { parseDistribution, Rng, w1ToDistribution, type Dist1D, type Dist2D, type Distribution, type RngState } from '../numeric/index.js';
import { checkSeed } from '../numeric/rng.js';
import { tf, TrainError } from './backend.js';
import { memberGrads } from './grads.js';
import { fusedForward, fusedStep, registerFusedKernels, STEP_OK, STEP_STOPPED_D, STEP_STOPPED_G, lossOk } from './kernels.js';
import { layout, sigmoid } from './mlp.js';
import { adamOps } from './optimizer-ops.js';
import { generatorPieces, pushforwardDensity, type DenseLayer } from './pushforward.js';
import type { TrainConfig } from './config.js';

/**
 * The reference GAN trainer: a population of K independent runs (seeds s, s+1, …) trained as one
 * batched TensorFlow.js computation. Each network's parameters are one [K, P] tensor (member k's
 * row: W then b, layer by layer) and Adam's moments the same; data are [K, batch, dim]. Each
 * member's losses are means over its own batch and its gradient touches only its own row, so member
 * k of a population computes the same float operations, in the same order, as the single run with
 * seed s + k (tested bit for bit). On the cpu backend a step runs as the trainer's fused kernels
 * (kernels.ts, mlp.ts); elsewhere as TF.js ops with autodiff (the `engine` option).
 *
 * Noise and data come from the project's generator (`numeric/rng.ts`), never from TensorFlow.js:
 * member k uses Rng.fromSeed(s + k), stream 0 for initialisation, 1 for data, 2 for z, 3 for the
 * fixed evaluation noise, 4 for the gradient penalty's interpolation weights.
 */

/** One layer of a population's MLP: W [K, in, out], b [K, 1, out] (views of the flat parameters). */
export interface Layer {
  W: tf.Tensor3D;
  b: tf.Tensor3D;
}

/** Why a member stopped: the first non-finite loss. */
export interface MemberStop {
  seed: number;
  step: number;
  quantity: 'D loss' | 'G loss';
  value: number;
}

/** One logged step of one member. */
export interface MemberLog {
  step: number;
  seed: number;
  /** NaN once the member has stopped (see `stopped`). */
  dLoss: number;
  gLoss: number;
  /** 1-D targets: mean and standard deviation of G's output on the fixed evaluation noise. */
  gMean?: number;
  gStd?: number;
  /** 1-D targets: W1 between G's output on the evaluation noise and the target (exact CDF integral). */
  w1?: number;
  /**
   * 2-D targets (ring8, grid25), with the published definitions: a generated point is high quality
   * when it lies within 3σ of its nearest mode; a mode is covered when it is the nearest mode of at
   * least one high-quality point; reverse KL of the high-quality mode histogram h against uniform,
   * Σ hᵢ ln(hᵢ·M) (∞ when no point is high quality).
   */
  modesCovered?: number;
  modes?: number;
  hqShare?: number;
  reverseKl?: number;
  /** max over the grid of |D(x) − ½| (D's distance from the equilibrium value). */
  dHalfGap: number;
  /**
   * 1-D targets with scalar noise: max over the grid of |D(x) − D*(x)|, D* = p_data/(p_data + p_G)
   * with p_G the exact density of G's piecewise-linear pushforward of N(0, 1) (see pushforward.ts).
   */
  dStarGap?: number;
  /**
   * Critic losses (wgan, wgan-gp): the critic's estimate of W1 on held-out samples, without any
   * penalty: mean f(x) over `evalSamples` fresh data points minus mean f(G(z)) over the evaluation
   * noise (Kantorovich–Rubinstein: W1 = sup over 1-Lipschitz f of that difference).
   */
  criticEstimate?: number;
  /** Present once the member has stopped on a non-finite loss; its metrics are then those of its last good state. */
  stopped?: MemberStop;
}

/**
 * How a step is computed: `fused` runs it as the trainer's own TF.js kernels (cpu backend only,
 * see kernels.ts), `autodiff` as TF.js ops with TF.js's gradients (every backend). The two agree to
 * float32 rounding, not bit for bit; a run's bytes are defined by its backend and engine.
 */
export type Engine = 'fused' | 'autodiff';

export interface TrainOptions {
  seed?: number;
  population?: number;
  /** Default: `fused` on the cpu backend, `autodiff` elsewhere. */
  engine?: Engine;
  /** Called after every logged step with one entry per member. */
  onLog?: (logs: MemberLog[]) => void;
  /** With `onProbe`: every this many steps, D on its grid, G's samples and D* (as `onFinal` gives them at the end). */
  probeEvery?: number;
  /** Called after every `probeEvery`-th step with the step just done; reads the state, changes nothing. */
  onProbe?: (step: number, probe: FinalProbe) => void;
  /** Called before each step with the step index and the run's step count (progress bars). */
  onStep?: (step: number, steps: number) => void;
  /** Called when a member stops on a non-finite loss (the others go on). */
  onStop?: (stop: MemberStop) => void;
  /** Take a checkpoint every this many steps (and when `shouldStop` turns true). */
  checkpointEvery?: number;
  onCheckpoint?: (checkpoint: Checkpoint) => void;
  /** Continue from a checkpoint instead of starting (its config, seed, population and engine are used). */
  resume?: Checkpoint;
  /** Polled between steps; when it returns true a checkpoint is taken and {@link TrainInterrupted} thrown. */
  shouldStop?: () => boolean;
  /** Called once after the last step with G's output on the evaluation noise and D on the metric grid. */
  onFinal?: (probe: FinalProbe) => void;
}

/** What G and D compute at the end of a run (float32, member-major). */
export interface FinalProbe {
  /** The grid D is evaluated on: [gridN·dim]. */
  grid: Float32Array;
  /** D(x) = σ(logit) on the grid: [K·gridN] (for the WGAN losses, the critic's raw output). */
  d: Float32Array;
  /** G(z) on the evaluation noise: [K·evalSamples·dim]. */
  samples: Float32Array;
  /** 1-D, scalar noise: D*(x) on the grid with p_G the exact pushforward density, [K·gridN]. */
  dStar?: Float64Array;
  /** With onProbe: fresh data points [K·evalSamples·dim], D on them and on `samples` [K·evalSamples] (σ applied unless a critic). */
  real?: Float32Array;
  dReal?: Float32Array;
  dFake?: Float32Array;
}

/** Everything needed to continue a run bit-identically; plain JSON. */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  config: TrainConfig;
  seed: number;
  population: number;
  engine: Engine;
  /** The next step to run. */
  step: number;
  tD: number;
  tG: number;
  /**
   * Float32 values, member-major [K·P]: G's and D's parameters (per member, layer by layer, W
   * row-major [in][out] then b) and Adam's first and second moments in the same layout.
   */
  g: number[];
  d: number[];
  gm: number[];
  gv: number[];
  dm: number[];
  dv: number[];
  rng: { data: RngState[]; noise: RngState[]; gp: RngState[] };
  /** Per member: why it stopped, or null while it trains. */
  stopped: (MemberStop | null)[];
  logs: MemberLog[][];
}

/** Thrown when `shouldStop` interrupted a run; the checkpoint has been handed to `onCheckpoint`. */
export class TrainInterrupted extends Error {
  override readonly name = 'TrainInterrupted';
  constructor(readonly step: number) {
    super(`interrupted before step ${step}`);
  }
}

export interface TrainResult {
  config: TrainConfig;
  seed: number;
  population: number;
  engine: Engine;
  logs: MemberLog[][];
  final: MemberLog[];
  /** Per member: why it stopped, or null when it ran to the end. */
  stopped: (MemberStop | null)[];
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

/** The layers of a population's flat parameters [K, P] as TF.js views (slices: gradients flow back). */
function layersOf(flat: tf.Tensor, sizes: number[]): Layer[] {
  const K = flat.shape[0] as number;
  return layout(sizes).layers.map((L) => ({
    W: tf.reshape(tf.slice(flat, [0, L.w], [K, L.fin * L.fout]), [K, L.fin, L.fout]),
    b: tf.reshape(tf.slice(flat, [0, L.b], [K, L.fout]), [K, 1, L.fout]),
  }));
}

/** x: [K, B, in] → [K, B, out]; ReLU between layers, none after the last. */
function forward(layers: Layer[], x: tf.Tensor3D): tf.Tensor3D {
  let h = x;
  layers.forEach((layer, i) => {
    h = tf.add(tf.matMul(h, layer.W), layer.b);
    if (i + 1 < layers.length) h = tf.relu(h);
  });
  return h;
}

/** Per-member means over the batch axis: [K, B, 1] → [K]. */
const memberMean = (x: tf.Tensor) => tf.mean(x, [1, 2]);

/** D's per-member loss from logits on real and fake batches (stable logit forms). */
export function dLossOf(c: TrainConfig, real: tf.Tensor3D, fake: tf.Tensor3D): tf.Tensor1D {
  checkFields('dLossOf', 'c', c, { loss: 'string', labelSmoothing: 'number' });
  checkTensor('dLossOf', 'real', real, 3);
  checkTensor('dLossOf', 'fake', fake, 3);
  const label = 1 - c.labelSmoothing;
  switch (c.loss) {
    case 'wgan':
    case 'wgan-gp':
      return tf.sub(memberMean(fake), memberMean(real)) as tf.Tensor1D;
    case 'lsgan':
      return tf.add(memberMean(tf.square(tf.sub(real, label))), memberMean(tf.square(fake))) as tf.Tensor1D;
    default: {
      // BCE(σ(l), y) = softplus(l) − y·l: for y = 1, softplus(−l); for y = 0, softplus(l)
      const realTerm = tf.sub(tf.softplus(real), tf.mul(real, label));
      return tf.add(memberMean(realTerm), memberMean(tf.softplus(fake))) as tf.Tensor1D;
    }
  }
}

/** G's per-member loss from D's logits on the fake batch. */
export function gLossOf(c: TrainConfig, fake: tf.Tensor3D): tf.Tensor1D {
  checkFields('gLossOf', 'c', c, { loss: 'string' });
  checkTensor('gLossOf', 'fake', fake, 3);
  switch (c.loss) {
    case 'wgan':
    case 'wgan-gp':
      return tf.neg(memberMean(fake)) as tf.Tensor1D;
    case 'lsgan':
      return memberMean(tf.square(tf.sub(fake, 1))) as tf.Tensor1D;
    case 'saturating':
      // E[log(1 − D(G(z)))] = −E[softplus(l)], minimised by G
      return tf.neg(memberMean(tf.softplus(fake))) as tf.Tensor1D;
    default:
      // non-saturating −E[log D(G(z))] = E[softplus(−l)]
      return memberMean(tf.softplus(tf.neg(fake))) as tf.Tensor1D;
  }
}

function draw(rngs: Rng[], n: number, f: (r: Rng) => number): Float32Array {
  const out = new Float32Array(rngs.length * n);
  rngs.forEach((r, k) => {
    for (let i = 0; i < n; i++) out[k * n + i] = f(r);
  });
  return out;
}

/** The state of a population: flat parameters and Adam moments, [K, P] each. */
interface Net {
  sizes: number[];
  p: tf.Variable;
  m: tf.Variable;
  v: tf.Variable;
}

function makeNet(sizes: number[], K: number, p: ArrayLike<number>, m?: ArrayLike<number>, v?: ArrayLike<number>): Net {
  const P = layout(sizes).P;
  const t = (x: ArrayLike<number> | undefined) => tf.tidy(() => tf.variable(x === undefined ? tf.zeros([K, P]) : tf.tensor2d(Float32Array.from(x), [K, P])));
  return { sizes, p: t(p), m: t(m), v: t(v) };
}

/** What one training step did to each member: its last D loss, its G loss, and a STEP_* status. */
interface StepOutcome {
  dLoss: Float32Array;
  gLoss: Float32Array;
  status: Float32Array;
}

/** One step's random inputs, member-major: per D step, real data [K·B·dim], noise [K·B·n_z], and WGAN-GP's ε [K·B]. */
interface StepBatch {
  real: Float32Array[];
  z: Float32Array[];
  eps: Float32Array[] | null;
}

/** The two ways of computing a step (see {@link Engine}). */
interface StepEngine {
  /** `dSteps` D updates then one G update, for the members whose `active` entry is true. */
  step(batch: StepBatch, tD: number, tG: number, active: boolean[]): StepOutcome;
  /** G's output on z and D's raw output on x, read back. */
  evaluate(z: tf.Tensor3D, x: tf.Tensor3D): { samples: Float32Array; logits: Float32Array };
  /** D's raw output on x alone, read back (the critic's values, without running G again). */
  critic(x: tf.Tensor3D): Float32Array;
}

const stack = (parts: Float32Array[], shape: number[]) => {
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const part of parts) {
    all.set(part, o);
    o += part.length;
  }
  return tf.tensor(all, shape);
};

const read = (t: tf.Tensor) => Float32Array.from(t.dataSync() as Float32Array);

function fusedEngine(c: TrainConfig, G: Net, D: Net, K: number): StepEngine {
  const dim = D.sizes[0] as number;
  return {
    step(batch, tD, tG, active) {
      const S = batch.real.length;
      const B = c.batch;
      const real = stack(batch.real, [S, K, B, dim]) as tf.Tensor4D;
      const z = stack(batch.z, [S, K, B, c.noiseDim]) as tf.Tensor4D;
      const eps = batch.eps === null ? null : (stack(batch.eps, [S, K, B]) as tf.Tensor3D);
      const r = fusedStep(
        { real, z, eps },
        { gp: G.p, gm: G.m, gv: G.v, dp: D.p, dm: D.m, dv: D.v },
        {
          gSizes: G.sizes,
          dSizes: D.sizes,
          loss: c.loss,
          label: 1 - c.labelSmoothing,
          gpWeight: c.gpWeight,
          clip: c.clip,
          lrD: c.lrD,
          lrG: c.lrG,
          beta1: c.beta1,
          beta2: c.beta2,
          eps: c.eps,
          optimizer: c.optimizer ?? 'adam',
          tD,
          tG,
          active,
        },
      );
      G.p.assign(r.gp as tf.Tensor2D);
      G.m.assign(r.gm as tf.Tensor2D);
      G.v.assign(r.gv as tf.Tensor2D);
      D.p.assign(r.dp as tf.Tensor2D);
      D.m.assign(r.dm as tf.Tensor2D);
      D.v.assign(r.dv as tf.Tensor2D);
      const outcome = { dLoss: read(r.dLoss), gLoss: read(r.gLoss), status: read(r.status) };
      tf.dispose([real, z, ...(eps === null ? [] : [eps]), ...Object.values(r)]);
      return outcome;
    },
    evaluate(z, x) {
      const a = fusedForward(z, G.p, G.sizes);
      const out = { samples: read(a), logits: this.critic(x) };
      a.dispose();
      return out;
    },
    critic(x) {
      const b = fusedForward(x, D.p, D.sizes);
      const out = read(b);
      b.dispose();
      return out;
    },
  };
}

function autodiffEngine(c: TrainConfig, G: Net, D: Net, K: number): StepEngine {
  const dim = D.sizes[0] as number;
  const grads = (loss: () => tf.Tensor1D, net: Net) => {
    const r = memberGrads(loss, [net.p]);
    const grad = tf.clone(r.grads[net.p.name] as tf.Tensor); // shares the data; outlives r.dispose()
    r.dispose();
    return { losses: Float32Array.from(r.losses), grad };
  };
  const opt = (lr: number, t: number) => ({ optimizer: c.optimizer ?? 'adam', lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps, t });
  return {
    step(batch, tD, tG, active0) {
      const active = [...active0];
      const B = c.batch;
      const status = new Float32Array(K);
      const dLoss = new Float32Array(K).fill(NaN);
      const gLoss = new Float32Array(K).fill(NaN);
      /** Members whose loss is not finite stop here: status set, no update from now on. */
      const screen = (losses: Float32Array, code: number, into: Float32Array) => {
        for (let k = 0; k < K; k++) {
          if (active[k] !== true) continue;
          into[k] = losses[k] as number;
          if (!lossOk(losses[k] as number)) {
            status[k] = code;
            active[k] = false;
          }
        }
      };
      let z: tf.Tensor3D | null = null;
      batch.real.forEach((realData, s) => {
        const real = tf.tensor3d(realData, [K, B, dim]);
        z?.dispose();
        z = tf.tensor3d(batch.z[s] as Float32Array, [K, B, c.noiseDim]);
        const zz = z;
        const eps = batch.eps === null ? null : tf.tensor3d(batch.eps[s] as Float32Array, [K, B, 1]);
        const r = grads(() => {
          const fake = forward(layersOf(G.p, G.sizes), zz); // G's parameters are not differentiated: a constant here
          const layers = layersOf(D.p, D.sizes);
          const l = dLossOf(c, forward(layers, real), forward(layers, fake));
          return eps === null ? l : (tf.add(l, tf.mul(gradientPenalty(layers, real, fake, eps), c.gpWeight)) as tf.Tensor1D);
        }, D);
        tf.dispose(eps === null ? [real] : [real, eps]);
        screen(r.losses, STEP_STOPPED_D, dLoss);
        adamOps(D.p, D.m, D.v, r.grad, opt(c.lrD, tD + s + 1), active);
        r.grad.dispose();
        if (c.loss === 'wgan') tf.tidy(() => D.p.assign(tf.clipByValue(D.p, -c.clip, c.clip))); // wgan-gp needs no clipping
      });
      // G step on the same noise as the last D step, through the updated D
      const zz = z as unknown as tf.Tensor3D;
      const r = grads(() => gLossOf(c, forward(layersOf(D.p, D.sizes), forward(layersOf(G.p, G.sizes), zz))), G);
      zz.dispose();
      screen(r.losses, STEP_STOPPED_G, gLoss);
      adamOps(G.p, G.m, G.v, r.grad, opt(c.lrG, tG + 1), active);
      r.grad.dispose();
      return { dLoss, gLoss, status };
    },
    evaluate(z, x) {
      return tf.tidy(() => ({ samples: read(forward(layersOf(G.p, G.sizes), z)), logits: this.critic(x) }));
    },
    critic(x) {
      return tf.tidy(() => read(forward(layersOf(D.p, D.sizes), x)));
    },
  };
}

/**
 * Trains the population; resolves to every member's logs. Asynchronous only so that signals can be
 * heard between steps (the work itself is synchronous and deterministic).
 */
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

export async function train(config: TrainConfig, options: TrainOptions = {}): Promise<TrainResult> {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new TrainError('train', 'options', `must be an object of settings; got ${show(options)}`);
  // a checkpoint is checked completely (every field and their consistency) before any work starts
  for (const k of ['onLog', 'onStep', 'onStop', 'onCheckpoint', 'onFinal', 'onProbe', 'shouldStop'] as const) {
    const f = (options as Record<string, unknown>)[k];
    if (f !== undefined && typeof f !== 'function') throw new TrainError('train', `options.${k}`, `must be a function; got ${show(f)}`);
  }
  const probeEvery = options.probeEvery ?? 10;
  if (!Number.isSafeInteger(probeEvery) || probeEvery < 1)
    throw new TrainError('train', 'options.probeEvery', `must be an integer ≥ 1; got ${show(options.probeEvery)}`);
  const ck = options.resume === undefined ? undefined : validateCheckpoint(options.resume);
  // a configuration is checked as makeConfig checks it (every field of its preset, each valid)
  if (ck === undefined) checkConfig('train', config);
  const c = ck?.config ?? config;
  const seed = checkSeed('train', ck?.seed ?? options.seed ?? 0);
  const K = ck?.population ?? options.population ?? 1;
  if (!Number.isSafeInteger(K) || K < 1 || K > 4096) throw new TrainError('train', 'population', `must be an integer from 1 to 4096; got ${JSON.stringify(K)}`);
  if (seed + K - 1 > 0xffff_ffff) throw new TrainError('train', 'seed', `+ population − 1 must stay below 2^32; got ${seed} + ${K} − 1`);
  const backend = tf.getBackend();
  const engineName: Engine = ck?.engine ?? options.engine ?? (backend === 'cpu' ? 'fused' : 'autodiff');
  if (engineName !== 'fused' && engineName !== 'autodiff')
    throw new TrainError('train', 'engine', `must be fused or autodiff; got ${JSON.stringify(engineName)}`);
  if (engineName === 'fused' && backend !== 'cpu')
    throw new TrainError('train', 'engine', `"fused" runs on the cpu backend only; the backend is ${JSON.stringify(backend)}`);
  if (engineName === 'fused') registerFusedKernels();
  const base = Array.from({ length: K }, (_, k) => Rng.fromSeed(seed + k));
  const initR = base.map((r) => r.stream(0));
  const dataR = ck ? ck.rng.data.map((st) => Rng.restore(st)) : base.map((r) => r.stream(1));
  const noiseR = ck ? ck.rng.noise.map((st) => Rng.restore(st)) : base.map((r) => r.stream(2));
  const evalR = base.map((r) => r.stream(3));
  const gpR = ck ? ck.rng.gp.map((st) => Rng.restore(st)) : base.map((r) => r.stream(4));
  const parsed = parseDistribution(c.target, 'train', 'target');
  if ('kind' in parsed) throw new TrainError('train', 'target', `must be a distribution, not a file of samples; got ${JSON.stringify(c.target)}`);
  const target: Distribution = parsed;
  const dim = target.dim;
  checkTrainMemory(c, K, dim);

  const gSizes = [c.noiseDim, ...c.gHidden, dim];
  const dSizes = [dim, ...c.dHidden, 1];
  const G = ck ? makeNet(gSizes, K, ck.g, ck.gm, ck.gv) : makeNet(gSizes, K, initParams(initR, gSizes));
  const D = ck ? makeNet(dSizes, K, ck.d, ck.dm, ck.dv) : makeNet(dSizes, K, initParams(initR, dSizes));
  const engine = engineName === 'fused' ? fusedEngine(c, G, D, K) : autodiffEngine(c, G, D, K);
  const evalZ = tf.tensor3d(
    draw(evalR, c.evalSamples * c.noiseDim, (r) => r.normal()),
    [K, c.evalSamples, c.noiseDim],
  );
  const grid = tf.tidy(() => tf.tile(gridFor(target), [K, 1, 1]) as tf.Tensor3D);
  const critic = c.loss === 'wgan' || c.loss === 'wgan-gp';
  // fresh data from a stream of its own (no other stream is touched): [K, evalSamples, dim]
  const freshData = (stream: number) =>
    tf.tensor3d(
      sampleData(
        target,
        base.map((r) => r.stream(stream)),
        c.evalSamples,
      ),
      [K, c.evalSamples, dim],
    );
  // held-out data for the critic's estimate (stream 5)
  const heldOut = critic ? freshData(5) : null;
  // for onProbe: data points on which D is read (stream 6), so that a page can estimate V(D, G)
  // and the classifier bound on the JSD from samples
  const probeTensor = options.onProbe !== undefined ? freshData(6) : null;
  // its values are read back once, not at every probe
  const probeData = probeTensor === null ? null : { tensor: probeTensor, values: probeTensor.dataSync() as Float32Array };
  // the grid's points (one member's copy), read back once
  const gridX = (grid.dataSync() as Float32Array).slice(0, (grid.shape[1] as number) * dim);
  const logs: MemberLog[][] = ck ? ck.logs.map((l) => [...l]) : [];
  const stopped: (MemberStop | null)[] = ck ? [...ck.stopped] : new Array<MemberStop | null>(K).fill(null);
  const active = stopped.map((s) => s === null);
  const B = c.batch;
  let tD = ck?.tD ?? 0;
  let tG = ck?.tG ?? 0;
  const flat = (v: tf.Variable) => Array.from(v.dataSync());
  const checkpoint = (next: number): Checkpoint => ({
    format: CHECKPOINT_FORMAT,
    config: c,
    seed,
    population: K,
    engine: engineName,
    step: next,
    tD,
    tG,
    g: flat(G.p),
    d: flat(D.p),
    gm: flat(G.m),
    gv: flat(G.v),
    dm: flat(D.m),
    dv: flat(D.v),
    rng: { data: dataR.map((r) => r.save()), noise: noiseR.map((r) => r.save()), gp: gpR.map((r) => r.save()) },
    stopped: [...stopped],
    logs,
  });
  const measureNow = (step: number, dLoss: Float32Array, gLoss: Float32Array) => {
    const ev = engine.evaluate(evalZ, grid);
    const logs = measure(c, ev, G.p.dataSync() as Float32Array, gridX, K, seed, step, dLoss, gLoss, target, stopped);
    if (heldOut !== null) {
      const fake = tf.tensor3d(ev.samples, [K, c.evalSamples, dim]);
      const fReal = engine.critic(heldOut);
      const fFake = engine.critic(fake);
      fake.dispose();
      const n = c.evalSamples;
      logs.forEach((m, k) => {
        let s = 0;
        for (let i = k * n; i < (k + 1) * n; i++) s += (fReal[i] as number) - (fFake[i] as number);
        m.criticEstimate = s / n;
      });
    }
    return logs;
  };
  let final: MemberLog[] = [];

  try {
    let step = ck?.step ?? 0;
    let dLoss: Float32Array = new Float32Array(K).fill(NaN);
    let gLoss: Float32Array = new Float32Array(K).fill(NaN);
    for (; step < c.steps && active.includes(true); step++) {
      // let signal handlers run between steps; stop cleanly with a checkpoint when asked
      await yieldToEvents();
      if (options.shouldStop?.() === true) {
        options.onCheckpoint?.(checkpoint(step));
        throw new TrainInterrupted(step);
      }
      options.onStep?.(step, c.steps);
      const batch: StepBatch = { real: [], z: [], eps: c.loss === 'wgan-gp' ? [] : null };
      for (let d = 0; d < c.dSteps; d++) {
        batch.real.push(sampleData(target, dataR, B));
        batch.z.push(draw(noiseR, B * c.noiseDim, (r) => r.normal()));
        batch.eps?.push(draw(gpR, B, (r) => r.uniform()));
      }
      const o = engine.step(batch, tD, tG, active);
      tD += c.dSteps;
      tG += 1;
      for (let k = 0; k < K; k++) {
        const st = o.status[k] as number;
        if (active[k] !== true || st === STEP_OK) continue;
        active[k] = false;
        const stop: MemberStop =
          st === STEP_STOPPED_D
            ? { seed: seed + k, step, quantity: 'D loss', value: o.dLoss[k] as number }
            : { seed: seed + k, step, quantity: 'G loss', value: o.gLoss[k] as number };
        stopped[k] = stop;
        options.onStop?.(stop);
      }
      dLoss = o.dLoss;
      gLoss = o.gLoss;
      const last = step === c.steps - 1 || !active.includes(true);
      if (step % c.logEvery === 0) {
        const entry = measureNow(step, dLoss, gLoss);
        logs.push(entry);
        options.onLog?.(entry);
      }
      if (last) final = step % c.logEvery === 0 ? (logs[logs.length - 1] as MemberLog[]) : measureNow(step, dLoss, gLoss);
      if (options.checkpointEvery !== undefined && (step + 1) % options.checkpointEvery === 0 && !last) options.onCheckpoint?.(checkpoint(step + 1));
      if (options.onProbe !== undefined && (step + 1) % probeEvery === 0) options.onProbe(step, probe(c, engine, G, grid, gridX, evalZ, K, target, probeData));
    }
    if (final.length === 0) final = logs[logs.length - 1] ?? measureNow(step - 1, dLoss, gLoss);
    if (options.onFinal) options.onFinal(probe(c, engine, G, grid, gridX, evalZ, K, target, probeData));
    return { config: c, seed, population: K, engine: engineName, logs, final, stopped };
  } finally {
    tf.dispose([evalZ, grid, G.p, G.m, G.v, D.p, D.m, D.v, ...(heldOut ? [heldOut] : []), ...(probeTensor ? [probeTensor] : [])]);
  }
}

/** Real data for every member: [K·B·dim] float32, member k from its data stream. */
function sampleData(target: Distribution, rngs: Rng[], B: number): Float32Array {
  const dim = target.dim;
  const out = new Float32Array(rngs.length * B * dim);
  rngs.forEach((r, k) => out.set(target.sample(r, B), k * B * dim));
  return out;
}

/**
 * Per-member gradient penalty E[(‖∇ₓD(x̂)‖ − 1)²] at x̂ = εx + (1 − ε)x̃: the gradient of ΣD(x̂) with
 * respect to x̂ gives each sample's own gradient (samples do not interact), so the norms are per
 * sample, not one norm over the batch.
 */
export function gradientPenalty(D: Layer[], real: tf.Tensor3D, fake: tf.Tensor3D, eps: tf.Tensor3D): tf.Tensor1D {
  const fn = 'gradientPenalty';
  if (!Array.isArray(D) || D.length === 0) throw new TrainError(fn, 'D', `must be the critic's layers [{ W, b }, …]; got ${show(D)}`);
  D.forEach((l, i) => {
    checkTensor(fn, `D[${i}].W`, (l as Layer | undefined)?.W, 3);
    checkTensor(fn, `D[${i}].b`, (l as Layer | undefined)?.b, 3);
  });
  checkTensor(fn, 'real', real, 3);
  checkTensor(fn, 'fake', fake, 3);
  checkTensor(fn, 'eps', eps, 3);
  const xhat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake)) as tf.Tensor3D;
  const g = tf.grad((x: tf.Tensor) => tf.sum(forward(D, x as tf.Tensor3D)))(xhat);
  const norms = tf.sqrt(tf.add(tf.sum(tf.square(g), 2), 1e-12));
  return tf.mean(tf.square(tf.sub(norms, 1)), 1) as tf.Tensor1D;
}

/** The grid on which D is compared with ½: 201 points over the 1-D target's 0.01%–99.99% range, or 41×41 over the modes' box. */
function gridFor(target: Distribution): tf.Tensor3D {
  if (target.dim === 1) {
    const lo = target.quantile(1e-4);
    const hi = target.quantile(1 - 1e-4);
    return tf.tidy(() => tf.reshape(tf.linspace(lo, hi, 201), [1, 201, 1]) as tf.Tensor3D);
  }
  const m = target.modes;
  const xs = m.filter((_, i) => i % 2 === 0);
  const ys = m.filter((_, i) => i % 2 === 1);
  const pad = 4 * target.sigma + 0.25;
  const pts: number[] = [];
  for (let i = 0; i < 41; i++) {
    for (let j = 0; j < 41; j++) {
      pts.push(Math.min(...xs) - pad + ((Math.max(...xs) - Math.min(...xs) + 2 * pad) * i) / 40);
      pts.push(Math.min(...ys) - pad + ((Math.max(...ys) - Math.min(...ys) + 2 * pad) * j) / 40);
    }
  }
  return tf.tensor3d(pts, [1, 41 * 41, 2]);
}

/** Mode metrics of one member's generated points against a 2-D target. */
export function modeMetrics(points: Float32Array, target: Dist2D): { modesCovered: number; modes: number; hqShare: number; reverseKl: number } {
  if (!ArrayBuffer.isView(points) || (points as Float32Array).length % 2 !== 0)
    throw new TrainError('modeMetrics', 'points', `must be a Float32Array of x, y pairs; got ${show(points)}`);
  if (target === null || typeof target !== 'object' || target.dim !== 2 || !(target.modes instanceof Float64Array) || !(target.sigma > 0))
    throw new TrainError('modeMetrics', 'target', `must be a 2-D mixture (ring8, grid25); got ${show(target)}`);
  for (let i = 0; i < points.length; i++) if (!Number.isFinite(points[i] as number)) throw new TrainError('modeMetrics', 'points', 'must be finite');
  const M = target.modes.length / 2;
  const hist = new Array<number>(M).fill(0);
  const n = points.length / 2;
  let hq = 0;
  const limit2 = (3 * target.sigma) ** 2;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let arg = 0;
    for (let j = 0; j < M; j++) {
      const dx = (points[2 * i] as number) - (target.modes[2 * j] as number);
      const dy = (points[2 * i + 1] as number) - (target.modes[2 * j + 1] as number);
      const d2 = dx * dx + dy * dy;
      if (d2 < best) {
        best = d2;
        arg = j;
      }
    }
    if (best <= limit2) {
      hq++;
      hist[arg]! += 1;
    }
  }
  const reverseKl = hq === 0 ? Infinity : hist.reduce((s, c) => (c === 0 ? s : s + (c / hq) * Math.log((c / hq) * M)), 0);
  return { modesCovered: hist.filter((c) => c > 0).length, modes: M, hqShare: hq / n, reverseKl };
}

function measure(
  c: TrainConfig,
  ev: { samples: Float32Array; logits: Float32Array },
  gFlat: Float32Array,
  gridX: Float32Array,
  K: number,
  seed: number,
  step: number,
  dLoss: Float32Array,
  gLoss: Float32Array,
  target: Distribution,
  stopped: (MemberStop | null)[],
): MemberLog[] {
  const xs = ev.samples;
  const dGrid = ev.logits.map(sigmoid);
  const n = c.evalSamples;
  const dim = target.dim;
  const gridN = dGrid.length / K;
  const dStar = dStarOnGrid(c, gFlat, K, target, gridX, gridN);
  return Array.from({ length: K }, (_, k) => {
    const sample = xs.subarray(k * n * dim, (k + 1) * n * dim);
    let gap = 0;
    for (let i = 0; i < gridN; i++) gap = Math.max(gap, Math.abs((dGrid[k * gridN + i] as number) - 0.5));
    const stop = stopped[k] ?? null;
    const common: Pick<MemberLog, 'step' | 'seed' | 'dLoss' | 'gLoss' | 'stopped'> =
      stop === null
        ? { step, seed: seed + k, dLoss: dLoss[k] as number, gLoss: gLoss[k] as number }
        : { step, seed: seed + k, dLoss: NaN, gLoss: NaN, stopped: stop };
    if (target.dim === 2) return { ...common, ...modeMetrics(sample, target), dHalfGap: gap };
    let mean = 0;
    for (const v of sample) mean += v;
    mean /= n;
    let ss = 0;
    for (const v of sample) ss += (v - mean) ** 2;
    const out: MemberLog = { ...common, gMean: mean, gStd: Math.sqrt(ss / (n - 1)), w1: w1ToDistribution(sample, target as Dist1D).distance, dHalfGap: gap };
    if (dStar !== null) {
      let worst = 0;
      for (let i = 0; i < gridN; i++) {
        const v = dStar[k * gridN + i] as number;
        if (!Number.isNaN(v)) worst = Math.max(worst, Math.abs((dGrid[k * gridN + i] as number) - v));
      }
      out.dStarGap = worst;
    }
    return out;
  });
}

/**
 * 1-D targets with scalar noise: D*(x) = p_data/(p_data + p_G) on the grid for every member ([K·gridN],
 * NaN where both densities vanish), p_G the exact density of G's piecewise-linear pushforward; else null.
 */
function dStarOnGrid(c: TrainConfig, gFlat: Float32Array, K: number, target: Distribution, gridX: Float32Array, gridN: number): Float64Array | null {
  if (c.noiseDim !== 1 || target.dim !== 1) return null;
  const net = layout([c.noiseDim, ...c.gHidden, 1]);
  const dStar = new Float64Array(K * gridN);
  for (let k = 0; k < K; k++) {
    const o = k * net.P;
    const member: DenseLayer[] = net.layers.map((L) => ({
      W: gFlat.subarray(o + L.w, o + L.b),
      b: gFlat.subarray(o + L.b, o + L.b + L.fout),
      fin: L.fin,
      fout: L.fout,
    }));
    const pG = pushforwardDensity(generatorPieces(member));
    for (let i = 0; i < gridN; i++) {
      const x = gridX[i] as number;
      const pd = Math.exp((target as Dist1D).logPdf(x));
      const q = pG(x);
      dStar[k * gridN + i] = pd + q > 0 ? pd / (pd + q) : NaN;
    }
  }
  return dStar;
}

function probe(
  c: TrainConfig,
  engine: StepEngine,
  G: Net,
  grid: tf.Tensor3D,
  gridX: Float32Array,
  evalZ: tf.Tensor3D,
  K: number,
  target: Distribution,
  probeData: { tensor: tf.Tensor3D; values: Float32Array } | null = null,
): FinalProbe {
  const critic = c.loss === 'wgan' || c.loss === 'wgan-gp';
  const ev = engine.evaluate(evalZ, grid);
  const d = critic ? ev.logits : ev.logits.map(sigmoid);
  const gridN = d.length / K;
  const out: FinalProbe = { grid: gridX.slice(), d, samples: ev.samples };
  if (probeData !== null) {
    const dim = probeData.tensor.shape[2] as number;
    const fakes = tf.tensor3d(ev.samples, [K, ev.samples.length / (K * dim), dim]);
    const onReal = engine.evaluate(evalZ, probeData.tensor).logits;
    const onFake = engine.evaluate(evalZ, fakes).logits;
    fakes.dispose();
    out.real = probeData.values;
    out.dReal = critic ? onReal : onReal.map(sigmoid);
    out.dFake = critic ? onFake : onFake.map(sigmoid);
  }
  const dStar = dStarOnGrid(c, G.p.dataSync() as Float32Array, K, target, out.grid, gridN);
  if (dStar !== null) out.dStar = dStar;
  return out;
}

/** Python's `f"{x:.4f}"`: the exact binary value rounded half to even (JS toFixed rounds ties up). */
export function formatFixed(x: number, places: number): string {
  checkNumber('formatFixed', 'x', x, { nanOk: true });
  checkNumber('formatFixed', 'places', places, { integer: true, min: 0, max: 100 });
  if (!Number.isFinite(x)) return String(x);
  const neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  // exact value a = m·2^e with integer m
  let e = 0;
  while (!Number.isInteger(a) && e < 1100) {
    a *= 2;
    e++;
  }
  const num = BigInt(a) * 10n ** BigInt(places);
  const den = 1n << BigInt(e);
  let q = num / den;
  const r = num % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(places + 1, '0');
  const out = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return neg ? `-${out}` : out; // Python keeps the sign of a negative value that rounds to zero
}

/** The documents' log line: `Step 0: D_loss=1.6131, G_loss=0.8809`. */
export function logLine(step: number, dLoss: number, gLoss: number): string {
  checkNumber('logLine', 'step', step, { integer: true, min: 0 });
  return `Step ${step}: D_loss=${formatFixed(dLoss, 4)}, G_loss=${formatFixed(gLoss, 4)}`;
}

/**
 * Refuses, before any allocation, a run whose step would not fit in memory. Per step: the real
 * batches and noise of every D step (float32, [dSteps, K, B, dim + noiseDim + 1]) with the copies the
 * engines make; the activations of the widest layer for a batch (float64 in the fused kernels, per
 * member in TF.js ops); parameters and Adam moments; G's evaluation samples.
 */
export function checkTrainMemory(c: TrainConfig, K: number, dim: number): void {
  const width = Math.max(dim, c.noiseDim, ...c.gHidden, ...c.dHidden);
  const P = parameterCount([c.noiseDim, ...c.gHidden, dim]) + parameterCount([dim, ...c.dHidden, 1]);
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
