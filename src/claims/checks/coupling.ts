/** The monotone (north-west corner) coupling on the line, exactly in rationals: an independent primal for W1. */
import { abs, add, cmp, mul, sub, ZERO, type Rational } from '../../theory/rational.js';

/** Cost of the monotone coupling of P and Q on sorted points X (optimal on the line). */
export function northWest(P: Rational[], Q: Rational[], X: Rational[]): Rational {
  const a = [...P];
  const b = [...Q];
  let i = 0;
  let j = 0;
  let cost = ZERO;
  while (i < a.length && j < b.length) {
    if ((a[i] as Rational).num === 0n) {
      i++;
      continue;
    }
    if ((b[j] as Rational).num === 0n) {
      j++;
      continue;
    }
    const m = cmp(a[i] as Rational, b[j] as Rational) <= 0 ? (a[i] as Rational) : (b[j] as Rational);
    cost = add(cost, mul(m, abs(sub(X[i] as Rational, X[j] as Rational))));
    a[i] = sub(a[i] as Rational, m);
    b[j] = sub(b[j] as Rational, m);
  }
  return cost;
}
