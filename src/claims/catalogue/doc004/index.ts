/** Claims of seed document 004 (the overview: training-loop pseudo-code, equilibrium, JSD vs W1). */
import type { AnyClaim } from '../../define.js';
import { dLossCode } from './pseudo-code-discriminator-loss.js';
import { gLossOptions } from './pseudo-code-generator-losses.js';
import { halfContinuous } from './equal-distributions-half-everywhere.js';
import { minimisesJsd } from './objective-minimises-jsd.js';
import { smoother } from './wasserstein-smoother-gradients.js';
import { collapse } from './mode-collapse-grid25.js';
import { photoreal } from './photorealistic-faces.js';
import { weakD } from './weak-discriminator-no-improvement.js';
import { tooGoodD } from './too-good-discriminator-gradient.js';
import { sharpVersusBlurry } from './adversarial-loss-sharp-l2-blurs.js';

export const DOC004: AnyClaim[] = [dLossCode, gLossOptions, halfContinuous, minimisesJsd, smoother, collapse, photoreal, weakD, tooGoodD, sharpVersusBlurry];
