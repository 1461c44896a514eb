/** Claims of seed document 003 (ML-methods notes: failure modes, maximin, heuristics, exercises). */
import type { AnyClaim } from '../../define.js';
import { jsdGradient } from './jsd-zero-gradient-disjoint.js';
import { maximin } from './maximin-generator-single-mode.js';
import { dLossHover } from './discriminator-loss-near-log4.js';
import { noDensity } from './gans-have-no-density.js';
import { exerciseGradient } from './saturating-gradient-vanishes-exercise.js';
import { diffusion } from './diffusion-replaced-gans.js';
import { fid } from './fid-measures-distributions.js';
import { proofAssumptions } from './proof-needs-capacity-not-continuity.js';
import { lipschitzBounds } from './lipschitz-bounds-dual.js';
import { alternatingNoConvergence } from './alternating-gd-no-convergence.js';
import { dLossNotSuccess } from './d-loss-zero-not-success.js';
import { dLossFailing } from './d-loss-zero-means-g-failing.js';
import { dLossSeparation } from './d-loss-zero-perfect-separation.js';
import { singleImage } from './single-image-not-low-fid.js';
import { lowFidBadImages } from './low-fid-not-every-image-good.js';
import { clippingLimits } from './clipping-limits-critic.js';
import { finiteDFallsShort } from './finite-discriminator-falls-short.js';

export const DOC003: AnyClaim[] = [
  jsdGradient,
  maximin,
  dLossHover,
  noDensity,
  exerciseGradient,
  diffusion,
  fid,
  proofAssumptions,
  lipschitzBounds,
  alternatingNoConvergence,
  dLossNotSuccess,
  dLossFailing,
  dLossSeparation,
  singleImage,
  lowFidBadImages,
  clippingLimits,
  finiteDFallsShort,
];
