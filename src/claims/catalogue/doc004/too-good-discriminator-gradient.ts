/** Claim `too-good-discriminator-gradient` of seed document 004. */
import { defineClaim, verdictOf } from '../../define.js';
import { confidentGradients, type GLoss as Loss, trainedDGradients } from '../../checks/confident-gradients.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The pseudo-code's two G losses and the discriminator they meet: built (logit −x − 12) or trained. */
interface PseudoCode {
  default: Loss;
  alternative: Loss;
  d: 'built' | 'trained';
}

export const tooGoodD = defineClaim({
  id: 'too-good-discriminator-gradient',
  source: src('Delicate balance required—if D is too good, G gets no gradient; if D is too weak, G doesn’t improve.'),
  statement:
    "if D is too good, G gets no gradient — for the losses of 004's own pseudo-code (G_loss = −mean(log(D(fake))), or mean(log(1 − D(fake)))): through the " +
    "trainer's loss code and TensorFlow.js autodiff, ‖∇_θ G_loss‖ for G(z) = a·z + b against a D with D(G(z)) ≈ e^−12, below 10⁻³ of the other loss's",
  method: 'trainer',
  expected: 'holds-under-conditions',
  subject: { default: 'ns', alternative: 'saturating', d: 'built' } as PseudoCode,
  mutant: {
    description: 'a wrong pseudo-code: the non-saturating loss in both places',
    subject: { default: 'ns', alternative: 'ns', d: 'built' } as PseudoCode,
  },
  positive: {
    description:
      'the minimax pseudo-code (the saturating loss in both places) against a discriminator that was trained, not built (a 1-16-1 ReLU ' +
      'network, 1000 Adam steps, fakes of G(z) = 0.5·z − 3): the sentence is true there if that D ends too good, which is not known in advance',
    subject: { default: 'saturating', alternative: 'saturating', d: 'trained' } as PseudoCode,
  },
  check: (losses, ctx) => {
    // one discriminator, built or trained once, and the gradient of each loss against it
    const both = losses.d === 'built' ? confidentGradients(12) : trainedDGradients(1000, ctx.seed, -3);
    const g = { default: both[losses.default], alternative: both[losses.alternative] };
    const ns = both.ns;
    const vanishes = (x: { norm: number }) => x.norm / ns.norm < 1e-3;
    const [d, a] = [vanishes(g.default), vanishes(g.alternative)];
    return {
      verdict: verdictOf({ asStated: d && a, underConditions: d || a }),
      evidence:
        `mean D(G(z)) = ${fmt(g.default.dOfFake)}; ‖∇θ‖ = ${fmt(g.default.norm)} for the default G_loss (${losses.default}), ` +
        `${fmt(g.alternative.norm)} for the alternative (${losses.alternative})`,
      numbers: { dOfFake: g.default.dOfFake, gradNormDefault: g.default.norm, gradNormAlternative: g.alternative.norm },
      ...(d !== a
        ? {
            conditions:
              `only with the ${d ? 'default' : 'alternative'} loss (${d ? losses.default : losses.alternative}); the ` +
              `${d ? 'alternative' : 'default'} one keeps a gradient of ${fmt((d ? g.alternative : g.default).norm)}`,
          }
        : {}),
      ...(!d && !a ? { counterexample: 'neither loss loses its gradient against a confident D' } : {}),
    };
  },
});
