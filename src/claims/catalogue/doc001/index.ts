/** Claims of seed document 001 (the short deep-learning primer) and its not-checkable sentences. */
import type { AnyClaim } from '../../define.js';
import { zeroSum } from './zero-sum-accounting-001.js';
import { argminG } from './optimal-generator-is-data.js';
import { halfAtConvergence } from './discriminator-half-at-convergence.js';
import { impact } from './most-impactful-of-decade.js';
import { realTermRewards } from './payoff-rewards-d-near-1-on-data.js';
import { fakeTermRewards } from './payoff-rewards-d-near-0-on-fakes.js';
import { bothImprove } from './both-players-improve.js';
import { gainsMinusLosses } from './zero-sum-gains-minus-losses.js';

export const DOC001: AnyClaim[] = [zeroSum, argminG, halfAtConvergence, impact, realTermRewards, fakeTermRewards, bothImprove, gainsMinusLosses];
