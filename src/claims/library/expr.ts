/** A quantity of a library check: the document's LaTeX (parsed, see latex.ts) or a function of the variables. */
import { show } from '../../theory/errors.js';
import type { Rational } from '../../theory/rational.js';
import { ClaimError } from '../define.js';
import type { Case } from './cases.js';
import { parseFormula, type FormulaOptions } from './latex.js';

/** LaTeX as in the document, or a function of the variables (float64). */
export type Expr = string | ((v: Readonly<Record<string, number>>) => number);

export interface Compiled {
  /** The formula as the evidence shows it: the LaTeX in `$…$`, or the argument's name for a function. */
  text: string;
  value(c: Case): number;
  /** Exact where the expression is LaTeX on rational operations and the case is exact; else null. */
  exact(c: Case): Rational | null;
}

export function compile(fn: string, arg: string, e: Expr, options: FormulaOptions = {}): Compiled {
  if (typeof e === 'function') return { text: `${arg} (a function)`, value: (c) => e(c.value), exact: () => null };
  if (typeof e !== 'string') throw new ClaimError(fn, arg, `must be LaTeX or a function of the variables; got ${show(e)}`);
  const f = parseFormula(e, options, fn);
  return {
    // in $…$, so the evidence reads as Markdown with math (the annotated page renders it)
    text: `$${e}$`,
    value: (c) => f.value(c.value),
    exact: (c) => (f.vars.every((v) => c.exact[v] !== undefined) ? f.exact(c.exact) : null),
  };
}

/** Negation of an expression (a sign slip), for mutants. */
export function negated(e: Expr): Expr {
  return typeof e === 'function' ? (v) => -e(v) : `-\\left(${e}\\right)`;
}
