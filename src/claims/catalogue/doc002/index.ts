/** Claims of seed document 002 (the long tutorial: BCE, Bayes D*, KL/JSD, gradients, WGAN, stabilisers). */
import type { AnyClaim } from '../../define.js';
import { vIsBce } from './value-is-cross-entropy.js';
import { bayes } from './optimal-discriminator-is-bayes-posterior.js';
import { cgContinuous } from './c-of-g-continuous.js';
import { klJsd } from './kl-asymmetric-infinite-jsd-bounded.js';
import { saturatingGradient } from './saturating-gradient-small-in-d.js';
import { nsGradient } from './non-saturating-gradient-strong.js';
import { sameFixedPoint } from './same-fixed-point-both-losses.js';
import { labelSmoothing } from './label-smoothing-caps-d.js';
import { jsdSaturates } from './jsd-saturates-w1-does-not.js';
import { krDuality } from './kantorovich-rubinstein-duality.js';
import { gpUnitNorm } from './gradient-penalty-unit-norm.js';
import { floatPrecision } from './non-saturating-float-precision.js';
import { modeCollapse } from './mode-collapse-ring8.js';
import { separateLr } from './separate-learning-rates.js';
import { criticTracks } from './wgan-critic-tracks-w1.js';
import { neitherSettles } from './gda-neither-settles.js';
import { oscillationGuaranteed } from './gda-oscillation-guaranteed.js';
import { modeHopping } from './mode-hopping-two-modes.js';
import { satNotMeanD } from './saturating-loss-not-mean-d.js';
import { maxVIsBceTraining } from './maximising-v-is-bce-training.js';
import { nestedTheory } from './theory-is-nested-not-simultaneous.js';
import { sustainedPressure } from './sustained-pressure-learns-data.js';
import { jsdAccuracy } from './jsd-not-from-accuracy.js';
import { couplingLp } from './coupling-infimum-is-a-linear-program.js';
import { equilibriaScope } from './zero-sum-equilibria-scope.js';
import { mleGanDiffer } from './mle-and-gan-objectives-differ.js';
import { reverseKlModeSeeking } from './reverse-kl-mode-seeking.js';
import { forwardKlNoRatio } from './forward-kl-needs-no-ratio.js';
import { spectralNorm } from './spectral-norm-bounds-lipschitz.js';
import { logNearZero } from './log-one-minus-d-near-zero.js';
import { ganNeedsOnlySamples } from './gan-needs-only-samples.js';
import { valueAsIntegral } from './value-as-integral.js';
import { conditionalDRejects } from './conditional-d-rejects-wrong-class.js';
import { l1NoBlurPrevention } from './l1-term-does-not-prevent-blur.js';

export const DOC002: AnyClaim[] = [
  vIsBce,
  bayes,
  cgContinuous,
  klJsd,
  saturatingGradient,
  nsGradient,
  sameFixedPoint,
  labelSmoothing,
  jsdSaturates,
  krDuality,
  gpUnitNorm,
  floatPrecision,
  modeCollapse,
  separateLr,
  criticTracks,
  neitherSettles,
  oscillationGuaranteed,
  modeHopping,
  satNotMeanD,
  maxVIsBceTraining,
  nestedTheory,
  sustainedPressure,
  jsdAccuracy,
  couplingLp,
  equilibriaScope,
  mleGanDiffer,
  reverseKlModeSeeking,
  forwardKlNoRatio,
  spectralNorm,
  logNearZero,
  ganNeedsOnlySamples,
  valueAsIntegral,
  conditionalDRejects,
  l1NoBlurPrevention,
];
