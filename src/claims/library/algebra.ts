/**
 * Checks of a formula line: an identity (lhs = rhs), an inequality, a derivative, a maximiser or
 * minimiser. Each tries the claim over its variables' domains (cases.ts): exactly, in rational
 * arithmetic, where both sides are LaTeX on rational operations; in float64 with the stated relative
 * tolerance otherwise. Each has a natural mutant: a sign slip, the mirrored relation, the negated
 * derivative, the other kind of optimum.
 */
import { show } from '../../theory/errors.js';
import { eq } from '../../theory/rational.js';
import { type CheckContext, ClaimError, type Outcome } from '../define.js';
import { type Case, checkDomains, type Domain, drawCases, showCase } from './cases.js';
import type { LibraryCheck } from './claim.js';
import { compile, type Expr, negated } from './expr.js';
import type { FormulaOptions } from './latex.js';

/** What every formula check takes besides its quantities. */
export interface FormulaCheckOptions extends FormulaOptions {
  /** Each variable's domain. */
  vars: Readonly<Record<string, Domain>>;
  /** Cases to try (hard cases first). @defaultValue 200 (50 with --quick) */
  cases?: number;
  /** Relative tolerance of a float64 comparison. @defaultValue 1e-9 */
  tolerance?: number;
}

const seedOf = (ctx: CheckContext) => Math.floor(ctx.rng.uniform() * 2 ** 31);
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function setup(fn: string, o: FormulaCheckOptions, ctx: CheckContext): { cases: Case[]; seed: number; tol: number } {
  if (o === null || typeof o !== 'object') throw new ClaimError(fn, 'options', `must be an object; got ${show(o)}`);
  const vars = checkDomains(fn, o.vars);
  const n = o.cases ?? ctx.size(50, 200);
  if (!Number.isInteger(n) || n < 1 || n > 1e5) throw new ClaimError(fn, 'cases', `must be an integer from 1 to 100000; got ${show(n)}`);
  const tol = o.tolerance ?? 1e-9;
  if (!(tol > 0 && tol < 1)) throw new ClaimError(fn, 'tolerance', `must be in (0, 1); got ${show(tol)}`);
  const seed = seedOf(ctx);
  return { cases: drawCases(vars, n, seed), seed, tol };
}

const tried = (n: number, seed: number, exact: number) =>
  `${n} cases (hard cases first, then drawn with seed ${seed}; ` +
  `${exact === n ? 'all in exact rational arithmetic' : exact === 0 ? 'float64' : `${exact} exact, the rest float64`})`;

/** The two sides of an identity. */
export interface IdentitySubject {
  /** The left side: LaTeX or a function of the variables. */
  lhs: Expr;
  /** The right side. */
  rhs: Expr;
}

/**
 * An identity or derivation line: `lhs = rhs` for every value of the variables.
 *
 * ```ts
 * claim({ id: 'dstar-at-equal', quote: 'D^*(x) = 1/2', statement: 'p/(p+p) = 1/2',
 *   ...identity({ lhs: '\\frac{p}{p+q}', rhs: '\\frac12', vars: { p: 'positive', q: ['p'] } }) });
 * ```
 */
export function identity(o: IdentitySubject & FormulaCheckOptions & { mutant?: IdentitySubject & { description: string } }): LibraryCheck<IdentitySubject> {
  const fn = 'identity';
  const opts = { symbols: o.symbols, log: o.log } as FormulaOptions;
  return {
    method: 'exact',
    subject: { lhs: o.lhs, rhs: o.rhs },
    check: (s, ctx): Outcome => {
      const { cases, seed, tol } = setup(fn, o, ctx);
      const L = compile(fn, 'lhs', s.lhs, opts);
      const R = compile(fn, 'rhs', s.rhs, opts);
      let exactCount = 0;
      for (const c of cases) {
        const a = L.exact(c);
        const b = R.exact(c);
        let same: boolean;
        let shown: string;
        if (a !== null && b !== null) {
          exactCount++;
          same = eq(a, b);
          shown = `${a.num}/${a.den} vs ${b.num}/${b.den}`;
        } else {
          const x = L.value(c);
          const y = R.value(c);
          same = Number.isFinite(x) && Number.isFinite(y) ? close(x, y, tol) : x === y;
          shown = `${x} vs ${y}`;
        }
        if (!same)
          return {
            verdict: 'refuted',
            evidence: `${L.text} ≠ ${R.text} at ${showCase(c)}: ${shown}`,
            counterexample: `${showCase(c)}: ${shown}`,
            numbers: { cases: cases.length, seed },
          };
      }
      return {
        verdict: 'holds',
        evidence: `${L.text} = ${R.text} in all ${tried(cases.length, seed, exactCount)}`,
        numbers: { cases: cases.length, exact: exactCount, seed },
      };
    },
    mutant: o.mutant
      ? { description: o.mutant.description, subject: { lhs: o.mutant.lhs, rhs: o.mutant.rhs } }
      : { description: 'a sign slip: the right side negated', subject: { lhs: o.lhs, rhs: negated(o.rhs) } },
  };
}

/** The relation an inequality claims between its sides. */
export type Relation = '<' | '<=' | '>' | '>=';
const holdsRel = (a: number, b: number, r: Relation) => (r === '<' ? a < b : r === '<=' ? a <= b : r === '>' ? a > b : a >= b);
/** The mirrored relation (the other side wins, ties kept with it): a claim and its mirror cannot both hold unless the sides tie everywhere. */
const REVERSED: Record<Relation, Relation> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The sides of an inequality and the relation claimed between them. */
export interface InequalitySubject {
  /** The left side. */
  lhs: Expr;
  /** The right side. */
  rhs: Expr;
  /** lhs `relation` rhs is claimed. */
  relation: Relation;
}

/**
 * An inequality or bound: `lhs relation rhs` for every value of the variables (float64; ties within
 * the tolerance count for ≤ and ≥).
 *
 * ```ts
 * claim({ id: 'log-bound', quote: 'we use $\\log x \\le x - 1$', statement: 'ln x ≤ x − 1 for x > 0',
 *   ...inequality({ lhs: '$1.lhs', rhs: '$1.rhs', relation: '<=', vars: { x: 'positive' } }) });
 * ```
 */
export function inequality(
  o: InequalitySubject & FormulaCheckOptions & { mutant?: Partial<InequalitySubject> & { description: string } },
): LibraryCheck<InequalitySubject> {
  const fn = 'inequality';
  if (!['<', '<=', '>', '>='].includes(o?.relation)) throw new ClaimError(fn, 'relation', `must be <, <=, > or >=; got ${show(o?.relation)}`);
  const opts = { symbols: o.symbols, log: o.log } as FormulaOptions;
  return {
    method: 'exact',
    subject: { lhs: o.lhs, rhs: o.rhs, relation: o.relation },
    check: (s, ctx): Outcome => {
      const { cases, seed, tol } = setup(fn, o, ctx);
      const L = compile(fn, 'lhs', s.lhs, opts);
      const R = compile(fn, 'rhs', s.rhs, opts);
      let tightest = Infinity;
      for (const c of cases) {
        const x = L.value(c);
        const y = R.value(c);
        const tie = (s.relation === '<=' || s.relation === '>=') && close(x, y, tol);
        if (Number.isNaN(x) || Number.isNaN(y) || !(tie || holdsRel(x, y, s.relation)))
          return {
            verdict: 'refuted',
            evidence: `${L.text} ${s.relation} ${R.text} fails at ${showCase(c)}: ${x} vs ${y}`,
            counterexample: `${showCase(c)}: ${x} vs ${y}`,
            numbers: { cases: cases.length, seed },
          };
        tightest = Math.min(tightest, Math.abs(x - y));
      }
      return {
        verdict: 'holds',
        evidence: `${L.text} ${s.relation} ${R.text} in all ${tried(cases.length, seed, 0)}; smallest gap ${tightest.toPrecision(3)}`,
        numbers: { cases: cases.length, seed, smallestGap: tightest },
      };
    },
    mutant: o.mutant
      ? { description: o.mutant.description, subject: { lhs: o.mutant.lhs ?? o.lhs, rhs: o.mutant.rhs ?? o.rhs, relation: o.mutant.relation ?? o.relation } }
      : { description: `the mirrored relation (${REVERSED[o.relation]})`, subject: { lhs: o.lhs, rhs: o.rhs, relation: REVERSED[o.relation] } },
  };
}

/** A function and its claimed derivative. */
export interface DerivativeSubject {
  /** The function differentiated. */
  f: Expr;
  /** Its claimed derivative. */
  claimed: Expr;
}

/**
 * A derivative claim: d f / d `wrt` equals `claimed` at every case. The derivative is computed by
 * central differences with Richardson extrapolation (error O(h⁶)); agreement within `tolerance`
 * (default 1e-6, relative).
 *
 * ```ts
 * claim({ id: 'ns-gradient', quote: 'the loss $-\\log \\sigma(a)$ has derivative $\\sigma(a) - 1$', statement: 'd/da (−log σ(a)) = σ(a) − 1',
 *   ...derivative({ f: '$1', claimed: '$2', wrt: 'a', vars: { a: 'real' }, symbols: { '\\sigma(a)': '\\frac{1}{1+e^{-a}}' } }) });
 * ```
 */
export function derivative(
  o: DerivativeSubject & FormulaCheckOptions & { wrt: string; mutant?: Partial<DerivativeSubject> & { description: string } },
): LibraryCheck<DerivativeSubject> {
  const fn = 'derivative';
  if (typeof o?.wrt !== 'string' || !(o.wrt in (o.vars ?? {}))) throw new ClaimError(fn, 'wrt', `must be one of the variables; got ${show(o?.wrt)}`);
  const opts = { symbols: o.symbols, log: o.log } as FormulaOptions;
  return {
    method: 'exact',
    subject: { f: o.f, claimed: o.claimed },
    check: (s, ctx): Outcome => {
      const { cases, seed } = setup(fn, { ...o, tolerance: o.tolerance ?? 1e-6 }, ctx);
      const tol = o.tolerance ?? 1e-6;
      const F = compile(fn, 'f', s.f, opts);
      const D = compile(fn, 'claimed', s.claimed, opts);
      let used = 0;
      for (const c of cases) {
        const x = c.value[o.wrt] as number;
        const at = (t: number) => F.value({ exact: {}, value: { ...c.value, [o.wrt]: t } });
        const cd = (h: number) => (at(x + h) - at(x - h)) / (2 * h);
        const richardson = (h0: number) => {
          const [a, b, d] = [cd(h0), cd(h0 / 2), cd(h0 / 4)];
          return (16 * ((4 * d - b) / 3) - (4 * b - a) / 3) / 15;
        };
        // steps from 1e-2 down to 1e-6 (relative): the first two successive estimates that agree decide,
        // so a case near a singularity of f gets steps small enough for it
        let num = Number.NaN;
        let prev = Number.NaN;
        for (let e = 2; e <= 6; e++) {
          const r = richardson(10 ** -e * Math.max(1, Math.abs(x)));
          if (Number.isFinite(r) && Number.isFinite(prev) && close(r, prev, tol / 10)) {
            num = r;
            break;
          }
          prev = r;
        }
        if (!Number.isFinite(num)) continue; // no stable derivative around this case (an edge of the domain)
        used++;
        const claimed = D.value(c);
        if (!close(num, claimed, tol))
          return {
            verdict: 'refuted',
            evidence: `d/d${o.wrt} ${F.text} is ${num.toPrecision(8)} at ${showCase(c)}, not ${claimed.toPrecision(8)} (${D.text})`,
            counterexample: `${showCase(c)}: ${num.toPrecision(8)} vs ${claimed.toPrecision(8)}`,
            numbers: { cases: used, seed },
          };
      }
      if (used === 0) throw new ClaimError(fn, 'f', 'is not finite near any case: choose the domains where it is defined');
      return {
        verdict: 'holds',
        evidence:
          `d/d${o.wrt} ${F.text} = ${D.text} in all ${used} cases ` + `(seed ${seed}; Richardson-extrapolated central differences, relative tolerance ${tol})`,
        numbers: { cases: used, seed },
      };
    },
    mutant: o.mutant
      ? { description: o.mutant.description, subject: { f: o.mutant.f ?? o.f, claimed: o.mutant.claimed ?? o.claimed } }
      : { description: 'the sign of the derivative flipped', subject: { f: o.f, claimed: negated(o.claimed) } },
  };
}

/** A function, the point claimed to optimise it, and which optimum. */
export interface OptimumSubject {
  /** The function optimised over the `over` variable. */
  f: Expr;
  /** The claimed maximiser or minimiser (an expression of the other variables). */
  claimed: Expr;
  /** Maximiser or minimiser. */
  kind: 'max' | 'min';
}

/**
 * A maximiser or minimiser claim: over `over` = [variable, low, high] (ends may be expressions of
 * the other variables), f is largest (`max`) or smallest (`min`) at `claimed`, for every case. The
 * optimum is found by a grid of 4001 points refined by golden-section search; the claim holds when
 * the claimed point is within `tolerance` (default 1e-6 of the interval's width) of it and no grid
 * point does better by more than the float64 rounding of f.
 *
 * ```ts
 * claim({ id: 'smoothing', quote: 'one-sided label smoothing', statement: 'D* = αP/(P+Q) with real label α = 0.9',
 *   ...optimum({ f: '\\alpha P \\ln d + ((1-\\alpha) P + Q) \\ln(1-d)', claimed: '\\frac{\\alpha P}{P+Q}', kind: 'max', over: ['d', 0, 1],
 *     vars: { P: 'positive', Q: 'unit', alpha: [0.9] }, symbols: { '\\alpha': 'alpha' } }) });
 * ```
 */
export function optimum(
  o: { f: Expr; claimed: Expr; kind: 'max' | 'min'; over: readonly [string, number, number] } & Omit<FormulaCheckOptions, 'vars'> & {
      vars?: Readonly<Record<string, Domain>>;
      /** A wrong claim of the author's choosing; by default the claimed point is said to be the other kind of optimum. */
      mutant?: Partial<OptimumSubject> & { description: string };
    },
): LibraryCheck<OptimumSubject> {
  const fn = 'optimum';
  if (o?.kind !== 'max' && o?.kind !== 'min') throw new ClaimError(fn, 'kind', `must be max or min; got ${show(o?.kind)}`);
  const [v, lo, hi] = o.over ?? [];
  if (typeof v !== 'string' || !(typeof lo === 'number' && typeof hi === 'number' && lo < hi))
    throw new ClaimError(fn, 'over', `must be [variable, low, high] with low < high; got ${show(o.over)}`);
  const opts = { symbols: o.symbols, log: o.log } as FormulaOptions;
  return {
    method: 'exact',
    subject: { f: o.f, claimed: o.claimed, kind: o.kind },
    check: (s, ctx): Outcome => {
      const { cases, seed } = setup(fn, { ...o, vars: o.vars ?? {} }, ctx);
      const tol = o.tolerance ?? 1e-6;
      const F = compile(fn, 'f', s.f, opts);
      const C = compile(fn, 'claimed', s.claimed, opts);
      const sign = s.kind === 'max' ? 1 : -1;
      for (const c of cases) {
        const g = (t: number) => sign * F.value({ exact: {}, value: { ...c.value, [v]: t } });
        const N = 4000;
        let best = lo;
        let bestVal = -Infinity;
        for (let i = 0; i <= N; i++) {
          const t = lo + ((hi - lo) * i) / N;
          const y = g(t);
          if (y > bestVal) [best, bestVal] = [t, y];
        }
        // golden-section search in the grid cell around the best point
        let a = Math.max(lo, best - (hi - lo) / N);
        let b = Math.min(hi, best + (hi - lo) / N);
        const phi = (Math.sqrt(5) - 1) / 2;
        for (let k = 0; k < 80; k++) {
          const x1 = b - phi * (b - a);
          const x2 = a + phi * (b - a);
          if (g(x1) >= g(x2)) b = x2;
          else a = x1;
        }
        const found = g((a + b) / 2) >= bestVal ? (a + b) / 2 : best;
        const claimed = C.value(c);
        const gap = g(found) - g(claimed);
        // near enough the optimum found, or as good as it up to f's rounding (a flat optimum)
        const ok = Math.abs(found - claimed) <= tol * (hi - lo) || gap <= 0 || (Number.isFinite(gap) && gap <= 1e-12 * Math.max(1, Math.abs(g(found))));
        if (!ok)
          return {
            verdict: 'refuted',
            evidence:
              `at ${showCase(c)} the ${s.kind === 'max' ? 'maximiser' : 'minimiser'} of ${F.text} over ${v} ∈ [${lo}, ${hi}] ` +
              `is ${found.toPrecision(8)}, not ${claimed.toPrecision(8)} (${C.text})`,
            counterexample: `${showCase(c)}: ${v} = ${found.toPrecision(8)}`,
            numbers: { cases: cases.length, seed },
          };
      }
      return {
        verdict: 'holds',
        evidence:
          `${C.text} ${s.kind === 'max' ? 'maximises' : 'minimises'} ${F.text} over ${v} ∈ [${lo}, ${hi}] in all ${cases.length} cases ` +
          `(seed ${seed}; grid of 4001 points and golden-section search)`,
        numbers: { cases: cases.length, seed },
      };
    },
    mutant: o.mutant
      ? { description: o.mutant.description, subject: { f: o.mutant.f ?? o.f, claimed: o.mutant.claimed ?? o.claimed, kind: o.mutant.kind ?? o.kind } }
      : {
          description: `the claimed point is the ${o.kind === 'max' ? 'minimiser' : 'maximiser'} instead`,
          subject: { f: o.f, claimed: o.claimed, kind: o.kind === 'max' ? 'min' : 'max' },
        },
  };
}
