import * as B from '../_internals/ball.js';
import { certify, checkDigits, type Enclosure } from '../enclosure.js';
import { checkOptions, TheoryError } from '../errors.js';
import { add, div, mul, rational, sub, sum, ZERO, type Rational } from '../rational.js';
import { ball, sameMixture, toMixture, type Component, type ComponentLike, type ContinuousOptions } from './mixture.js';
import { PhiBall, phiBall } from './normal.js';

/**
 * Guard bits of the bisection's CDF values over the target precision; the unsigned cells' bound, kept in
 * units of 2^−(prec + GUARD), is moved back to 2^−prec by the same constant.
 */
const GUARD = 24;

interface CdfAt {
  F: B.Ball;
  G: B.Ball;
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
    const wC = prec + GUARD;
    const minWidthLog2 = -(Math.ceil(prec / 2) + 8);
    const negligible = 1n << 12n; // a cell whose |g| integral is below 2^−(prec+12)… in wC-ulps·width
    const cache = new Map<string, B.Ball[]>();
    const Fpair = (x: Rational) => {
      const k = `${x.num}/${x.den}`;
      let v = cache.get(k);
      if (v === undefined) {
        v = [cdfAt(P, x, wC, false).F, cdfAt(Q, x, wC, false).F];
        cache.set(k, v);
      }
      return v as [B.Ball, B.Ball];
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
    const cells = (cellBound >> BigInt(GUARD)) + 1n; // from 2^−wC to 2^−prec units, rounded up
    const extra = B.add(B.upper(tails) > 0n ? { mid: B.upper(tails) / 2n, rad: B.upper(tails) / 2n + 1n } : B.fromInt(0n, prec), {
      mid: cells / 2n,
      rad: cells / 2n + 1n,
    });
    return { kind: 'ball', ball: B.add(total, extra) };
  });
}
