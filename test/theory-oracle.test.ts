import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { dstar, entropy, jsd, kl, klReverse, value, valueAtOptimum, w1, formatRational, type LogQuantity } from '../src/theory/index.js';
import { agreesTo, Dec, expectContains } from './helpers.js';

interface OracleCase {
  name: string;
  note: string;
  p: string[];
  q: string[];
  x: string[];
  d: string[];
  dstar: (string | null)[];
  w1: string;
  [quantity: string]: unknown;
}

const oracle = JSON.parse(readFileSync(new URL('../fixtures/reference/theory-discrete.json', import.meta.url), 'utf8')) as {
  oracle: string;
  digits: number;
  cases: OracleCase[];
};

const LOG_QUANTITIES: Record<string, (c: OracleCase, digits: number) => LogQuantity> = {
  value: (c, digits) => value(c.p, c.q, c.d, { digits }),
  'value-at-optimum': (c, digits) => valueAtOptimum(c.p, c.q, { digits }),
  kl: (c, digits) => kl(c.p, c.q, { digits }),
  'kl-reverse': (c, digits) => klReverse(c.p, c.q, { digits }),
  jsd: (c, digits) => jsd(c.p, c.q, { digits }),
  'jsd-bits': (c, digits) => jsd(c.p, c.q, { digits, base: 2 }),
  entropy: (c, digits) => entropy(c.p, { digits }),
};

/** The oracle's value correctly rounded to `digits` (it carries 115 digits, enough for 100). */
function roundOracle(v: string, digits: number): string {
  if (v === 'inf' || v === '-inf' || v === '0') return v;
  return new Dec(v).toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN).toString();
}

describe(`theory against the mpmath oracle (${oracle.oracle})`, () => {
  it('has the cases the generator promises', () => {
    expect(oracle.cases.length).toBeGreaterThanOrEqual(26);
    expect(oracle.digits).toBeGreaterThanOrEqual(110);
  });

  for (const c of oracle.cases) {
    describe(`${c.name}: ${c.note}`, () => {
      for (const digits of [50, 100]) {
        it(`log quantities at ${digits} digits: enclosure holds the oracle, value correctly rounded`, () => {
          for (const [name, f] of Object.entries(LOG_QUANTITIES)) {
            const expected = c[name] as string;
            const got = f(c, digits);
            expectContains(got, expected);
            const rounded = roundOracle(expected, digits);
            if (rounded === 'inf' || rounded === '-inf') expect(got.value, name).toBe(rounded);
            else expect(new Dec(got.value).eq(rounded), `${name}: ${got.value} vs ${expected}`).toBe(true);
            if (expected !== 'inf' && expected !== '-inf' && expected !== '0') {
              // Each bound within one unit of the last digit: at least digits−1 agreeing digits.
              for (const bound of [got.lower, got.upper]) {
                expect(agreesTo(bound, expected, digits - 1), `${name}: ${bound} vs ${expected}`).toBe(true);
              }
            }
          }
        });
      }

      it('D* and W1 (with its dual) are exact', () => {
        const ds = dstar(c.p, c.q);
        expect(ds.map((e) => (e === null ? null : e.exact))).toEqual(c.dstar);
        const w = w1(c.p, c.q, c.x);
        expect(formatRational(w.exact.distance)).toBe(c.w1);
        expect(formatRational(w.exact.dual)).toBe(c.w1);
      });
    });
  }
});

describe('theory at 1000 digits against the mpmath oracle', () => {
  const high = (
    JSON.parse(readFileSync(new URL('../fixtures/reference/theory-discrete.json', import.meta.url), 'utf8')) as {
      high_precision: { quantity: string; p: string[]; q: string[] | null; digits: number; value: string }[];
    }
  ).high_precision;
  it.each(high)('$quantity at $digits digits', ({ quantity, p, q, digits, value: expected }) => {
    const got = quantity === 'jsd' ? jsd(p, q ?? [], { digits }) : quantity === 'kl' ? kl(p, q ?? [], { digits }) : entropy(p, { digits });
    expectContains(got, expected);
    expect(new Dec(got.value).eq(new Dec(expected).toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN))).toBe(true);
    expect(agreesTo(got.lower, expected, digits - 1)).toBe(true);
    expect(agreesTo(got.upper, expected, digits - 1)).toBe(true);
  });
});
