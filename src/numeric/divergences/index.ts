/**
 * Float64 divergences on probability vectors, written so that they are never NaN on valid input,
 * never negative, and keep their relative accuracy where the textbook formulas lose it: near-equal
 * vectors (JSD ~ 1e-40), subnormal masses, disjoint supports. One quantity per file; each is checked
 * against the exact `theory` layer in the tests.
 */
export { kl, klTerm } from './kl.js';
export { jsd, jsDistance, jsdTerm } from './jsd.js';
export { entropy } from './entropy.js';
export { value } from './value.js';
export { dstar } from './dstar.js';
export { toProbabilities, SUM_TOLERANCE, type FloatOptions } from './input.js';
