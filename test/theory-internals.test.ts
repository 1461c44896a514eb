import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { div as divBall, mul as mulBall } from '../src/theory/_internals/ball.js';
import { lnRatio, ln2Ball } from '../src/theory/_internals/fixed.js';
import { roundRational, formatRounded } from '../src/theory/_internals/round.js';
import { certify } from '../src/theory/enclosure.js';
import { TheoryError, toRational, weightedJsd, jsd, entropy, kl } from '../src/theory/index.js';
import { Dec } from './helpers.js';

const D60 = Decimal.clone({ precision: 60 });

describe('toRational', () => {
  it.each([
    ['0.25', 1n, 4n],
    ['.5', 1n, 2n],
    ['-3', -3n, 1n],
    ['1e-3', 1n, 1000n],
    ['2.5E+2', 250n, 1n],
    ['1/3', 1n, 3n],
    ['0.5/3', 1n, 6n],
    [' 6/4 ', 3n, 2n],
  ])('%s', (s, num, den) => {
    expect(toRational(s, 'f', 'a')).toEqual({ num, den });
  });
  it('reads 1e-300 exactly, and refuses exponents beyond ±100000', () => {
    expect(toRational('1e-300', 'f', 'a').den).toBe(10n ** 300n);
    expect(() => toRational('1e-100001', 'f', 'a')).toThrow(/f: a has a decimal exponent beyond ±100000; got "1e-100001"/);
  });
  it('refuses floats that are not integers, and non-numbers', () => {
    expect(toRational(7, 'f', 'a')).toEqual({ num: 7n, den: 1n });
    expect(() => toRational(0.1, 'f', 'a')).toThrow(/must be an integer when given as a JS number/);
    expect(() => toRational(Number.NaN, 'f', 'a')).toThrow(/finite exact number; got NaN/);
    expect(() => toRational({} as never, 'f', 'a')).toThrow(TheoryError);
  });
  it('throws TheoryError carrying the function and the argument', () => {
    try {
      jsd(['1', '-0'], ['x', '1']);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(TheoryError);
      expect((e as TheoryError).fn).toBe('jsd');
      expect((e as TheoryError).arg).toBe('q[0]');
      expect((e as TheoryError).message).toBe('jsd: q[0] must be an exact decimal (e.g. 0.25, 1e-300) or a fraction (e.g. 1/3); got "x"');
    }
  });
});

describe('roundRational (directed rounding of exact rationals)', () => {
  const frac = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 30n }));
  test.prop([frac, fc.integer({ min: 1, max: 30 })])('agrees with decimal.js rounding of the exact quotient', ([n, d], digits) => {
    // decimal.js at 200 digits represents n/d to far more digits than we round to; the directed
    // modes can only disagree when n/d is exactly representable, which both handle exactly.
    const exact = new (Decimal.clone({ precision: 200 }))(n.toString()).div(d.toString());
    for (const [mode, rm] of [
      ['floor', Decimal.ROUND_FLOOR],
      ['ceil', Decimal.ROUND_CEIL],
      ['half-even', Decimal.ROUND_HALF_EVEN],
    ] as const) {
      const ours = formatRounded(roundRational(n, d, digits, mode));
      expect(ours).toBe(exact.toSignificantDigits(digits, rm).toString());
    }
  });
  it('carries into a new decade (9.99 → 10.0)', () => {
    expect(formatRounded(roundRational(999n, 100n, 2, 'ceil'))).toBe('10');
    expect(formatRounded(roundRational(-999n, 100n, 2, 'floor'))).toBe('-10');
    expect(formatRounded(roundRational(25n, 10n, 1, 'half-even'))).toBe('2');
    expect(formatRounded(roundRational(35n, 10n, 1, 'half-even'))).toBe('4');
  });
});

describe('certified ball arithmetic', () => {
  test.prop([fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.integer({ min: 40, max: 400 })])(
    'lnRatio(a, b) encloses ln(a/b) (decimal.js at 60 digits as reference)',
    (a, b, prec) => {
      const ball = lnRatio(a, b, prec);
      const scale = new Dec(2).pow(prec);
      const ref = new D60(a.toString()).div(b.toString()).ln();
      // decimal.js's ln is good to ~1e-59 relative; widen by that before checking containment.
      const slack = ref.abs().times('1e-58').plus('1e-60');
      const lo = new Dec((ball.mid - BigInt(ball.rad)).toString()).div(scale);
      const hi = new Dec((ball.mid + BigInt(ball.rad)).toString()).div(scale);
      expect(lo.lte(ref.plus(slack)) && hi.gte(ref.minus(slack))).toBe(true);
      // and it is tight: radius a few hundred ulps at most
      expect(ball.rad).toBeLessThan(BigInt(4 * prec));
    },
  );
  it('ln(1) is exactly zero; mul and div keep ln2·(1/ln2) = 1 enclosed', () => {
    expect(lnRatio(5n, 5n, 64)).toEqual({ mid: 0n, rad: 0n });
    const prec = 128;
    const l2 = ln2Ball(prec);
    const one = divBall(l2, l2, prec);
    const unit = 1n << BigInt(prec);
    expect(one.mid - BigInt(one.rad) <= unit && unit <= one.mid + BigInt(one.rad)).toBe(true);
    const sq = mulBall(l2, l2, prec);
    const ref = new Dec(Decimal.clone({ precision: 100 }).ln(2)).pow(2).times(new Dec(2).pow(prec));
    expect(new Dec((sq.mid - BigInt(sq.rad)).toString()).lte(ref) && new Dec((sq.mid + BigInt(sq.rad)).toString()).gte(ref)).toBe(true);
    expect(() => divBall(l2, { mid: 1n, rad: 3n }, prec)).toThrow(RangeError);
  });
  it('Ziv loop: a value that never separates from zero ends in a clear error, not a hang', () => {
    expect(() => certify('probe', 10, 0, () => ({ kind: 'ball', ball: { mid: 0n, rad: 1n } }))).toThrow(
      /probe: digits could not be certified within \d+ bits of working precision; got 10/,
    );
  });
});

describe('weighted JSD and other library-only entries', () => {
  it('k = 3 equal distributions: 0 exactly; disjoint with uniform weights: H(w) = ln 3', () => {
    const d = ['1/4', '3/4'];
    expect(weightedJsd([d, d, d], ['1/3', '1/3', '1/3']).value).toBe('0');
    const w = weightedJsd(
      [
        ['1', '0', '0'],
        ['0', '1', '0'],
        ['0', '0', '1'],
      ],
      ['1/3', '1/3', '1/3'],
      { digits: 40 },
    );
    expect(w.value).toBe(entropy(['1/3', '1/3', '1/3'], { digits: 40 }).value);
    expect(w.value).toBe(new Dec(Decimal.clone({ precision: 100 }).ln(3)).toSignificantDigits(40).toString());
  });
  it('validates its arguments', () => {
    expect(() => weightedJsd([], [])).toThrow(/weightedJsd: distributions must be a nonempty array/);
    expect(() => weightedJsd([['1']], ['1/2', '1/2'])).toThrow(/weights must have one weight per distribution \(1\); got 2/);
    expect(() => weightedJsd([['1'], ['1/2', '1/2']], ['1/2', '1/2'])).toThrow(
      /distributions\[1\] must have as many masses as distributions\[0\] \(1\); got 2/,
    );
  });
  it('KL is asymmetric (an explicit witness)', () => {
    const p = ['1/2', '1/2'];
    const q = ['9/10', '1/10'];
    expect(kl(p, q, { digits: 20 }).value).not.toBe(kl(q, p, { digits: 20 }).value);
  });
  it('digits are validated in the library too', () => {
    expect(() => jsd(['1'], ['1'], { digits: 2.5 })).toThrow('jsd: digits must be an integer from 1 to 5000; got 2.5');
    expect(() => jsd(['1'], ['1'], { base: 3 as never })).toThrow("jsd: base must be 'e' (nats), 2 (bits) or 10 (hartleys); got 3");
  });
  it('base 10 (hartleys): the value in nats divided by ln 10, and Σ p·log10(p/q) in float64 within its rounding', () => {
    const p = ['1/2', '1/3', '1/6'];
    const q = ['1/7', '2/7', '4/7'];
    const h = kl(p, q, { base: 10, digits: 30 });
    expect(h.unit).toBe('hartleys');
    const pf = [1 / 2, 1 / 3, 1 / 6];
    const qf = [1 / 7, 2 / 7, 4 / 7];
    const float = pf.reduce((s, pi, i) => s + pi * Math.log10(pi / (qf[i] as number)), 0);
    expect(Math.abs(Number(h.value) - float)).toBeLessThan(1e-15);
    // the same certified quantity in nats, divided by ln 10 to 30 digits (mathematics: log10 x = ln x / ln 10)
    const LN10 = Math.LN10;
    expect(Math.abs(Number(h.value) - Number(kl(p, q, { digits: 30 }).value) / LN10)).toBeLessThan(1e-16);
  });
});
