/**
 * An author's own claims, checked beside the built-in ones:
 *   npx gan-verify claims examples/my-claims.ts --only my-dstar-half,my-jsd-bits-bound
 * A claim names its source, states precisely what is checked, carries the document's formula as its
 * `subject`, and computes its verdict; `mutant` is a deliberately wrong subject that must change it.
 */
import { defineClaim, verdictOf } from 'gan-verify/claims';
import { jsd } from 'gan-verify/theory';

export const dstarHalf = defineClaim({
  id: 'my-dstar-half',
  source: { doc: 'my-notes.md', quote: 'When p_G = p_data the optimal discriminator is 1/2 everywhere.' },
  statement: 'p/(p + q) at q = p equals 1/2 for p in {0.001, 0.3, 1, 7}',
  method: 'exact',
  expected: 'holds',
  subject: (p: number, q: number) => p / (p + q),
  mutant: { description: 'D* = p/(p + 2q)', subject: (p: number, q: number) => p / (p + 2 * q) },
  check: (dstar) => {
    const ok = [0.001, 0.3, 1, 7].every((p) => dstar(p, p) === 0.5);
    return { verdict: verdictOf({ asStated: ok }), evidence: ok ? 'exactly 1/2 at 4 points' : 'not 1/2', numbers: { ok } };
  },
});

export const jsdBitsBound = defineClaim({
  id: 'my-jsd-bits-bound',
  source: { doc: 'my-notes.md', quote: 'Measured in bits, the JSD never exceeds 1.' },
  statement: 'certified JSD in bits of disjoint distributions, the worst case, is at most the claimed bound',
  method: 'exact',
  expected: 'holds',
  subject: { bound: 1 },
  mutant: { description: 'bound 1/2', subject: { bound: 0.5 } },
  check: ({ bound }) => {
    const j = jsd(['1/2', '1/2', '0'], ['0', '0', '1'], { base: 2, digits: 30 });
    const ok = Number(j.upper) <= bound;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `JSD of disjoint supports = ${j.value.slice(0, 8)} bits (bound ${bound})`,
      numbers: { jsdBits: Number(j.value), bound },
    };
  },
});
