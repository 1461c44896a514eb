/** Claim `wasserstein-smoother-gradients` of seed document 004. */
import { shiftSeries } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D } from '../../precise.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const smoother = defineClaim({
  id: 'wasserstein-smoother-gradients',
  source: src('WGAN instead minimizes the Wasserstein (Earth Mover’s) distance, which provides smoother gradients.'),
  statement:
    'P = N(0,1), Q = P shifted by t: the derivative of the subject distance in t at t = 6 (certified values at t ± 1/1000): W1 keeps slope 1, JSD’s slope ' +
    'has all but vanished',
  method: 'exact',
  expected: 'holds',
  subject: 'w1' as 'w1' | 'jsd',
  mutant: { description: 'JSD as the distance', subject: 'jsd' as 'w1' | 'jsd' },
  check: (which) => {
    const rows = shiftSeries('gaussian', 1, ['5999/1000', '6001/1000'], { digits: 30 });
    const slope = (k: 'w1' | 'jsd') =>
      new D((rows[1] as never as Record<string, { value: string }>)[k]!.value)
        .minus((rows[0] as never as Record<string, { value: string }>)[k]!.value)
        .div(new D(2).div(1000))
        .toNumber();
    const s = slope(which);
    const other = slope(which === 'w1' ? 'jsd' : 'w1');
    return {
      verdict: verdictOf({ asStated: s > 0.5 }),
      evidence: `slope at t = 6: ${which} ${fmt(s)}, ${which === 'w1' ? 'JSD' : 'W1'} ${fmt(other)}`,
      numbers: { slope: s, otherSlope: other },
    };
  },
});
