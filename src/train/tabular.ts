import { show } from '../theory/errors.js';
import { checkSeed, Rng } from '../numeric/rng.js';
import { exactFloat, jsd as exactJsd, value as exactValue } from '../theory/index.js';
import { tf } from './tf.js';
import { TrainError } from './errors.js';
import { memberGrads } from './grads.js';
import { adamOps } from './optimizer-ops.js';
import { TABULAR, type TabularConfig } from './tabular-config.js';
import { tabularBatchLosses, tabularLosses } from './tabular-losses.js';

export { TABULAR, type TabularConfig };

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

/** The exact rational of a float, as a fraction string the theory module reads. */
export const floatFraction = exactFloat;

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
