// The exact density of a 1-D ReLU generator's output on a grid (src/train/pushforward.ts: generatorPiecesFlat, then
// pushforwardDensityOnGrid), for the trainer's D*: a port of the two functions for G of one hidden layer on scalar
// noise, the same operations in the same order, so the same values bit for bit (test/train-pushforward.test.ts holds
// them together); exp is fdlibm's (./vmath.ts vexp, two at a time), V8's Math.exp.
import { vexp } from './vmath';

const SQRT_2PI: f64 = Math.sqrt(2 * Math.PI);

/**
 * p_G at every point of an ascending grid (gridN float32 at grid) for `count` members' G of one hidden layer of h
 * units on scalar noise z ~ N(0, 1): member L's parameters, mlp.ts's layout (w₁ [h], b₁ [h], w₂ [h], b₂), float32 at
 * params + 4·L·(3h + 1); its gridN values (f64) to out + 8·L·gridN. work: room for 2h² + 11h + 8 f64 and the terms,
 * 20·((h + 1)·gridN + 2) bytes.
 */
export function pushforwardRows(params: usize, h: i32, count: i32, grid: usize, gridN: i32, out: usize, work: usize): void {
  const P = 3 * h + 1;
  const H = <usize>h;
  // the work area: the cuts (h + 2), the first layer's a and c (h each), the pieces after it (h + 1 each: lo, hi;
  // (h + 1)·h each: A, C), the last layer's pieces (h + 1 each: lo, hi, a, c)
  const cuts = work;
  const a = cuts + ((H + 2) << 3);
  const c = a + (H << 3);
  const lo1 = c + (H << 3);
  const hi1 = lo1 + ((H + 1) << 3);
  const A1 = hi1 + ((H + 1) << 3);
  const C1 = A1 + (((H + 1) * H) << 3);
  const lo2 = C1 + (((H + 1) * H) << 3);
  const hi2 = lo2 + ((H + 1) << 3);
  const a2 = hi2 + ((H + 1) << 3);
  const c2 = a2 + ((H + 1) << 3);
  for (let L = 0; L < count; L++) {
    const p = params + ((<usize>(L * P)) << 2);
    const pieces = piecesOf(p, h, cuts, a, c, lo1, hi1, A1, C1, lo2, hi2, a2, c2);
    densityOnGrid(pieces, lo2, hi2, a2, c2, grid, gridN, out + ((<usize>(L * gridN)) << 3), c2 + ((H + 1) << 3));
  }
}

/** Number.isFinite: x − x is 0 for a finite x, NaN for ±∞ and NaN. */
@inline function finite(x: f64): bool {
  return x - x == 0;
}

@inline function f(at: usize, i: i32): f64 {
  return load<f64>(at + ((<usize>i) << 3));
}

@inline function set(at: usize, i: i32, v: f64): void {
  store<f64>(at + ((<usize>i) << 3), v);
}

@inline function param(p: usize, i: i32): f64 {
  return <f64>load<f32>(p + ((<usize>i) << 2));
}

/** generatorPiecesFlat for G of one hidden layer: the pieces (lo, hi, a, c) at lo2, hi2, a2, c2; returns their count. */
function piecesOf(
  p: usize,
  h: i32,
  cuts: usize,
  a: usize,
  c: usize,
  lo1: usize,
  hi1: usize,
  A1: usize,
  C1: usize,
  lo2: usize,
  hi2: usize,
  a2: usize,
  c2: usize,
): i32 {
  // the first layer on the one piece (−∞, ∞), where its input is 1·z + 0
  for (let o = 0; o < h; o++) {
    const w = param(p, o);
    let sa: f64 = 0;
    let sc = param(p, h + o);
    sa += w * 1;
    sc += w * 0;
    set(a, o, sa);
    set(c, o, sc);
  }
  const pLo = -Infinity;
  const pHi = Infinity;
  set(cuts, 0, pLo);
  set(cuts, 1, pHi);
  let nc = 2;
  for (let o = 0; o < h; o++) {
    if (f(a, o) != 0) {
      const z0 = -f(c, o) / f(a, o);
      if (z0 > pLo && z0 < pHi) set(cuts, nc++, z0);
    }
  }
  // ascending, by insertion, as there
  for (let k = 1; k < nc; k++) {
    const v = f(cuts, k);
    let j = k;
    for (; j > 0 && f(cuts, j - 1) - v > 0; j--) set(cuts, j, f(cuts, j - 1));
    set(cuts, j, v);
  }
  let made = 0;
  for (let k = 0; k + 1 < nc; k++) {
    const l = f(cuts, k);
    const u = f(cuts, k + 1);
    if (!(u > l)) continue;
    let mid: f64 = 0;
    if (finite(l) && finite(u)) mid = (l + u) / 2;
    else if (finite(l)) mid = l + 1;
    else if (finite(u)) mid = u - 1;
    set(lo1, made, l);
    set(hi1, made, u);
    for (let o = 0; o < h; o++) {
      const on = f(a, o) * mid + f(c, o) > 0;
      set(A1, made * h + o, on ? f(a, o) : 0);
      set(C1, made * h + o, on ? f(c, o) : 0);
    }
    made++;
  }
  // the last layer on each piece: its one unit's a and c, the sums in the inputs' order
  const b2 = param(p, 3 * h);
  for (let q = 0; q < made; q++) {
    let sa: f64 = 0;
    let sc = b2;
    for (let i = 0; i < h; i++) {
      const w = param(p, 2 * h + i);
      sa += w * f(A1, q * h + i);
      sc += w * f(C1, q * h + i);
    }
    set(lo2, q, f(lo1, q));
    set(hi2, q, f(hi1, q));
    set(a2, q, sa);
    set(c2, q, sc);
  }
  return made;
}

/**
 * pushforwardDensityOnGrid of `count` pieces on the ascending grid (float32), into out (n f64): the terms listed in
 * their order (a point's index, −z²/2 and |a|), their exponentials two at a time, then each added to its point in
 * that order, as there. terms: room for count·n of them (16 bytes each, and one more).
 */
function densityOnGrid(count: i32, lo: usize, hi: usize, a: usize, c: usize, xs: usize, n: i32, out: usize, terms: usize): void {
  for (let i = 0; i < n; i++) set(out, i, 0);
  const arg = terms;
  const at = terms + ((<usize>(count * n + 2)) << 3);
  const den = at + ((<usize>(count * n + 2)) << 2);
  let t = 0;
  for (let k = 0; k < count; k++) {
    const l = f(lo, k);
    const u = f(hi, k);
    const ak = f(a, k);
    const ck = f(c, k);
    if (ak == 0) continue;
    const e0 = ak * l + ck;
    const e1 = ak * u + ck;
    const margin = 1e-6 * (1 + Math.abs(ck) + Math.abs(ak) * max(finite(l) ? Math.abs(l) : 0, finite(u) ? Math.abs(u) : 0));
    const from = firstAtLeast(xs, n, min(e0, e1) - margin);
    const to = max(e0, e1) + margin;
    const absA = Math.abs(ak);
    for (let i = from; i < n && <f64>load<f32>(xs + ((<usize>i) << 2)) <= to; i++) {
      const z = (<f64>load<f32>(xs + ((<usize>i) << 2)) - ck) / ak;
      if (z >= l && z < u) {
        set(arg, t, -0.5 * z * z);
        store<i32>(at + ((<usize>t) << 2), i);
        set(den, t, absA);
        t++;
      }
    }
  }
  set(arg, t, 0);
  for (let j = 0; j < t; j += 2) v128.store(arg + ((<usize>j) << 3), vexp(v128.load(arg + ((<usize>j) << 3))));
  for (let j = 0; j < t; j++) {
    const i = load<i32>(at + ((<usize>j) << 2));
    set(out, i, f(out, i) + f(arg, j) / SQRT_2PI / f(den, j));
  }
}

/** The first index i < n with xs[i] ≥ v in an ascending float32 xs (n when none), by bisection as there. */
function firstAtLeast(xs: usize, n: i32, v: f64): i32 {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (<f64>load<f32>(xs + ((<usize>mid) << 2)) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
