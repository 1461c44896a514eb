/** Claims of seed document 000 (the toy-GAN tutorial: losses, D*, C(G), Nash, the PyTorch toy). */
import type { AnyClaim } from '../../define.js';
import { bceReal } from './bce-real-fake-terms.js';
import { lossIsMinusV } from './discriminator-loss-is-minus-v.js';
import { dstarClaim } from './optimal-discriminator.js';
import { concavity } from './pointwise-strict-concavity.js';
import { cg } from './c-of-g-is-2jsd-minus-log4.js';
import { valueIsJsdUpToConstant } from './value-is-jsd-up-to-constant.js';
import { globalMin } from './global-minimum-minus-log4.js';
import { nash } from './equilibrium-half-is-nash.js';
import { zeroSum } from './zero-sum-accounting-000.js';
import { ganZeroSum } from './gan-game-zero-sum.js';
import { vonNeumann } from './von-neumann-minimax.js';
import { orderOfPlay } from './max-min-order-of-play.js';
import { genDropsTerm } from './generator-loss-drops-constant.js';
import { toyConverges } from './toy-generates-target.js';
import { printedLog } from './toy-printed-log.js';
import { discriminatorGoodInitially } from './discriminator-good-initially.js';
import { nonconvex } from './parameter-objective-nonconvex.js';
import { infiniteGame } from './infinite-game-no-equilibrium.js';
import { nsNotMeanD } from './nonsaturating-loss-not-mean-d.js';
import { toySweep } from './toy-generates-target-sweep.js';
import { crossEntropyAsDivergence } from './cross-entropy-as-divergence.js';
import { accuracyVsLoss } from './accuracy-vs-discriminator-loss.js';
import { minimaxBeyondFinite } from './minimax-beyond-finite-games.js';
import { sameLabelAfterTraining } from './discriminator-same-label-after-training.js';
import { fooledAfterImprovement } from './discriminator-fooled-after-generator-improves.js';

export const DOC000: AnyClaim[] = [
  bceReal,
  lossIsMinusV,
  dstarClaim,
  concavity,
  cg,
  valueIsJsdUpToConstant,
  globalMin,
  nash,
  zeroSum,
  ganZeroSum,
  vonNeumann,
  orderOfPlay,
  genDropsTerm,
  toyConverges,
  toySweep,
  printedLog,
  discriminatorGoodInitially,
  nonconvex,
  infiniteGame,
  nsNotMeanD,
  crossEntropyAsDivergence,
  accuracyVsLoss,
  minimaxBeyondFinite,
  sameLabelAfterTraining,
  fooledAfterImprovement,
];
