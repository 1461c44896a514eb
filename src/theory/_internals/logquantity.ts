import { div, scale, type Ball } from './ball.js';
import { ln2Ball, lnRatio } from './fixed.js';
import { certify, checkDigits, type Enclosure, type Evaluation } from '../enclosure.js';
import { TheoryError, show } from '../errors.js';
import type { Rational } from '../rational.js';
import type { MassOptions } from '../distribution.js';

/** Options shared by every logarithmic quantity. */
export interface LogOptions extends MassOptions {
  /**
   * Significant decimal digits of `value`, `lower` and `upper`.
   * @defaultValue 50
   */
  digits?: number;
  /**
   * Base of the logarithm: `'e'` for nats, `2` (or `'2'`) for bits, `10` (or `'10'`) for hartleys.
   * @defaultValue 'e'
   */
  base?: 'e' | 2 | '2' | 10 | '10';
  /**
   * The certified quadrature only (mixtures and Gaussians): stop with a TheoryError naming
   * `maxSeconds` once this many seconds have passed. @defaultValue no limit
   */
  maxSeconds?: number;
  /** The certified quadrature only: called now and then with the nodes done and the nodes planned at the current precision. */
  onProgress?: (done: number, total: number, bits: number) => void;
}

/** The unit of a logarithmic quantity: nats (base e), bits (base 2) or hartleys (base 10). */
export type LogUnit = 'nats' | 'bits' | 'hartleys';

/** A certified logarithmic quantity with its unit. */
export interface LogQuantity extends Enclosure {
  /** The unit `value`, `lower` and `upper` are in (from the `base` option). */
  readonly unit: LogUnit;
}

export function checkBase(fn: string, base: unknown): LogUnit {
  if (base === undefined || base === 'e') return 'nats';
  if (base === 2 || base === '2') return 'bits';
  if (base === 10 || base === '10') return 'hartleys';
  throw new TheoryError(fn, 'base', `must be 'e' (nats), 2 (bits) or 10 (hartleys); got ${show(base)}`);
}

/** Running sum of w·ln(a/b) terms at one precision. */
export class LogSum {
  private mid = 0n;
  private rad = 0n;
  constructor(private readonly prec: number) {}

  /** Adds (wn/wd)·ln(a/b); a, b > 0, wd > 0. */
  addTerm(wn: bigint, wd: bigint, a: bigint, b: bigint): void {
    if (wn === 0n || a === b) return;
    const t = scale(lnRatio(a, b, this.prec), wn, wd);
    this.mid += t.mid;
    this.rad += t.rad;
  }

  /** Adds w·ln(a/b) for an exact weight w. */
  add(w: Rational, a: bigint, b: bigint): void {
    this.addTerm(w.num, w.den, a, b);
  }

  ball(): Ball {
    return { mid: this.mid, rad: this.rad };
  }
}

/**
 * Certifies a logarithmic quantity computed in nats by `evaluate`, converting to bits or hartleys when asked.
 * `terms` (the number of summed logarithms) sets the guard bits of the first attempt.
 */
export function certifyLog(fn: string, options: LogOptions, terms: number, evaluate: (prec: number) => Evaluation): LogQuantity {
  const digits = checkDigits(fn, options.digits);
  const unit = checkBase(fn, options.base);
  const guard = Math.log2(terms + 1) + 8;
  const enclosure = certify(fn, digits, guard, (prec) => {
    const r = evaluate(prec);
    if (unit === 'nats' || r.kind !== 'ball' || (r.ball.rad === 0n && r.ball.mid === 0n)) return r;
    const lnBase = unit === 'bits' ? ln2Ball(prec) : lnRatio(10n, 1n, prec);
    return { kind: 'ball', ball: div(r.ball, lnBase, prec) };
  });
  return { ...enclosure, unit };
}
