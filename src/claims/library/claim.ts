/**
 * `claim`: an author's claim in a few lines: the id, the quote, the statement, optionally the
 * expected verdict, and a library check spread in (`...identity({ … })`). The document is the one
 * `gan-verify check` is given (its name is filled in there); `doc` names it otherwise.
 */
import { type AnyClaim, type CheckContext, defineClaim, type Method, type Outcome, type Verdict } from '../define.js';

/** What a library check gives a claim: how it is checked, the subject, the check and its mutant. */
export interface LibraryCheck<S> {
  method: Method;
  subject: S;
  check: (subject: S, ctx: CheckContext) => Outcome | Promise<Outcome>;
  mutant?: { description: string; subject: S };
  positive?: { description: string; subject: S };
}

/** The document a claim made with `claim` belongs to when none is named: the one being checked. */
export const THIS_DOCUMENT = 'this document';

export function claim<S>(spec: { id: string; quote: string; statement: string; expected?: Verdict; doc?: string } & LibraryCheck<S>): AnyClaim {
  const { quote, doc, ...rest } = spec;
  return defineClaim({ ...rest, source: { doc: doc ?? THIS_DOCUMENT, quote } });
}
