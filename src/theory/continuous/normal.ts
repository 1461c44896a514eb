/** The standard normal density φ and distribution function Φ at an exact rational, as certified balls. */
import * as B from '../_internals/ball.js';
import * as E from '../_internals/elementary.js';
import { mul, rational, type Rational } from '../rational.js';
import { ball } from './mixture.js';

/** φ(c) = e^{−c²/2}/√(2π) for an exact rational c. */
export function phiBall(c: Rational, prec: number): B.Ball {
  const e = E.exp(B.neg(ball(mul(mul(c, c), rational(1n, 2n)), prec)), prec);
  return B.div(e, E.sqrt(B.scale(E.pi(prec), 2n, 1n), prec), prec);
}

/** Φ(c) = (1 + erf(c/√2))/2. */
export function PhiBall(c: Rational, prec: number): B.Ball {
  const arg = B.mul(ball(c, prec), E.sqrtExact(1n, 2n, prec), prec);
  const e = E.erf(arg, prec);
  return B.scale(B.add(e, B.fromInt(1n, prec)), 1n, 2n);
}
