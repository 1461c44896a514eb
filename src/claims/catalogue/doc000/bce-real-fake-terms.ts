/** Claim `bce-real-fake-terms` of seed document 000, on gan-verify/checks: the quote's own display formula, and its twin for fakes. */
import { identity } from '../../library/algebra.js';
import { claim } from '../../library/claim.js';
import { all } from '../../library/combine.js';
import { DOC0 } from '../../catalogue/seeds.js';

/** The expectation is over the same measure on both sides: the identity is read pointwise, D(x) as D. */
const pointwise = { '\\mathbb{E}_{x \\sim p_{\\text{data}}}': '', 'D(x)': 'D' };

export const bceReal = claim({
  id: 'bce-real-fake-terms',
  doc: DOC0,
  quote:
    'For real samples, the true label is always $y = 1$, so the cross-entropy becomes: $$ \\mathbb{E}_{x \\sim p_{\\text{data}}} \\left[ -1 \\cdot \\log ' +
    'D(x) - (1 - 1) \\cdot \\log(1 - D(x)) \\right] = \\mathbb{E}_{x \\sim p_{\\text{data}}} \\left[ -\\log D(x) \\right] $$ For fake samples, the true ' +
    'label is always $y = 0$, so the cross-entropy becomes:',
  statement:
    'the binary cross-entropy −y·log D − (1 − y)·log(1 − D) at y = 1 is −log D (the display, read pointwise) and at y = 0 is −log(1 − D), for D ∈ (0, 1)',
  expected: 'holds',
  ...all([
    identity({
      lhs: '$2.lhs',
      rhs: '$2.rhs',
      vars: { D: 'probability' },
      symbols: pointwise,
      mutant: { description: 'labels swapped: real term −log(1 − D)', lhs: '$2.lhs', rhs: '-\\log(1 - D)' },
    }),
    identity({ lhs: '-0 \\cdot \\log D - (1 - 0) \\cdot \\log(1 - D)', rhs: '-\\log(1 - D)', vars: { D: 'probability' } }),
  ]),
});
