/**
 * Combinators of library checks: `all` (a sentence that asserts several things holds when each does)
 * and `corrected` (a sentence whose statement fails while a corrected one holds is `imprecise`, and
 * the correction is the corrected statement).
 */
import { type CheckContext, ClaimError, METHODS, type Outcome } from '../define.js';
import { mostSevere } from '../documents/marks.js';
import type { LibraryCheck } from './claim.js';

/** A library check of any subject type. */
// biome-ignore lint/suspicious/noExplicitAny: a list of checks has subjects of every type
export type AnyCheck = LibraryCheck<any>;

/**
 * Every part must hold: the verdict is the most severe of the parts' (refuted if any part is),
 * the evidence lists each part. The mutant replaces the first part's subject by its mutant.
 */
export function all(parts: readonly AnyCheck[]): LibraryCheck<unknown[]> {
  if (!Array.isArray(parts) || parts.length < 2 || parts.some((p) => typeof p?.check !== 'function'))
    throw new ClaimError('all', 'parts', 'must be two or more library checks');
  const method = METHODS[Math.max(...parts.map((p) => METHODS.indexOf(p.method)))] as (typeof METHODS)[number];
  const first = parts[0] as AnyCheck;
  return {
    method,
    subject: parts.map((p) => p.subject),
    check: async (subjects, ctx: CheckContext): Promise<Outcome> => {
      const outs: Outcome[] = [];
      for (const [i, p] of parts.entries()) outs.push(await p.check(subjects[i], ctx));
      // the most severe of the parts' verdicts: refuted if any part is, holds only when every part holds
      const verdict = mostSevere(outs.map((o) => o.verdict));
      const failing = outs.find((o) => o.verdict === verdict && o.counterexample);
      return {
        verdict,
        evidence: outs.map((o, i) => `(${i + 1}) ${o.verdict}: ${o.evidence}`).join('; '),
        numbers: Object.fromEntries(
          outs.flatMap((o, i) => [[`part${i + 1}`, o.verdict], ...Object.entries(o.numbers).map(([k, v]) => [`part${i + 1}.${k}`, v])]),
        ),
        ...(failing?.counterexample ? { counterexample: failing.counterexample } : {}),
        // the parts' plots, one per id (the first part's where several draw the same figure)
        plots: outs.flatMap((o) => o.plots ?? []).filter((pl, i, a) => a.findIndex((x) => x.id === pl.id) === i),
        ...(outs.find((o) => o.interval)?.interval ? { interval: outs.find((o) => o.interval)?.interval } : {}),
      };
    },
    ...(first.mutant ? { mutant: { description: first.mutant.description, subject: [first.mutant.subject, ...parts.slice(1).map((p) => p.subject)] } } : {}),
  };
}

/**
 * The sentence as written is checked by `check`; where it is refuted and `fix` (the corrected
 * statement's check) holds, the verdict is `imprecise` with `statement` as the correction. With
 * `part` (and `check` made by `all`), only that part is corrected: the others must hold as written,
 * so a sentence whose other parts are wrong (a mutant among them) stays refuted.
 */
export function corrected<S>(check: LibraryCheck<S>, fix: { statement: string; part?: number } & AnyCheck): LibraryCheck<S> {
  if (typeof fix?.statement !== 'string' || fix.statement === '' || typeof fix.check !== 'function')
    throw new ClaimError('corrected', 'fix', 'must be { statement, ...a library check } (the corrected statement and its check)');
  if (fix.part !== undefined && !(Number.isSafeInteger(fix.part) && fix.part >= 0))
    throw new ClaimError('corrected', 'fix.part', `must be the index of a part of all([…]); got ${String(fix.part)}`);
  return {
    ...check,
    check: async (s, ctx): Promise<Outcome> => {
      const out = await check.check(s, ctx);
      if (out.verdict !== 'refuted') return out;
      const part = fix.part;
      if (part !== undefined) {
        const parts = Object.keys(out.numbers).filter((k) => /^part\d+$/.test(k));
        if (!parts.includes(`part${part + 1}`)) throw new ClaimError('corrected', 'fix.part', `names part ${part} of a check with ${parts.length} parts`);
        if (parts.some((k) => k !== `part${part + 1}` && out.numbers[k] !== 'holds')) return out;
      }
      const c = await fix.check(fix.subject, ctx);
      if (c.verdict !== 'holds') return out;
      return { ...out, verdict: 'imprecise', correction: fix.statement, evidence: `${out.evidence}; corrected (${fix.statement}): ${c.evidence}` };
    },
  };
}
