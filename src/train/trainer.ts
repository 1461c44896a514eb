import { parseDistribution, Rng, w1ToDistribution, type Dist1D, type Dist2D, type Distribution, type RngState } from '../numeric/index.js';
import { checkSeed } from '../numeric/rng.js';
import { tf, TrainError } from './backend.js';
import { memberGrads } from './grads.js';
import { generatorPieces, pushforwardDensity, type DenseLayer } from './pushforward.js';
import type { TrainConfig } from './config.js';

/**
 * The reference GAN trainer: a population of K independent runs (seeds s, s+1, …) trained as one
 * batched TensorFlow.js computation. Every parameter has a leading member axis: W is [K, in, out]
 * and b is [K, 1, out]; data are [K, batch, 1]. Each member's losses are means over its own batch,
 * the gradient is taken of their sum (so each member receives exactly its own gradient), and Adam
 * is elementwise, so member k of a population computes the same float32 operations, in the same
 * order, as the single run with seed s + k (tested bit for bit on the cpu backend).
 *
 * Noise and data come from the project's generator (`numeric/rng.ts`), never from TensorFlow.js:
 * member k uses Rng.fromSeed(s + k), stream 0 for initialisation, 1 for data, 2 for z, 3 for the
 * fixed evaluation noise.
 */

interface Layer {
  W: tf.Variable;
  b: tf.Variable;
}

/** Adam's moments for all of a network's parameters, flattened per member into one [K, P] tensor each. */
interface AdamState {
  m: tf.Variable;
  v: tf.Variable;
  sizes: number[];
}

/** One logged step of one member. */
export interface MemberLog {
  step: number;
  seed: number;
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
}

export interface TrainOptions {
  seed?: number;
  population?: number;
  /** Called after every logged step with one entry per member. */
  onLog?: (logs: MemberLog[]) => void;
  /** Take a checkpoint every this many steps (and when `shouldStop` turns true). */
  checkpointEvery?: number;
  onCheckpoint?: (checkpoint: Checkpoint) => void;
  /** Continue from a checkpoint instead of starting (its config, seed and population are used). */
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
}

/** Everything needed to continue a run bit-identically; plain JSON. */
export interface Checkpoint {
  format: 'gan-verify-checkpoint-2';
  config: TrainConfig;
  seed: number;
  population: number;
  /** The next step to run. */
  step: number;
  tD: number;
  tG: number;
  /** Flat float32 values of G's and D's variables (one array each), and of Adam's flattened m and v (one array). */
  g: number[][];
  d: number[][];
  gm: number[][];
  gv: number[][];
  dm: number[][];
  dv: number[][];
  rng: { data: RngState[]; noise: RngState[]; gp: RngState[] };
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
  logs: MemberLog[][];
  final: MemberLog[];
}

function initLayers(rngs: Rng[], sizes: number[]): Layer[] {
  const K = rngs.length;
  const layers: Layer[] = [];
  const data: { w: Float32Array; b: Float32Array }[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fin = sizes[l] as number;
    const fout = sizes[l + 1] as number;
    data.push({ w: new Float32Array(K * fin * fout), b: new Float32Array(K * fout) });
  }
  // PyTorch's nn.Linear: weights and biases uniform in ±1/√fan_in. Per member, layer by layer,
  // weights (row-major [in][out]) then biases, from that member's stream 0.
  rngs.forEach((rng, k) => {
    for (let l = 0; l + 1 < sizes.length; l++) {
      const fin = sizes[l] as number;
      const fout = sizes[l + 1] as number;
      const bound = 1 / Math.sqrt(fin);
      const d = data[l] as { w: Float32Array; b: Float32Array };
      for (let i = 0; i < fin * fout; i++) d.w[k * fin * fout + i] = (2 * rng.uniform() - 1) * bound;
      for (let i = 0; i < fout; i++) d.b[k * fout + i] = (2 * rng.uniform() - 1) * bound;
    }
  });
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fin = sizes[l] as number;
    const fout = sizes[l + 1] as number;
    const d = data[l] as { w: Float32Array; b: Float32Array };
    // inside tidy the temporary tensors are freed; variables survive it
    layers.push(tf.tidy(() => ({ W: tf.variable(tf.tensor3d(d.w, [K, fin, fout])), b: tf.variable(tf.tensor3d(d.b, [K, 1, fout])) })));
  }
  return layers;
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

const vars = (layers: Layer[]) => layers.flatMap((l) => [l.W, l.b]);

function adamInit(vs: tf.Variable[]): AdamState {
  const K = vs[0]?.shape[0] as number;
  const sizes = vs.map((v) => v.size / K);
  const P = sizes.reduce((a, b) => a + b, 0);
  return tf.tidy(() => ({ m: tf.variable(tf.zeros([K, P])), v: tf.variable(tf.zeros([K, P])), sizes }));
}

/**
 * PyTorch's Adam, in PyTorch's own order of float operations (torch.optim.Adam, single-tensor path):
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; denom = √v/√(1−β₂ᵗ) + ε; p ← p − (lr/(1−β₁ᵗ))·m/denom.
 * All of a network's parameters are updated as one flattened [K, P] tensor (each member's entries
 * side by side, so the elementwise arithmetic is exactly the per-parameter one), which takes a
 * quarter of the kernel launches of one update per parameter.
 */
function adamStep(vs: tf.Variable[], grads: tf.NamedTensorMap, st: AdamState, t: number, lr: number, c: TrainConfig): void {
  const stepSize = lr / (1 - c.beta1 ** t);
  const bc2Sqrt = Math.sqrt(1 - c.beta2 ** t);
  tf.tidy(() => {
    const K = st.m.shape[0] as number;
    const g = tf.concat(vs.map((p) => tf.reshape(grads[p.name] as tf.Tensor, [K, -1])), 1);
    st.m.assign(tf.add(tf.mul(st.m, c.beta1), tf.mul(g, 1 - c.beta1)));
    st.v.assign(tf.add(tf.mul(st.v, c.beta2), tf.mul(tf.mul(g, g), 1 - c.beta2)));
    const denom = tf.add(tf.div(tf.sqrt(st.v), bc2Sqrt), c.eps);
    const parts = tf.split(tf.mul(tf.div(st.m, denom), stepSize), st.sizes, 1);
    vs.forEach((p, i) => p.assign(tf.sub(p, tf.reshape(parts[i] as tf.Tensor, p.shape))));
  });
}

/** Per-member means over the batch axis: [K, B, 1] → [K]. */
const memberMean = (x: tf.Tensor) => tf.mean(x, [1, 2]);

/** D's per-member loss from logits on real and fake batches (stable logit forms). */
export function dLossOf(c: TrainConfig, real: tf.Tensor3D, fake: tf.Tensor3D): tf.Tensor1D {
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

function restoreLayers(values: number[][], sizes: number[], K: number): Layer[] {
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fin = sizes[l] as number;
    const fout = sizes[l + 1] as number;
    layers.push(
      tf.tidy(() => ({
        W: tf.variable(tf.tensor3d(Float32Array.from(values[2 * l] as number[]), [K, fin, fout])),
        b: tf.variable(tf.tensor3d(Float32Array.from(values[2 * l + 1] as number[]), [K, 1, fout])),
      })),
    );
  }
  return layers;
}

const snapshot = (vs: tf.Variable[]) => vs.map((v) => Array.from(v.dataSync()));

function restoreInto(vs: tf.Variable[], values: number[][]): void {
  vs.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(Float32Array.from(values[i] as number[]), v.shape))));
}

/**
 * Trains the population; resolves to every member's logs. Asynchronous only so that signals can be
 * heard between steps (the work itself is synchronous and deterministic).
 */
export async function train(config: TrainConfig, options: TrainOptions = {}): Promise<TrainResult> {
  const ck = options.resume;
  if (ck !== undefined && ck.format !== 'gan-verify-checkpoint-2') throw new TrainError('train', 'resume', `is not a gan-verify checkpoint; got format ${JSON.stringify((ck as { format?: unknown }).format)}`);
  const c = ck?.config ?? config;
  const seed = checkSeed('train', ck?.seed ?? options.seed ?? 0);
  const K = ck?.population ?? options.population ?? 1;
  if (!Number.isSafeInteger(K) || K < 1 || K > 4096) throw new TrainError('train', 'population', `must be an integer from 1 to 4096; got ${JSON.stringify(K)}`);
  if (seed + K - 1 > 0xffff_ffff) throw new TrainError('train', 'seed', `+ population − 1 must stay below 2^32; got ${seed} + ${K} − 1`);
  const base = Array.from({ length: K }, (_, k) => Rng.fromSeed(seed + k));
  const initR = base.map((r) => r.stream(0));
  const dataR = ck ? ck.rng.data.map((st) => Rng.restore(st)) : base.map((r) => r.stream(1));
  const noiseR = ck ? ck.rng.noise.map((st) => Rng.restore(st)) : base.map((r) => r.stream(2));
  const evalR = base.map((r) => r.stream(3));
  const gpR = ck ? (ck.rng.gp ?? []).map((st) => Rng.restore(st)) : base.map((r) => r.stream(4));
  const parsed = parseDistribution(c.target, 'train', 'target');
  if ('kind' in parsed) throw new TrainError('train', 'target', `must be a distribution, not a file of samples; got ${JSON.stringify(c.target)}`);
  const target: Distribution = parsed;
  const dim = target.dim;

  const gSizes = [c.noiseDim, ...c.gHidden, dim];
  const dSizes = [dim, ...c.dHidden, 1];
  const G = ck ? restoreLayers(ck.g, gSizes, K) : initLayers(initR, gSizes);
  const D = ck ? restoreLayers(ck.d, dSizes, K) : initLayers(initR, dSizes);
  const gVars = vars(G);
  const dVars = vars(D);
  const gAdam = adamInit(gVars);
  const dAdam = adamInit(dVars);
  if (ck) {
    restoreInto([gAdam.m], ck.gm);
    restoreInto([gAdam.v], ck.gv);
    restoreInto([dAdam.m], ck.dm);
    restoreInto([dAdam.v], ck.dv);
  }
  const evalZ = tf.tensor3d(draw(evalR, c.evalSamples * c.noiseDim, (r) => r.normal()), [K, c.evalSamples, c.noiseDim]);
  const grid = tf.tidy(() => tf.tile(gridFor(target), [K, 1, 1]) as tf.Tensor3D);
  const logs: MemberLog[][] = ck ? ck.logs.map((l) => [...l]) : [];
  const B = c.batch;
  let tD = ck?.tD ?? 0;
  let tG = ck?.tG ?? 0;
  const checkpoint = (next: number): Checkpoint => ({
    format: 'gan-verify-checkpoint-2',
    config: c,
    seed,
    population: K,
    step: next,
    tD,
    tG,
    g: snapshot(gVars),
    d: snapshot(dVars),
    gm: snapshot([gAdam.m]),
    gv: snapshot([gAdam.v]),
    dm: snapshot([dAdam.m]),
    dv: snapshot([dAdam.v]),
    rng: { data: dataR.map((r) => r.save()), noise: noiseR.map((r) => r.save()), gp: gpR.map((r) => r.save()) },
    logs,
  });
  let final: MemberLog[] = [];
  const clip = () => {
    if (c.loss !== 'wgan') return; // wgan-gp needs no clipping
    tf.tidy(() => dVars.forEach((v) => v.assign(tf.clipByValue(v, -c.clip, c.clip))));
  };

  try {
    for (let step = ck?.step ?? 0; step < c.steps; step++) {
      // let signal handlers run between steps; stop cleanly with a checkpoint when asked
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.shouldStop?.() === true) {
        options.onCheckpoint?.(checkpoint(step));
        throw new TrainInterrupted(step);
      }
      let dLoss: Float32Array = new Float32Array(K);
      let z: tf.Tensor3D | null = null;
      for (let d = 0; d < c.dSteps; d++) {
        const real = tf.tensor3d(sampleData(target, dataR, B), [K, B, dim]);
        z?.dispose();
        z = tf.tensor3d(draw(noiseR, B * c.noiseDim, (r) => r.normal()), [K, B, c.noiseDim]);
        const zz = z;
        const eps = c.loss === 'wgan-gp' ? tf.tensor3d(draw(gpR, B, (r) => r.uniform()), [K, B, 1]) : null;
        const r = memberGrads(() => {
          const fake = forward(G, zz); // G's variables are not in the list: fake is a constant here
          const l = dLossOf(c, forward(D, real), forward(D, fake));
          return eps === null ? l : (tf.add(l, tf.mul(gradientPenalty(D, real, fake, eps), c.gpWeight)) as tf.Tensor1D);
        }, dVars);
        eps?.dispose();
        tD++;
        adamStep(dVars, r.grads, dAdam, tD, c.lrD, c);
        clip();
        dLoss = r.losses;
        r.dispose();
        real.dispose();
      }
      // G step on the same fake batch as the last D step (z), through the updated D
      const zz = z as tf.Tensor3D;
      const r = memberGrads(() => gLossOf(c, forward(D, forward(G, zz))), gVars);
      tG++;
      adamStep(gVars, r.grads, gAdam, tG, c.lrG, c);
      const gLoss = r.losses;
      r.dispose();
      zz.dispose();
      for (const [i, l] of [...dLoss.entries(), ...gLoss.entries()]) {
        if (!Number.isFinite(l)) throw new TrainError('train', 'loss', `became ${l} at step ${step} for member ${seed + (i % K)}; stopped`);
      }
      if (step % c.logEvery === 0) {
        const entry = measure(c, G, D, evalZ, grid, K, seed, step, dLoss, gLoss, target);
        logs.push(entry);
        options.onLog?.(entry);
      }
      if (step === c.steps - 1) final = step % c.logEvery === 0 ? (logs[logs.length - 1] as MemberLog[]) : measure(c, G, D, evalZ, grid, K, seed, step, dLoss, gLoss, target);
      if (options.checkpointEvery !== undefined && (step + 1) % options.checkpointEvery === 0 && step + 1 < c.steps) options.onCheckpoint?.(checkpoint(step + 1));
    }
    if (options.onFinal) options.onFinal(probe(c, G, D, evalZ, grid, K, target));
    return { config: c, seed, population: K, logs, final };
  } finally {
    tf.dispose([evalZ, grid, ...gVars, ...dVars, gAdam.m, gAdam.v, dAdam.m, dAdam.v]);
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
  G: Layer[],
  D: Layer[],
  evalZ: tf.Tensor3D,
  grid: tf.Tensor3D,
  K: number,
  seed: number,
  step: number,
  dLoss: Float32Array,
  gLoss: Float32Array,
  target: Distribution,
): MemberLog[] {
  const [xs, dGrid, gridX] = tf.tidy(() => [forward(G, evalZ).dataSync(), tf.sigmoid(forward(D, grid)).dataSync(), grid.dataSync()]) as [Float32Array, Float32Array, Float32Array];
  const n = c.evalSamples;
  const dim = target.dim;
  const gridN = dGrid.length / K;
  const dStar = dStarOnGrid(c, G, K, target, gridX, gridN);
  return Array.from({ length: K }, (_, k) => {
    const sample = xs.subarray(k * n * dim, (k + 1) * n * dim);
    let gap = 0;
    for (let i = 0; i < gridN; i++) gap = Math.max(gap, Math.abs((dGrid[k * gridN + i] as number) - 0.5));
    const common = { step, seed: seed + k, dLoss: dLoss[k] as number, gLoss: gLoss[k] as number };
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
function dStarOnGrid(c: TrainConfig, G: Layer[], K: number, target: Distribution, gridX: Float32Array, gridN: number): Float64Array | null {
  if (c.noiseDim !== 1 || target.dim !== 1) return null;
  const layers = G.map((l) => ({ W: l.W.dataSync(), b: l.b.dataSync(), fin: l.W.shape[1] as number, fout: l.W.shape[2] as number }));
  const dStar = new Float64Array(K * gridN);
  for (let k = 0; k < K; k++) {
    const member: DenseLayer[] = layers.map((l) => ({ W: l.W.subarray(k * l.fin * l.fout, (k + 1) * l.fin * l.fout), b: l.b.subarray(k * l.fout, (k + 1) * l.fout), fin: l.fin, fout: l.fout }));
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

function probe(c: TrainConfig, G: Layer[], D: Layer[], evalZ: tf.Tensor3D, grid: tf.Tensor3D, K: number, target: Distribution): FinalProbe {
  const critic = c.loss === 'wgan' || c.loss === 'wgan-gp';
  const [samples, d, gridAll] = tf.tidy(() => {
    const logits = forward(D, grid);
    return [forward(G, evalZ).dataSync(), (critic ? logits : tf.sigmoid(logits)).dataSync(), grid.dataSync()];
  }) as [Float32Array, Float32Array, Float32Array];
  const gridN = d.length / K;
  const out: FinalProbe = { grid: gridAll.slice(0, gridN * target.dim), d, samples };
  const dStar = dStarOnGrid(c, G, K, target, out.grid, gridN);
  if (dStar !== null) out.dStar = dStar;
  return out;
}

/** Python's `f"{x:.4f}"`: the exact binary value rounded half to even (JS toFixed rounds ties up). */
export function formatFixed(x: number, places: number): string {
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
  return `Step ${step}: D_loss=${formatFixed(dLoss, 4)}, G_loss=${formatFixed(gLoss, 4)}`;
}
