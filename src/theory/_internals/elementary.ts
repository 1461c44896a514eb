/**
 * Certified elementary functions on big balls: π, exp, ln, sqrt and erf, for the continuous
 * (Gaussian) quantities.
 *
 * The balls and their arithmetic are those of `ball.ts`. As there, each truncating BigInt operation is
 * charged one ulp, and each series here its proven tail.
 *
 * ## Methods
 * - π = 16·atan(1/5) − 4·atan(1/239) (Machin), alternating series of small rationals.
 * - exp(x): x = k·ln 2 + r with |r| ≤ 0.35, e^r = (e^{r/2^s})^{2^s} with a Taylor series for the
 *   small argument; every squaring is a ball multiplication, so the error growth is tracked, not
 *   estimated.
 * - erf(x) = (2/√π)·e^{−x²}·Σₙ 2ⁿx^{2n+1}/(1·3·5···(2n+1)): all terms positive, so no cancellation
 *   (the alternating Taylor series loses x²·log₂e bits); for e^{−x²} below 2^−(prec+8) the ball
 *   [1 − e^{−x²}/(x√π), 1] is used instead (erfc(x) ≤ e^{−x²}/(x√π) for x > 0).
 * - √(a/b) by the integer square root of a·2^{2·prec}/b.
 */
import { abs, mul, neg, reduce, scale, div, type Ball } from './ball.js';
import { bitLength, lnRatio } from './fixed.js';

function atanSmall(u: bigint, v: bigint, prec: number): Ball {
  // Σ (−1)^i (u/v)^(2i+1)/(2i+1), u/v ≤ 1/5: each power errs < 1.05 ulps, each term < 2 more; the
  // tail after the last nonzero power is below one ulp.
  let p = (u << BigInt(prec)) / v;
  let acc = p;
  const u2 = u * u;
  const v2 = v * v;
  let terms = 1n;
  let sign = -1n;
  for (let d = 3n; p !== 0n; d += 2n) {
    p = (p * u2) / v2;
    acc += sign * (p / d);
    sign = -sign;
    terms++;
  }
  return { mid: acc, rad: 2n * terms + 3n };
}

const piCache = new Map<number, Ball>();

/** π at precision prec. */
export function pi(prec: number): Ball {
  let c = piCache.get(prec);
  if (c === undefined) {
    const a = atanSmall(1n, 5n, prec);
    const b = atanSmall(1n, 239n, prec);
    c = { mid: 16n * a.mid - 4n * b.mid, rad: 16n * a.rad + 4n * b.rad };
    if (piCache.size > 32) piCache.clear();
    piCache.set(prec, c);
  }
  return c;
}

/** ln 2 at precision prec (from fixed.ts's cached series). */
export function ln2(prec: number): Ball {
  return lnRatio(2n, 1n, prec);
}

/** ln of the exact rational a/b (a, b > 0). */
export function lnExact(a: bigint, b: bigint, prec: number): Ball {
  return lnRatio(a, b, prec);
}

/** ln of a positive ball: ln(mid) from the exact rational mid/2^prec, widened by rad/(mid − rad). */
export function ln(x: Ball, prec: number): Ball {
  const lo = x.mid - x.rad;
  if (lo <= 0n) throw new RangeError('ln: argument ball is not positive');
  const base = lnExact(x.mid, 1n << BigInt(prec), prec);
  // |ln y − ln m| ≤ rad/(m − rad) for y within rad of m
  const widen = ((x.rad << BigInt(prec)) + lo - 1n) / lo + 1n;
  return { mid: base.mid, rad: base.rad + widen };
}

/** exp of a ball. */
export function exp(x: Ball, prec: number): Ball {
  // Working precision: the squarings amplify relative error by 2^s.
  const s = Math.max(4, Math.round(Math.sqrt(prec) / 2));
  const w = prec + s + 32;
  const W = BigInt(w);
  const shift = BigInt(w - prec);
  const m = x.mid << shift;
  // k = round(x/ln 2) from a float approximation; any k works, a near one keeps r small.
  const approx = Number(m >> BigInt(Math.max(0, w - 64))) / 2 ** Math.min(w, 64);
  const k = Math.round(approx / Math.LN2);
  const l2 = ln2(w + 16);
  const kl = (BigInt(k) * l2.mid) >> 16n;
  const klRad = ((abs(BigInt(k)) * l2.rad) >> 16n) + 2n;
  const r = m - kl; // |r| ≲ 0.35 + tiny
  const rs = r >> BigInt(s); // r/2^s, floor: 1 ulp + klRad/2^s
  // Taylor series of e^{rs}, |rs| < 2^−(s+1): terms shrink by ≥ 2^(s+1)/n.
  const one = 1n << W;
  let term = one;
  let acc = one;
  let n = 0n;
  for (let i = 1n; ; i++) {
    term = (term * rs) / (one * i);
    if (term === 0n) break;
    acc += term;
    n++;
  }
  // errors: each term ≤ 1.1 ulps, tail < 1 ulp, and rs's own error (≤ 2 + klRad/2^s) moves e^rs by ≤ 1.01× that
  let e: Ball = { mid: acc, rad: 2n * n + 3n + 2n * (2n + (klRad >> BigInt(s))) };
  for (let i = 0; i < s; i++) e = mul(e, e, w);
  // × 2^k
  if (k >= 0) e = { mid: e.mid << BigInt(k), rad: e.rad << BigInt(k) };
  else e = { mid: e.mid >> BigInt(-k), rad: (e.rad >> BigInt(-k)) + 1n };
  let out = reduce(e, w, prec);
  // the input's radius: e^{m ± ρ} ⊂ e^m·[1 − ρ', 1 + ρ'] with ρ' = e^ρ − 1 ≤ 2ρ for ρ ≤ 1
  if (x.rad > 0n) {
    const rho = x.rad; // ulps at prec
    if (rho > 1n << BigInt(prec)) throw new RangeError('exp: argument ball wider than 1');
    const grow = (((abs(out.mid) + out.rad) * 2n * rho) >> BigInt(prec)) + 1n;
    out = { mid: out.mid, rad: out.rad + grow };
  }
  return out;
}

/** Integer square root ⌊√n⌋ (n ≥ 0) by Newton's method. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** √(a/b) for an exact nonnegative rational. */
export function sqrtExact(a: bigint, b: bigint, prec: number): Ball {
  const n = (a << BigInt(2 * prec)) / b;
  const r = isqrt(n);
  return { mid: r, rad: 1n };
}

/** √ of a positive ball. */
export function sqrt(x: Ball, prec: number): Ball {
  const lo = x.mid - x.rad;
  if (lo < 0n) throw new RangeError('sqrt: argument ball is negative');
  const P = BigInt(prec);
  const hiRoot = isqrt((x.mid + x.rad) << P) + 1n;
  const loRoot = isqrt(lo << P);
  return { mid: (hiRoot + loRoot) >> 1n, rad: ((hiRoot - loRoot) >> 1n) + 1n };
}

/** erf of a ball (see the module comment for the method). */
export function erf(x: Ball, prec: number): Ball {
  if (x.mid < 0n) return neg(erf(neg(x), prec));
  if (x.mid === 0n && x.rad === 0n) return { mid: 0n, rad: 0n };
  const P = BigInt(prec);
  const one = 1n << P;
  // |erf'| ≤ 2/√π < 1.13: the input radius costs at most 1.13·rad.
  const inRad = (x.rad * 113n) / 100n + 1n;
  const xf = Number(x.mid >> BigInt(Math.max(0, prec - 60))) / 2 ** Math.min(prec, 60);
  if (xf * xf > (prec + 8) * Math.LN2 + 1) {
    // erfc(x) ≤ e^{−x²}/(x√π) < 2^−(prec+8): erf ∈ [1 − 2^−prec, 1]
    return { mid: one - 1n, rad: 2n + inRad };
  }
  // Σ 2ⁿx^{2n+1}/(2n+1)!! at working precision w, then × (2/√π)·e^{−x²}.
  const guard = Math.ceil(xf * xf * 1.45) + 32;
  const w = prec + guard;
  const W = BigInt(w);
  const X = x.mid << BigInt(w - prec);
  const x2 = (X * X) >> W;
  let term = X;
  let acc = X;
  let n = 0n;
  for (let k = 1n; ; k++) {
    term = (term * 2n * x2) / ((2n * k + 1n) << W);
    if (term === 0n && BigInt(k) > BigInt(Math.ceil(2 * xf * xf))) break;
    acc += term;
    n++;
  }
  // each term ≤ 1.5 ulps (the ratios 2x²/(2k+1) are exact up to x2's ulp), tail: once terms fall
  // below one ulp past the peak they fall geometrically by 2x²/(2k+1) ≤ 1/2.
  const S: Ball = { mid: acc, rad: 2n * n + 8n };
  const ex = exp({ mid: -x2, rad: 1n }, w);
  const sqrtPi = sqrt(pi(w), w);
  let r = mul(S, ex, w);
  r = scale(r, 2n, 1n);
  r = div(r, sqrtPi, w);
  const out = reduce(r, w, prec);
  return { mid: out.mid, rad: out.rad + inRad };
}
