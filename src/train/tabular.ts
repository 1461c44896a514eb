import { show } from '../theory/errors.js';
import { checkFields, checkTensor } from './check.js';
import { checkSeed, Rng } from '../numeric/rng.js';
import { exactFloat, jsd as exactJsd, value as exactValue } from '../theory/index.js';
import { tf, TrainError } from './backend.js';
import { memberGrads } from './grads.js';
import { adamOps } from './optimizer-ops.js';

/**
 * The `tabular` GAN: data on n points with masses p, G = softmax over n logits (so p_G = q is known
 * exactly at every step), D = a sigmoid per point. Training uses exact expectations instead of
 * samples, so the D loss is exactly −V(D, G) = −Σ pᵢ ln σ(dᵢ) − Σ qᵢ ln(1 − σ(dᵢ)) and every claim of
 * the theory (D* = p/(p+q), C(G) = 2·JSD − ln 4, the Nash point) can be checked against the exact
 * module on the trainer's own tables. Populations are batched as in the MLP trainer: logits are
 * [K, n]; member k is initialised from Rng.fromSeed(s + k) with logits uniform in ±1.
 */
export interface TabularConfig {
  /**
   * The data masses p (positive numbers, normalised).
   * @defaultValue [0.1, 0.2, 0.3, 0.4]
   */
  target: number[];
  /**
   * `ns` (−Σ qᵢ ln σ(dᵢ)) or `saturating` (Σ qᵢ ln(1 − σ(dᵢ)), the minimax form).
   * @defaultValue 'ns'
   */
  loss: 'ns' | 'saturating';
  /**
   * D's Adam learning rate, finite and ≥ 0.
   * @defaultValue 0.05
   */
  lrD: number;
  /**
   * G's Adam learning rate, finite and ≥ 0.
   * @defaultValue 0.05
   */
  lrG: number;
  /**
   * Adam's β₁, in [0, 1).
   * @defaultValue 0.9
   */
  beta1: number;
  /**
   * Adam's β₂, in [0, 1).
   * @defaultValue 0.999
   */
  beta2: number;
  /**
   * Adam's ε, added to the denominator √v̂; finite and ≥ 0.
   * @defaultValue 1e-8
   */
  eps: number;
  /**
   * Training steps, each `dSteps` D updates then one G update.
   * @defaultValue 1000
   */
  steps: number;
  /**
   * D updates per step.
   * @defaultValue 1
   */
  dSteps: number;
  /**
   * Steps 0, logEvery, 2·logEvery, … and the last step are logged.
   * @defaultValue 200
   */
  logEvery: number;
  /**
   * Keep G fixed (train D alone), e.g. to watch D converge to D*.
   * @defaultValue false
   */
  freezeG: boolean;
  /**
   * 0: train on exact expectations. B > 0: train on minibatches of B real points drawn from p and B
   * fakes drawn from q = softmax(g): D's loss is −V with p, q replaced by the two batches'
   * histograms; G, whose samples are discrete, gets the score-function (REINFORCE) gradient
   * (1/B) Σⱼ f(yⱼ)(e_{yⱼ} − q), an unbiased estimate of ∇ E_q f.
   * @defaultValue 0
   */
  batch: number;
}

/** The tabular trainer's defaults: {@link trainTabular} overrides them field by field with its `config`. */
export const TABULAR: TabularConfig = {
  target: [0.1, 0.2, 0.3, 0.4],
  loss: 'ns',
  lrD: 0.05,
  lrG: 0.05,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  steps: 1000,
  dSteps: 1,
  logEvery: 200,
  freezeG: false,
  batch: 0,
};

/** One logged step of one tabular member, with exact quantities from the theory module. */
export interface TabularLog {
  /** The step (from 0) just done. */
  step: number;
  /** The member's seed (s + k for member k of a population seeded s). */
  seed: number;
  /** D's loss −V at the step's last D update, before that update (on the minibatch histograms when `batch` > 0); float32. */
  dLoss: number;
  /** G's loss Σ qᵢ fᵢ through the updated D, before G's update (its minibatch estimate Σ q̂ᵢ fᵢ when `batch` > 0); float32. */
  gLoss: number;
  /** p_G = softmax(g) after the step, as a float32 table. */
  q: number[];
  /** D = σ(d) per point after the step, as a float32 table. */
  d: number[];
  /** Exact V(D, G) on those tables (theory, 20 digits). */
  value: number;
  /** Exact JSD(p_data ‖ p_G) (theory, 20 digits). */
  jsd: number;
}

export interface TabularState {
  dLogits: tf.Variable;
  gLogits: tf.Variable;
}

/** The exact rational of a float, as a fraction string the theory module reads. */
export const floatFraction = exactFloat;

/**
 * D's loss −V(D; p, q) and G's loss Σ qᵢ fᵢ, f = −ln σ(d) (ns) or ln(1 − σ(d)) (saturating), per
 * member, for [K, n] tables; also the weights qᵢ fᵢ.
 */
function lossesOn(c: TabularConfig, p: tf.Tensor2D, q: tf.Tensor2D, d: tf.Tensor2D): { dLoss: tf.Tensor1D; gLoss: tf.Tensor1D; w: tf.Tensor2D } {
  // ln σ(d) = −softplus(−d), ln(1 − σ(d)) = −softplus(d): stable for any logit
  const logD = tf.neg(tf.softplus(tf.neg(d)));
  const log1mD = tf.neg(tf.softplus(d));
  const dLoss = tf.neg(tf.add(tf.sum(tf.mul(p, logD), 1), tf.sum(tf.mul(q, log1mD), 1))) as tf.Tensor1D;
  const w = tf.mul(q, c.loss === 'ns' ? tf.neg(logD) : log1mD) as tf.Tensor2D;
  return { dLoss, gLoss: tf.sum(w, 1) as tf.Tensor1D, w };
}

/**
 * D's loss −V and G's loss, per member ([K] each), for logits d, g of shape [K, n] (exact expectations, q = softmax(g)).
 * @throws {@link TrainError} when `c` has no string `loss` or a tensor is not of rank 2.
 */
export function tabularLosses(
  c: TabularConfig,
  p: tf.Tensor2D,
  d: tf.Tensor2D,
  g: tf.Tensor2D,
): {
  /** −V(D; p, q) = −Σ pᵢ ln σ(dᵢ) − Σ qᵢ ln(1 − σ(dᵢ)), [K]. */
  dLoss: tf.Tensor1D;
  /** Σ qᵢ fᵢ with f = −ln σ(d) (ns) or ln(1 − σ(d)) (saturating), [K]. */
  gLoss: tf.Tensor1D;
} {
  checkFields('tabularLosses', 'c', c, { loss: 'string' });
  for (const [arg, t] of [
    ['p', p],
    ['d', d],
    ['g', g],
  ] as const)
    checkTensor('tabularLosses', arg, t, 2);
  const { dLoss, gLoss } = lossesOn(c, p, tf.softmax(g), d);
  return { dLoss, gLoss };
}

/**
 * The minibatch losses for histograms pHat (of B real points) and qHat (of B fakes), [K, n] each:
 * D's loss −V(D; p̂, q̂); G's loss estimate Σ q̂ᵢ f(dᵢ) with f = −ln σ (ns) or ln(1 − σ)
 * (saturating); and G's surrogate Σ (q̂ᵢ f(dᵢ)) ln qᵢ, whose gradient in g, Σ q̂ᵢ fᵢ (eᵢ − q), is the
 * score-function estimate (the weights q̂ᵢ fᵢ do not depend on g). With q̂ = q the surrogate's
 * gradient is the exact ∇_g of the G loss.
 */
export function tabularBatchLosses(
  c: TabularConfig,
  pHat: tf.Tensor2D,
  qHat: tf.Tensor2D,
  d: tf.Tensor2D,
  g: tf.Tensor2D,
): {
  /** −V(D; p̂, q̂), [K]. */
  dLoss: tf.Tensor1D;
  /** G's loss estimate Σ q̂ᵢ f(dᵢ), [K]. */
  gLoss: tf.Tensor1D;
  /** Σ q̂ᵢ f(dᵢ) ln qᵢ, [K]: differentiated in g it gives the score-function gradient. */
  gSurrogate: tf.Tensor1D;
} {
  checkFields('tabularBatchLosses', 'c', c, { loss: 'string' });
  for (const [arg, t] of [
    ['pHat', pHat],
    ['qHat', qHat],
    ['d', d],
    ['g', g],
  ] as const)
    checkTensor('tabularBatchLosses', arg, t, 2);
  const { dLoss, gLoss, w } = lossesOn(c, pHat, qHat, d);
  return { dLoss, gLoss, gSurrogate: tf.sum(tf.mul(w, tf.logSoftmax(g)), 1) as tf.Tensor1D };
}

/** Histograms [K·n] of B draws per member from the cumulative masses cum [K·n] (member-major). */
function histograms(rngs: Rng[], cum: Float64Array, n: number, B: number): Float32Array {
  const out = new Float32Array(rngs.length * n);
  rngs.forEach((r, k) => {
    const c = cum.subarray(k * n, (k + 1) * n);
    for (let b = 0; b < B; b++) {
      const i = k * n + r.categorical(c);
      out[i] = (out[i] as number) + 1 / B;
    }
  });
  return out;
}

const cumulative = (x: ArrayLike<number>) => {
  const out = new Float64Array(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) out[i] = s += x[i] as number;
  return out;
};

/** Trains a population of tabular GANs on exact expectations; returns the logs (with exact V, JSD). */
export function trainTabular(
  config: Partial<TabularConfig> = {},
  options: { seed?: number; population?: number; init?: { d?: number[]; g?: number[] } } = {},
): TabularLog[][] {
  const fn = 'trainTabular';
  for (const [arg, v] of [
    ['config', config],
    ['options', options],
  ] as const) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new TrainError(fn, arg, `must be an object of settings; got ${show(v)}`);
  }
  const c: TabularConfig = { ...TABULAR, ...config };
  for (const k of Object.keys(config))
    if (!(k in TABULAR)) throw new TrainError(fn, `config.${k}`, `is not a setting of the tabular trainer (${Object.keys(TABULAR).join(', ')})`);
  for (const k of ['steps', 'dSteps', 'logEvery'] as const)
    if (!Number.isSafeInteger(c[k]) || c[k] < 1) throw new TrainError(fn, k, `must be a positive integer; got ${show(c[k])}`);
  for (const k of ['lrD', 'lrG', 'eps'] as const)
    if (!(Number.isFinite(c[k]) && c[k] >= 0)) throw new TrainError(fn, k, `must be a finite number ≥ 0; got ${show(c[k])}`);
  for (const k of ['beta1', 'beta2'] as const) if (!(c[k] >= 0 && c[k] < 1)) throw new TrainError(fn, k, `must be in [0, 1); got ${show(c[k])}`);
  const n = c.target.length;
  if (n < 1 || !c.target.every((x) => Number.isFinite(x) && x > 0))
    throw new TrainError(fn, 'target', `must be positive masses; got ${JSON.stringify(c.target)}`);
  const total = c.target.reduce((a, b) => a + b, 0);
  const pArr = c.target.map((x) => x / total);
  const seed = checkSeed(fn, options.seed ?? 0);
  const K = options.population ?? 1;
  if (!Number.isSafeInteger(K) || K < 1) throw new TrainError(fn, 'population', `must be a positive integer; got ${K}`);
  // every member is updated at every step (the tabular losses are finite on exact expectations)
  const active = new Array<boolean>(K).fill(true);
  const opt = (lr: number, t: number) => ({ optimizer: 'adam' as const, lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps, t });
  const init = (which: 'd' | 'g', stream: number) => {
    const given = options.init?.[which];
    if (given !== undefined) {
      if (given.length !== n) throw new TrainError(fn, `init.${which}`, `must have ${n} logits; got ${given.length}`);
      return Float32Array.from({ length: K * n }, (_, i) => given[i % n] as number);
    }
    const out = new Float32Array(K * n);
    for (let k = 0; k < K; k++) {
      const r = Rng.fromSeed(seed + k).stream(stream);
      for (let i = 0; i < n; i++) out[k * n + i] = 2 * r.uniform() - 1;
    }
    return out;
  };
  if (!Number.isSafeInteger(c.batch) || c.batch < 0)
    throw new TrainError(fn, 'batch', `must be 0 (exact expectations) or a positive integer; got ${JSON.stringify(c.batch)}`);
  const B = c.batch;
  // minibatch mode: member k draws its real points from stream 2 and its fakes from stream 3
  const realR = Array.from({ length: K }, (_, k) => Rng.fromSeed(seed + k).stream(2));
  const fakeR = Array.from({ length: K }, (_, k) => Rng.fromSeed(seed + k).stream(3));
  const pCum = new Float64Array(K * n);
  for (let k = 0; k < K; k++) pCum.set(cumulative(pArr), k * n);
  const p = tf.tensor2d(
    Float32Array.from({ length: K * n }, (_, i) => pArr[i % n] as number),
    [K, n],
  );
  const d = tf.variable(tf.tensor2d(init('d', 0), [K, n]));
  const g = tf.variable(tf.tensor2d(init('g', 1), [K, n]));
  const [dm, dv, gm, gv] = [d, d, g, g].map((x) => tf.variable(tf.zerosLike(x)));
  const P = pArr.map(floatFraction);
  const logs: TabularLog[][] = [];
  let tD = 0;
  let tG = 0;
  try {
    for (let step = 0; step < c.steps; step++) {
      let dLoss: Float32Array = new Float32Array(K);
      const losses = () => tabularLosses(c, p, d as unknown as tf.Tensor2D, g as unknown as tf.Tensor2D);
      let batch: { pHat: tf.Tensor2D; qHat: tf.Tensor2D } | null = null;
      const batchLosses = () => {
        const b = batch as { pHat: tf.Tensor2D; qHat: tf.Tensor2D };
        return tabularBatchLosses(c, b.pHat, b.qHat, d as unknown as tf.Tensor2D, g as unknown as tf.Tensor2D);
      };
      for (let s = 0; s < c.dSteps; s++) {
        if (B > 0) {
          // a fresh minibatch per D step: B real points from p, B fakes from the current q
          const qNow = tf.tidy(() => tf.softmax(g).dataSync()) as Float32Array;
          const qCum = new Float64Array(K * n);
          for (let k = 0; k < K; k++) qCum.set(cumulative(qNow.subarray(k * n, (k + 1) * n)), k * n);
          if (batch !== null) tf.dispose([batch.pHat, batch.qHat]);
          batch = { pHat: tf.tensor2d(histograms(realR, pCum, n, B), [K, n]), qHat: tf.tensor2d(histograms(fakeR, qCum, n, B), [K, n]) };
        }
        const r = memberGrads(() => (B > 0 ? batchLosses().dLoss : losses().dLoss), [d]);
        tD++;
        adamOps(d, dm as tf.Variable, dv as tf.Variable, r.grads[d.name] as tf.Tensor, opt(c.lrD, tD), active);
        dLoss = r.losses;
        r.dispose();
      }
      // G on the fakes of the last D step (as the MLP trainer reuses its noise), through the updated D
      let gLoss: Float32Array;
      let r: ReturnType<typeof memberGrads>;
      if (B > 0) {
        r = memberGrads(() => batchLosses().gSurrogate, [g]);
        gLoss = tf.tidy(() => Float32Array.from(batchLosses().gLoss.dataSync()));
        const b = batch as unknown as { pHat: tf.Tensor2D; qHat: tf.Tensor2D };
        tf.dispose([b.pHat, b.qHat]);
      } else {
        r = memberGrads(() => losses().gLoss, [g]);
        gLoss = r.losses;
      }
      if (!c.freezeG) {
        tG++;
        adamOps(g, gm as tf.Variable, gv as tf.Variable, r.grads[g.name] as tf.Tensor, opt(c.lrG, tG), active);
      }
      r.dispose();
      if (step % c.logEvery === 0 || step === c.steps - 1) {
        const [qs, ds] = tf.tidy(() => [tf.softmax(g).dataSync(), tf.sigmoid(d).dataSync()]) as [Float32Array, Float32Array];
        logs.push(
          Array.from({ length: K }, (_, k) => {
            const q = Array.from(qs.subarray(k * n, (k + 1) * n));
            const dd = Array.from(ds.subarray(k * n, (k + 1) * n));
            const Q = q.map(floatFraction);
            return {
              step,
              seed: seed + k,
              dLoss: dLoss[k] as number,
              gLoss: gLoss[k] as number,
              q,
              d: dd,
              value: Number(exactValue(P, Q, dd.map(floatFraction), { normalize: true, digits: 20 }).value),
              jsd: Number(exactJsd(P, Q, { normalize: true, digits: 20 }).value),
            };
          }),
        );
      }
    }
    return logs;
  } finally {
    tf.dispose([p, d, g, dm as tf.Variable, dv as tf.Variable, gm as tf.Variable, gv as tf.Variable]);
  }
}
