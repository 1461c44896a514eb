// The fused engine's linear algebra for two members at once, in WebAssembly SIMD (AssemblyScript;
// part of the kernel that assembly/kernel.ts exports, built by `npm run build:wasm` into
// src/train/engines/fused-pair-wasm.ts).
//
// Every value is an f64x2: lane 0 is one member, lane 1 another. Each function is the member-wise
// arithmetic of src/train/mlp.ts and src/train/adam.ts, branch for branch and in the same order of
// operations, so each lane computes exactly the float64 values the scalar code computes for that
// member: IEEE addition, multiplication, division and square root are exact per lane, there is no
// fused multiply-add (no relaxed SIMD), and where the scalar code skips work for a value (a ReLU
// zero, an input of 0) the lane keeps its old value through a select instead of a branch. Sums over
// rows or columns that the scalar code forms one after another are formed four at a time here,
// each in its own order (four independent chains, so the processor overlaps them). The losses and
// the draws are ./losses.ts and ./normal.ts, a step's order ./step.ts.
//
// Memory is laid out by the caller (src/train/engines/fused-simd.ts). A network descriptor is
// i32 L, then per layer six i32: fin, fout, the offsets of W and b in the parameter block (in
// values), the address of the layer's outputs (acts) and of its backward vectors (back).

const V: usize = 16;

@inline function ld(p: usize): v128 {
  return v128.load(p);
}

@inline function st(p: usize, v: v128): void {
  v128.store(p, v);
}

@inline function field(desc: usize, l: i32, k: i32): i32 {
  return load<i32>(desc + 4 + ((<usize>(l * 6 + k)) << 2));
}

// ReLU as the scalar code writes it, s > 0 ? s : 0 (so NaN → 0, −0 → +0): pmax(0, s) is
// 0 < s ? s : 0, one instruction where a compare and a select are two
@inline function relu0(s: v128): v128 {
  return f64x2.pmax(f64x2.splat(0), s);
}

// select(c, a, b): a in the lanes where c is set, else b
@inline function sel(c: v128, a: v128, b: v128): v128 {
  return v128.bitselect(a, b, c);
}

/**
 * Row r of n (len values at x + r·len, as f64x2) dotted with w (len values): init + Σᵢ x_ri·wᵢ
 * in the order i = 0, 1, …, into out + r (ReLU'd when relu) — the scalar code's sums; four rows
 * at once, four independent chains, so the processor overlaps them. (Products commute exactly,
 * so x·w and w·x are the same value.)
 */
@inline function rowDots(x: usize, len: i32, w: usize, n: i32, init: v128, out: usize, relu: bool): void {
  const stride = <usize>len * V;
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const x0 = x + <usize>r * stride;
    const x1 = x0 + stride;
    const x2 = x1 + stride;
    const x3 = x2 + stride;
    let s0 = init;
    let s1 = init;
    let s2 = init;
    let s3 = init;
    for (let i = 0; i < len; i++) {
      const o = <usize>i * V;
      const wi = ld(w + o);
      s0 = f64x2.add(s0, f64x2.mul(ld(x0 + o), wi));
      s1 = f64x2.add(s1, f64x2.mul(ld(x1 + o), wi));
      s2 = f64x2.add(s2, f64x2.mul(ld(x2 + o), wi));
      s3 = f64x2.add(s3, f64x2.mul(ld(x3 + o), wi));
    }
    const or = out + <usize>r * V;
    st(or, relu ? relu0(s0) : s0);
    st(or + V, relu ? relu0(s1) : s1);
    st(or + 2 * V, relu ? relu0(s2) : s2);
    st(or + 3 * V, relu ? relu0(s3) : s3);
  }
  for (; r < n; r++) {
    const xr = x + <usize>r * stride;
    let s = init;
    for (let i = 0; i < len; i++) s = f64x2.add(s, f64x2.mul(ld(xr + <usize>i * V), ld(w + <usize>i * V)));
    st(out + <usize>r * V, relu ? relu0(s) : s);
  }
}

/** mlp.ts `forward`: the first n rows of x through the network; the last layer's outputs in its acts. */
export function forward(desc: usize, p: usize, x: usize, n: i32): void {
  const L = load<i32>(desc);
  const zero = f64x2.splat(0);
  let input = x;
  for (let l = 0; l < L; l++) {
    const fin = field(desc, l, 0);
    const fout = field(desc, l, 1);
    const w = p + <usize>field(desc, l, 2) * V;
    const b = p + <usize>field(desc, l, 3) * V;
    const out = <usize>field(desc, l, 4);
    const relu = l + 1 < L;
    if (fin == 1) {
      const stride = <usize>fout * V;
      let j = 0;
      // four outputs at once over the rows, their weights and biases held in registers
      for (; j + 4 <= fout; j += 4) {
        const wj = w + <usize>j * V;
        const bj = b + <usize>j * V;
        const w0 = ld(wj);
        const w1 = ld(wj + V);
        const w2 = ld(wj + 2 * V);
        const w3 = ld(wj + 3 * V);
        const b0 = ld(bj);
        const b1 = ld(bj + V);
        const b2 = ld(bj + 2 * V);
        const b3 = ld(bj + 3 * V);
        let or = out + <usize>j * V;
        for (let r = 0; r < n; r++) {
          const a = ld(input + <usize>r * V);
          const s0 = f64x2.add(b0, f64x2.mul(a, w0));
          const s1 = f64x2.add(b1, f64x2.mul(a, w1));
          const s2 = f64x2.add(b2, f64x2.mul(a, w2));
          const s3 = f64x2.add(b3, f64x2.mul(a, w3));
          st(or, relu ? relu0(s0) : s0);
          st(or + V, relu ? relu0(s1) : s1);
          st(or + 2 * V, relu ? relu0(s2) : s2);
          st(or + 3 * V, relu ? relu0(s3) : s3);
          or += stride;
        }
      }
      for (; j < fout; j++) {
        for (let r = 0; r < n; r++) {
          const s = f64x2.add(ld(b + <usize>j * V), f64x2.mul(ld(input + <usize>r * V), ld(w + <usize>j * V)));
          st(out + <usize>(r * fout + j) * V, relu ? relu0(s) : s);
        }
      }
    } else if (fin <= 4) {
      for (let r = 0; r < n; r++) {
        const ir = input + <usize>(r * fin) * V;
        const or = out + <usize>(r * fout) * V;
        for (let j = 0; j < fout; j++) {
          let s = ld(b + <usize>j * V);
          for (let i = 0; i < fin; i++) s = f64x2.add(s, f64x2.mul(ld(ir + <usize>i * V), ld(w + <usize>(i * fout + j) * V)));
          st(or + <usize>j * V, relu ? relu0(s) : s);
        }
      }
    } else if (fout == 1) {
      rowDots(input, fin, w, n, ld(b), out, relu);
    } else {
      // each output's sum over the inputs in order, skipping an input of 0 (±0) as the scalar code
      // does (those lanes keep their sums): eight outputs at once, their sums in registers
      const stride = <usize>fout * V;
      for (let r = 0; r < n; r++) {
        const ir = input + <usize>(r * fin) * V;
        const or = out + <usize>(r * fout) * V;
        let j = 0;
        for (; j + 8 <= fout; j += 8) {
          const bj = b + <usize>j * V;
          let s0 = ld(bj);
          let s1 = ld(bj + V);
          let s2 = ld(bj + 2 * V);
          let s3 = ld(bj + 3 * V);
          let s4 = ld(bj + 4 * V);
          let s5 = ld(bj + 5 * V);
          let s6 = ld(bj + 6 * V);
          let s7 = ld(bj + 7 * V);
          let wr = w + <usize>j * V;
          for (let i = 0; i < fin; i++) {
            const a = ld(ir + <usize>i * V);
            const live = f64x2.ne(a, zero);
            if (v128.any_true(live)) {
              s0 = sel(live, f64x2.add(s0, f64x2.mul(a, ld(wr))), s0);
              s1 = sel(live, f64x2.add(s1, f64x2.mul(a, ld(wr + V))), s1);
              s2 = sel(live, f64x2.add(s2, f64x2.mul(a, ld(wr + 2 * V))), s2);
              s3 = sel(live, f64x2.add(s3, f64x2.mul(a, ld(wr + 3 * V))), s3);
              s4 = sel(live, f64x2.add(s4, f64x2.mul(a, ld(wr + 4 * V))), s4);
              s5 = sel(live, f64x2.add(s5, f64x2.mul(a, ld(wr + 5 * V))), s5);
              s6 = sel(live, f64x2.add(s6, f64x2.mul(a, ld(wr + 6 * V))), s6);
              s7 = sel(live, f64x2.add(s7, f64x2.mul(a, ld(wr + 7 * V))), s7);
            }
            wr += stride;
          }
          const o = or + <usize>j * V;
          st(o, relu ? relu0(s0) : s0);
          st(o + V, relu ? relu0(s1) : s1);
          st(o + 2 * V, relu ? relu0(s2) : s2);
          st(o + 3 * V, relu ? relu0(s3) : s3);
          st(o + 4 * V, relu ? relu0(s4) : s4);
          st(o + 5 * V, relu ? relu0(s5) : s5);
          st(o + 6 * V, relu ? relu0(s6) : s6);
          st(o + 7 * V, relu ? relu0(s7) : s7);
        }
        for (; j < fout; j++) {
          let s = ld(b + <usize>j * V);
          for (let i = 0; i < fin; i++) {
            const a = ld(ir + <usize>i * V);
            const live = f64x2.ne(a, zero);
            if (v128.any_true(live)) s = sel(live, f64x2.add(s, f64x2.mul(a, ld(w + <usize>(i * fout + j) * V))), s);
          }
          st(or + <usize>j * V, relu ? relu0(s) : s);
        }
      }
    }
    input = out;
  }
}

/**
 * mlp.ts `backward`: from delta over the first n rows of the last forward pass (whose input was x),
 * adds the parameter gradients into g (when g is not 0) and leaves ∂/∂x in layer 0's back (when wantDx).
 */
export function backward(desc: usize, p: usize, x: usize, delta: usize, n: i32, g: usize, wantDx: bool): void {
  const L = load<i32>(desc);
  const zero = f64x2.splat(0);
  const all = i64x2.splat(-1);
  let d = delta;
  for (let l = L - 1; l >= 0; l--) {
    const fin = field(desc, l, 0);
    const fout = field(desc, l, 1);
    const wIdx = <usize>field(desc, l, 2);
    const bIdx = <usize>field(desc, l, 3);
    const w = p + wIdx * V;
    const input = l == 0 ? x : <usize>field(desc, l - 1, 4);
    const masked = l > 0;
    const wantPrev = l > 0 || wantDx;
    const prev = <usize>field(desc, l, 5);
    if (fout == 1) {
      if (g != 0) {
        let gb = zero;
        for (let r = 0; r < n; r++) gb = f64x2.add(gb, ld(d + <usize>r * V));
        const o = g + bIdx * V;
        st(o, f64x2.add(ld(o), gb));
      }
      const stride = <usize>fin * V;
      let i = 0;
      // four inputs at once: four independent sums over the rows, each in the scalar code's order
      for (; g != 0 && i + 4 <= fin; i += 4) {
        const wo = w + <usize>i * V;
        const w0 = ld(wo);
        const w1 = ld(wo + V);
        const w2 = ld(wo + 2 * V);
        const w3 = ld(wo + 3 * V);
        let g0 = zero;
        let g1 = zero;
        let g2 = zero;
        let g3 = zero;
        let ar = input + <usize>i * V;
        let pr = prev + <usize>i * V;
        for (let r = 0; r < n; r++) {
          const dr = ld(d + <usize>r * V);
          const a0 = ld(ar);
          const a1 = ld(ar + V);
          const a2 = ld(ar + 2 * V);
          const a3 = ld(ar + 3 * V);
          const on0 = masked ? f64x2.gt(a0, zero) : all;
          const on1 = masked ? f64x2.gt(a1, zero) : all;
          const on2 = masked ? f64x2.gt(a2, zero) : all;
          const on3 = masked ? f64x2.gt(a3, zero) : all;
          g0 = sel(on0, f64x2.add(g0, f64x2.mul(a0, dr)), g0);
          g1 = sel(on1, f64x2.add(g1, f64x2.mul(a1, dr)), g1);
          g2 = sel(on2, f64x2.add(g2, f64x2.mul(a2, dr)), g2);
          g3 = sel(on3, f64x2.add(g3, f64x2.mul(a3, dr)), g3);
          st(pr, sel(on0, f64x2.mul(w0, dr), zero));
          st(pr + V, sel(on1, f64x2.mul(w1, dr), zero));
          st(pr + 2 * V, sel(on2, f64x2.mul(w2, dr), zero));
          st(pr + 3 * V, sel(on3, f64x2.mul(w3, dr), zero));
          ar += stride;
          pr += stride;
        }
        const o = g + (wIdx + <usize>i) * V;
        st(o, f64x2.add(ld(o), g0));
        st(o + V, f64x2.add(ld(o + V), g1));
        st(o + 2 * V, f64x2.add(ld(o + 2 * V), g2));
        st(o + 3 * V, f64x2.add(ld(o + 3 * V), g3));
      }
      // without gradients (g = 0: the backward vector only), four inputs at once likewise
      for (; g == 0 && i + 4 <= fin; i += 4) {
        const wo = w + <usize>i * V;
        const w0 = ld(wo);
        const w1 = ld(wo + V);
        const w2 = ld(wo + 2 * V);
        const w3 = ld(wo + 3 * V);
        let ar = input + <usize>i * V;
        let pr = prev + <usize>i * V;
        for (let r = 0; r < n; r++) {
          const dr = ld(d + <usize>r * V);
          const on0 = masked ? f64x2.gt(ld(ar), zero) : all;
          const on1 = masked ? f64x2.gt(ld(ar + V), zero) : all;
          const on2 = masked ? f64x2.gt(ld(ar + 2 * V), zero) : all;
          const on3 = masked ? f64x2.gt(ld(ar + 3 * V), zero) : all;
          st(pr, sel(on0, f64x2.mul(w0, dr), zero));
          st(pr + V, sel(on1, f64x2.mul(w1, dr), zero));
          st(pr + 2 * V, sel(on2, f64x2.mul(w2, dr), zero));
          st(pr + 3 * V, sel(on3, f64x2.mul(w3, dr), zero));
          ar += stride;
          pr += stride;
        }
      }
      for (; i < fin; i++) {
        const wi = ld(w + <usize>i * V);
        let gw = zero;
        for (let r = 0; r < n; r++) {
          const a = ld(input + <usize>(r * fin + i) * V);
          const on = masked ? f64x2.gt(a, zero) : all;
          const dr = ld(d + <usize>r * V);
          gw = sel(on, f64x2.add(gw, f64x2.mul(a, dr)), gw);
          st(prev + <usize>(r * fin + i) * V, sel(on, f64x2.mul(wi, dr), zero));
        }
        if (g != 0) {
          const o = g + (wIdx + <usize>i) * V;
          st(o, f64x2.add(ld(o), gw));
        }
      }
      d = prev;
      continue;
    }
    if (fin == 1 && !masked) {
      const stride = <usize>fout * V;
      let j = 0;
      // four outputs at once: eight independent sums over the rows, each in the scalar code's order
      for (; g != 0 && j + 4 <= fout; j += 4) {
        let w0 = zero;
        let w1 = zero;
        let w2 = zero;
        let w3 = zero;
        let b0 = zero;
        let b1 = zero;
        let b2 = zero;
        let b3 = zero;
        let dr = d + <usize>j * V;
        for (let r = 0; r < n; r++) {
          const a = ld(input + <usize>r * V);
          const d0 = ld(dr);
          const d1 = ld(dr + V);
          const d2 = ld(dr + 2 * V);
          const d3 = ld(dr + 3 * V);
          w0 = f64x2.add(w0, f64x2.mul(a, d0));
          w1 = f64x2.add(w1, f64x2.mul(a, d1));
          w2 = f64x2.add(w2, f64x2.mul(a, d2));
          w3 = f64x2.add(w3, f64x2.mul(a, d3));
          b0 = f64x2.add(b0, d0);
          b1 = f64x2.add(b1, d1);
          b2 = f64x2.add(b2, d2);
          b3 = f64x2.add(b3, d3);
          dr += stride;
        }
        const ow = g + (wIdx + <usize>j) * V;
        st(ow, f64x2.add(ld(ow), w0));
        st(ow + V, f64x2.add(ld(ow + V), w1));
        st(ow + 2 * V, f64x2.add(ld(ow + 2 * V), w2));
        st(ow + 3 * V, f64x2.add(ld(ow + 3 * V), w3));
        const ob = g + (bIdx + <usize>j) * V;
        st(ob, f64x2.add(ld(ob), b0));
        st(ob + V, f64x2.add(ld(ob + V), b1));
        st(ob + 2 * V, f64x2.add(ld(ob + 2 * V), b2));
        st(ob + 3 * V, f64x2.add(ld(ob + 3 * V), b3));
      }
      for (; g != 0 && j < fout; j++) {
        let gw = zero;
        let gb = zero;
        for (let r = 0; r < n; r++) {
          const dj = ld(d + <usize>(r * fout + j) * V);
          gw = f64x2.add(gw, f64x2.mul(ld(input + <usize>r * V), dj));
          gb = f64x2.add(gb, dj);
        }
        const ow = g + (wIdx + <usize>j) * V;
        st(ow, f64x2.add(ld(ow), gw));
        const ob = g + (bIdx + <usize>j) * V;
        st(ob, f64x2.add(ld(ob), gb));
      }
      if (wantPrev) rowDots(d, fout, w, n, zero, prev, false);
      d = prev;
      continue;
    }
    for (let r = 0; r < n; r++) {
      const dr = d + <usize>(r * fout) * V;
      const ir = input + <usize>(r * fin) * V;
      if (g != 0) {
        for (let j = 0; j < fout; j++) {
          const o = g + (bIdx + <usize>j) * V;
          st(o, f64x2.add(ld(o), ld(dr + <usize>j * V)));
        }
      }
      for (let i = 0; i < fin; i++) {
        const a = ld(ir + <usize>i * V);
        const on = masked ? f64x2.gt(a, zero) : all;
        const pr = prev + <usize>(r * fin + i) * V;
        if (!v128.any_true(on)) {
          st(pr, zero);
          continue;
        }
        const wr = w + <usize>(i * fout) * V;
        const gr = g + (wIdx + <usize>(i * fout)) * V;
        let s = zero;
        if (g != 0 && wantPrev) {
          for (let j = 0; j < fout; j++) {
            const dj = ld(dr + <usize>j * V);
            const o = gr + <usize>j * V;
            const cur = ld(o);
            st(o, sel(on, f64x2.add(cur, f64x2.mul(a, dj)), cur));
            s = f64x2.add(s, f64x2.mul(ld(wr + <usize>j * V), dj));
          }
        } else if (g != 0) {
          for (let j = 0; j < fout; j++) {
            const o = gr + <usize>j * V;
            const cur = ld(o);
            st(o, sel(on, f64x2.add(cur, f64x2.mul(a, ld(dr + <usize>j * V))), cur));
          }
        } else {
          for (let j = 0; j < fout; j++) s = f64x2.add(s, f64x2.mul(ld(wr + <usize>j * V), ld(dr + <usize>j * V)));
        }
        st(pr, sel(on, s, zero));
      }
    }
    d = prev;
  }
}

// a value rounded to float32 and back, as storing it in a Float32Array and reading it does
@inline function f32round(v: v128): v128 {
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v));
}

// lanes set where bit 0 (lane 0) and bit 1 (lane 1) of mask are set
@inline function lanes(mask: i32): v128 {
  return i64x2.replace_lane(i64x2.splat(mask & 1 ? -1 : 0), 1, mask & 2 ? -1 : 0);
}

/**
 * adam.ts `adam` on P values for the lanes in mask: c1 = 1 − β₁, c2 = 1 − β₂ (as the scalar code
 * computes them), stepSize = lr/(1 − β₁ᵗ), bc2Sqrt = √(1 − β₂ᵗ); m, v and p are rounded to float32
 * as the scalar code's Float32Array stores round them.
 */
export function adam(
  p: usize,
  m: usize,
  v: usize,
  g: usize,
  P: i32,
  stepSize: f64,
  bc2Sqrt: f64,
  eps: f64,
  beta1: f64,
  c1: f64,
  beta2: f64,
  c2: f64,
  mask: i32,
): void {
  const on = lanes(mask);
  const b1 = f64x2.splat(beta1);
  const k1 = f64x2.splat(c1);
  const b2 = f64x2.splat(beta2);
  const k2 = f64x2.splat(c2);
  const ss = f64x2.splat(stepSize);
  const bc = f64x2.splat(bc2Sqrt);
  const e = f64x2.splat(eps);
  for (let i = 0; i < P; i++) {
    const o = <usize>i * V;
    const gi = ld(g + o);
    const m0 = ld(m + o);
    const v0 = ld(v + o);
    const p0 = ld(p + o);
    const m1 = f32round(f64x2.add(f64x2.mul(b1, m0), f64x2.mul(k1, gi)));
    const v1 = f32round(f64x2.add(f64x2.mul(b2, v0), f64x2.mul(f64x2.mul(k2, gi), gi)));
    const p1 = f32round(f64x2.sub(p0, f64x2.div(f64x2.mul(ss, m1), f64x2.add(f64x2.div(f64x2.sqrt(v1), bc), e))));
    st(m + o, sel(on, m1, m0));
    st(v + o, sel(on, v1, v0));
    st(p + o, sel(on, p1, p0));
  }
}

/** adam.ts `rmsprop` on P values for the lanes in mask: c = 1 − α. */
export function rmsprop(p: usize, v: usize, g: usize, P: i32, lr: f64, alpha: f64, c: f64, eps: f64, mask: i32): void {
  const on = lanes(mask);
  const a = f64x2.splat(alpha);
  const k = f64x2.splat(c);
  const rate = f64x2.splat(lr);
  const e = f64x2.splat(eps);
  for (let i = 0; i < P; i++) {
    const o = <usize>i * V;
    const gi = ld(g + o);
    const v0 = ld(v + o);
    const p0 = ld(p + o);
    const v1 = f32round(f64x2.add(f64x2.mul(a, v0), f64x2.mul(f64x2.mul(k, gi), gi)));
    const p1 = f32round(f64x2.sub(p0, f64x2.div(f64x2.mul(rate, gi), f64x2.add(f64x2.sqrt(v1), e))));
    st(v + o, sel(on, v1, v0));
    st(p + o, sel(on, p1, p0));
  }
}

/** Weight clipping to [−c, c] (WGAN) for the lanes in mask: min(c, max(−c, p)), stored in float32 (c itself may not be a float32). */
export function clip(p: usize, P: i32, c: f64, mask: i32): void {
  const on = lanes(mask);
  const hi = f64x2.splat(c);
  const lo = f64x2.splat(-c);
  for (let i = 0; i < P; i++) {
    const o = p + <usize>i * V;
    const p0 = ld(o);
    st(o, sel(on, f32round(f64x2.min(hi, f64x2.max(lo, p0))), p0));
  }
}

/** Where the caller's memory may start. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}
