/**
 * The fused engine's arithmetic on typed arrays: the forward pass of a ReLU MLP, its backward pass,
 * D's and G's losses through them (the row losses of losses.ts) and the WGAN-GP penalty with its
 * second-order term. engines/fused-members.ts runs a whole step from these and adam.ts; the
 * autodiff engine runs the same step as TF.js ops, and the tests hold the two to each other.
 *
 * Parameters of a population are one [K, P] float32 array: member k's row holds, layer by layer,
 * W (fan_in × fan_out, row-major [in][out]) then b (fan_out). Members never touch each other's rows
 * and every member runs the same code in the same order, so member k of a population computes
 * exactly what the single run with its seed computes. Sums accumulate in float64 (the default) or, in
 * the float32 arithmetic (a Workspace made with Math.fround as its `round`), every product and sum is
 * rounded to float32 as it is formed, in the same order; what is stored between steps (parameters,
 * Adam's moments) is float32 either way. The loss rows are computed in float64 from D's output and,
 * in float32, rounded.
 */
import { show } from '../theory/errors.js';
import type { GanLoss, TrainConfig } from './config.js';
import { TrainError } from './errors.js';
import { rowsOf } from './losses.js';
import type { RowLoss } from './losses/rows.js';
import { noRound, type Round } from './round.js';

export interface LayerSpan {
  fin: number;
  fout: number;
  /** Offsets of W and b within a member's row. */
  w: number;
  b: number;
}

/** The layout of an MLP with widths sizes = [n₀, …, n_L] inside a member's row of P parameters. */
export function layout(sizes: readonly number[]): { layers: LayerSpan[]; P: number } {
  const layers: LayerSpan[] = [];
  let off = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fin = sizes[l] as number;
    const fout = sizes[l + 1] as number;
    layers.push({ fin, fout, w: off, b: off + fin * fout });
    off += (fin + 1) * fout;
  }
  return { layers, P: off };
}

/** Parameters of an MLP with these layer sizes (checked): Σ (nᵢ·nᵢ₊₁ + nᵢ₊₁), the P of mlp.ts's `layout`. */
export function parameterCount(sizes: readonly number[]): number {
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isSafeInteger(n) && n >= 1))
    throw new TrainError('parameterCount', 'sizes', `must be two or more layer widths ≥ 1; got ${show(sizes)}`);
  const p = layout(sizes).P;
  if (!Number.isSafeInteger(p))
    throw new TrainError('parameterCount', 'sizes', `give ${p} parameters, beyond the integers a double holds exactly (2^53); got ${show(sizes)}`);
  return p;
}

/** The widths of G (noise → hidden layers → data) and of D (data → hidden layers → one output) for data of dimension dim. */
export function networkSizes(c: Pick<TrainConfig, 'noiseDim' | 'gHidden' | 'dHidden'>, dim: number): { g: number[]; d: number[] } {
  return { g: [c.noiseDim, ...c.gHidden, dim], d: [dim, ...c.dHidden, 1] };
}

/**
 * Scratch space for one member's passes over up to `rows` rows, reused across members and steps:
 * the input, each layer's output (post-ReLU for hidden layers), the backward vectors, and the
 * penalty's per-row vectors. Every array is a Float64Array, so the loops see one element kind.
 */
export class Workspace {
  readonly x: Float64Array;
  readonly acts: Float64Array[];
  /** back[l]: ∂loss/∂(input of layer l), per row. */
  readonly back: Float64Array[];
  readonly delta: Float64Array;
  readonly g: Float64Array[];
  readonly h: Float64Array[];
  readonly hb: Float64Array[];
  /** The last row loss and its derivative (losses.ts writes them here, so rows allocate nothing). */
  readonly row: RowLoss = { loss: 0, slope: 0 };
  constructor(
    readonly net: { layers: LayerSpan[]; P: number },
    readonly rows: number,
    /** Rounds each operation's result: the identity (float64 arithmetic) or Math.fround (float32). */
    readonly round: Round = noRound,
  ) {
    const first = net.layers[0] as LayerSpan;
    const last = net.layers[net.layers.length - 1] as LayerSpan;
    this.x = new Float64Array(rows * first.fin);
    this.acts = net.layers.map((L) => new Float64Array(rows * L.fout));
    this.back = net.layers.map((L) => new Float64Array(rows * L.fin));
    this.delta = new Float64Array(rows * last.fout);
    this.g = net.layers.map((L) => new Float64Array(L.fout));
    this.h = net.layers.map((L) => new Float64Array(L.fin));
    this.hb = net.layers.map((L) => new Float64Array(L.fin));
  }
}

/**
 * Forward pass of one member (parameters p[po …]) over the first n rows of ws.x; fills ws.acts and
 * returns the last layer's output (no activation), ws.acts[L−1].
 */
export function forward(p: Float32Array, po: number, ws: Workspace, n: number): Float64Array {
  const layers = ws.net.layers;
  const R = ws.round;
  let input = ws.x;
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l] as LayerSpan;
    const out = ws.acts[l] as Float64Array;
    const relu = l + 1 < layers.length;
    const { fin, fout } = L;
    const w = po + L.w;
    const b = po + L.b;
    if (fin === 1) {
      // scalar input (the first layer of a 1-D net): out = b + a·W, one pass
      for (let r = 0; r < n; r++) {
        const a = input[r] as number;
        const or = r * fout;
        for (let j = 0; j < fout; j++) {
          const s = R((p[b + j] as number) + R(a * (p[w + j] as number)));
          out[or + j] = relu && !(s > 0) ? 0 : s;
        }
      }
    } else if (fin <= 4) {
      // narrow input (the first layer of a 1-D or 2-D net, or a scalar output): one pass per output
      for (let r = 0; r < n; r++) {
        const ir = r * fin;
        const or = r * fout;
        for (let j = 0; j < fout; j++) {
          let s = p[b + j] as number;
          for (let i = 0; i < fin; i++) s = R(s + R((input[ir + i] as number) * (p[w + i * fout + j] as number)));
          out[or + j] = relu && !(s > 0) ? 0 : s;
        }
      }
    } else if (fout === 1) {
      // one output: a dot product per row
      const bias = p[b] as number;
      for (let r = 0; r < n; r++) {
        const ir = r * fin;
        let s = bias;
        for (let i = 0; i < fin; i++) s = R(s + R((input[ir + i] as number) * (p[w + i] as number)));
        out[r] = relu && !(s > 0) ? 0 : s;
      }
    } else {
      // wide: rows of W scaled by the inputs (contiguous); ReLU's zeros are not skipped, so that the
      // SIMD kernel forms the same sums without a branch (a zero input adds a zero: only the sign of a
      // zero sum could differ, and ReLU or the float32 report of a logit does not see it)
      for (let r = 0; r < n; r++) {
        const ir = r * fin;
        const or = r * fout;
        for (let j = 0; j < fout; j++) out[or + j] = p[b + j] as number;
        for (let i = 0; i < fin; i++) {
          const a = input[ir + i] as number;
          const wr = w + i * fout;
          for (let j = 0; j < fout; j++) out[or + j] = R((out[or + j] as number) + R(a * (p[wr + j] as number)));
        }
        if (relu) for (let j = 0; j < fout; j++) if (!((out[or + j] as number) > 0)) out[or + j] = 0;
      }
    }
    input = out;
  }
  return ws.acts[layers.length - 1] as Float64Array;
}

/** Copies n rows of a member's input (x[xo …], n·n₀ values) into ws.x and runs {@link forward}. */
export function forwardFrom(p: Float32Array, po: number, ws: Workspace, x: Float32Array, xo: number, n: number): Float64Array {
  const m = n * (ws.net.layers[0] as LayerSpan).fin;
  for (let i = 0; i < m; i++) ws.x[i] = x[xo + i] as number;
  return forward(p, po, ws, n);
}

/**
 * Backward pass of one member over the first n rows of the last forward, from ws.delta (∂loss/∂output,
 * [n·n_L]). Adds the parameter gradients into grad (when not null) and leaves ∂loss/∂x in ws.back[0]
 * (when wantDx). A hidden input a is a ReLU output, so a = 0 is exactly where the mask is 0: such a
 * unit gets no gradient and passes none back.
 */
export function backward(p: Float32Array, po: number, ws: Workspace, n: number, grad: Float64Array | null, wantDx: boolean): void {
  const layers = ws.net.layers;
  const R = ws.round;
  let d = ws.delta;
  for (let l = layers.length - 1; l >= 0; l--) {
    const L = layers[l] as LayerSpan;
    const { fin, fout } = L;
    const w = po + L.w;
    const input = l === 0 ? ws.x : (ws.acts[l - 1] as Float64Array);
    const masked = l > 0;
    const wantPrev = l > 0 || wantDx;
    const prev = ws.back[l] as Float64Array;
    if (fout === 1) {
      // one output: per input unit, its weight gradient (summed over rows in a register) and the
      // vector passed back, in one pass down the column
      if (grad !== null) {
        let gb = 0;
        for (let r = 0; r < n; r++) gb = R(gb + (d[r] as number));
        grad[L.b] = R((grad[L.b] as number) + gb);
      }
      for (let i = 0; i < fin; i++) {
        const wi = p[w + i] as number;
        let gw = 0;
        for (let r = 0; r < n; r++) {
          const a = input[r * fin + i] as number;
          if (masked && !(a > 0)) {
            prev[r * fin + i] = 0;
            continue;
          }
          const dr = d[r] as number;
          gw = R(gw + R(a * dr));
          prev[r * fin + i] = R(wi * dr);
        }
        if (grad !== null) grad[L.w + i] = R((grad[L.w + i] as number) + gw);
      }
      d = prev;
      continue;
    }
    if (fin === 1 && !masked && grad !== null) {
      // scalar input (the first layer of a 1-D net): per output unit, its weight and bias gradients
      // summed over rows in registers
      for (let j = 0; j < fout; j++) {
        let gw = 0;
        let gb = 0;
        for (let r = 0; r < n; r++) {
          const dj = d[r * fout + j] as number;
          gw = R(gw + R((input[r] as number) * dj));
          gb = R(gb + dj);
        }
        grad[L.w + j] = R((grad[L.w + j] as number) + gw);
        grad[L.b + j] = R((grad[L.b + j] as number) + gb);
      }
      if (wantPrev) {
        for (let r = 0; r < n; r++) {
          let s = 0;
          for (let j = 0; j < fout; j++) s = R(s + R((p[w + j] as number) * (d[r * fout + j] as number)));
          prev[r] = s;
        }
      }
      d = prev;
      continue;
    }
    for (let r = 0; r < n; r++) {
      const dr = r * fout;
      const ir = r * fin;
      if (grad !== null) for (let j = 0; j < fout; j++) grad[L.b + j] = R((grad[L.b + j] as number) + (d[dr + j] as number));
      for (let i = 0; i < fin; i++) {
        const a = input[ir + i] as number;
        const wr = w + i * fout;
        const gr = L.w + i * fout;
        if (masked && !(a > 0)) {
          // a ReLU'd zero: nothing passes back; its weight-gradient terms are zeros, added as the SIMD
          // kernel adds them without a branch (g + 0·d = g for a finite d: the same bytes either way)
          if (grad !== null) for (let j = 0; j < fout; j++) grad[gr + j] = R((grad[gr + j] as number) + R(a * (d[dr + j] as number)));
          prev[ir + i] = 0;
          continue;
        }
        let s = 0;
        if (grad !== null && wantPrev) {
          for (let j = 0; j < fout; j++) {
            const dj = d[dr + j] as number;
            grad[gr + j] = R((grad[gr + j] as number) + R(a * dj));
            s = R(s + R((p[wr + j] as number) * dj));
          }
        } else if (grad !== null) {
          for (let j = 0; j < fout; j++) grad[gr + j] = R((grad[gr + j] as number) + R(a * (d[dr + j] as number)));
        } else {
          for (let j = 0; j < fout; j++) s = R(s + R((p[wr + j] as number) * (d[dr + j] as number)));
        }
        prev[ir + i] = s;
      }
    }
    d = prev;
  }
}

export interface DiscSpec {
  dSizes: number[];
  loss: GanLoss;
  /** The real label, 1 − label smoothing. */
  label: number;
  /** λ of WGAN-GP (used when loss is wgan-gp). */
  gpWeight: number;
  batch: number;
}

/**
 * One member's D loss and its gradient (added into grad[0 … P_D)): real and fake are [B·dim] rows at
 * ro and fo; for WGAN-GP, eps [B] at eo gives the interpolates x̂ = εx + (1−ε)x̃ and the penalty
 * λ·mean (‖∇ₓD(x̂)‖ − 1)² (per-sample norms, √(Σ g² + 1e-12) as in the autodiff path) is added with
 * its gradient through D's weights (ReLU masks are locally constant, so the biases receive none of
 * it). ws must have room for 3B rows.
 */
export function discLossGrad(
  s: DiscSpec,
  p: Float32Array,
  po: number,
  ws: Workspace,
  real: Float32Array,
  ro: number,
  fake: Float64Array,
  fo: number,
  eps: Float32Array | null,
  eo: number,
  grad: Float64Array,
): number {
  const B = s.batch;
  const dim = s.dSizes[0] as number;
  const gp = s.loss === 'wgan-gp' && eps !== null;
  const X = ws.x;
  for (let i = 0; i < B * dim; i++) {
    X[i] = real[ro + i] as number;
    X[B * dim + i] = fake[fo + i] as number;
  }
  if (gp) {
    for (let r = 0; r < B; r++) {
      const e = eps[eo + r] as number;
      for (let i = 0; i < dim; i++) X[(2 * B + r) * dim + i] = e * (real[ro + r * dim + i] as number) + (1 - e) * (fake[fo + r * dim + i] as number);
    }
  }
  const out = forward(p, po, ws, gp ? 3 * B : 2 * B);
  const delta = ws.delta;
  const row = ws.row;
  const { label } = s;
  const rows = rowsOf(s.loss);
  const R = ws.round;
  let lr = 0;
  let lf = 0;
  for (let r = 0; r < B; r++) {
    const a = out[r] as number;
    const b = out[B + r] as number;
    rows.d(true, a, label, row);
    lr = R(lr + R(row.loss));
    delta[r] = R(R(row.slope) / B);
    rows.d(false, b, label, row);
    lf = R(lf + R(row.loss));
    delta[B + r] = R(R(row.slope) / B);
  }
  let loss = R(R(lr / B) + R(lf / B));
  if (gp) loss += s.gpWeight * penalty(p, po, ws, 2 * B, B, s.gpWeight / B, grad);
  backward(p, po, ws, 2 * B, grad, false);
  return loss;
}

/**
 * mean over rows [r0, r0 + n) of (‖∇ₓD‖ − 1)², from the masks of the last forward pass; adds
 * scale·∂Σ(‖∇ₓD‖ − 1)²/∂W into grad. The input gradient of a ReLU MLP with one output is
 * u = W₀ g₁ with g_L = 1 and g_l = (W_l g_{l+1}) ⊙ m_l; its adjoint runs the other way.
 */
function penalty(p: Float32Array, po: number, ws: Workspace, r0: number, n: number, scale: number, grad: Float64Array): number {
  const layers = ws.net.layers;
  const L = layers.length;
  // g[l]: the backward vector at layer l's output; h[l] = W_l g[l] at its input; hb[l]: the adjoint of h[l]
  const { g, h, hb } = ws;
  let total = 0;
  for (let r = r0; r < r0 + n; r++) {
    (g[L - 1] as Float64Array)[0] = 1;
    for (let l = L - 1; l >= 0; l--) {
      const S = layers[l] as LayerSpan;
      const gl = g[l] as Float64Array;
      const hl = h[l] as Float64Array;
      for (let i = 0; i < S.fin; i++) {
        let v = 0;
        const wr = po + S.w + i * S.fout;
        for (let j = 0; j < S.fout; j++) v += (p[wr + j] as number) * (gl[j] as number);
        hl[i] = v;
      }
      if (l > 0) {
        const mask = ws.acts[l - 1] as Float64Array;
        const gPrev = g[l - 1] as Float64Array;
        for (let i = 0; i < S.fin; i++) gPrev[i] = (mask[r * S.fin + i] as number) > 0 ? (hl[i] as number) : 0;
      }
    }
    const u = h[0] as Float64Array;
    let ss = 0;
    for (let i = 0; i < u.length; i++) ss += (u[i] as number) * (u[i] as number);
    const norm = Math.sqrt(ss + 1e-12);
    total += (norm - 1) ** 2;
    const c = (scale * 2 * (norm - 1)) / norm;
    // adjoint: h̄₀ = c·u; dW_l[i][j] += h̄_l[i]·g_l[j]; h̄_{l+1} = (W_lᵀ h̄_l) ⊙ m_l
    const hb0 = hb[0] as Float64Array;
    for (let i = 0; i < u.length; i++) hb0[i] = c * (u[i] as number);
    for (let l = 0; l < L; l++) {
      const S = layers[l] as LayerSpan;
      const gl = g[l] as Float64Array;
      const hbl = hb[l] as Float64Array;
      for (let i = 0; i < S.fin; i++) {
        const a = hbl[i] as number;
        if (a === 0) continue;
        const gr = S.w + i * S.fout;
        for (let j = 0; j < S.fout; j++) grad[gr + j] = (grad[gr + j] as number) + a * (gl[j] as number);
      }
      if (l + 1 < L) {
        const next = hb[l + 1] as Float64Array;
        const mask = ws.acts[l] as Float64Array;
        for (let j = 0; j < S.fout; j++) {
          if (!((mask[r * S.fout + j] as number) > 0)) {
            next[j] = 0;
            continue;
          }
          let v = 0;
          for (let i = 0; i < S.fin; i++) v += (p[po + S.w + i * S.fout + j] as number) * (hbl[i] as number);
          next[j] = v;
        }
      }
    }
  }
  return total / n;
}

export interface GenSpec {
  gSizes: number[];
  dSizes: number[];
  loss: GanLoss;
  batch: number;
}

/**
 * One member's G loss through D, and its gradient (added into grad[0 … P_G)), on the batch of G's
 * last forward pass in gws (the fakes of the last D step: G has not changed since).
 */
export function genLossGrad(
  s: GenSpec,
  gp: Float32Array,
  gpo: number,
  dp: Float32Array,
  dpo: number,
  gws: Workspace,
  dws: Workspace,
  grad: Float64Array,
): number {
  const B = s.batch;
  const fake = gws.acts[gws.acts.length - 1] as Float64Array;
  dws.x.set(fake.subarray(0, B * (s.dSizes[0] as number)));
  const out = forward(dp, dpo, dws, B);
  const rows = rowsOf(s.loss);
  const row = dws.row;
  const R = dws.round;
  let loss = 0;
  for (let r = 0; r < B; r++) {
    const l = out[r] as number;
    rows.g(l, row);
    loss = R(loss + R(row.loss));
    dws.delta[r] = R(R(row.slope) / B);
  }
  backward(dp, dpo, dws, B, null, true);
  gws.delta.set((dws.back[0] as Float64Array).subarray(0, B * (s.dSizes[0] as number)));
  backward(gp, gpo, gws, B, grad, false);
  return R(loss / B);
}
