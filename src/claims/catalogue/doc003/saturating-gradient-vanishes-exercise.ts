/** Claim `saturating-gradient-vanishes-exercise` of seed document 003. */
import { defineClaim, verdictOf } from '../../define.js';
import { confidentGradients, type GLoss, trainedDGradients } from '../../checks/confident-gradients.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The loss examined and the discriminator: built (logit −x − 12) or trained. */
interface Exercise {
  loss: GLoss;
  d: 'built' | 'trained';
}

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
  subject: { loss: 'saturating', d: 'built' } as Exercise,
  mutant: { description: 'a wrong claim: the non-saturating loss vanishes the same way', subject: { loss: 'ns', d: 'built' } as Exercise },
  positive: {
    description:
      'a discriminator that was trained, not built: a 1-16-1 ReLU network trained by Adam (1000 steps) to tell N(3, 1) from fakes of ' +
      'G(z) = 0.5·z − 3, then frozen; whether it ends confident enough for the gradient to vanish is not known in advance (with the fakes ' +
      'at 0.5·z it does not)',
    subject: { loss: 'saturating', d: 'trained' } as Exercise,
  },
  check: ({ loss, d }, ctx) => {
    // one discriminator, built or trained once, and the gradient of each loss against it
    const both = d === 'built' ? confidentGradients(12) : trainedDGradients(1000, ctx.seed, -3);
    const stated = both[loss];
    const ns = both.ns;
    const ratio = stated.norm / ns.norm;
    return {
      verdict: verdictOf({ asStated: ratio < 1e-3 }),
      evidence:
        `${d === 'built' ? 'D built with logit −x − 12' : 'D trained (1000 Adam steps)'}: mean D(G(z)) = ${fmt(stated.dOfFake)}; ` +
        `‖∇θ‖ = ${fmt(stated.norm)} (${loss}) vs ${fmt(ns.norm)} (non-saturating): ratio ${fmt(ratio)}`,
      numbers: { dOfFake: stated.dOfFake, gradNorm: stated.norm, gradNormNs: ns.norm, ratio },
    };
  },
});
