/**
 * gan-verify: the whole library under one import. Each part is also its own entry point, which
 * loads only what it uses (`gan-verify/theory` and `gan-verify/numeric` do not load TensorFlow.js):
 * `gan-verify/theory`, `gan-verify/numeric`, `gan-verify/train`, `gan-verify/claims`,
 * `gan-verify/testing`.
 * @module
 */
export * as theory from './theory/index.js';
export * as numeric from './numeric/index.js';
export * as train from './train/index.js';
export * as claims from './claims/index.js';
export * as testing from './testing/index.js';
