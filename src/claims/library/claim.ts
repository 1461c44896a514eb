/**
 * `claim`: an author's claim in a few lines: the id, the quote, the statement, optionally the
 * expected verdict, and a library check spread in (`...identity({ … })`). The document is the one
 * `gan-verify check` is given (its name is filled in there); `doc` names it otherwise.
 */
import { type AnyClaim, ClaimError, type ClaimSpec, defineClaim, type Verdict } from '../define.js';

/**
 * What a library check gives a claim: how it is checked, the subject, the check, its mutant and
 * positive control — the same fields, with the same meaning, as {@link ClaimSpec}'s.
 */
export type LibraryCheck<S> = Pick<ClaimSpec<S>, 'method' | 'subject' | 'check' | 'mutant' | 'positive'>;

/** The document a claim made with `claim` belongs to when none is named: the one being checked. */
export const THIS_DOCUMENT = 'this document';

/** The inline and display formulas of a quote, in order (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`). */
export function formulasOf(quote: string): string[] {
  const re = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$([^$]+?)\$/g;
  return [...quote.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim());
}

/** The two sides of a formula at its first relation outside braces (=, \\le, \\ge, <, >, ≤, ≥). */
function sides(f: string): [string, string] | null {
  let depth = 0;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i] as string;
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    if (depth !== 0) continue;
    const m = /^(=|<|>|≤|≥|\\leq?(?![a-z])|\\geq?(?![a-z]))/.exec(f.slice(i));
    if (m) return [f.slice(0, i).trim(), f.slice(i + m[0].length).trim()];
  }
  return null;
}

/**
 * Replaces `$N`, `$N.lhs`, `$N.rhs` in every string of a subject by the quote's N-th formula (or its
 * side), so the check runs the document's own formula, not a transcription of it.
 */
function fromQuote<T>(v: T, formulas: string[], id: string): T {
  if (typeof v === 'string')
    return v.replace(/\$(\d+)(\.lhs|\.rhs)?/g, (_, n: string, side?: string) => {
      const f = formulas[Number(n) - 1];
      if (f === undefined) throw new ClaimError('claim', `${id}: $${n}`, `names formula ${n} of the quote, which has ${formulas.length}`);
      if (side === undefined) return f;
      const s = sides(f);
      if (s === null) throw new ClaimError('claim', `${id}: $${n}${side}`, `needs a relation (=, ≤, ≥) in formula ${n} of the quote; got ${JSON.stringify(f)}`);
      return side === '.lhs' ? s[0] : s[1];
    }) as T;
  if (Array.isArray(v)) return v.map((x) => fromQuote(x, formulas, id)) as T;
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromQuote(x, formulas, id)])) as T;
  return v;
}

/**
 * An author's claim. Strings of the check's subject may name the quote's formulas: `$1` is its first
 * formula, `$2.lhs` the left side of its second; the check then runs on the document's own LaTeX.
 *
 * ```ts
 * claim({ id: 'log-bound', quote: 'we use $\\log x \\le x - 1$ for $x > 0$', statement: 'ln x ≤ x − 1 for x > 0',
 *   ...inequality({ lhs: '$1.lhs', rhs: '$1.rhs', relation: '<=', vars: { x: 'positive' } }) });
 * ```
 */
export function claim<S>(spec: { id: string; quote: string; statement: string; expected?: Verdict; doc?: string } & LibraryCheck<S>): AnyClaim {
  const { quote, doc, subject, mutant, positive, ...rest } = spec;
  const f = typeof quote === 'string' ? formulasOf(quote) : [];
  const id = String(spec.id);
  return defineClaim({
    ...rest,
    subject: fromQuote(subject, f, id),
    ...(mutant ? { mutant: { description: mutant.description, subject: fromQuote(mutant.subject, f, id) } } : {}),
    ...(positive ? { positive: { description: positive.description, subject: fromQuote(positive.subject, f, id) } } : {}),
    source: { doc: doc ?? THIS_DOCUMENT, quote },
  });
}
