import { Decimal } from 'decimal.js';
import { bitLength as bitLen } from './fixed.js';

/** Rounding of an exact rational to a number of significant decimal digits. */
export type RoundingMode = 'floor' | 'ceil' | 'half-even';

/** sig·10^exp with |sig| < 10^digits; sig = 0 for zero. */
export interface Rounded {
  sig: bigint;
  exp: number;
}

const LOG10_2 = Math.log10(2);

function pow10(e: number): bigint {
  return 10n ** BigInt(e);
}

/**
 * Rounds num/den (den > 0) to `digits` significant decimal digits in the given direction. Exact:
 * only BigInt arithmetic, so directed rounding is directed (decimal.js's own exp/ln are not
 * guaranteed to be, which is why enclosures are rounded here from an exact rational).
 */
export function roundRational(num: bigint, den: bigint, digits: number, mode: RoundingMode): Rounded {
  if (num === 0n) return { sig: 0n, exp: 0 };
  const neg = num < 0n;
  const a = neg ? -num : num;
  // Magnitude: 10^e ≤ a/den < 10^(e+1); estimate from bit lengths, then correct exactly.
  let e = Math.floor((bitLen(a) - bitLen(den)) * LOG10_2) - 1;
  let q: bigint;
  let r: bigint;
  let divisor: bigint;
  for (;;) {
    const s = digits - 1 - e;
    const n = s >= 0 ? a * pow10(s) : a;
    divisor = s >= 0 ? den : den * pow10(-s);
    q = n / divisor;
    r = n % divisor;
    if (q >= pow10(digits)) e += 1;
    else if (q < pow10(digits - 1)) e -= 1;
    else break;
  }
  // Round the magnitude: away from zero when (mode, sign) asks for it.
  let up = false;
  if (r !== 0n) {
    if (mode === 'half-even') {
      const twice = 2n * r;
      up = twice > divisor || (twice === divisor && q % 2n === 1n);
    } else {
      up = (mode === 'ceil') !== neg;
    }
  }
  if (up) {
    q += 1n;
    if (q === pow10(digits)) {
      q = pow10(digits - 1);
      e += 1;
    }
  }
  return { sig: neg ? -q : q, exp: e - (digits - 1) };
}

/** A rounded value as a decimal string in decimal.js's notation ("0.25", "1.5e-300"). */
export function formatRounded(x: Rounded): string {
  return new Decimal(`${x.sig}e${x.exp}`).toString();
}

/** Rounds and formats in one step. */
export function roundToString(num: bigint, den: bigint, digits: number, mode: RoundingMode): string {
  return formatRounded(roundRational(num, den, digits, mode));
}
