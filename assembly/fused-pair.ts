// The fused engine's linear algebra for several members at once, in WebAssembly SIMD (AssemblyScript;
// part of the kernel that assembly/kernel.ts exports, built by `npm run build:wasm` into
// src/train/engines/fused-pair-wasm.ts).
//
// Every value is a v128 of one lane per member, in one of two precisions, the functions being generic
// over the lane type T: f64 (an f64x2, two members: the float64 engine) or f32 (an f32x4, four members:
// the float32 engine). Each function is the member-wise arithmetic of src/train/mlp.ts and
// src/train/optimizers/, branch for branch and in the same order of operations, so each lane computes
// exactly the values the scalar code computes for that member in that precision (float64, or float32
// with Math.fround after every operation): IEEE addition, multiplication, division and square root are
// exact per lane, there is no fused multiply-add (no relaxed SIMD), and where the scalar code skips work
// for a value (a ReLU zero) the lane keeps its old value through a select instead of a branch. Sums
// over rows or columns that the scalar code forms one after another are formed four at a time here,
// each in its own order (four independent chains, so the processor overlaps them). The losses and
// the draws are ./losses.ts and ./normal.ts, a step's order ./step.ts.
//
// Memory is laid out by the caller (src/train/engines/fused-simd.ts), 16 bytes a value whatever the
// precision. A network descriptor is i32 L, then per layer six i32: fin, fout, the offsets of W and b
// in the parameter block (in values), the address of the layer's outputs (acts) and of its backward
// vectors (back).

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
@inline function relu0<T>(s: v128): v128 {
  return v128.pmax<T>(v128.splat<T>(<T>0), s);
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
@inline function rowDots<T>(x: usize, len: i32, w: usize, n: i32, init: v128, out: usize, relu: bool): void {
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
      s0 = v128.add<T>(s0, v128.mul<T>(ld(x0 + o), wi));
      s1 = v128.add<T>(s1, v128.mul<T>(ld(x1 + o), wi));
      s2 = v128.add<T>(s2, v128.mul<T>(ld(x2 + o), wi));
      s3 = v128.add<T>(s3, v128.mul<T>(ld(x3 + o), wi));
    }
    const or = out + <usize>r * V;
    st(or, relu ? relu0<T>(s0) : s0);
    st(or + V, relu ? relu0<T>(s1) : s1);
    st(or + 2 * V, relu ? relu0<T>(s2) : s2);
    st(or + 3 * V, relu ? relu0<T>(s3) : s3);
  }
  for (; r < n; r++) {
    const xr = x + <usize>r * stride;
    let s = init;
    for (let i = 0; i < len; i++) s = v128.add<T>(s, v128.mul<T>(ld(xr + <usize>i * V), ld(w + <usize>i * V)));
    st(out + <usize>r * V, relu ? relu0<T>(s) : s);
  }
}

/**
 * The wide layer forward: out[r][j] = b[j] + Σᵢ a[r][i]·w[i][j] in the order i = 0, 1, … (the scalar
 * code's), ReLU'd when relu: two rows × four outputs at a time, the eight sums in registers, each
 * weight loaded serving two rows and each input four outputs. (A copy of W transposed, read in order,
 * was not faster here: the copy costs what the contiguous reads save.)
 */
function wideForward<T>(input: usize, fin: i32, w: usize, b: usize, fout: i32, n: i32, out: usize, relu: bool): void {
  const inStride = <usize>fin * V;
  let r = 0;
  for (; r + 2 <= n; r += 2) {
    const i0 = input + <usize>r * inStride;
    const i1 = i0 + inStride;
    const o0 = out + <usize>(r * fout) * V;
    const o1 = o0 + <usize>fout * V;
    let j = 0;
    for (; j + 4 <= fout; j += 4) {
      const bj = b + <usize>j * V;
      let s00 = ld(bj);
      let s01 = ld(bj + V);
      let s02 = ld(bj + 2 * V);
      let s03 = ld(bj + 3 * V);
      let s10 = s00;
      let s11 = s01;
      let s12 = s02;
      let s13 = s03;
      let wr = w + <usize>j * V;
      const ws = <usize>fout * V;
      for (let i = 0; i < fin; i++) {
        const o = <usize>i * V;
        const a0 = ld(i0 + o);
        const a1 = ld(i1 + o);
        const w0 = ld(wr);
        const w1 = ld(wr + V);
        const w2 = ld(wr + 2 * V);
        const w3 = ld(wr + 3 * V);
        wr += ws;
        s00 = v128.add<T>(s00, v128.mul<T>(a0, w0));
        s01 = v128.add<T>(s01, v128.mul<T>(a0, w1));
        s02 = v128.add<T>(s02, v128.mul<T>(a0, w2));
        s03 = v128.add<T>(s03, v128.mul<T>(a0, w3));
        s10 = v128.add<T>(s10, v128.mul<T>(a1, w0));
        s11 = v128.add<T>(s11, v128.mul<T>(a1, w1));
        s12 = v128.add<T>(s12, v128.mul<T>(a1, w2));
        s13 = v128.add<T>(s13, v128.mul<T>(a1, w3));
      }
      const q0 = o0 + <usize>j * V;
      const q1 = o1 + <usize>j * V;
      st(q0, relu ? relu0<T>(s00) : s00);
      st(q0 + V, relu ? relu0<T>(s01) : s01);
      st(q0 + 2 * V, relu ? relu0<T>(s02) : s02);
      st(q0 + 3 * V, relu ? relu0<T>(s03) : s03);
      st(q1, relu ? relu0<T>(s10) : s10);
      st(q1 + V, relu ? relu0<T>(s11) : s11);
      st(q1 + 2 * V, relu ? relu0<T>(s12) : s12);
      st(q1 + 3 * V, relu ? relu0<T>(s13) : s13);
    }
    for (; j < fout; j++) {
      wideOutput<T>(input, fin, w, b, fout, r, j, out, relu);
      wideOutput<T>(input, fin, w, b, fout, r + 1, j, out, relu);
    }
  }
  for (; r < n; r++) for (let j = 0; j < fout; j++) wideOutput<T>(input, fin, w, b, fout, r, j, out, relu);
}

/** One output of the wide layer, as wideForward forms each. */
@inline function wideOutput<T>(input: usize, fin: i32, w: usize, b: usize, fout: i32, r: i32, j: i32, out: usize, relu: bool): void {
  const ir = input + <usize>(r * fin) * V;
  let s = ld(b + <usize>j * V);
  for (let i = 0; i < fin; i++) s = v128.add<T>(s, v128.mul<T>(ld(ir + <usize>i * V), ld(w + <usize>(i * fout + j) * V)));
  st(out + <usize>(r * fout + j) * V, relu ? relu0<T>(s) : s);
}

/** mlp.ts `forward`: the first n rows of x through the network; the last layer's outputs in its acts. */
export function forwardT<T>(desc: usize, p: usize, x: usize, n: i32): void {
  const L = load<i32>(desc);
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
          const s0 = v128.add<T>(b0, v128.mul<T>(a, w0));
          const s1 = v128.add<T>(b1, v128.mul<T>(a, w1));
          const s2 = v128.add<T>(b2, v128.mul<T>(a, w2));
          const s3 = v128.add<T>(b3, v128.mul<T>(a, w3));
          st(or, relu ? relu0<T>(s0) : s0);
          st(or + V, relu ? relu0<T>(s1) : s1);
          st(or + 2 * V, relu ? relu0<T>(s2) : s2);
          st(or + 3 * V, relu ? relu0<T>(s3) : s3);
          or += stride;
        }
      }
      for (; j < fout; j++) {
        for (let r = 0; r < n; r++) {
          const s = v128.add<T>(ld(b + <usize>j * V), v128.mul<T>(ld(input + <usize>r * V), ld(w + <usize>j * V)));
          st(out + <usize>(r * fout + j) * V, relu ? relu0<T>(s) : s);
        }
      }
    } else if (fin <= 4) {
      for (let r = 0; r < n; r++) {
        const ir = input + <usize>(r * fin) * V;
        const or = out + <usize>(r * fout) * V;
        for (let j = 0; j < fout; j++) {
          let s = ld(b + <usize>j * V);
          for (let i = 0; i < fin; i++) s = v128.add<T>(s, v128.mul<T>(ld(ir + <usize>i * V), ld(w + <usize>(i * fout + j) * V)));
          st(or + <usize>j * V, relu ? relu0<T>(s) : s);
        }
      }
    } else if (fout == 1) {
      rowDots<T>(input, fin, w, n, ld(b), out, relu);
    } else {
      wideForward<T>(input, fin, w, b, fout, n, out, relu);
    }
    input = out;
  }
}

/**
 * mlp.ts `backward`: from delta over the first n rows of the last forward pass (whose input was x),
 * adds the parameter gradients into g (when g is not 0) and leaves ∂/∂x in layer 0's back (when wantDx).
 */
export function backwardT<T>(desc: usize, p: usize, x: usize, delta: usize, n: i32, g: usize, wantDx: bool): void {
  const L = load<i32>(desc);
  const zero = v128.splat<T>(<T>0);
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
        for (let r = 0; r < n; r++) gb = v128.add<T>(gb, ld(d + <usize>r * V));
        const o = g + bIdx * V;
        st(o, v128.add<T>(ld(o), gb));
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
          const on0 = masked ? v128.gt<T>(a0, zero) : all;
          const on1 = masked ? v128.gt<T>(a1, zero) : all;
          const on2 = masked ? v128.gt<T>(a2, zero) : all;
          const on3 = masked ? v128.gt<T>(a3, zero) : all;
          g0 = sel(on0, v128.add<T>(g0, v128.mul<T>(a0, dr)), g0);
          g1 = sel(on1, v128.add<T>(g1, v128.mul<T>(a1, dr)), g1);
          g2 = sel(on2, v128.add<T>(g2, v128.mul<T>(a2, dr)), g2);
          g3 = sel(on3, v128.add<T>(g3, v128.mul<T>(a3, dr)), g3);
          st(pr, sel(on0, v128.mul<T>(w0, dr), zero));
          st(pr + V, sel(on1, v128.mul<T>(w1, dr), zero));
          st(pr + 2 * V, sel(on2, v128.mul<T>(w2, dr), zero));
          st(pr + 3 * V, sel(on3, v128.mul<T>(w3, dr), zero));
          ar += stride;
          pr += stride;
        }
        const o = g + (wIdx + <usize>i) * V;
        st(o, v128.add<T>(ld(o), g0));
        st(o + V, v128.add<T>(ld(o + V), g1));
        st(o + 2 * V, v128.add<T>(ld(o + 2 * V), g2));
        st(o + 3 * V, v128.add<T>(ld(o + 3 * V), g3));
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
          const on0 = masked ? v128.gt<T>(ld(ar), zero) : all;
          const on1 = masked ? v128.gt<T>(ld(ar + V), zero) : all;
          const on2 = masked ? v128.gt<T>(ld(ar + 2 * V), zero) : all;
          const on3 = masked ? v128.gt<T>(ld(ar + 3 * V), zero) : all;
          st(pr, sel(on0, v128.mul<T>(w0, dr), zero));
          st(pr + V, sel(on1, v128.mul<T>(w1, dr), zero));
          st(pr + 2 * V, sel(on2, v128.mul<T>(w2, dr), zero));
          st(pr + 3 * V, sel(on3, v128.mul<T>(w3, dr), zero));
          ar += stride;
          pr += stride;
        }
      }
      for (; i < fin; i++) {
        const wi = ld(w + <usize>i * V);
        let gw = zero;
        for (let r = 0; r < n; r++) {
          const a = ld(input + <usize>(r * fin + i) * V);
          const on = masked ? v128.gt<T>(a, zero) : all;
          const dr = ld(d + <usize>r * V);
          gw = sel(on, v128.add<T>(gw, v128.mul<T>(a, dr)), gw);
          st(prev + <usize>(r * fin + i) * V, sel(on, v128.mul<T>(wi, dr), zero));
        }
        if (g != 0) {
          const o = g + (wIdx + <usize>i) * V;
          st(o, v128.add<T>(ld(o), gw));
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
          w0 = v128.add<T>(w0, v128.mul<T>(a, d0));
          w1 = v128.add<T>(w1, v128.mul<T>(a, d1));
          w2 = v128.add<T>(w2, v128.mul<T>(a, d2));
          w3 = v128.add<T>(w3, v128.mul<T>(a, d3));
          b0 = v128.add<T>(b0, d0);
          b1 = v128.add<T>(b1, d1);
          b2 = v128.add<T>(b2, d2);
          b3 = v128.add<T>(b3, d3);
          dr += stride;
        }
        const ow = g + (wIdx + <usize>j) * V;
        st(ow, v128.add<T>(ld(ow), w0));
        st(ow + V, v128.add<T>(ld(ow + V), w1));
        st(ow + 2 * V, v128.add<T>(ld(ow + 2 * V), w2));
        st(ow + 3 * V, v128.add<T>(ld(ow + 3 * V), w3));
        const ob = g + (bIdx + <usize>j) * V;
        st(ob, v128.add<T>(ld(ob), b0));
        st(ob + V, v128.add<T>(ld(ob + V), b1));
        st(ob + 2 * V, v128.add<T>(ld(ob + 2 * V), b2));
        st(ob + 3 * V, v128.add<T>(ld(ob + 3 * V), b3));
      }
      for (; g != 0 && j < fout; j++) {
        let gw = zero;
        let gb = zero;
        for (let r = 0; r < n; r++) {
          const dj = ld(d + <usize>(r * fout + j) * V);
          gw = v128.add<T>(gw, v128.mul<T>(ld(input + <usize>r * V), dj));
          gb = v128.add<T>(gb, dj);
        }
        const ow = g + (wIdx + <usize>j) * V;
        st(ow, v128.add<T>(ld(ow), gw));
        const ob = g + (bIdx + <usize>j) * V;
        st(ob, v128.add<T>(ld(ob), gb));
      }
      if (wantPrev) rowDots<T>(d, fout, w, n, zero, prev, false);
      d = prev;
      continue;
    }
    // the general layer, in three blocked passes that give each sum the scalar code's order (the
    // scalar code runs row by row; here each value's chain over the rows or the outputs is the same,
    // only held in registers between steps): the bias gradients, the weight gradients and the vector
    // passed back
    if (g != 0) {
      biasGradients<T>(d, fout, n, g + bIdx * V);
      weightGradients<T>(input, fin, d, fout, n, g + wIdx * V);
    }
    if (wantPrev) backVectors<T>(input, fin, d, fout, n, w, prev, masked);
    d = prev;
  }
}

/** g_b[j] += d[r][j] for r = 0, 1, …, n − 1 in turn (the scalar code's chain per output), eight outputs at a time in registers. */
function biasGradients<T>(d: usize, fout: i32, n: i32, gb: usize): void {
  const stride = <usize>fout * V;
  let j = 0;
  for (; j + 8 <= fout; j += 8) {
    const o = gb + <usize>j * V;
    let s0 = ld(o);
    let s1 = ld(o + V);
    let s2 = ld(o + 2 * V);
    let s3 = ld(o + 3 * V);
    let s4 = ld(o + 4 * V);
    let s5 = ld(o + 5 * V);
    let s6 = ld(o + 6 * V);
    let s7 = ld(o + 7 * V);
    let dr = d + <usize>j * V;
    for (let r = 0; r < n; r++) {
      s0 = v128.add<T>(s0, ld(dr));
      s1 = v128.add<T>(s1, ld(dr + V));
      s2 = v128.add<T>(s2, ld(dr + 2 * V));
      s3 = v128.add<T>(s3, ld(dr + 3 * V));
      s4 = v128.add<T>(s4, ld(dr + 4 * V));
      s5 = v128.add<T>(s5, ld(dr + 5 * V));
      s6 = v128.add<T>(s6, ld(dr + 6 * V));
      s7 = v128.add<T>(s7, ld(dr + 7 * V));
      dr += stride;
    }
    st(o, s0);
    st(o + V, s1);
    st(o + 2 * V, s2);
    st(o + 3 * V, s3);
    st(o + 4 * V, s4);
    st(o + 5 * V, s5);
    st(o + 6 * V, s6);
    st(o + 7 * V, s7);
  }
  for (; j < fout; j++) {
    const o = gb + <usize>j * V;
    let s = ld(o);
    for (let r = 0; r < n; r++) s = v128.add<T>(s, ld(d + <usize>(r * fout + j) * V));
    st(o, s);
  }
}

/**
 * g_w[i][j] += a[r][i]·d[r][j] for r = 0, 1, …, n − 1 in turn (the scalar code's chain; a ReLU'd zero
 * input adds zeros, as the scalar code adds them): two inputs × four outputs at a time, the eight
 * gradients in registers across the rows, so each weight's gradient is read and written once a pass.
 */
function weightGradients<T>(input: usize, fin: i32, d: usize, fout: i32, n: i32, gw: usize): void {
  const inStride = <usize>fin * V;
  const outStride = <usize>fout * V;
  let i = 0;
  for (; i + 2 <= fin; i += 2) {
    let j = 0;
    for (; j + 4 <= fout; j += 4) {
      const o0 = gw + <usize>(i * fout + j) * V;
      const o1 = o0 + outStride;
      let g00 = ld(o0);
      let g01 = ld(o0 + V);
      let g02 = ld(o0 + 2 * V);
      let g03 = ld(o0 + 3 * V);
      let g10 = ld(o1);
      let g11 = ld(o1 + V);
      let g12 = ld(o1 + 2 * V);
      let g13 = ld(o1 + 3 * V);
      let ar = input + <usize>i * V;
      let dr = d + <usize>j * V;
      for (let r = 0; r < n; r++) {
        const a0 = ld(ar);
        const a1 = ld(ar + V);
        const d0 = ld(dr);
        const d1 = ld(dr + V);
        const d2 = ld(dr + 2 * V);
        const d3 = ld(dr + 3 * V);
        g00 = v128.add<T>(g00, v128.mul<T>(a0, d0));
        g01 = v128.add<T>(g01, v128.mul<T>(a0, d1));
        g02 = v128.add<T>(g02, v128.mul<T>(a0, d2));
        g03 = v128.add<T>(g03, v128.mul<T>(a0, d3));
        g10 = v128.add<T>(g10, v128.mul<T>(a1, d0));
        g11 = v128.add<T>(g11, v128.mul<T>(a1, d1));
        g12 = v128.add<T>(g12, v128.mul<T>(a1, d2));
        g13 = v128.add<T>(g13, v128.mul<T>(a1, d3));
        ar += inStride;
        dr += outStride;
      }
      st(o0, g00);
      st(o0 + V, g01);
      st(o0 + 2 * V, g02);
      st(o0 + 3 * V, g03);
      st(o1, g10);
      st(o1 + V, g11);
      st(o1 + 2 * V, g12);
      st(o1 + 3 * V, g13);
    }
    for (; j < fout; j++) {
      weightGradient<T>(input, fin, i, d, fout, j, n, gw);
      weightGradient<T>(input, fin, i + 1, d, fout, j, n, gw);
    }
  }
  for (; i < fin; i++) for (let j = 0; j < fout; j++) weightGradient<T>(input, fin, i, d, fout, j, n, gw);
}

/** One weight's gradient, as weightGradients forms each. */
@inline function weightGradient<T>(input: usize, fin: i32, i: i32, d: usize, fout: i32, j: i32, n: i32, gw: usize): void {
  const o = gw + <usize>(i * fout + j) * V;
  let s = ld(o);
  for (let r = 0; r < n; r++) s = v128.add<T>(s, v128.mul<T>(ld(input + <usize>(r * fin + i) * V), ld(d + <usize>(r * fout + j) * V)));
  st(o, s);
}

/**
 * prev[r][i] = Σⱼ w[i][j]·d[r][j] (from 0, j = 0, 1, …, the scalar code's order) where the input a[r][i]
 * is > 0 (or unmasked), else 0: two rows × four inputs at a time, eight sums in registers.
 */
function backVectors<T>(input: usize, fin: i32, d: usize, fout: i32, n: i32, w: usize, prev: usize, masked: bool): void {
  const zero = v128.splat<T>(<T>0);
  const all = i64x2.splat(-1);
  const wStride = <usize>fout * V;
  let r = 0;
  for (; r + 2 <= n; r += 2) {
    const d0 = d + <usize>(r * fout) * V;
    const d1 = d0 + wStride;
    let i = 0;
    for (; i + 4 <= fin; i += 4) {
      let s00 = zero;
      let s01 = zero;
      let s02 = zero;
      let s03 = zero;
      let s10 = zero;
      let s11 = zero;
      let s12 = zero;
      let s13 = zero;
      let wr = w + <usize>(i * fout) * V;
      for (let j = 0; j < fout; j++) {
        const o = <usize>j * V;
        const e0 = ld(d0 + o);
        const e1 = ld(d1 + o);
        const w0 = ld(wr);
        const w1 = ld(wr + wStride);
        const w2 = ld(wr + 2 * wStride);
        const w3 = ld(wr + 3 * wStride);
        s00 = v128.add<T>(s00, v128.mul<T>(w0, e0));
        s01 = v128.add<T>(s01, v128.mul<T>(w1, e0));
        s02 = v128.add<T>(s02, v128.mul<T>(w2, e0));
        s03 = v128.add<T>(s03, v128.mul<T>(w3, e0));
        s10 = v128.add<T>(s10, v128.mul<T>(w0, e1));
        s11 = v128.add<T>(s11, v128.mul<T>(w1, e1));
        s12 = v128.add<T>(s12, v128.mul<T>(w2, e1));
        s13 = v128.add<T>(s13, v128.mul<T>(w3, e1));
        wr += V;
      }
      const a0 = input + <usize>(r * fin + i) * V;
      const a1 = a0 + <usize>fin * V;
      const p0 = prev + <usize>(r * fin + i) * V;
      const p1 = p0 + <usize>fin * V;
      st(p0, sel(masked ? v128.gt<T>(ld(a0), zero) : all, s00, zero));
      st(p0 + V, sel(masked ? v128.gt<T>(ld(a0 + V), zero) : all, s01, zero));
      st(p0 + 2 * V, sel(masked ? v128.gt<T>(ld(a0 + 2 * V), zero) : all, s02, zero));
      st(p0 + 3 * V, sel(masked ? v128.gt<T>(ld(a0 + 3 * V), zero) : all, s03, zero));
      st(p1, sel(masked ? v128.gt<T>(ld(a1), zero) : all, s10, zero));
      st(p1 + V, sel(masked ? v128.gt<T>(ld(a1 + V), zero) : all, s11, zero));
      st(p1 + 2 * V, sel(masked ? v128.gt<T>(ld(a1 + 2 * V), zero) : all, s12, zero));
      st(p1 + 3 * V, sel(masked ? v128.gt<T>(ld(a1 + 3 * V), zero) : all, s13, zero));
    }
    for (; i < fin; i++) {
      backVector<T>(input, fin, i, d, fout, r, w, prev, masked);
      backVector<T>(input, fin, i, d, fout, r + 1, w, prev, masked);
    }
  }
  for (; r < n; r++) for (let i = 0; i < fin; i++) backVector<T>(input, fin, i, d, fout, r, w, prev, masked);
}

/** One entry of the vector passed back, as backVectors forms each. */
@inline function backVector<T>(input: usize, fin: i32, i: i32, d: usize, fout: i32, r: i32, w: usize, prev: usize, masked: bool): void {
  const zero = v128.splat<T>(<T>0);
  const dr = d + <usize>(r * fout) * V;
  const wr = w + <usize>(i * fout) * V;
  let s = zero;
  for (let j = 0; j < fout; j++) s = v128.add<T>(s, v128.mul<T>(ld(wr + <usize>j * V), ld(dr + <usize>j * V)));
  const on = masked ? v128.gt<T>(ld(input + <usize>(r * fin + i) * V), zero) : i64x2.splat(-1);
  st(prev + <usize>(r * fin + i) * V, sel(on, s, zero));
}

/** The evaluation's forward on float64 lanes (two members a value) (only the output is read after it): evaluateT. */
export function forward(desc: usize, p: usize, x: usize, n: i32): void {
  evaluateT<f64>(desc, p, x, n);
}

/** The evaluation's forward on float32 lanes (four members a value): evaluateT. */
export function forward32(desc: usize, p: usize, x: usize, n: i32): void {
  evaluateT<f32>(desc, p, x, n);
}

/**
 * forwardT where only the output is read after it (the evaluation: G on its noise, D on the grid). A net of a hidden
 * layer on a scalar input and a scalar output (the seed toy's G and D) goes by hiddenRowsT, the hidden values never
 * stored: the same operations in the same order as forwardT (its fin = 1 layer, then its dot of the output from the
 * bias in the inputs' order), so the same values, without the hidden layer's trip through memory. Any other net:
 * forwardT.
 */
function evaluateT<T>(desc: usize, p: usize, x: usize, n: i32): void {
  if (load<i32>(desc) != 2 || field(desc, 0, 0) != 1 || field(desc, 1, 1) != 1) {
    forwardT<T>(desc, p, x, n);
    return;
  }
  const h = field(desc, 0, 1);
  const w1 = p + <usize>field(desc, 0, 2) * V;
  const b1 = p + <usize>field(desc, 0, 3) * V;
  const w2 = p + <usize>field(desc, 1, 2) * V;
  const b2 = p + <usize>field(desc, 1, 3) * V;
  hiddenRowsT<T, u8>(w1, b1, w2, b2, h, x, n, <usize>field(desc, 1, 4));
}

/**
 * A net of one hidden layer (h ReLU units) on a scalar input and a scalar output, four rows at a time (four
 * independent sums): row r's output b₂ + Σᵢ relu(b₁ᵢ + a·w₁ᵢ)·w₂ᵢ in the order i = 0, 1, …, h − 1. Each weight and
 * bias a 16-byte value (T lanes) at w1 + 16·i, b1 + 16·i, w2 + 16·i, b2. F = u8: the rows are 16-byte values (T
 * lanes) at x + 16·r, out + 16·r (the evaluation's lanes). F = u16 (rows of one member's values, lanes = values):
 * the rows are float32 values, 16 bytes a row on float32 lanes or 8 on float64 lanes (promoted in, rounded to
 * float32 out), at x + r·bytes and out + r·bytes.
 */
function hiddenRowsT<T, F>(w1: usize, b1: usize, w2: usize, b2p: usize, h: i32, x: usize, n: i32, out: usize): void {
  const b2 = ld(b2p);
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const a0 = rowIn<T, F>(x, r);
    const a1 = rowIn<T, F>(x, r + 1);
    const a2 = rowIn<T, F>(x, r + 2);
    const a3 = rowIn<T, F>(x, r + 3);
    let s0 = b2;
    let s1 = b2;
    let s2 = b2;
    let s3 = b2;
    for (let i = 0; i < h; i++) {
      const o = <usize>i * V;
      const wi = ld(w1 + o);
      const bi = ld(b1 + o);
      const vi = ld(w2 + o);
      s0 = v128.add<T>(s0, v128.mul<T>(relu0<T>(v128.add<T>(bi, v128.mul<T>(a0, wi))), vi));
      s1 = v128.add<T>(s1, v128.mul<T>(relu0<T>(v128.add<T>(bi, v128.mul<T>(a1, wi))), vi));
      s2 = v128.add<T>(s2, v128.mul<T>(relu0<T>(v128.add<T>(bi, v128.mul<T>(a2, wi))), vi));
      s3 = v128.add<T>(s3, v128.mul<T>(relu0<T>(v128.add<T>(bi, v128.mul<T>(a3, wi))), vi));
    }
    rowOut<T, F>(out, r, s0);
    rowOut<T, F>(out, r + 1, s1);
    rowOut<T, F>(out, r + 2, s2);
    rowOut<T, F>(out, r + 3, s3);
  }
  for (; r < n; r++) {
    const a = rowIn<T, F>(x, r);
    let s = b2;
    for (let i = 0; i < h; i++) {
      const o = <usize>i * V;
      s = v128.add<T>(s, v128.mul<T>(relu0<T>(v128.add<T>(ld(b1 + o), v128.mul<T>(a, ld(w1 + o)))), ld(w2 + o)));
    }
    rowOut<T, F>(out, r, s);
  }
}

/** Row r of hiddenRowsT's input (see there). */
@inline function rowIn<T, F>(x: usize, r: i32): v128 {
  if (sizeof<F>() == 2 && sizeof<T>() == 8) return f64x2.promote_low_f32x4(v128.load64_zero(x + ((<usize>r) << 3)));
  return ld(x + <usize>r * V);
}

/** Row r of hiddenRowsT's output (see there). */
@inline function rowOut<T, F>(out: usize, r: i32, s: v128): void {
  if (sizeof<F>() == 2 && sizeof<T>() == 8) v128.store64_lane(out + ((<usize>r) << 3), f32x4.demote_f64x2_zero(s), 0);
  else st(out + <usize>r * V, s);
}

/**
 * `count` members' G of one hidden layer of h units on scalar noise (the seed toy's G), member by member: member
 * L's parameters, mlp.ts's layout (w₁ [h], b₁ [h], w₂ [h], b₂), float32 at params + 4·L·(3h + 1); its n float32
 * noise values at z + 4·L·n; its n float32 outputs to out + 4·L·n. Four of a member's values a vector on float32
 * lanes (f32 true) or two on float64 lanes, hiddenRowsT's operations, so each value is the evaluation's; the n mod
 * 4 (or 2) last ones in a row of their own. A unit that no value of the member's noise turns on is left out of the
 * sum: its pre-activation b + z·w, rounded at each operation, is monotone in z, so at or below 0 at the noise's
 * least and greatest values means at or below 0 at every value, where ReLU gives +0 and the unit's term is +0
 * times w₂, ±0; adding ±0 leaves a sum that is not −0 as it was, and the sum is never −0 unless the output bias is
 * (then no unit is left out); a w₂ that is not finite keeps its unit (its term would be NaN). work: room for the
 * splatted weights, 16·(3h + 1) bytes, and 32 bytes more.
 */
export function hiddenMembers(params: usize, h: i32, count: i32, z: usize, n: i32, out: usize, f32: bool, work: usize): void {
  const P = 3 * h + 1;
  for (let L = 0; L < count; L++) {
    const p = params + ((<usize>(L * P)) << 2);
    const x = z + ((<usize>(L * n)) << 2);
    const o = out + ((<usize>(L * n)) << 2);
    if (f32) hiddenMemberT<f32>(p, h, x, n, o, work);
    else hiddenMemberT<f64>(p, h, x, n, o, work);
  }
}

/** One member of hiddenMembers on T lanes. */
function hiddenMemberT<T>(p: usize, h: i32, x: usize, n: i32, out: usize, work: usize): void {
  // the noise's least and greatest values, NaNs passed over (pmin and pmax keep the value held where one compares
  // false; a NaN noise value gives every unit's pre-activation NaN and ReLU 0, as a unit left out has): NaN only
  // where the first value is, and then no unit is left out
  // (four pairs of running values, sixteen values a step, so that no chain of comparisons waits on the last)
  const whole16 = n & ~15;
  const first = f32x4.splat(load<f32>(x));
  let lo0 = first;
  let lo1 = first;
  let lo2 = first;
  let lo3 = first;
  let hi0 = first;
  let hi1 = first;
  let hi2 = first;
  let hi3 = first;
  for (let i = 0; i < whole16; i += 16) {
    const a = x + ((<usize>i) << 2);
    const v0 = v128.load(a);
    const v1 = v128.load(a, 16);
    const v2 = v128.load(a, 32);
    const v3 = v128.load(a, 48);
    lo0 = f32x4.pmin(lo0, v0);
    lo1 = f32x4.pmin(lo1, v1);
    lo2 = f32x4.pmin(lo2, v2);
    lo3 = f32x4.pmin(lo3, v3);
    hi0 = f32x4.pmax(hi0, v0);
    hi1 = f32x4.pmax(hi1, v1);
    hi2 = f32x4.pmax(hi2, v2);
    hi3 = f32x4.pmax(hi3, v3);
  }
  const lo4 = f32x4.pmin(f32x4.pmin(lo0, lo1), f32x4.pmin(lo2, lo3));
  const hi4 = f32x4.pmax(f32x4.pmax(hi0, hi1), f32x4.pmax(hi2, hi3));
  let lo = min(min(f32x4.extract_lane(lo4, 0), f32x4.extract_lane(lo4, 1)), min(f32x4.extract_lane(lo4, 2), f32x4.extract_lane(lo4, 3)));
  let hi = max(max(f32x4.extract_lane(hi4, 0), f32x4.extract_lane(hi4, 1)), max(f32x4.extract_lane(hi4, 2), f32x4.extract_lane(hi4, 3)));
  for (let i = whole16; i < n; i++) {
    const v = load<f32>(x + ((<usize>i) << 2));
    // as pmin and pmax compare: a NaN passed over
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // the units some value turns on, each weight splatted: w₁ at work, b₁ at work + 16·h, w₂ at work + 32·h
  const b2 = load<f32>(p + ((<usize>(3 * h)) << 2));
  const mayLeave = !(b2 == 0 && 1 / b2 < 0);
  let live = 0;
  for (let i = 0; i < h; i++) {
    const w = load<f32>(p + ((<usize>i) << 2));
    const b = load<f32>(p + ((<usize>(h + i)) << 2));
    const v = load<f32>(p + ((<usize>(2 * h + i)) << 2));
    if (mayLeave && v - v == 0 && offAt<T>(b, w, lo) && offAt<T>(b, w, hi)) continue;
    const slot = <usize>live * V;
    st(work + slot, splatT<T>(w));
    st(work + <usize>h * V + slot, splatT<T>(b));
    st(work + 2 * <usize>h * V + slot, splatT<T>(v));
    live++;
  }
  const b2p = work + 3 * <usize>h * V;
  st(b2p, splatT<T>(b2));
  const scratch = b2p + V;
  const lanes = sizeof<T>() == 4 ? 4 : 2;
  const whole = n / lanes;
  hiddenRowsT<T, u16>(work, work + <usize>h * V, work + 2 * <usize>h * V, b2p, live, x, whole, out);
  const done = whole * lanes;
  const rest = n - done;
  if (rest == 0) return;
  // the last values padded with the last of them
  for (let j = 0; j < 4; j++) store<f32>(scratch + ((<usize>j) << 2), load<f32>(x + ((<usize>(done + min(j, rest - 1))) << 2)));
  hiddenRowsT<T, u16>(work, work + <usize>h * V, work + 2 * <usize>h * V, b2p, live, scratch, 1, scratch + 16);
  for (let j = 0; j < rest; j++) store<f32>(out + ((<usize>(done + j)) << 2), load<f32>(scratch + 16 + ((<usize>j) << 2)));
}

/** Whether a unit's pre-activation b + z·w, in T's arithmetic (as the lanes compute it), is at or below 0 (false for NaN). */
@inline function offAt<T>(b: f32, w: f32, z: f32): bool {
  if (sizeof<T>() == 4) return b + z * w <= <f32>0;
  return <f64>b + <f64>z * <f64>w <= 0;
}

/** A float32 value splatted over T lanes. */
@inline function splatT<T>(v: f32): v128 {
  if (sizeof<T>() == 4) return f32x4.splat(v);
  return f64x2.splat(<f64>v);
}

/** backwardT on float64 lanes. */
export function backward(desc: usize, p: usize, x: usize, delta: usize, n: i32, g: usize, wantDx: bool): void {
  backwardT<f64>(desc, p, x, delta, n, g, wantDx);
}

/** Whether T is the float64 lane type (else float32). */
@inline function wide<T>(): bool {
  return sizeof<T>() == 8;
}

/**
 * A stored value: on float64 lanes rounded to float32 and back, as the scalar code's Float32Array stores
 * round it; float32 lanes hold float32 values already (each operation rounded).
 */
@inline function stored<T>(v: v128): v128 {
  return wide<T>() ? f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v)) : v;
}

/** A constant on every lane: on float32 lanes rounded to float32, as the scalar float32 code rounds it. */
@inline function splatC<T>(x: f64): v128 {
  return wide<T>() ? f64x2.splat(x) : f32x4.splat(<f32>x);
}

/** Lanes set where bit i of mask is set (lanes 0–1 on float64 lanes, 0–3 on float32 lanes). */
@inline function lanes<T>(mask: i32): v128 {
  if (wide<T>()) return i64x2.replace_lane(i64x2.splat(mask & 1 ? -1 : 0), 1, mask & 2 ? -1 : 0);
  let v = i32x4.splat(mask & 1 ? -1 : 0);
  v = i32x4.replace_lane(v, 1, mask & 2 ? -1 : 0);
  v = i32x4.replace_lane(v, 2, mask & 4 ? -1 : 0);
  return i32x4.replace_lane(v, 3, mask & 8 ? -1 : 0);
}

/**
 * optimizers/adam.ts's update on P values for the lanes in mask: c1 = 1 − β₁, c2 = 1 − β₂ (as the scalar code
 * computes them), stepSize = lr/(1 − β₁ᵗ), bc2Sqrt = √(1 − β₂ᵗ); m, v and p are stored in float32
 * (on float64 lanes each is rounded once, as the scalar code's Float32Array stores round them; on float32
 * lanes every operation rounds, as the scalar float32 code's Math.fround does).
 */
export function adamT<T>(
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
  const on = lanes<T>(mask);
  const b1 = splatC<T>(beta1);
  const k1 = splatC<T>(c1);
  const b2 = splatC<T>(beta2);
  const k2 = splatC<T>(c2);
  const ss = splatC<T>(stepSize);
  const bc = splatC<T>(bc2Sqrt);
  const e = splatC<T>(eps);
  for (let i = 0; i < P; i++) {
    const o = <usize>i * V;
    const gi = ld(g + o);
    const m0 = ld(m + o);
    const v0 = ld(v + o);
    const p0 = ld(p + o);
    const m1 = stored<T>(v128.add<T>(v128.mul<T>(b1, m0), v128.mul<T>(k1, gi)));
    const v1 = stored<T>(v128.add<T>(v128.mul<T>(b2, v0), v128.mul<T>(v128.mul<T>(k2, gi), gi)));
    const p1 = stored<T>(v128.sub<T>(p0, v128.div<T>(v128.mul<T>(ss, m1), v128.add<T>(v128.div<T>(v128.sqrt<T>(v1), bc), e))));
    st(m + o, sel(on, m1, m0));
    st(v + o, sel(on, v1, v0));
    st(p + o, sel(on, p1, p0));
  }
}

/** optimizers/rmsprop.ts's update on P values for the lanes in mask: c = 1 − α. */
export function rmspropT<T>(p: usize, v: usize, g: usize, P: i32, lr: f64, alpha: f64, c: f64, eps: f64, mask: i32): void {
  const on = lanes<T>(mask);
  const a = splatC<T>(alpha);
  const k = splatC<T>(c);
  const rate = splatC<T>(lr);
  const e = splatC<T>(eps);
  for (let i = 0; i < P; i++) {
    const o = <usize>i * V;
    const gi = ld(g + o);
    const v0 = ld(v + o);
    const p0 = ld(p + o);
    const v1 = stored<T>(v128.add<T>(v128.mul<T>(a, v0), v128.mul<T>(v128.mul<T>(k, gi), gi)));
    const p1 = stored<T>(v128.sub<T>(p0, v128.div<T>(v128.mul<T>(rate, gi), v128.add<T>(v128.sqrt<T>(v1), e))));
    st(v + o, sel(on, v1, v0));
    st(p + o, sel(on, p1, p0));
  }
}

/**
 * Weight clipping to [−c, c] (WGAN) for the lanes in mask: min(c, max(−c, p)), stored in float32 (c itself may
 * not be a float32: rounding c first, as float32 lanes do, gives the same value, rounding being monotone).
 */
export function clipT<T>(p: usize, P: i32, c: f64, mask: i32): void {
  const on = lanes<T>(mask);
  const hi = splatC<T>(c);
  const lo = splatC<T>(-c);
  for (let i = 0; i < P; i++) {
    const o = p + <usize>i * V;
    const p0 = ld(o);
    st(o, sel(on, stored<T>(v128.min<T>(hi, v128.max<T>(lo, p0))), p0));
  }
}

export function adam(p: usize, m: usize, v: usize, g: usize, P: i32, ss: f64, bc: f64, eps: f64, b1: f64, c1: f64, b2: f64, c2: f64, mask: i32): void {
  adamT<f64>(p, m, v, g, P, ss, bc, eps, b1, c1, b2, c2, mask);
}

export function rmsprop(p: usize, v: usize, g: usize, P: i32, lr: f64, alpha: f64, c: f64, eps: f64, mask: i32): void {
  rmspropT<f64>(p, v, g, P, lr, alpha, c, eps, mask);
}

export function clip(p: usize, P: i32, c: f64, mask: i32): void {
  clipT<f64>(p, P, c, mask);
}

/** Where the caller's memory may start. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}
