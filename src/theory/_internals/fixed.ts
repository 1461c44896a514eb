/**
 * Certified logarithms of rationals on BigInt balls: the engine under every logarithmic quantity.
 *
 * A {@link Ball} (`ball.ts`) at precision `prec` stands for every real in
 * [(mid − rad)·2^−prec, (mid + rad)·2^−prec]; `rad` counts units in the last place (ulps) and every
 * step below adds a proven bound on its own rounding error to it. Nothing here rounds "to
 * nearest and hopes": BigInt shifts and divisions truncate, and each truncation is charged one ulp.
 *
 * ## Method for ln(a/b)
 * 1. Scale: a/b = 2^k·m with m ∈ [1, 2); M = ⌊m·2^prec⌋ (error < 1 ulp).
 * 2. Table: c = 1 + j/2^S with j = ⌊(m − 1)·2^S⌋, so 0 ≤ m − c < 2^−S; ln c is tabulated.
 * 3. Series: ln(m/c) = 2·atanh(t), t = (m − c)/(m + c) ∈ [0, 2^−(S+1)), summed until the
 *    terms vanish at this precision; |dt/dm| ≤ 1/2 so M's error moves t by at most 1/2 ulp.
 * 4. ln(a/b) = k·ln 2 + ln c + 2·atanh(t), with ln 2 held at 64 extra bits so that k·ln 2 costs
 *    at most 2 ulps for any |k| < 2^53.
 * Table entries and ln 2 come from atanh(u/v) = Σ (u/v)^(2i+1)/(2i+1) with small integers u/v ≤ 1/3
 * (ln 2 = 2·atanh(1/3), ln(1 + j/2^S) = 2·atanh(j/(2^(S+1) + j))), whose terms cost one small-integer
 * multiplication and division each.
 */
import type { Ball } from './ball.js';

/** Table resolution: c = 1 + j/2^S, j ∈ [0, 2^S). */
const S = 8;
const TABLE_SIZE = 1 << S;
/** Extra bits carried by the cached ln 2. */
const LN2_EXTRA = 64;

interface Constants {
  /** ln 2 at precision prec + LN2_EXTRA. */
  ln2x: bigint;
  ln2xRad: bigint;
  /** ln 2 at precision prec. */
  ln2: Ball;
  /** ln(1 + j/2^S) at precision prec, computed on first use. */
  table: (Ball | undefined)[];
}

const cache = new Map<number, Constants>();

/** Bit length of a positive BigInt (0 for 0). */
export function bitLength(x: bigint): number {
  if (x === 0n) return 0;
  if (x < 0n) x = -x;
  // toString(16) is linear; 4 bits per hex digit plus the leading digit's own length.
  const h = x.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0] as string, 16)));
}

/**
 * atanh(u/v)·2^prec for integers 0 < u/v ≤ 1/3, with its error bound in ulps.
 *
 * Each power P_i = ⌊P_{i−1}·u²/v²⌋ carries an error below 1/(1 − 1/9) < 1.2 ulps; each term
 * ⌊P_i/(2i+1)⌋ adds at most 2 more. The neglected tail, once P vanishes, is below 1.2/(1 − 1/9)
 * < 1.4 ulps. Hence |error| ≤ 2·terms + 3.
 */
function atanhSmall(u: bigint, v: bigint, prec: number): Ball {
  let p = (u << BigInt(prec)) / v;
  let acc = p;
  const u2 = u * u;
  const v2 = v * v;
  let terms = 1n;
  for (let d = 3n; p !== 0n; d += 2n) {
    p = (p * u2) / v2;
    acc += p / d;
    terms++;
  }
  return { mid: acc, rad: 2n * terms + 3n };
}

function constants(prec: number): Constants {
  let c = cache.get(prec);
  if (c === undefined) {
    const a = atanhSmall(1n, 3n, prec + LN2_EXTRA);
    const ln2x = 2n * a.mid;
    const ln2xRad = 2n * a.rad;
    c = {
      ln2x,
      ln2xRad,
      ln2: { mid: ln2x >> BigInt(LN2_EXTRA), rad: 2n },
      table: new Array<Ball | undefined>(TABLE_SIZE).fill(undefined),
    };
    c.table[0] = { mid: 0n, rad: 0n };
    if (cache.size > 64) cache.clear();
    cache.set(prec, c);
  }
  return c;
}

function tableEntry(c: Constants, j: number, prec: number): Ball {
  let e = c.table[j];
  if (e === undefined) {
    const a = atanhSmall(BigInt(j), BigInt(2 * TABLE_SIZE + j), prec);
    e = { mid: 2n * a.mid, rad: 2n * a.rad };
    c.table[j] = e;
  }
  return e;
}

/** ln 2 as a ball at precision prec (radius 2 ulps). */
export function ln2Ball(prec: number): Ball {
  return constants(prec).ln2;
}

/**
 * ln(a/b) for integers a, b > 0 as a certified ball at precision `prec` (≥ 16).
 * Exactly 0 with radius 0 when a = b.
 */
export function lnRatio(a: bigint, b: bigint, prec: number): Ball {
  if (a === b) return { mid: 0n, rad: 0n };
  let k = bitLength(a) - bitLength(b);
  // a/b ∈ (2^(k−1), 2^(k+1)); move it into [2^k, 2^(k+1)).
  if (k >= 0 ? a < b << BigInt(k) : a << BigInt(-k) < b) k -= 1;
  const shift = prec - k;
  const m = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  const P = BigInt(prec);
  const j = Number((m >> BigInt(prec - S)) - BigInt(TABLE_SIZE));
  const c = BigInt(TABLE_SIZE + j) << BigInt(prec - S);
  // t = (m − c)/(m + c) ≥ 0; error < 1/2 (from m) + 1 (division) ulps.
  const t = ((m - c) << P) / (m + c);
  let acc = t;
  let terms = 0n;
  if (t !== 0n) {
    const t2 = (t * t) >> P;
    let p = t;
    for (let d = 3n; ; d += 2n) {
      p = (p * t2) >> P;
      if (p === 0n) break;
      acc += p / d;
      terms++;
    }
  }
  const consts = constants(prec);
  const entry = tableEntry(consts, j, prec);
  // k·ln 2 from the extended constant: ⌈|k|·ln2xRad/2^64⌉ ulps, plus 1 for the shift.
  const kl = (BigInt(k) * consts.ln2x) >> BigInt(LN2_EXTRA);
  const klRad = ((BigInt(Math.abs(k)) * consts.ln2xRad) >> BigInt(LN2_EXTRA)) + 2n;
  // atanh sum: 1.5 (t) + 2 per kept term + 2 for the vanished tail; doubled for 2·atanh.
  const seriesRad = 2n * (4n + 2n * terms);
  return { mid: kl + entry.mid + 2n * acc, rad: klRad + entry.rad + seriesRad };
}
