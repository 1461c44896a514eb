/**
 * A fact about a divergence over every pair of distributions: drawn from the testing kit's
 * `distributionPair` arbitrary (integer counts, so every mass is exact; one draw in eight a hard
 * pair: near-equal, 1e-300 masses, disjoint supports, mode dropping, a single point) after every
 * hard pair, each value certified by the theory layer. The facts: `symmetric` (D(p, q) = D(q, p)),
 * `nonnegative`, `zero-iff-equal` (D(p, q) = 0 exactly when p = q), or a bound `{ atMost: LaTeX }`.
 * The natural mutant asks the same of the other measure (KL for JSD, JSD for KL) for symmetry and
 * bounds, and "never positive" for the facts both measures share.
 */
import fc from 'fast-check';
import { distributionPair, hardExamples } from '../../testing/arbitraries.js';
import { show } from '../../theory/errors.js';
import { jsd } from '../../theory/jsd.js';
import { kl } from '../../theory/kl.js';
import { exactFloat } from '../../theory/rational.js';
import { type CheckContext, ClaimError, type Outcome } from '../define.js';
import type { LibraryCheck } from './claim.js';
import { constantValue } from './latex.js';

/** A divergence and the fact claimed of it over every pair. */
export interface PairFactSubject {
  /** KL(p‖q) or JSD(p, q). */
  measure: 'kl' | 'jsd';
  /** The fact: symmetric, nonnegative, zero exactly when p = q, or at most a bound. */
  fact:
    | 'symmetric'
    | 'nonnegative'
    | 'zero-iff-equal'
    | {
        /** The bound (a number or LaTeX such as `\ln 2`). */
        atMost: string | number;
      };
  /** Logarithm base. @defaultValue 'e' */
  base?: 'e' | 2 | 10;
  /** Pairs to try after the hard ones. @defaultValue 200 (40 with --quick) */
  pairs?: number;
}

const describeFact = (f: PairFactSubject['fact']) => (typeof f === 'string' ? f : `at most ${f.atMost}`);

/**
 * A fact about KL or JSD over every pair tried.
 *
 * ```ts
 * claim({ id: 'jsd-bounded', quote: 'JSD is always finite', statement: 'JSD(p, q) ≤ ln 2 for all p, q',
 *   ...pairFact({ measure: 'jsd', fact: { atMost: '\\ln 2' } }) });
 * ```
 */
export function pairFact(o: PairFactSubject): LibraryCheck<PairFactSubject> {
  const fn = 'pairFact';
  if (o === null || typeof o !== 'object' || (o.measure !== 'kl' && o.measure !== 'jsd'))
    throw new ClaimError(fn, 'measure', `must be kl or jsd; got ${show(o?.measure)}`);
  const f = o.fact;
  if (!(f === 'symmetric' || f === 'nonnegative' || f === 'zero-iff-equal' || (typeof f === 'object' && f !== null && 'atMost' in f)))
    throw new ClaimError(fn, 'fact', `must be symmetric, nonnegative, zero-iff-equal or { atMost }; got ${show(f)}`);
  return {
    method: 'exact',
    subject: o,
    check: (s, ctx: CheckContext): Outcome => {
      const n = s.pairs ?? ctx.size(40, 200);
      const seed = Math.floor(ctx.rng.uniform() * 2 ** 31);
      const pairs = [...hardExamples().map(([h]) => h), ...fc.sample(distributionPair({ maxLength: 6 }), { seed, numRuns: n })];
      const opts = { base: s.base ?? 'e', digits: 30, normalize: true } as const;
      const D = (p: number[], q: number[]) => {
        const r = (s.measure === 'kl' ? kl : jsd)(p.map(exactFloat), q.map(exactFloat), opts);
        return r.value === 'inf' ? { lo: Infinity, hi: Infinity, v: 'inf' } : { lo: Number(r.lower), hi: Number(r.upper), v: r.value };
      };
      const bound = typeof s.fact === 'object' ? constantValue(s.fact.atMost, fn) : 0;
      const name = s.measure === 'kl' ? 'KL' : 'JSD';
      for (const { p, q } of pairs) {
        const a = D(p, q);
        let bad: string | null = null;
        if (s.fact === 'symmetric') {
          const b = D(q, p);
          if (a.v !== b.v) bad = `${name}(p‖q) = ${a.v} but ${name}(q‖p) = ${b.v}`;
        } else if (s.fact === 'nonnegative') {
          if (a.hi < 0) bad = `${name} = ${a.v} < 0`;
        } else if (s.fact === 'zero-iff-equal') {
          const equal =
            p.length === q.length &&
            p.every((x, i) => exactFloat(x / p.reduce((u, v) => u + v, 0)) === exactFloat((q[i] as number) / q.reduce((u, v) => u + v, 0)));
          if ((a.v === '0') !== equal) bad = `${name} = ${a.v} with p ${equal ? '=' : '≠'} q`;
        } else if (a.lo > bound * (1 + 1e-15)) bad = `${name} = ${a.v} > ${bound}`;
        if (bad !== null)
          return {
            verdict: 'refuted',
            evidence: `${bad} at p = [${p.join(', ')}], q = [${q.join(', ')}]`,
            counterexample: `p = [${p.join(', ')}], q = [${q.join(', ')}]`,
            numbers: { pairs: pairs.length, seed },
          };
      }
      return {
        verdict: 'holds',
        evidence:
          `${name} is ${describeFact(s.fact)} on all ${pairs.length} pairs ` +
          `(the testing kit's ${hardExamples().length} hard pairs, then distributionPair drawn with seed ${seed}; certified values)`,
        numbers: { pairs: pairs.length, seed },
      };
    },
    // symmetric or bounded: asked of the other measure; nonnegative or zero only at p = q: "it is never positive", false at any p ≠ q
    mutant:
      f === 'symmetric' || typeof f === 'object'
        ? { description: `the same asked of ${o.measure === 'jsd' ? 'KL' : 'the JSD'}`, subject: { ...o, measure: o.measure === 'jsd' ? 'kl' : 'jsd' } }
        : { description: `${o.measure === 'kl' ? 'KL' : 'the JSD'} is never positive (at most 0)`, subject: { ...o, fact: { atMost: 0 } } },
  };
}
