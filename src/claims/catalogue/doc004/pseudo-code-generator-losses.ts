/** Claim `pseudo-code-generator-losses` of seed document 004. */
import { defineClaim, verdictOf } from '../../define.js';
import { linspace } from '../../calculus.js';
import { src } from './setup.js';

export const gLossOptions = defineClaim({
  id: 'pseudo-code-generator-losses',
  source: src('G_loss = -mean(log(D(fake))) # or mean(log(1 - D(fake)))'),
  statement: 'both generator losses push D(fake) up: each decreases as D(fake) increases (central differences at 999 points of (0, 1))',
  method: 'exact',
  expected: 'holds',
  subject: [(d: number) => -Math.log(d), (d: number) => Math.log(1 - d)] as ((d: number) => number)[],
  mutant: {
    description: 'second option −mean(log(1 − D(fake)))',
    subject: [(d: number) => -Math.log(d), (d: number) => -Math.log(1 - d)] as ((d: number) => number)[],
  },
  check: (losses) => {
    const ds = linspace(0.001, 0.999, 999);
    const decreasing = losses.map((f) => ds.every((d) => f(d + 1e-7) - f(d - 1e-7) < 0));
    const ok = decreasing.every(Boolean);
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `decreasing in D(fake) on (0, 1): ${decreasing.map((d, i) => `option ${i + 1} ${d ? 'yes' : 'no'}`).join(', ')}`,
      numbers: { decreasing: ok },
    };
  },
});
