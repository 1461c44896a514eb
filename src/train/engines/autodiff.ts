/**
 * The autodiff engine: a step as TF.js ops on the population's [K, P] parameter tensors, with
 * TF.js's gradients (memberGrads), on any backend. The losses are the formulas of losses.ts as
 * ops; the optimizers those of adam.ts as ops (optimizer-ops.ts). It agrees with the fused engine
 * to float32 rounding, not bit for bit.
 */
import { show } from '../../theory/errors.js';
import type { Distribution } from '../../numeric/distributions/index.js';
import { tf } from '../tf.js';
import { TrainError } from '../errors.js';
import { checkFields } from '../check.js';
import { checkTensor } from '../tensor-check.js';
import type { TrainConfig } from '../config.js';
import { memberGrads } from '../grads.js';
import { lossOk } from '../losses.js';
import { LOSSES, type GanLossDef } from '../losses/index.js';
import { layout, networkSizes } from '../mlp.js';
import { adamOps } from '../optimizer-ops.js';
import {
  drawBatch,
  memberBatch,
  recordStop,
  saveRngs,
  STEP_OK,
  STEP_STOPPED_D,
  STEP_STOPPED_G,
  type MemberRngs,
  type NetState,
  type StepReport,
  type StopRecord,
} from './fused-members.js';
import type { Points, StepEngine } from './types.js';

/** Points as a tensor [K, n, dim] (inside a tidy: it is freed with the scope). */
const tensorOf = (x: Points): tf.Tensor3D => tf.tensor3d(x.data, [...x.shape]);

/** One layer of a population's MLP: W [K, in, out], b [K, 1, out] (views of the flat parameters). */
export interface Layer {
  /** The weights, [K, in, out]: row-major [in][out] per member. */
  W: tf.Tensor3D;
  /** The biases, [K, 1, out]. */
  b: tf.Tensor3D;
}

/** The layers of a population's flat parameters [K, P] as TF.js views (slices: gradients flow back). */
export function layersOf(flat: tf.Tensor, sizes: number[]): Layer[] {
  const K = flat.shape[0] as number;
  return layout(sizes).layers.map((L) => ({
    W: tf.reshape(tf.slice(flat, [0, L.w], [K, L.fin * L.fout]), [K, L.fin, L.fout]),
    b: tf.reshape(tf.slice(flat, [0, L.b], [K, L.fout]), [K, 1, L.fout]),
  }));
}

/** x: [K, B, in] → [K, B, out]; ReLU between layers, none after the last. */
export function forward(layers: Layer[], x: tf.Tensor3D): tf.Tensor3D {
  let h = x;
  layers.forEach((layer, i) => {
    h = tf.add(tf.matMul(h, layer.W), layer.b);
    if (i + 1 < layers.length) h = tf.relu(h);
  });
  return h;
}

/**
 * ∇ₓD(x) for every sample, [K, B, dim]: the gradient of ΣD(x) with respect to x gives each sample its own gradient
 * (samples do not interact), the input of the gradient penalty and of R1/R2.
 */
function inputGradient(D: Layer[], x: tf.Tensor3D): tf.Tensor3D {
  return tf.grad((y: tf.Tensor) => tf.sum(forward(D, y as tf.Tensor3D)))(x) as tf.Tensor3D;
}

/** D's per-member loss from outputs on real and fake batches: the registry's ops (losses/). */
export function dLossOf(c: TrainConfig, real: tf.Tensor3D, fake: tf.Tensor3D): tf.Tensor1D {
  checkFields('dLossOf', 'c', c, { loss: 'string', labelSmoothing: 'number' });
  checkTensor('dLossOf', 'real', real, 3);
  checkTensor('dLossOf', 'fake', fake, 3);
  return lossDef('dLossOf', c.loss).ops.d(tf, real, fake, 1 - c.labelSmoothing);
}

/** G's per-member loss from D's outputs on the fake batch: the registry's ops (losses/). */
export function gLossOf(c: TrainConfig, fake: tf.Tensor3D): tf.Tensor1D {
  checkFields('gLossOf', 'c', c, { loss: 'string' });
  checkTensor('gLossOf', 'fake', fake, 3);
  return lossDef('gLossOf', c.loss).ops.g(tf, fake);
}

/** The registry's entry for a loss name, or a TrainError naming the function and the value. */
function lossDef(fn: string, loss: string): GanLossDef {
  const def = (LOSSES as Record<string, GanLossDef | undefined>)[loss];
  if (def === undefined) throw new TrainError(fn, 'c.loss', `must be one of ${Object.keys(LOSSES).join(', ')}; got ${show(loss)}`);
  return def;
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
  const g = inputGradient(D, xhat);
  const norms = tf.sqrt(tf.add(tf.sum(tf.square(g), 2), 1e-12));
  return tf.mean(tf.square(tf.sub(norms, 1)), 1) as tf.Tensor1D;
}

/**
 * Per member, mean over the batch of ‖∇ₓD(x)‖² (each sample's own gradient: samples do not interact), the
 * R1 penalty on real points and R2 on fakes without their weight γ/2 (Mescheder et al. 2018, eq. 9).
 */
export function gradientSquaredNorm(D: Layer[], x: tf.Tensor3D): tf.Tensor1D {
  const g = inputGradient(D, x);
  return tf.mean(tf.sum(tf.square(g), 2), 1) as tf.Tensor1D;
}

/** One layer's power-iteration vectors for spectral normalisation: u [K, out, 1], v [K, in, 1], unit vectors. */
interface PowerVectors {
  u: tf.Variable;
  v: tf.Variable;
}

const unit = (x: tf.Tensor) => tf.div(x, tf.add(tf.sqrt(tf.sum(tf.square(x), 1, true)), 1e-12));

/**
 * One power iteration on each layer W [K, in, out] (Miyato et al. 2018, Algorithm 1, for x ↦ x·W):
 * v ← Wu/‖Wu‖, u ← Wᵀv/‖Wᵀv‖, outside any gradient (the vectors are state, not parameters).
 */
function powerIteration(layers: Layer[], vectors: PowerVectors[]): void {
  tf.tidy(() =>
    layers.forEach((L, i) => {
      const pv = vectors[i] as PowerVectors;
      const v = unit(tf.matMul(L.W, pv.u));
      pv.v.assign(v);
      pv.u.assign(unit(tf.matMul(L.W, v, true, false)));
    }),
  );
}

/** The layers with W/σ(W), σ = vᵀWu from the layer's current vectors (differentiable in W, the vectors held fixed). */
export function spectralLayers(layers: Layer[], vectors: PowerVectors[] | null): Layer[] {
  if (vectors === null) return layers;
  return layers.map((L, i) => {
    const pv = vectors[i] as PowerVectors;
    const sigma = tf.sum(tf.mul(pv.v, tf.matMul(L.W, pv.u)), [1, 2], true);
    return { W: tf.div(L.W, sigma) as tf.Tensor3D, b: L.b };
  });
}

/**
 * The vectors of every layer of D, [K, ·, 1]: u starts as the fixed unit vector ∝ (1, 2, …, out) (no random
 * draw, so no stream moves), then one power iteration sets v and refines u.
 */
function makePowerVectors(D: Net, K: number): PowerVectors[] {
  const vectors = layout(D.sizes).layers.map(({ fin, fout }) => {
    const u0 = tf.tidy(() => tf.tile(unit(tf.reshape(tf.range(1, fout + 1), [1, fout, 1])), [K, 1, 1]));
    return { u: tf.variable(u0), v: tf.variable(tf.zeros([K, fin, 1])) };
  });
  tf.tidy(() => powerIteration(layersOf(D.p, D.sizes), vectors));
  return vectors;
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

const read = (t: tf.Tensor) => Float32Array.from(t.dataSync() as Float32Array);

/** One step of the whole population as TF.js ops, and the networks' outputs. */
function autodiffSteps(c: TrainConfig, G: Net, D: Net, K: number) {
  const dim = D.sizes[0] as number;
  const r1 = c.r1 ?? 0;
  const r2 = c.r2 ?? 0;
  const ema = c.ema ?? 0;
  // spectral normalisation's vectors and G's moving average: state beside the parameters
  const power = c.spectralNorm === true ? makePowerVectors(D, K) : null;
  const gAverage = ema > 0 ? tf.variable(tf.clone(G.p)) : null;
  /** D's layers as the loss and the metrics see them (normalised when spectralNorm is on). */
  const dLayers = () => spectralLayers(layersOf(D.p, D.sizes), power);
  const grads = (loss: () => tf.Tensor1D, net: Net) => {
    const r = memberGrads(loss, [net.p]);
    const grad = tf.clone(r.grads[net.p.name] as tf.Tensor); // shares the data; outlives r.dispose()
    r.dispose();
    return { losses: Float32Array.from(r.losses), grad };
  };
  const opt = (lr: number, t: number) => ({ optimizer: c.optimizer ?? 'adam', lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps, t });
  return {
    step(batch: StepBatch, tD: number, tG: number, active0: boolean[]): StepOutcome {
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
        if (power !== null) tf.tidy(() => powerIteration(layersOf(D.p, D.sizes), power));
        const r = grads(() => {
          const fake = forward(layersOf(G.p, G.sizes), zz); // G's parameters are not differentiated: a constant here
          const layers = dLayers();
          let l = dLossOf(c, forward(layers, real), forward(layers, fake));
          if (eps !== null) l = tf.add(l, tf.mul(gradientPenalty(layers, real, fake, eps), c.gpWeight)) as tf.Tensor1D;
          if (r1 > 0) l = tf.add(l, tf.mul(gradientSquaredNorm(layers, real), r1 / 2)) as tf.Tensor1D;
          if (r2 > 0) l = tf.add(l, tf.mul(gradientSquaredNorm(layers, fake), r2 / 2)) as tf.Tensor1D;
          return l;
        }, D);
        tf.dispose(eps === null ? [real] : [real, eps]);
        screen(r.losses, STEP_STOPPED_D, dLoss);
        adamOps(D.p, D.m, D.v, r.grad, opt(c.lrD, tD + s + 1), active);
        r.grad.dispose();
        if (c.loss === 'wgan') tf.tidy(() => D.p.assign(tf.clipByValue(D.p, -c.clip, c.clip))); // wgan-gp needs no clipping
      });
      // G step on the same noise as the last D step, through the updated D
      const zz = z as unknown as tf.Tensor3D;
      const r = grads(() => gLossOf(c, forward(dLayers(), forward(layersOf(G.p, G.sizes), zz))), G);
      zz.dispose();
      screen(r.losses, STEP_STOPPED_G, gLoss);
      adamOps(G.p, G.m, G.v, r.grad, opt(c.lrG, tG + 1), active);
      r.grad.dispose();
      if (gAverage !== null) tf.tidy(() => gAverage.assign(tf.add(tf.mul(gAverage, ema), tf.mul(G.p, 1 - ema))));
      return { dLoss, gLoss, status };
    },
    evaluate(z: Points, x: Points): { samples: Float32Array; logits: Float32Array } {
      // G's samples from its moving average when one is kept (the weights a GAN with EMA reports)
      return tf.tidy(() => ({ samples: read(forward(layersOf(gAverage ?? G.p, G.sizes), tensorOf(z))), logits: this.critic(x) }));
    },
    critic(x: Points): Float32Array {
      return tf.tidy(() => read(forward(dLayers(), tensorOf(x))));
    },
    dispose(): void {
      tf.dispose([...(power ?? []).flatMap((pv) => [pv.u, pv.v]), ...(gAverage === null ? [] : [gAverage])]);
    },
  };
}

/**
 * The autodiff engine over K members with these initial parameters and moments, generators and
 * active flags (1 = training). Each step draws every member's batch from its own generators, as
 * the fused engine does.
 */
export function autodiffEngine(c: TrainConfig, target: Distribution, K: number, init: NetState, rngs: MemberRngs[], active: Uint8Array): StepEngine {
  const dim = target.dim;
  const sizes = networkSizes(c, dim);
  const G = makeNet(sizes.g, K, init.gp, init.gm, init.gv);
  const D = makeNet(sizes.d, K, init.dp, init.dm, init.dv);
  const steps = autodiffSteps(c, G, D, K);
  const report: StepReport = { active: Uint8Array.from(active), dLoss: new Float32Array(K).fill(NaN), gLoss: new Float32Array(K).fill(NaN) };
  const B = c.batch;
  const nz = c.noiseDim;
  const mine = memberBatch(c, dim);
  return {
    report,
    chunk: 1,
    run(from, n, tD, tG) {
      const stops: StopRecord[] = [];
      for (let s = 0; s < n; s++) {
        // each member's batch as every engine draws it, laid out per D step as [K, B, ·]
        const batch: StepBatch = {
          real: Array.from({ length: c.dSteps }, () => new Float32Array(K * B * dim)),
          z: Array.from({ length: c.dSteps }, () => new Float32Array(K * B * nz)),
          eps: mine.eps === null ? null : Array.from({ length: c.dSteps }, () => new Float32Array(K * B)),
        };
        rngs.forEach((r, k) => {
          drawBatch(c, target, r, mine);
          for (let d = 0; d < c.dSteps; d++) {
            (batch.real[d] as Float32Array).set(mine.real.subarray(d * B * dim, (d + 1) * B * dim), k * B * dim);
            (batch.z[d] as Float32Array).set(mine.z.subarray(d * B * nz, (d + 1) * B * nz), k * B * nz);
            if (mine.eps !== null && batch.eps !== null) (batch.eps[d] as Float32Array).set(mine.eps.subarray(d * B, (d + 1) * B), k * B);
          }
        });
        const o = steps.step(
          batch,
          tD + s * c.dSteps,
          tG + s,
          Array.from(report.active, (a) => a === 1),
        );
        for (let k = 0; k < K; k++) {
          report.dLoss[k] = o.dLoss[k] as number;
          report.gLoss[k] = o.gLoss[k] as number;
          const st = o.status[k] as number;
          if (report.active[k] !== 1 || st === STEP_OK) continue;
          recordStop(report, stops, k, from + s, st === STEP_STOPPED_D ? STEP_STOPPED_D : STEP_STOPPED_G);
        }
      }
      return stops;
    },
    state: () => ({ gp: read(G.p), gm: read(G.m), gv: read(G.v), dp: read(D.p), dm: read(D.m), dv: read(D.v) }),
    rngStates: () => saveRngs(rngs),
    evaluate: (z, x) => steps.evaluate(z, x),
    critic: (x) => steps.critic(x),
    dispose: () => {
      steps.dispose();
      tf.dispose([G.p, G.m, G.v, D.p, D.m, D.v]);
    },
  };
}
