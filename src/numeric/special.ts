/**
 * Special functions in binary64: erfc, the normal CDF and its inverse.
 *
 * ## Method
 * erfc follows W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp.
 * 23 (1969) 631–637 (the CALERF coefficients): a rational function in x² on |x| ≤ 0.46875, in x on
 * (0.46875, 4], and in 1/x² beyond, where exp(−x²) is formed as exp(−s²)·exp(−(x−s)(x+s)) with s = x
 * rounded down to 1/16 so that no precision is lost in x². Relative error is a few ulps.
 * The normal quantile starts from P. J. Acklam's rational approximation (relative error 1.15e-9) and
 * takes one Halley step on Φ(x) − u, which brings it to a few ulps.
 *
 * ## Special cases
 * erfc(−∞) = 2, erfc(+∞) = 0; Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞. NaN, a non-number, or u outside [0, 1]
 * for Φ⁻¹ is refused with a NumericError naming the function and the argument.
 */
import { NumericError, showValue } from './errors.js';

const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147,
  1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164,
  1230.33935480374942,
];
const P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978];
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const RSQRTPI = 0.5641895835477562869;

/** exp(−y²) without the loss of forming y² in one rounding. */
function expMinusSquare(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  return Math.exp(-s * s) * Math.exp(-(y - s) * (y + s));
}

/** exp(−x²/2), likewise. */
function expMinusHalfSquare(x: number): number {
  const s = Math.trunc(x * 16) / 16;
  return Math.exp(-0.5 * s * s) * Math.exp(-0.5 * (x - s) * (x + s));
}

/** erfc(y)·exp(y²) for y > 0.46875 (Cody's second and third intervals); 0 past underflow. */
function erfcScaledTail(y: number): number {
  if (y <= 4) {
    let num = (C[8] as number) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (C[i] as number)) * y;
      den = (den + (D[i] as number)) * y;
    }
    return (num + (C[7] as number)) / (den + (D[7] as number));
  }
  const z = 1 / (y * y);
  let num = (P[5] as number) * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + (P[i] as number)) * z;
    den = (den + (Q[i] as number)) * z;
  }
  return (RSQRTPI - (z * (num + (P[4] as number))) / (den + (Q[4] as number))) / y;
}

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
function erfSmall(x: number): number {
  const y = Math.abs(x);
  const z = y > 1.1e-16 ? y * y : 0;
  let num = (A[4] as number) * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + (A[i] as number)) * z;
    den = (den + (B[i] as number)) * z;
  }
  return (x * (num + (A[3] as number))) / (den + (B[3] as number));
}

/** A real argument: a number, not NaN (±∞ are limits the functions define). */
function checkArg(fn: string, arg: string, x: unknown): void {
  if (typeof x !== 'number' || Number.isNaN(x)) throw new NumericError(fn, arg, `must be a number (not NaN); got ${showValue(x)}`);
}

/** Complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^(−t²) dt. */
export function erfc(x: number): number {
  checkArg('erfc', 'x', x);
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const r = y < 27.3 ? erfcScaledTail(y) * expMinusSquare(y) : 0;
  return x < 0 ? 2 - r : r;
}

/**
 * Standard normal CDF Φ(x) = erfc(−x/√2)/2. In the tails exp(−x²/2) is split on x itself, not on
 * the rounded x/√2, so Φ(−10) keeps full relative accuracy.
 */
export function normalCdf(x: number): number {
  checkArg('normalCdf', 'x', x);
  const y = Math.abs(x) * Math.SQRT1_2;
  if (y <= 0.46875) return 0.5 - 0.5 * erfSmall(-x * Math.SQRT1_2);
  const tail = y < 27.3 ? 0.5 * erfcScaledTail(y) * expMinusHalfSquare(Math.abs(x)) : 0;
  return x < 0 ? tail : 1 - tail;
}

/** Standard normal survival function 1 − Φ(x) = Φ(−x), accurate for large x. */
export function normalSf(x: number): number {
  checkArg('normalSf', 'x', x);
  return normalCdf(-x);
}

/** log φ(x) for the N(μ, σ²) density. */
export function normalLogPdf(x: number, mu = 0, sigma = 1): number {
  checkArg('normalLogPdf', 'x', x);
  if (typeof mu !== 'number' || !Number.isFinite(mu)) throw new NumericError('normalLogPdf', 'mu', `must be a finite number; got ${showValue(mu)}`);
  if (typeof sigma !== 'number' || !(sigma > 0 && sigma < Infinity))
    throw new NumericError('normalLogPdf', 'sigma', `must be a finite number > 0; got ${showValue(sigma)}`);
  const z = (x - mu) / sigma;
  return -0.5 * z * z - Math.log(sigma) - 0.9189385332046727; // ½·ln(2π)
}

const AQ = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const BQ = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const CQ = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const DQ = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile Φ⁻¹(u). */
export function normalQuantile(u: number): number {
  if (typeof u !== 'number' || !(u >= 0 && u <= 1)) throw new NumericError('normalQuantile', 'u', `must be a probability in [0, 1]; got ${showValue(u)}`);
  if (u === 0) return -Infinity;
  if (u === 1) return Infinity;
  let x: number;
  const low = 0.02425;
  if (u < low || u > 1 - low) {
    const t = Math.sqrt(-2 * Math.log(u < low ? u : 1 - u));
    const c = CQ as [number, number, number, number, number, number];
    const d = DQ as [number, number, number, number];
    x = (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
    if (u > 1 - low) x = -x;
  } else {
    const s = u - 0.5;
    const r = s * s;
    const a = AQ as [number, number, number, number, number, number];
    const b = BQ as [number, number, number, number, number];
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  // One Halley step on Φ(x) − u; in the upper tail work with the survival function for accuracy.
  // Near the centre use Φ(x) − ½ = erf(x/√2)/2 against the exact u − ½, else the condition number
  // u/(φ(x)·|x|) of the centre would show up as tens of ulps.
  const e = Math.abs(x) * Math.SQRT1_2 <= 0.46875 ? 0.5 * erfSmall(x * Math.SQRT1_2) - (u - 0.5) : u > 0.5 ? -(normalSf(x) - (1 - u)) : normalCdf(x) - u;
  // e/φ(x); beyond x² > 1418 exp(x²/2) overflows (u below ~1e-308): take the product in log form there
  const ex = Math.exp((x * x) / 2);
  const g =
    e === 0 ? 0 : Number.isFinite(ex) ? e * Math.sqrt(2 * Math.PI) * ex : Math.sign(e) * Math.exp(Math.log(Math.abs(e)) + (x * x) / 2 + 0.9189385332046727);
  return x - g / (1 + (x * g) / 2);
}
