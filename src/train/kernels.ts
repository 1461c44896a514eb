import type { GanLoss } from './config.js';
import { tf } from './backend.js';
import { adam, discLossGrad, forwardFrom, genLossGrad, layout, Workspace, type AdamSpec } from './mlp.js';

/**
 * The fused trainer as TensorFlow.js kernels of the cpu backend (the arithmetic is in mlp.ts).
 * Op by op, one step of the 1-16-1 toy is some 200 kernel launches whose bookkeeping, not their
 * arithmetic, is the cost; fused, a whole step (every D step, the G step, both Adam updates) is one
 * launch, and each member's networks stay in cache while it runs. Tensors, memory and scopes stay
 * TF.js's.
 */

interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

const FORWARD = 'GanVerifyMlpForward';
const STEP = 'GanVerifyGanStep';

function values(backend: unknown, t: tf.TensorInfo | undefined): Float32Array {
  return (backend as CpuBackend).data.get((t as tf.TensorInfo).dataId).values as Float32Array;
}

const out = (backend: unknown, shape: number[], v: Float32Array) => (backend as CpuBackend).makeTensorInfo(shape, 'float32', v);

/** What one fused step needs besides the tensors. */
export interface StepAttrs {
  gSizes: number[];
  dSizes: number[];
  loss: GanLoss;
  /** The real label, 1 − label smoothing. */
  label: number;
  gpWeight: number;
  /** Weight clipping bound (applied after every D update when loss is wgan). */
  clip: number;
  lrD: number;
  lrG: number;
  beta1: number;
  beta2: number;
  eps: number;
  optimizer: 'adam' | 'rmsprop';
  /** Adam step counts before this step. */
  tD: number;
  tG: number;
  /** Members still training; the others are left as they are. */
  active: boolean[];
}

/** Status codes of a member after a fused step. */
export const STEP_OK = 0;
export const STEP_STOPPED_D = 1;
export const STEP_STOPPED_G = 2;

/**
 * A member stops when a loss is not finite or beyond ±LOSS_BOUND: a run whose loss reaches 10⁶
 * (the BCE losses are a few nats; ln 4 at equilibrium) has diverged even while it stays finite.
 */
export const LOSS_BOUND = 1e6;
/** Within the bound (false for NaN and ±∞). */
export const lossOk = (x: number) => Math.abs(x) <= LOSS_BOUND;

let registered = false;

/** Registers the fused kernels with the cpu backend (once). */
export function registerFusedKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: FORWARD,
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const sizes = (attrs as { sizes: number[] }).sizes;
      const x = values(backend, inputs.x);
      const p = values(backend, inputs.p);
      const [K, N] = (inputs.x as tf.TensorInfo).shape as [number, number, number];
      const net = layout(sizes);
      const n0 = sizes[0] as number;
      const nL = sizes[sizes.length - 1] as number;
      const ws = new Workspace(net, N);
      const res = new Float32Array(K * N * nL);
      for (let k = 0; k < K; k++) res.set(forwardFrom(p, k * net.P, ws, x, k * N * n0, N).subarray(0, N * nL), k * N * nL);
      return out(backend, [K, N, nL], res);
    },
  });
  tf.registerKernel({
    kernelName: STEP,
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const a = attrs as unknown as StepAttrs;
      // real, z: [dSteps, K, B, ·]; eps: [dSteps, K, B] (wgan-gp)
      const real = values(backend, inputs.real);
      const z = values(backend, inputs.z);
      const eps = inputs.eps === undefined ? null : values(backend, inputs.eps);
      const [S, K, B, dim] = (inputs.real as tf.TensorInfo).shape as [number, number, number, number];
      const nz = a.gSizes[0] as number;
      const gNet = layout(a.gSizes);
      const dNet = layout(a.dSizes);
      const gp = Float32Array.from(values(backend, inputs.gp));
      const gm = Float32Array.from(values(backend, inputs.gm));
      const gv = Float32Array.from(values(backend, inputs.gv));
      const dp = Float32Array.from(values(backend, inputs.dp));
      const dm = Float32Array.from(values(backend, inputs.dm));
      const dv = Float32Array.from(values(backend, inputs.dv));
      const gws = new Workspace(gNet, B);
      const dws = new Workspace(dNet, 3 * B);
      const gGrad = new Float64Array(gNet.P);
      const dGrad = new Float64Array(dNet.P);
      const dLoss = new Float32Array(K).fill(NaN);
      const gLoss = new Float32Array(K).fill(NaN);
      const status = new Float32Array(K);
      const disc = { dSizes: a.dSizes, loss: a.loss, label: a.label, gpWeight: a.gpWeight, batch: B };
      const gen = { gSizes: a.gSizes, dSizes: a.dSizes, loss: a.loss, batch: B };
      const opt = (lr: number, t: number) => ({ optimizer: a.optimizer, lr, beta1: a.beta1, beta2: a.beta2, eps: a.eps, t });
      // the step counts are the same for every member
      const optD = Array.from({ length: S }, (_, s) => opt(a.lrD, a.tD + s + 1));
      const optG = opt(a.lrG, a.tG + 1);
      const fakeRows = gws.acts[gNet.layers.length - 1] as Float64Array;
      for (let k = 0; k < K; k++) {
        if (a.active[k] === false) continue;
        const go = k * gNet.P;
        const dOff = k * dNet.P;
        let ok = true;
        for (let s = 0; s < S && ok; s++) {
          // G's fake batch for this D step (G is a constant here); gws keeps the last one for the G step
          forwardFrom(gp, go, gws, z, (s * K + k) * B * nz, B);
          dGrad.fill(0);
          const l = discLossGrad(disc, dp, dOff, dws, real, (s * K + k) * B * dim, fakeRows, 0, eps, (s * K + k) * B, dGrad);
          dLoss[k] = l;
          // the loss is reported in float32: one that overflows it stops the member too
          if (!lossOk(dLoss[k] as number)) {
            status[k] = STEP_STOPPED_D;
            ok = false;
            break;
          }
          adam(optD[s] as AdamSpec, dp, dm, dv, dGrad, dOff, dNet.P);
          if (a.loss === 'wgan') for (let i = dOff; i < dOff + dNet.P; i++) dp[i] = Math.min(a.clip, Math.max(-a.clip, dp[i] as number));
        }
        if (!ok) continue;
        gGrad.fill(0);
        const l = genLossGrad(gen, gp, go, dp, dOff, gws, dws, gGrad);
        gLoss[k] = l;
        if (!lossOk(gLoss[k] as number)) {
          status[k] = STEP_STOPPED_G;
          continue;
        }
        adam(optG, gp, gm, gv, gGrad, go, gNet.P);
      }
      const G = [K, gNet.P];
      const D = [K, dNet.P];
      return [
        out(backend, G, gp),
        out(backend, G, gm),
        out(backend, G, gv),
        out(backend, D, dp),
        out(backend, D, dm),
        out(backend, D, dv),
        out(backend, [K], dLoss),
        out(backend, [K], gLoss),
        out(backend, [K], status),
      ];
    },
  });
}

/** [K, N, n₀] → [K, N, n_L] through each member's MLP (parameters [K, P]). */
export const fusedForward = (x: tf.Tensor3D, p: tf.Tensor, sizes: number[]) => tf.engine().runKernel(FORWARD, { x, p }, { sizes }) as tf.Tensor3D;

/**
 * One whole training step for every active member: `dSteps` D updates (each on its own real batch
 * and noise, the fake batch from G, then Adam and, for wgan, clipping), then the G update on the
 * last noise through the updated D. A member whose loss is not finite stops there, keeping its
 * state from before that update (status STEP_STOPPED_D or STEP_STOPPED_G, the loss reported as it
 * was). Returns the new parameters and moments, the losses and the statuses.
 */
export function fusedStep(
  batch: { real: tf.Tensor4D; z: tf.Tensor4D; eps: tf.Tensor3D | null },
  state: { gp: tf.Tensor; gm: tf.Tensor; gv: tf.Tensor; dp: tf.Tensor; dm: tf.Tensor; dv: tf.Tensor },
  attrs: StepAttrs,
) {
  const inputs: tf.NamedTensorMap = { real: batch.real, z: batch.z, ...state };
  if (batch.eps !== null) inputs.eps = batch.eps;
  const [gp, gm, gv, dp, dm, dv, dLoss, gLoss, status] = tf.engine().runKernel(STEP, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
  return { gp, gm, gv, dp, dm, dv, dLoss, gLoss, status } as Record<'gp' | 'gm' | 'gv' | 'dp' | 'dm' | 'dv' | 'dLoss' | 'gLoss' | 'status', tf.Tensor>;
}
