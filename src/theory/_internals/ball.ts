/**
 * The one ball arithmetic of the theory layer: certified fixed-point numbers on BigInt.
 *
 * A {@link Ball} at precision `prec` stands for every real in
 * [(mid − rad)·2^−prec, (mid + rad)·2^−prec]; `rad` counts units in the last place (ulps) and every
 * operation below adds a proven bound on its own rounding error to it. BigInt shifts and divisions
 * truncate, and each truncation is charged one ulp. Magnitudes have no exponent range, so tiny masses
 * such as 1e-300 never underflow; the caller (see `enclosure.ts`) raises `prec` until the ball is
 * narrow enough relative to its value (Ziv's strategy). The radius is a BigInt too: the erf series'
 * e^{x²} magnitudes need radii far beyond 2^53 ulps.
 *
 * The logarithms (`fixed.ts`) and the elementary functions (`elementary.ts`) are built on these
 * operations; nothing else in the layer does arithmetic on balls by hand.
 */

/** A certified ball mid ± rad in units of 2^−prec; `rad` ≥ 0. */
export interface Ball {
  mid: bigint;
  rad: bigint;
}

/** |x| for a BigInt. */
export const abs = (x: bigint) => (x < 0n ? -x : x);

/** The integer n as an exact ball. */
export function fromInt(n: bigint, prec: number): Ball {
  return { mid: n << BigInt(prec), rad: 0n };
}

/** The exact rational a/b (b > 0) as a ball: exact when 2^prec·a/b is an integer, else one ulp. */
export function fromRatio(a: bigint, b: bigint, prec: number): Ball {
  const n = a << BigInt(prec);
  const mid = n / b;
  return { mid, rad: n % b === 0n ? 0n : 1n };
}

/** x + y (exact: no rounding). */
export function add(x: Ball, y: Ball): Ball {
  return { mid: x.mid + y.mid, rad: x.rad + y.rad };
}

/** x − y (exact: no rounding). */
export function sub(x: Ball, y: Ball): Ball {
  return { mid: x.mid - y.mid, rad: x.rad + y.rad };
}

/** −x. */
export function neg(x: Ball): Ball {
  return { mid: -x.mid, rad: x.rad };
}

/** x·y, both at precision prec: |xy − m_x m_y| ≤ |m_x|r_y + |m_y|r_x + r_x r_y, plus 2 ulps of truncation. */
export function mul(x: Ball, y: Ball, prec: number): Ball {
  const P = BigInt(prec);
  const mid = (x.mid * y.mid) >> P;
  const err = (abs(x.mid) * y.rad + abs(y.mid) * x.rad + x.rad * y.rad) >> P;
  return { mid, rad: err + 2n };
}

/**
 * x·(a/b) for an exact rational a/b with b > 0: the radius scales by |a|/b (rounded up) plus one ulp
 * for the truncated quotient, which is charged only when the quotient is inexact.
 */
export function scale(x: Ball, a: bigint, b: bigint): Ball {
  if (a === 0n) return { mid: 0n, rad: 0n };
  const prod = x.mid * a;
  const mid = prod / b;
  const truncation = prod % b === 0n ? 0n : 1n;
  if (x.rad === 0n) return { mid, rad: truncation };
  const aa = abs(a);
  if (aa <= b) return { mid, rad: x.rad + 1n };
  return { mid, rad: (x.rad * aa + b - 1n) / b + 1n };
}

/** x/y, both at precision prec; the ball y must exclude 0 (a RangeError otherwise). */
export function div(x: Ball, y: Ball, prec: number): Ball {
  const P = BigInt(prec);
  const ylo = abs(y.mid) - y.rad;
  if (ylo <= 0n) throw new RangeError('div: divisor ball contains zero');
  const mid = (x.mid << P) / y.mid;
  // |x/y − m_x/m_y| ≤ (r_x + |m_x/m_y|·r_y)/(|m_y| − r_y), in ulps, plus the truncations
  const num = ((x.rad + 1n) << P) + (abs(mid) + 1n) * y.rad;
  return { mid, rad: num / ylo + 2n };
}

/** The lower end as a numerator over 2^prec. */
export function lower(x: Ball): bigint {
  return x.mid - x.rad;
}

/** The upper end as a numerator over 2^prec. */
export function upper(x: Ball): bigint {
  return x.mid + x.rad;
}

/** Moves a ball from precision `from` to precision `to` (≤ from): one ulp of truncation, one of the radius' own. */
export function reduce(x: Ball, from: number, to: number): Ball {
  const d = BigInt(from - to);
  if (d === 0n) return x;
  return { mid: x.mid >> d, rad: (x.rad >> d) + 2n };
}
