/**
 * The claims API: one entry per claim of a document, with the check that decides its verdict.
 *
 * A claim carries a `subject`: the document's own formula or setup, transcribed as data or a
 * function. The check runs the subject against an independent computation (exact theory, Monte
 * Carlo, the trainer) and returns an {@link Outcome}. Feeding the check a wrong subject (the
 * claim's `mutant`) must change the verdict: that is how we know the check can fail.
 */
import type { Rng } from '../numeric/rng.js';
import { InputError, show } from '../theory/errors.js';

/**
 * The verdicts of the ledger. `error` is the runner's, never a check's: the check threw or ran past
 * its time limit, so nothing was decided (an author's bug is not a refutation).
 */
export const VERDICTS = ['holds', 'holds-under-conditions', 'imprecise', 'refuted', 'inconclusive', 'not-checkable', 'error'] as const;
/**
 * A claim's verdict: `holds` (verified as stated), `holds-under-conditions` (only under stated conditions), `imprecise` (a corrected
 * statement holds), `refuted`, `inconclusive` (the interval straddles the threshold), `not-checkable`, or `error` (the runner's).
 */
export type Verdict = (typeof VERDICTS)[number];

/** Every {@link Method}, in the order error messages list them. */
export const METHODS = ['exact', 'monte-carlo', 'trainer', 'population', 'none'] as const;
/** How a claim is checked: exact theory, Monte Carlo with confidence intervals, one trainer experiment, a population of runs. */
export type Method = (typeof METHODS)[number];

/** Where a claim comes from: the document and the words quoted from it. */
export interface ClaimSource {
  /** Seed document file name, e.g. `000_3ee4abfec5abb774.txt`, or any label for an author's own document. */
  doc: string;
  /** The exact sentence or formula quoted from the document. */
  quote: string;
}

/** A plot attached to an outcome: a Vega-Lite spec (data inline), rendered to SVG in the report. */
export interface Plot {
  /** The plot's file name in the report (`plots/<id>.svg`). */
  id: string;
  /** Its caption. */
  title: string;
  /** The Vega-Lite specification, data inline. */
  spec: Record<string, unknown>;
}

/**
 * The statistic a population verdict is decided on, with its confidence interval: a share of
 * members (Clopper–Pearson), a median (order statistics) or a rank correlation (Fisher z).
 */
export interface IntervalEvidence {
  /** What the estimate is, in words: "share of seeds with W1 < 0.25". */
  statistic: string;
  /** The point estimate (a share, a median, a correlation). */
  estimate: number;
  /** The interval's lower end. */
  low: number;
  /** The interval's upper end. */
  high: number;
  /** Two-sided level of this interval (after any adjustment for repeated looks). */
  level: number;
  /** Members (or pairs, or points) behind the interval. */
  n: number;
  /** The value the claim is decided against. */
  threshold?: number;
}

/** One setting of a robustness grid and the verdict the check reached there. */
export interface GridCell {
  /** The settings of this cell (learning rate, steps, …). */
  settings: Record<string, number | string>;
  /** The check's verdict there. */
  verdict: Verdict;
  /** The statistic and interval that decided it. */
  interval?: IntervalEvidence;
}

/** What a check returns: the verdict and what it rests on. */
export interface Outcome {
  /** What the check established (never `error`: a check that cannot decide throws). */
  verdict: Verdict;
  /** One line a reader can take in at a glance. */
  evidence: string;
  /** The numbers behind the verdict (finite numbers, strings or booleans; no NaN). */
  numbers: Record<string, number | string | boolean>;
  /** For holds-under-conditions: the conditions. */
  conditions?: string;
  /** For imprecise: what is right. */
  correction?: string;
  /** For refuted (or the failing half of another verdict): the counterexample. */
  counterexample?: string;
  /** Figures for the report. */
  plots?: Plot[];
  /** Population claims: the statistic and its interval that decided the verdict. */
  interval?: IntervalEvidence;
  /** Training claims: the verdict over a grid of settings (the conditions are computed from it). */
  grid?: GridCell[];
}

/** What the runner hands a check: the ledger's size and seed, a generator, shared experiments and the time limit. */
export interface CheckContext {
  /** Small sizes (the whole ledger under a minute). */
  quick: boolean;
  /** Base seed of the ledger; every random thing in a check derives from it. */
  seed: number;
  /** A generator for this claim (same claim id and seed → same stream). */
  rng: Rng;
  /** `quick ? q : full`. */
  size<T>(quick: T, full: T): T;
  /** Runs `make` once per key for the whole ledger (experiments shared by several claims). */
  shared<T>(key: string, make: () => Promise<T>): Promise<T>;
  /**
   * performance.now() by which the check must be done (its time limit); training started by the
   * check stops there. Infinity for no limit.
   */
  deadline?: number;
  /** The time limit in seconds that set `deadline`. */
  timeLimit?: number;
}

/**
 * A claim as its author writes it, for {@link defineClaim}.
 * @typeParam S - The subject's type (a formula as a function, a setup as data).
 */
export interface ClaimSpec<S = unknown> {
  /** Unique, lowercase letters, digits and dashes. */
  id: string;
  /** The document and the quote the claim reads. */
  source: ClaimSource;
  /** Precisely what is checked. */
  statement: string;
  /** How it is checked. */
  method: Method;
  /**
   * The verdict the maintainers expect: where given, a regression gate (the ledger fails when the
   * check disagrees). An author checking a document need not predict verdicts.
   */
  expected?: Verdict;
  /** The document's formula or setup under test. */
  subject: S;
  /** Decides the verdict from a subject (the claim's, its mutant's or its positive control's). */
  check: (subject: S, ctx: CheckContext) => Outcome | Promise<Outcome>;
  /** A deliberately wrong subject (a wrong claim or setup, not a moved threshold); the check must then reach a different verdict. */
  mutant?: {
    /** The wrong claim or setup, in words. */
    description: string;
    /** Its subject. */
    subject: S;
  };
  /**
   * A positive control: a subject for which the claim is known to hold (a setup where it is true,
   * or a correct formula); the check must say `holds` on it. Required in spirit for `trainer` and
   * `population` claims, run by `gan-verify claims --controls`.
   */
  positive?: {
    /** The setting where the claim holds, in words. */
    description: string;
    /** Its subject. */
    subject: S;
  };
  /** Why the claim cannot be checked (method `none`, verdict not-checkable). */
  why?: string;
  /**
   * A referee's disagreement and what was decided: their reading in their words, the decision (the
   * check changed, or the verdict kept) and the computed evidence for it. Shown in the report.
   */
  review?: Review;
}

/** A referee's reading of a claim and the maintainers' decision, with its evidence (see {@link ClaimSpec.review}). */
export interface Review {
  /** Who and where, e.g. "two referees, issue 23". */
  by: string;
  /** What they said, in their words. */
  said: string;
  /** `changed`: the check now reads the sentence their way; `kept`: the verdict stands. */
  decision: 'changed' | 'kept';
  /** Why, with the computed counter-evidence where the verdict is kept. */
  because: string;
}

/** A claim declared by {@link defineClaim}: its checked spec, tagged for loaders. */
export interface Claim<S = unknown> extends ClaimSpec<S> {
  /** The tag loaders look for (set by defineClaim; a forged object is checked again). */
  readonly kind: 'gan-verify-claim';
}

/** A claim of any subject type (what catalogues and the runner hold). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
// biome-ignore lint/suspicious/noExplicitAny: a list of claims has subjects of every type (Claim<unknown> would not accept them)
export type AnyClaim = Claim<any>;

/** The error class of the claims layer (an InputError: the message names the function, the argument and the value). */
export class ClaimError extends InputError {
  /** The error's class name. */
  override readonly name = 'ClaimError';
}

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * Declares a claim. Checks the declaration (id shape, known verdict and method, a check function)
 * and throws a {@link ClaimError} naming the field otherwise.
 *
 * ```ts
 * import { defineClaim, verdictOf } from 'gan-verify/claims';
 * export default defineClaim({
 *   id: 'my-half', source: { doc: 'notes.md', quote: 'D*(x) = 1/2 when p_G = p_data' },
 *   statement: 'p/(p+p) = 1/2 for p in (0, 1]', method: 'exact', expected: 'holds',
 *   subject: (p: number, q: number) => p / (p + q),
 *   check: (dstar) => { const ok = [0.1, 0.5, 1].every((p) => dstar(p, p) === 0.5);
 *     return { verdict: verdictOf({ asStated: ok }), evidence: ok ? 'equal at 3 points' : 'differs', numbers: { ok } }; },
 * });
 * ```
 */
export function defineClaim<S>(spec: ClaimSpec<S>): Claim<S> {
  const fn = 'defineClaim';
  if (typeof spec !== 'object' || spec === null) throw new ClaimError(fn, 'spec', `must be an object; got ${String(spec)}`);
  if (typeof spec.id !== 'string' || !ID.test(spec.id))
    throw new ClaimError(fn, 'id', `must be 2–63 lowercase letters, digits or dashes; got ${JSON.stringify(spec.id)}`);
  const where = `(claim ${spec.id})`;
  if (typeof spec.source?.doc !== 'string' || spec.source.doc === '')
    throw new ClaimError(fn, `source.doc ${where}`, `must be a non-empty string; got ${JSON.stringify(spec.source?.doc)}`);
  if (typeof spec.source?.quote !== 'string' || spec.source.quote === '')
    throw new ClaimError(fn, `source.quote ${where}`, `must be a non-empty string; got ${JSON.stringify(spec.source?.quote)}`);
  if (typeof spec.statement !== 'string' || spec.statement === '')
    throw new ClaimError(fn, `statement ${where}`, `must be a non-empty string; got ${JSON.stringify(spec.statement)}`);
  if (!(METHODS as readonly string[]).includes(spec.method))
    throw new ClaimError(fn, `method ${where}`, `must be one of ${METHODS.join(', ')}; got ${JSON.stringify(spec.method)}`);
  if (spec.expected !== undefined && (!(VERDICTS as readonly string[]).includes(spec.expected) || spec.expected === 'error'))
    throw new ClaimError(fn, `expected ${where}`, `must be one of ${VERDICTS.slice(0, -1).join(', ')} when given; got ${JSON.stringify(spec.expected)}`);
  if (typeof spec.check !== 'function') throw new ClaimError(fn, `check ${where}`, `must be a function; got ${typeof spec.check}`);
  for (const key of ['mutant', 'positive'] as const) {
    const c = spec[key];
    if (c !== undefined && (typeof c !== 'object' || c === null || typeof c.description !== 'string' || c.description === '' || !('subject' in c))) {
      throw new ClaimError(fn, `${key} ${where}`, `must be { description: non-empty string, subject }; got ${JSON.stringify(c)}`);
    }
  }
  const r = spec.review;
  if (
    r !== undefined &&
    (typeof r !== 'object' ||
      r === null ||
      !['changed', 'kept'].includes(r.decision) ||
      ![r.by, r.said, r.because].every((x) => typeof x === 'string' && x !== ''))
  )
    throw new ClaimError(fn, `review ${where}`, `must be { by, said, decision: 'changed' | 'kept', because } with non-empty strings; got ${JSON.stringify(r)}`);
  if (spec.expected !== undefined && (spec.method === 'none') !== (spec.expected === 'not-checkable'))
    throw new ClaimError(fn, `method ${where}`, `'none' goes with expected 'not-checkable' and only with it; got ${spec.method} / ${spec.expected}`);
  return { ...spec, kind: 'gan-verify-claim' };
}

/**
 * The verdict from what was established by computation:
 * - `asStated`: the statement, read literally, was verified;
 * - `underConditions`: it was verified under stated conditions (and fails without them);
 * - `corrected`: a corrected statement was verified (the document's wording or formula is not right).
 * Anything else is `refuted`.
 */
export function verdictOf(found: { asStated: boolean; underConditions?: boolean; corrected?: boolean }): Verdict {
  if (found === null || typeof found !== 'object' || typeof found.asStated !== 'boolean')
    throw new ClaimError(
      'verdictOf',
      'found.asStated',
      `must be a boolean (what the check established); got ${show((found as { asStated?: unknown } | null)?.asStated)}`,
    );
  for (const k of ['underConditions', 'corrected'] as const) {
    if (found[k] !== undefined && typeof found[k] !== 'boolean')
      throw new ClaimError('verdictOf', `found.${k}`, `must be a boolean when given; got ${show(found[k])}`);
  }
  if (found.asStated) return 'holds';
  if (found.underConditions === true) return 'holds-under-conditions';
  if (found.corrected === true) return 'imprecise';
  return 'refuted';
}

/**
 * The verdict from an interval against the claim's threshold: `holds` when the whole interval is on
 * the claimed side (`above`: low > threshold; `below`: high < threshold), `refuted` when the whole
 * interval is on the other side, `inconclusive` when it straddles the threshold.
 */
export function verdictOfInterval(iv: { low: number; high: number }, threshold: number, side: 'above' | 'below'): 'holds' | 'refuted' | 'inconclusive' {
  const fn = 'verdictOfInterval';
  if (
    iv === null ||
    typeof iv !== 'object' ||
    typeof iv.low !== 'number' ||
    typeof iv.high !== 'number' ||
    Number.isNaN(iv.low) ||
    Number.isNaN(iv.high) ||
    iv.low > iv.high
  ) {
    throw new ClaimError(fn, 'interval', `must be { low ≤ high } without NaN; got ${show(iv)}`);
  }
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) throw new ClaimError(fn, 'threshold', `must be a number; got ${String(threshold)}`);
  if (side !== 'above' && side !== 'below') throw new ClaimError(fn, 'side', `must be above or below; got ${JSON.stringify(side)}`);
  const claimed = side === 'above' ? iv.low > threshold : iv.high < threshold;
  const opposite = side === 'above' ? iv.high < threshold : iv.low > threshold;
  return claimed ? 'holds' : opposite ? 'refuted' : 'inconclusive';
}

/** The not-checkable check: says why (the verdict is the claim's nature, not a computation). */
export function notCheckable(why: string): (subject: unknown) => Outcome {
  return () => ({ verdict: 'not-checkable', evidence: why, numbers: {} });
}
