/** Claim `parameter-objective-nonconvex` of seed document 000. */
import { defineClaim, verdictOf } from '../../define.js';
import { chordTest, MASS_WEIGHTS, TOY_NETWORK } from '../../checks/parameter-convexity.js';
import { fmt } from '../../format.js';
import { formatRational } from '../../../theory/rational.js';
import { src } from './setup.js';

export const nonconvex = defineClaim({
  id: 'parameter-objective-nonconvex',
  source: src(
    'Since GAN involves two separate objectives—the generator loss and the discriminator loss—it is not a well-defined single-objective convex optimization ' +
      'problem.',
  ),
  statement:
    "the generator's objective C(G_θ) = max_D V(D, G_θ) = 2·JSD − log 4 is not convex in the parameters of the toy's ReLU generator: on a latent uniform on " +
    '{−1, 0, 1} and data uniform on {2, 3, 4}, a chord θ₁θ₂ has its midpoint certified strictly above the average of its ends (exact JSD, 30 digits; the ' +
    'chord G = z + 3, G = −z + 3 and random integer parameters)',
  method: 'exact',
  expected: 'holds',
  subject: TOY_NETWORK,
  mutant: {
    description: 'a wrong claim: the generator parametrised by its masses on {2, 3, 4} (where C is convex, JSD being an f-divergence)',
    subject: MASS_WEIGHTS,
  },
  check: (param, ctx) => {
    const r = chordTest(param, ctx.rng, ctx.size(20, 80));
    const w = r.worst;
    return {
      verdict: verdictOf({ asStated: r.violations > 0 }),
      evidence:
        r.violations > 0 && w !== null
          ? `${param.name}: the chord (${param.known.map((t) => `(${t.map(formatRational).join(', ')})`).join(' → ')}) has C = ${fmt(r.known.ends[0])}, ` +
            `${fmt(r.known.ends[1])} at its ends and ${fmt(r.known.mid)} at its midpoint; ${r.violations} of ${r.chords} chords break convexity; largest ` +
            `excess ${fmt(w.excess)}: C(θ₁) = ${fmt(w.ends[0])}, C(θ₂) = ${fmt(w.ends[1])}, C(midpoint) = ${fmt(w.mid)}`
          : `${param.name}: C(midpoint) ≤ average of the ends on all ${r.chords} chords`,
      numbers: { chords: r.chords, violations: r.violations, largestExcess: w?.excess ?? 0 },
      ...(r.violations > 0 && w !== null ? {} : { counterexample: `no chord of ${param.name} breaks convexity` }),
    };
  },
});
