/** Claim `saturating-gradient-vanishes-exercise` of seed document 003. */
import { defineClaim, verdictOf } from '../../define.js';
import { confidentGradients } from '../../checks/confident-gradients.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const exerciseGradient = defineClaim({
  id: 'saturating-gradient-vanishes-exercise',
  source: src(
    'Explain why the standard GAN generator gradient vanishes when the discriminator is too good. Specifically, if for all , what is the gradient ? How ' +
      'does the non-saturating loss help?',
  ),
  statement:
    "through the trainer's own loss code (gLossOf, logit form) and TensorFlow.js autodiff: ‖∇_θ L_G‖ for G(z) = a·z + b against a confident D (D(G(z)) ≈ " +
    "e^−12), the subject's loss against the non-saturating one",
  method: 'trainer',
  expected: 'holds',
  subject: { loss: 'saturating' as 'saturating' | 'ns', depth: 12 },
  mutant: { description: 'the non-saturating loss examined', subject: { loss: 'ns' as 'saturating' | 'ns', depth: 12 } },
  positive: {
    description: 'a discriminator more confident still, D(G(z)) ≈ e^−20, where the saturating logit gradient is σ(l) ≈ 2·10⁻⁹',
    subject: { loss: 'saturating' as 'saturating' | 'ns', depth: 20 },
  },
  check: ({ loss, depth }) => {
    const stated = confidentGradients(loss, depth);
    const ns = confidentGradients('ns', depth);
    const ratio = stated.norm / ns.norm;
    return {
      verdict: verdictOf({ asStated: ratio < 1e-3 }),
      evidence: `mean D(G(z)) = ${fmt(stated.dOfFake)}; ‖∇θ‖ = ${fmt(stated.norm)} (${loss}) vs ${fmt(ns.norm)} (non-saturating): ratio ${fmt(ratio)}`,
      numbers: { dOfFake: stated.dOfFake, gradNorm: stated.norm, gradNormNs: ns.norm, ratio },
    };
  },
});
