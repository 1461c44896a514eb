/**
 * The document's own formula as the subject: LaTeX parsed by @cortex-js/compute-engine (a
 * well-kept LaTeX → MathJSON parser), then evaluated here on exact rationals where the formula
 * allows it (+ − × ÷, integer powers), in float64 otherwise. Symbols of the document are bound to
 * names by `symbols` (`{ 'p_{data}(x)': 'p' }`), replaced in the LaTeX before parsing, longest first;
 * nothing else of the formula is rewritten. `\log` without a base means the natural logarithm (the
 * convention of the GAN literature) unless `log` says 2 or 10; `\ln`, `\log_2`, `\log_{10}` are as written.
 * `e` is Euler's number and `\pi` is π.
 */
import { ComputeEngine } from '@cortex-js/compute-engine';
import { add, div, mul, rational, sub, type Rational } from '../../theory/rational.js';
import { show } from '../../theory/errors.js';
import { ClaimError } from '../define.js';

/** MathJSON, as @cortex-js/compute-engine writes it. */
export type Json =
  | number
  | string
  | {
      /** A number beyond a double's range or precision, as a decimal string. */
      num: string;
    }
  | Json[];

/** How a formula's symbols are bound and what `\log` means. */
export interface FormulaOptions {
  /**
   * Document symbols → variable names (`{ 'p_{data}(x)': 'p', 'p_g(x)': 'q' }`), LaTeX definitions
   * (`{ '\\sigma(a)': '\\frac{1}{1+e^{-a}}' }`), or '' to drop an operator the check reads pointwise
   * (an expectation over the same measure on both sides of an identity).
   */
  symbols?: Readonly<Record<string, string>>;
  /** Base of `\log` written without one. @defaultValue 'e' */
  log?: 'e' | 2 | 10;
}

/** A formula ready to evaluate: its variables, float64 and exact evaluation, and its MathJSON. */
export interface Formula {
  /** The LaTeX as given. */
  readonly latex: string;
  /** Its free variables, sorted. */
  readonly vars: readonly string[];
  /** Its MathJSON (compute-engine's parse, symbols bound). */
  readonly json: Json;
  /** float64 value at the given variables. */
  value(at: Readonly<Record<string, number>>): number;
  /** The exact value at rational variables, or null where the formula leaves the rationals (a logarithm, a root). */
  exact(at: Readonly<Record<string, Rational>>): Rational | null;
}

const CONSTANTS: Record<string, number> = { Pi: Math.PI, ExponentialE: Math.E, e: Math.E };

/** Parses a LaTeX formula; throws a ClaimError naming the formula where the parser reports an error. */
export function parseFormula(latex: string, options: FormulaOptions = {}, fn = 'parseFormula'): Formula {
  if (typeof latex !== 'string' || latex.trim() === '') throw new ClaimError(fn, 'formula', `must be a LaTeX string; got ${show(latex)}`);
  const log = options.log ?? 'e';
  if (log !== 'e' && log !== 2 && log !== 10) throw new ClaimError(fn, 'options.log', `must be 'e', 2 or 10; got ${show(log)}`);
  let tex = latex;
  const symbols = Object.entries(options.symbols ?? {}).sort((a, b) => b[0].length - a[0].length);
  for (const [from, to] of symbols) {
    if (typeof to !== 'string')
      throw new ClaimError(fn, `options.symbols[${JSON.stringify(from)}]`, `must be a variable name, a LaTeX definition or ''; got ${show(to)}`);
    // a name binds the symbol to a variable; '' drops it (an expectation over the same measure on both
    // sides of an identity, checked pointwise); anything else is its definition, in parentheses
    const by = to.trim() === '' ? ' ' : /^[A-Za-z]$/.test(to) ? ` ${to} ` : /^[A-Za-z]\w*$/.test(to) ? ` \\mathrm{${to}} ` : `\\left(${to}\\right)`;
    // whole symbols only: the q of \sqrt or the p of \pi is not the variable q or p
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`${/^[A-Za-z]/.test(from) ? '(?<![\\\\A-Za-z])' : ''}${esc}${/[A-Za-z]$/.test(from) ? '(?![A-Za-z])' : ''}`, 'g');
    tex = tex.replace(re, () => by);
  }
  // one engine per formula: the engine infers symbol types from what it has seen
  const ce = new ComputeEngine();
  const json = ce.parse(tex, { canonical: false }).json as Json;
  const err = JSON.stringify(json).match(/"Error"[^\]]*\]/);
  if (err) throw new ClaimError(fn, 'formula', `could not be parsed (${err[0].slice(0, 120)}); got ${JSON.stringify(latex)}`);
  const vars = new Set<string>();
  const walk = (j: Json) => {
    if (typeof j === 'string' && !(j in CONSTANTS)) vars.add(j);
    else if (Array.isArray(j)) j.slice(1).forEach(walk);
  };
  walk(json);
  const logOf = (x: number, base: number | 'e') =>
    base === 'e' ? Math.log(x) : base === 2 ? Math.log2(x) : base === 10 ? Math.log10(x) : Math.log(x) / Math.log(base);
  const value = (j: Json, at: Readonly<Record<string, number>>): number => {
    if (typeof j === 'number') return j;
    if (typeof j === 'string') {
      if (j in CONSTANTS) return CONSTANTS[j] as number;
      const v = at[j];
      if (typeof v !== 'number') throw new ClaimError(fn, `variable ${j}`, `has no value (the formula ${JSON.stringify(latex)} uses it); got ${show(v)}`);
      return v;
    }
    if (!Array.isArray(j)) return Number(j.num);
    const [head, ...args] = j;
    const v = args.map((a) => value(a, at));
    const [a = Number.NaN, b = Number.NaN] = v;
    switch (head) {
      case 'Add':
        return v.reduce((s, x) => s + x, 0);
      case 'Subtract':
        return a - b;
      case 'Multiply':
      case 'InvisibleOperator':
        return v.reduce((s, x) => s * x, 1);
      case 'Divide':
      case 'Rational':
        return a / b;
      case 'Negate':
        return -a;
      case 'Power':
        return a ** b;
      case 'Square':
        return a * a;
      case 'Sqrt':
        return Math.sqrt(a);
      case 'Root':
        return a ** (1 / b);
      case 'Exp':
        return Math.exp(a);
      case 'Ln':
        return Math.log(a);
      case 'Log':
        return v.length === 1 ? logOf(a, log) : logOf(a, b);
      case 'Abs':
        return Math.abs(a);
      case 'Delimiter':
      case 'Sequence':
      case 'List': // \left[ … \right] around one expression: brackets
        return v.length === 1 ? a : Number.NaN;
      case 'Max':
        return Math.max(...v);
      case 'Min':
        return Math.min(...v);
      default:
        throw new ClaimError(fn, 'formula', `uses ${String(head)}, which gan-verify cannot evaluate; got ${JSON.stringify(latex)}`);
    }
  };
  const exact = (j: Json, at: Readonly<Record<string, Rational>>): Rational | null => {
    if (typeof j === 'number') return Number.isInteger(j) ? rational(BigInt(j)) : null;
    if (typeof j === 'string') return j in CONSTANTS ? null : (at[j] ?? null);
    if (!Array.isArray(j)) return /^-?\d+$/.test(j.num) ? rational(BigInt(j.num)) : null;
    const [head, ...args] = j;
    const v = args.map((a) => exact(a, at));
    if (v.some((x) => x === null)) return null;
    const r = v as Rational[];
    const [a, b] = r as [Rational, Rational];
    switch (head) {
      case 'Add':
        return r.reduce(add);
      case 'Subtract':
        return sub(a, b);
      case 'Multiply':
      case 'InvisibleOperator':
        return r.reduce(mul);
      case 'Divide':
      case 'Rational':
        return b.num === 0n ? null : div(a, b);
      case 'Negate':
        return sub(rational(0n), a);
      case 'Square':
        return mul(a, a);
      case 'Power': {
        if (b.den !== 1n || b.num > 64n || b.num < -64n || (b.num < 0n && a.num === 0n)) return null;
        let p = rational(1n);
        for (let i = 0n; i < (b.num < 0n ? -b.num : b.num); i++) p = mul(p, a);
        return b.num < 0n ? div(rational(1n), p) : p;
      }
      case 'Delimiter':
      case 'List':
        return r.length === 1 ? a : null;
      default:
        return null;
    }
  };
  return {
    latex,
    vars: [...vars].sort(),
    json,
    value: (at) => value(json, at),
    exact: (at) => exact(json, at),
  };
}

/** A claimed constant: a number as it is, or LaTeX without variables (`\ln 2`, `\frac12`) evaluated in float64. */
export function constantValue(c: number | string, fn: string): number {
  return typeof c === 'number' ? c : parseFormula(c, {}, fn).value({});
}
