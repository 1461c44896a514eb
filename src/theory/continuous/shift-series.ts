import * as B from '../_internals/ball.js';
import { lnRatio } from '../_internals/fixed.js';
import { certifyLog, type LogOptions, type LogQuantity } from '../_internals/logquantity.js';
import { certify, checkDigits, type Enclosure } from '../enclosure.js';
import { checkOptions, TheoryError, show } from '../errors.js';
import { cmp, div, rational, toRational, ONE, ZERO, type RationalLike } from '../rational.js';
import { mixtureIntegral } from './mixture-divergences.js';

/** One row of {@link shiftSeries}. */
export interface ShiftRow {
  /** The shift t, exactly, as `a` or `a/b`. */
  readonly t: string;
  /** JSD(P, P shifted by t), certified. */
  readonly jsd: LogQuantity;
  /** W1(P, P shifted by t) = |t|, exact. */
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
        const m = B.scale(l, frac.num, frac.den);
        return { kind: 'ball', ball: m };
      });
    } else {
      jsd = mixtureIntegral(fn, 'jsd', [{ weight: '1', mu: '0', sigma: w }], [{ weight: '1', mu: t, sigma: w }], options);
    }
    return { t: `${t.num}${t.den === 1n ? '' : `/${t.den}`}`, jsd, w1: w1e };
  });
}
