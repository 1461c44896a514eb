import { checkOptions } from './errors.js';
import * as B from './_internals/elementary.js';
import { certify, checkDigits, type Enclosure } from './enclosure.js';
import { TheoryError, show } from './errors.js';
import { certifyLog, type LogOptions, type LogQuantity } from './_internals/logquantity.js';
import { lnRatio } from './_internals/fixed.js';
import { budgetOf, exponents, integrate, logSumExp, type Integrand } from './quadrature.js';
import { add, cmp, div, eq, mul, rational, sub, sum, toRational, ONE, ZERO, type Rational, type RationalLike } from './rational.js';

/** A 1-D Gaussian N(μ, σ²) with exact parameters. */
export interface GaussianLike {
  mu: RationalLike;
  sigma: RationalLike;
}

/** One component of a finite Gaussian mixture Σ wᵢ N(μᵢ, σᵢ²). */
export interface ComponentLike extends GaussianLike {
  weight: RationalLike;
}

export interface Component {
  w: Rational;
  mu: Rational;
  sigma: Rational;
}

/** Options of the continuous quantities. */
export interface ContinuousOptions {
  /** @defaultValue 50 */
  digits?: number;
}

function toGaussian(fn: string, arg: string, g: GaussianLike): Component {
  if (g === null || typeof g !== 'object') throw new TheoryError(fn, arg, `must be {mu, sigma}; got ${show(g)}`);
  const mu = toRational(g.mu, fn, `${arg}.mu`);
  const sigma = toRational(g.sigma, fn, `${arg}.sigma`);
  if (sigma.num <= 0n) throw new TheoryError(fn, `${arg}.sigma`, `must be > 0; got ${show(g.sigma)}`);
  return { w: ONE, mu, sigma };
}

/**
 * Reads a mixture: components with exact weights summing to exactly 1 and σ > 0. Components with
 * equal (μ, σ) are merged and zero weights dropped, so equal mixtures have equal canonical forms
 * (finite Gaussian mixtures are identifiable).
 */
export function toMixture(fn: string, arg: string, components: readonly ComponentLike[]): Component[] {
  if (!Array.isArray(components) || components.length === 0) {
    throw new TheoryError(fn, arg, `must be a nonempty list of {weight, mu, sigma}; got ${show(components)}`);
  }
  const parsed = components.map((c, i) => {
    const g = toGaussian(fn, `${arg}[${i}]`, c);
    const w = toRational(c.weight, fn, `${arg}[${i}].weight`);
    if (w.num < 0n) throw new TheoryError(fn, `${arg}[${i}].weight`, `must be ≥ 0; got ${show(c.weight)}`);
    return { ...g, w };
  });
  const total = sum(parsed.map((c) => c.w));
  if (!eq(total, ONE)) throw new TheoryError(fn, arg, `weights must sum to exactly 1; got a sum of ${total.num}/${total.den}`);
  const merged: Component[] = [];
  for (const c of parsed) {
    if (c.w.num === 0n) continue;
    const same = merged.find((m) => eq(m.mu, c.mu) && eq(m.sigma, c.sigma));
    if (same) same.w = add(same.w, c.w);
    else merged.push({ ...c });
  }
  return merged.sort((a, b) => cmp(a.mu, b.mu) || cmp(a.sigma, b.sigma));
}

/**
 * Parses a mixture spec `w:mu:sigma,w:mu:sigma,…` of exact decimals or fractions (the CLI's
 * `--p-mix`); a bare `mu:sigma` is not accepted, so weights are never implied.
 */
export function parseMixtureSpec(spec: string, fn: string, arg: string): ComponentLike[] {
  if (typeof spec !== 'string' || spec.trim() === '') throw new TheoryError(fn, arg, `must be w:mu:sigma,…; got ${show(spec)}`);
  return spec.split(',').map((item) => {
    const parts = item.trim().split(':');
    if (parts.length !== 3) throw new TheoryError(fn, arg, `must be w:mu:sigma items separated by commas; got ${show(spec)}`);
    const [weight, mu, sigma] = parts as [string, string, string];
    return { weight, mu, sigma };
  });
}

const sameMixture = (a: Component[], b: Component[]) =>
  a.length === b.length && a.every((c, i) => eq(c.w, (b[i] as Component).w) && eq(c.mu, (b[i] as Component).mu) && eq(c.sigma, (b[i] as Component).sigma));

/** A rational r as a ball at precision prec. */
const ball = (r: Rational, prec: number) => B.fromRatio(r.num, r.den, prec);

/**
 * KL(N₁‖N₂) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½, certified (one logarithm of a rational).
 * Source: e.g. Bishop, Pattern Recognition and Machine Learning (2006), exercise 1.30.
 */
export function gaussianKl(p: GaussianLike, q: GaussianLike, options: LogOptions = {}): LogQuantity {
  options = checkOptions('gaussianKl', options);
  const fn = 'gaussianKl';
  const a = toGaussian(fn, 'p', p);
  const b = toGaussian(fn, 'q', q);
  const dmu = sub(a.mu, b.mu);
  const r = sub(div(add(mul(a.sigma, a.sigma), mul(dmu, dmu)), mul(rational(2n), mul(b.sigma, b.sigma))), rational(1n, 2n));
  return certifyLog(fn, options, 2, (prec) => {
    const l = lnRatio(b.sigma.num * a.sigma.den, b.sigma.den * a.sigma.num, prec);
    const rb = B.fromRatio(r.num, r.den, prec);
    return { kind: 'ball', ball: { mid: l.mid + rb.mid, rad: BigInt(l.rad) + rb.rad } };
  });
}

/**
 * W2(N₁, N₂) = √((μ₁ − μ₂)² + (σ₁ − σ₂)²) (the 1-D Gaussian case of the Fréchet distance);
 * exact when the radicand is the square of a rational.
 */
export function gaussianW2(p: GaussianLike, q: GaussianLike, options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('gaussianW2', options);
  const fn = 'gaussianW2';
  const digits = checkDigits(fn, options.digits);
  const a = toGaussian(fn, 'p', p);
  const b = toGaussian(fn, 'q', q);
  const dmu = sub(a.mu, b.mu);
  const ds = sub(a.sigma, b.sigma);
  const r2 = add(mul(dmu, dmu), mul(ds, ds));
  const rn = B.isqrt(r2.num);
  const rd = B.isqrt(r2.den);
  if (rn * rn === r2.num && rd * rd === r2.den) return certify(fn, digits, 0, () => ({ kind: 'exact', value: rational(rn, rd) }));
  return certify(fn, digits, 4, (prec) => ({ kind: 'ball', ball: B.sqrtExact(r2.num, r2.den, prec) }));
}

/** φ(c) = e^{−c²/2}/√(2π) and Φ(c) = (1 + erf(c/√2))/2 for an exact rational c. */
function phiBall(c: Rational, prec: number): B.BigBall {
  const e = B.exp(B.neg(ball(mul(mul(c, c), rational(1n, 2n)), prec)), prec);
  return B.div(e, B.sqrt(B.scale(B.pi(prec), 2n, 1n), prec), prec);
}

function PhiBall(c: Rational, prec: number): B.BigBall {
  const arg = B.mul(ball(c, prec), B.sqrtExact(1n, 2n, prec), prec);
  const e = B.erf(arg, prec);
  return B.scale(B.add(e, B.fromInt(1n, prec)), 1n, 2n);
}

/**
 * W1 between 1-D Gaussians. Under the monotone coupling X₂ − X₁ = Δμ + Δσ·Z, so
 * W1 = E|Δμ + Δσ·Z| = |Δμ| when Δσ = 0, and otherwise, with s = |Δσ| and c = Δμ/s,
 * W1 = Δμ·(2Φ(c) − 1) + 2s·φ(c) (the quantile difference changes sign once).
 */
export function gaussianW1(p: GaussianLike, q: GaussianLike, options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('gaussianW1', options);
  const fn = 'gaussianW1';
  const digits = checkDigits(fn, options.digits);
  const a = toGaussian(fn, 'p', p);
  const b = toGaussian(fn, 'q', q);
  const dmu = sub(a.mu, b.mu);
  const ds = sub(a.sigma, b.sigma);
  if (ds.num === 0n) return certify(fn, digits, 0, () => ({ kind: 'exact', value: dmu.num < 0n ? rational(-dmu.num, dmu.den) : dmu }));
  const s = ds.num < 0n ? rational(-ds.num, ds.den) : ds;
  const c = div(dmu, s);
  return certify(fn, digits, 8, (prec) => {
    const w = prec + 16;
    const twoPhiMinus1 = B.sub(B.scale(PhiBall(c, w), 2n, 1n), B.fromInt(1n, w));
    const t1 = B.mul(ball(dmu, w), twoPhiMinus1, w);
    const t2 = B.scale(phiBall(c, w), 2n * s.num, s.den);
    return { kind: 'ball', ball: B.reduce(B.add(t1, t2), w, prec) };
  });
}

/**
 * The optimal discriminator between two Gaussian mixtures at a point:
 * D*(x) = p(x)/(p(x) + q(x)), certified. The exponents are shifted by their maximum before
 * exponentiating, so far in the tails (D* ≈ 1e-300) the value keeps its relative accuracy.
 */
export function mixtureDstar(p: readonly ComponentLike[], q: readonly ComponentLike[], x: RationalLike, options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('mixtureDstar', options);
  const fn = 'mixtureDstar';
  const digits = checkDigits(fn, options.digits);
  const P = toMixture(fn, 'p', p);
  const Q = toMixture(fn, 'q', q);
  const at = toRational(x, fn, 'x');
  if (sameMixture(P, Q)) return certify(fn, digits, 0, () => ({ kind: 'exact', value: rational(1n, 2n) }));
  return certify(fn, digits, 8, (prec) => {
    const w = prec + 24;
    // ln D* = −softplus(ln q − ln p), both logs by log-sum-exp around their largest exponent.
    // the common ½·ln(2π) of the densities cancels in ln q − ln p: leave it out (offset 0)
    const none = { mid: 0n, rad: 0n };
    const d = B.sub(logSumExp(exponents(Q, at, w, none), w), logSumExp(exponents(P, at, w, none), w));
    const one = B.fromInt(1n, w);
    const softplus = d.mid > 0n ? B.add(d, B.ln(B.add(one, B.exp(B.neg(d), w)), w)) : B.ln(B.add(one, B.exp(d, w)), w);
    const lnD = B.neg(softplus);
    if (lnD.mid > -(600n << BigInt(w))) return { kind: 'ball', ball: B.reduce(B.exp(lnD, w), w, prec) };
    // Far tails: D* = m·10^k with k = ⌊ln D*/ln 10⌋ and m = 10^{frac} ∈ [1, 10), so the value keeps
    // its relative accuracy at any magnitude (e^{−8·10⁸} included).
    const ln10 = B.lnExact(10n, 1n, w);
    const t = B.div(lnD, ln10, w);
    const k = t.mid >> BigInt(w); // floor
    const frac = { mid: t.mid - (k << BigInt(w)), rad: t.rad };
    const mant = B.exp(B.mul(frac, ln10, w), w);
    return { kind: 'ball', ball: B.reduce(mant, w, prec), exp10: Number(k) };
  });
}

/** {@link mixtureDstar} on a grid of points (the trainer compares its D with this). */
export function mixtureDstarGrid(
  p: readonly ComponentLike[],
  q: readonly ComponentLike[],
  xs: readonly RationalLike[],
  options: ContinuousOptions = {},
): Enclosure[] {
  options = checkOptions('mixtureDstarGrid', options);
  if (!Array.isArray(xs)) throw new TheoryError('mixtureDstarGrid', 'xs', `must be an array of points; got ${show(xs)}`);
  return xs.map((x) => mixtureDstar(p, q, x, options));
}

interface CdfAt {
  F: B.BigBall;
  G: B.BigBall;
}

/** F(x) = Σ wᵢΦ(zᵢ) and G(x) = ∫_{−∞}^x F = Σ wᵢσᵢ(zᵢΦ(zᵢ) + φ(zᵢ)), zᵢ = (x − μᵢ)/σᵢ. */
function cdfAt(mix: Component[], x: Rational, prec: number, withG: boolean): CdfAt {
  let F = B.fromInt(0n, prec);
  let G = B.fromInt(0n, prec);
  for (const c of mix) {
    const z = div(sub(x, c.mu), c.sigma);
    const Phi = PhiBall(z, prec);
    F = B.add(F, B.scale(Phi, c.w.num, c.w.den));
    if (withG) {
      const g = B.add(B.mul(ball(z, prec), Phi, prec), phiBall(z, prec));
      G = B.add(G, B.scale(g, c.w.num * c.sigma.num, c.w.den * c.sigma.den));
    }
  }
  return { F, G };
}

/**
 * W1 between two Gaussian mixtures, W1 = ∫|F_P − F_Q|, without quadrature: the sign changes of
 * g = F_P − F_Q are isolated by bisection with certified bounds (F is increasing, so
 * g([a,b]) ⊂ [F_P(a) − F_Q(b), F_P(b) − F_Q(a)]), and on each interval of constant sign the integral
 * is exact through G = ∫F. An interval that cannot be signed (narrower than 2^−(prec/2+8), or in
 * the tails where |g| is negligible) contributes between 0 and width × sup|g|, with
 * sup|g| ≤ max(F_P(b) − F_Q(a), F_Q(b) − F_P(a)) by monotonicity; the tails beyond ±L contribute at most
 * G_P(−L) + G_Q(−L) and the matching right-tail integral, both below the working precision.
 * W1 = 0 exactly when the canonical mixtures are equal.
 */
export function mixtureW1(p: readonly ComponentLike[], q: readonly ComponentLike[], options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('mixtureW1', options);
  const fn = 'mixtureW1';
  const digits = checkDigits(fn, options.digits);
  const P = toMixture(fn, 'p', p);
  const Q = toMixture(fn, 'q', q);
  if (sameMixture(P, Q)) return certify(fn, digits, 0, () => ({ kind: 'exact', value: ZERO }));
  const all = [...P, ...Q];
  const sigmaMax = Math.max(...all.map((c) => Number(c.sigma.num) / Number(c.sigma.den)));
  const muAbs = Math.max(...all.map((c) => Math.abs(Number(c.mu.num) / Number(c.mu.den))));
  return certify(fn, digits, 16, (prec) => {
    const T = Math.sqrt(2 * (prec + 40) * Math.LN2) + 4;
    const L = BigInt(Math.ceil(muAbs + sigmaMax * T));
    const wC = prec + 24;
    const minWidthLog2 = -(Math.ceil(prec / 2) + 8);
    const negligible = 1n << 12n; // a cell whose |g| integral is below 2^−(prec+12)… in wC-ulps·width
    const cache = new Map<string, B.BigBall[]>();
    const Fpair = (x: Rational) => {
      const k = `${x.num}/${x.den}`;
      let v = cache.get(k);
      if (v === undefined) {
        v = [cdfAt(P, x, wC, false).F, cdfAt(Q, x, wC, false).F];
        cache.set(k, v);
      }
      return v as [B.BigBall, B.BigBall];
    };
    // Pieces over [−L, L]: sign +1 or −1 where g is certified nonzero; 0 for a cell that was not
    // signed, with `bound` ≥ ∫|g| over it (width × sup|g|, in units of 2^−wC).
    const pieces: { a: Rational; b: Rational; sign: number; bound: bigint }[] = [];
    const classify = (a: Rational, b: Rational): void => {
      const [pa, qa] = Fpair(a);
      const [pb, qb] = Fpair(b);
      if (B.lower(B.sub(pa, qb)) > 0n) return void pieces.push({ a, b, sign: 1, bound: 0n });
      if (B.upper(B.sub(pb, qa)) < 0n) return void pieces.push({ a, b, sign: -1, bound: 0n });
      // F is increasing: sup|g| on [a, b] ≤ max(F_P(b) − F_Q(a), F_Q(b) − F_P(a)).
      const up1 = B.upper(B.sub(pb, qa));
      const up2 = B.upper(B.sub(qb, pa));
      const sup = up1 > up2 ? up1 : up2;
      const width = sub(b, a);
      const bound = (sup * width.num + width.den - 1n) / width.den + 1n;
      const tiny = Math.log2(Number(width.num) / Number(width.den)) < minWidthLog2;
      if (tiny || bound < negligible) return void pieces.push({ a, b, sign: 0, bound });
      if (pieces.length + cache.size > 200_000) throw new TheoryError(fn, 'p', 'sign changes of F_P − F_Q could not be isolated within 200000 steps');
      const m = div(add(a, b), rational(2n));
      classify(a, m);
      classify(m, b);
    };
    const parts = 64n;
    for (let i = 0n; i < parts; i++) {
      classify(rational(-L + (2n * L * i) / parts), rational(-L + (2n * L * (i + 1n)) / parts));
    }
    // Merge runs of equal sign and integrate each exactly.
    let total = B.fromInt(0n, prec);
    let cellBound = 0n; // in units of 2^−wC
    let runStart: Rational | null = null;
    let runSign = 0;
    const Gdiff = (x: Rational) => B.sub(cdfAt(P, x, prec, true).G, cdfAt(Q, x, prec, true).G);
    const closeRun = (end: Rational) => {
      if (runStart === null || runSign === 0) return;
      const piece = B.sub(Gdiff(end), Gdiff(runStart));
      total = B.add(total, runSign > 0 ? piece : B.neg(piece));
    };
    for (const pc of pieces) {
      if (pc.sign === 0) {
        closeRun(pc.a);
        runStart = null;
        runSign = 0;
        cellBound += pc.bound;
        continue;
      }
      if (pc.sign !== runSign) {
        closeRun(pc.a);
        runStart = pc.a;
        runSign = pc.sign;
      }
    }
    closeRun(rational(L));
    // Tails: ∫_{−∞}^{−L}|g| ≤ G_P(−L) + G_Q(−L); ∫_L^∞|g| ≤ Σ (μ − L + G(L)) over P and Q.
    const left = B.add(cdfAt(P, rational(-L), prec, true).G, cdfAt(Q, rational(-L), prec, true).G);
    const meanP = sum(P.map((c) => mul(c.w, c.mu)));
    const meanQ = sum(Q.map((c) => mul(c.w, c.mu)));
    const rightP = B.add(ball(sub(meanP, rational(L)), prec), cdfAt(P, rational(L), prec, true).G);
    const rightQ = B.add(ball(sub(meanQ, rational(L)), prec), cdfAt(Q, rational(L), prec, true).G);
    const tails = B.add(B.add(left, rightP), rightQ);
    // Unsigned parts lie in [0, bound]: centre them at bound/2 with radius bound/2.
    const cells = (cellBound >> 24n) + 1n; // from 2^−wC to 2^−prec units, rounded up
    const extra = B.add(B.upper(tails) > 0n ? { mid: B.upper(tails) / 2n, rad: B.upper(tails) / 2n + 1n } : B.fromInt(0n, prec), {
      mid: cells / 2n,
      rad: cells / 2n + 1n,
    });
    return { kind: 'ball', ball: B.add(total, extra) };
  });
}

function mixtureIntegral(fn: string, kind: Integrand, p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions): LogQuantity {
  const P = toMixture(fn, 'p', p);
  const Q = toMixture(fn, 'q', q);
  const same = sameMixture(P, Q);
  let atPrecision: ((prec: number) => B.BigBall) | null = null; // planned on first use, then reused by the Ziv loop
  const budget = budgetOf(fn, options);
  return certifyLog(fn, options, 64, (prec) => {
    if (same) {
      // JSD = KL = 0; C(G) = −ln 4
      if (kind !== 'cg') return { kind: 'exact', value: ZERO };
      const l = lnRatio(1n, 4n, prec);
      return { kind: 'ball', ball: l };
    }
    atPrecision ??= integrate(kind, P, Q, fn, budget);
    return { kind: 'ball', ball: atPrecision(prec) };
  });
}

/**
 * JSD(P‖Q) between Gaussian mixtures (a single Gaussian is a one-component mixture), certified by
 * the trapezoidal rule with the analytic-strip error bound of `quadrature.ts`:
 * JSD = ½∫ p ln(2p/(p+q)) + q ln(2q/(p+q)).
 */
export function mixtureJsd(p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('mixtureJsd', options);
  return mixtureIntegral('mixtureJsd', 'jsd', p, q, options);
}

/** KL(P‖Q) = ∫ p ln(p/q) between Gaussian mixtures, certified (see {@link mixtureJsd}). */
export function mixtureKl(p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('mixtureKl', options);
  return mixtureIntegral('mixtureKl', 'kl', p, q, options);
}

/**
 * C(G) = V(D*, G) = ∫ p ln(p/(p+q)) + q ln(q/(p+q)) between Gaussian mixtures, certified and
 * computed directly (not from the JSD), so C(G) = 2·JSD − ln 4 can be checked.
 */
export function mixtureValueAtOptimum(p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('mixtureValueAtOptimum', options);
  return mixtureIntegral('mixtureValueAtOptimum', 'cg', p, q, options);
}

/** JSD between two Gaussians: {@link mixtureJsd} of one-component mixtures. */
export function gaussianJsd(p: GaussianLike, q: GaussianLike, options: LogOptions = {}): LogQuantity {
  options = checkOptions('gaussianJsd', options);
  return mixtureIntegral('gaussianJsd', 'jsd', [{ weight: '1', ...p }], [{ weight: '1', ...q }], options);
}

/** One row of {@link shiftSeries}. */
export interface ShiftRow {
  readonly t: string;
  readonly jsd: LogQuantity;
  readonly w1: Enclosure;
}

/**
 * The disjoint-support phenomenon as data (seed document 002_1e9b12e68fa134a2.txt, "sand piles"):
 * P and Q = P shifted by t, for each t given.
 * - `uniform` with width w: P = U[0, w]. Then JSD(t) = ln 2·min(|t|/w, 1) exactly (the overlap
 *   contributes nothing, each non-overlapping part p·ln 2) and W1(t) = |t|.
 * - `gaussian` with σ: P = N(0, σ²). JSD(t) by the certified quadrature, W1(t) = |t|.
 * JSD saturates at ln 2 once the supports separate (uniform) or creeps up to it (Gaussian), while
 * W1 keeps growing like |t|: the reason the seed documents give for WGAN's critic.
 */
export function shiftSeries(family: 'uniform' | 'gaussian', scale: RationalLike, shifts: readonly RationalLike[], options: LogOptions = {}): ShiftRow[] {
  options = checkOptions('shiftSeries', options);
  const fn = 'shiftSeries';
  if (family !== 'uniform' && family !== 'gaussian') throw new TheoryError(fn, 'family', `must be 'uniform' or 'gaussian'; got ${show(family)}`);
  const w = toRational(scale, fn, 'scale');
  if (w.num <= 0n) throw new TheoryError(fn, 'scale', `must be > 0; got ${show(scale)}`);
  if (!Array.isArray(shifts) || shifts.length === 0) throw new TheoryError(fn, 'shifts', `must be a nonempty list; got ${show(shifts)}`);
  const digits = checkDigits(fn, options.digits);
  return shifts.map((tl, i) => {
    const t = toRational(tl, fn, `shifts[${i}]`);
    const at = t.num < 0n ? rational(-t.num, t.den) : t;
    // the certified quadrature of the Gaussian family reaches 10⁶ scales; past that, a clear refusal
    if (family === 'gaussian' && cmp(at, rational(w.num * 1_000_000n, w.den)) > 0)
      throw new TheoryError(fn, `shifts[${i}]`, `must be at most 10⁶ × scale for the gaussian family (the certified quadrature's range); got ${show(tl)}`);
    const w1e = certify(fn, digits, 0, () => ({ kind: 'exact', value: at }));
    let jsd: LogQuantity;
    if (family === 'uniform') {
      const frac = cmp(at, w) >= 0 ? ONE : div(at, w);
      jsd = certifyLog(fn, options, 1, (prec) => {
        if (frac.num === 0n) return { kind: 'exact', value: ZERO };
        const l = lnRatio(2n, 1n, prec);
        const m = B.scale({ mid: l.mid, rad: BigInt(l.rad) }, frac.num, frac.den);
        return { kind: 'ball', ball: m };
      });
    } else {
      jsd = mixtureIntegral(fn, 'jsd', [{ weight: '1', mu: '0', sigma: w }], [{ weight: '1', mu: t, sigma: w }], options);
    }
    return { t: `${t.num}${t.den === 1n ? '' : `/${t.den}`}`, jsd, w1: w1e };
  });
}
