/**
 * The cases a library check tries: each variable ranges over a named domain (exact rationals drawn
 * by fast-check from the claim's seeded stream, with the domain's hard cases first) or over a list
 * of values the author gives. The evidence says how many cases were tried and from which seed.
 */
import fc from 'fast-check';
import { rational, type Rational } from '../../theory/rational.js';
import { show } from '../../theory/errors.js';
import { ClaimError } from '../define.js';

/**
 * Where a variable ranges: `probability` (0, 1), `unit` [0, 1], `positive` (0, 10], `real`
 * [−10, 10], `nonzero` [−10, 10] without 0, or the given values (numbers or decimal strings).
 */
export type Domain = 'probability' | 'unit' | 'positive' | 'real' | 'nonzero' | readonly (number | string)[];

/** One case: each variable's exact value (where drawn from a domain) and its float64. */
export interface Case {
  /** Each variable's exact value, for variables drawn from a named domain. */
  exact: Record<string, Rational>;
  /** Each variable's float64 value. */
  value: Record<string, number>;
}

const DEN = 1 << 12;
/** Rationals k/DEN in [lo·DEN, hi·DEN], and the domain's hard cases (its ends, near-ends, 1/2). */
const ranges: Record<string, { lo: number; hi: number; hard: number[] }> = {
  probability: { lo: 1, hi: DEN - 1, hard: [1, DEN - 1, DEN / 2] },
  unit: { lo: 0, hi: DEN, hard: [0, DEN, DEN / 2] },
  positive: { lo: 1, hi: 10 * DEN, hard: [1, DEN, 10 * DEN] },
  real: { lo: -10 * DEN, hi: 10 * DEN, hard: [0, DEN, -DEN] },
  nonzero: { lo: -10 * DEN, hi: 10 * DEN, hard: [DEN, -DEN, 1] },
};

/** Checks a map of domains; throws a ClaimError naming the variable. */
export function checkDomains(fn: string, vars: unknown): Record<string, Domain> {
  if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) throw new ClaimError(fn, 'vars', `must map variables to domains; got ${show(vars)}`);
  for (const [k, d] of Object.entries(vars)) {
    const ok =
      typeof d === 'string'
        ? d in ranges
        : Array.isArray(d) && d.length > 0 && d.every((x) => (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string');
    if (!ok) throw new ClaimError(fn, `vars.${k}`, `must be ${Object.keys(ranges).join(', ')} or a non-empty list of values; got ${show(d)}`);
  }
  return vars as Record<string, Domain>;
}

/** `count` cases (at most), hard cases first, drawn from `seed`; the same seed gives the same cases. */
export function drawCases(vars: Readonly<Record<string, Domain>>, count: number, seed: number): Case[] {
  const names = Object.keys(vars);
  const arbs: Record<string, fc.Arbitrary<number | string>> = {};
  for (const n of names) {
    const d = vars[n] as Domain;
    arbs[n] = typeof d === 'string' ? fc.integer({ min: (ranges[d] as { lo: number }).lo, max: (ranges[d] as { hi: number }).hi }) : fc.constantFrom(...d);
  }
  const toCase = (raw: Record<string, number | string>): Case => {
    const c: Case = { exact: {}, value: {} };
    for (const n of names) {
      const d = vars[n] as Domain;
      const r = raw[n] as number | string;
      if (typeof d === 'string') {
        c.exact[n] = rational(BigInt(r as number), BigInt(DEN));
        c.value[n] = (r as number) / DEN;
      } else c.value[n] = Number(r);
    }
    return c;
  };
  const out: Case[] = [];
  const seen = new Set<string>();
  const keep = (raw: Record<string, number | string>) => {
    const k = JSON.stringify(raw);
    if (seen.has(k) || out.length >= count) return;
    seen.add(k);
    out.push(toCase(raw));
  };
  // the hard cases: each variable at each of its hard values, the others at their first
  const firsts = Object.fromEntries(
    names.map((n) => [n, typeof vars[n] === 'string' ? (ranges[vars[n] as string]?.hard[0] as number) : (vars[n] as (number | string)[])[0]]),
  );
  for (const n of names) {
    const d = vars[n] as Domain;
    for (const h of typeof d === 'string' ? (ranges[d]?.hard ?? []) : d) keep({ ...firsts, [n]: h } as Record<string, number | string>);
  }
  if (names.length > 0) for (const raw of fc.sample(fc.record(arbs), { seed, numRuns: 2 * count })) keep(raw as Record<string, number | string>);
  else out.push({ exact: {}, value: {} });
  return out;
}

/** A case in words: `p = 1/4, q = 3/4`. */
export function showCase(c: Case): string {
  return Object.keys(c.value)
    .map((n) => {
      const e = c.exact[n];
      return `${n} = ${e ? (e.den === 1n ? String(e.num) : `${e.num}/${e.den}`) : String(c.value[n])}`;
    })
    .join(', ');
}
