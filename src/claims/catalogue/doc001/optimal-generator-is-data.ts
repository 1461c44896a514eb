/** Claim `optimal-generator-is-data` of seed document 001. */
import { shiftSeries } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { LN4 } from '../../precise.js';
import { src } from './setup.js';

export const argminG = defineClaim({
  id: 'optimal-generator-is-data',
  source: src(
    'Therefore, at convergence, the final generator \\( \\star{g} \\) is … \\begin{equation} \\star{g} = \\argmin_{g} \\left[ \\maxunder{d} v(g,d) \\right]',
  ),
  statement:
    'over the family p_model = N(t, 1) against p_data = N(0, 1): max_d v = 2·JSD(t) − ln 4 (certified) is smallest at the claimed t and strictly larger ' +
    'elsewhere, so argmin_g max_d v reproduces p_data',
  method: 'exact',
  expected: 'holds',
  subject: { claimedArgmin: '0', objective: 'argmin' as 'argmin' | 'argmax' },
  mutant: {
    description: 'a wrong claim: the final generator is argmax_g max_d v (the generator that does worst), still claimed to be p_data',
    subject: { claimedArgmin: '0', objective: 'argmax' as 'argmin' | 'argmax' },
  },
  check: (s, ctx) => {
    const ts = ctx.quick ? ['-1', '-1/2', '0', '1/2', '1'] : ['-2', '-1', '-1/2', '-1/4', '0', '1/4', '1/2', '1', '2'];
    const rows = shiftSeries('gaussian', 1, ts, { digits: 20 });
    const c = rows.map((r) => ({ t: r.t, v: 2 * Number(r.jsd.value) - LN4.toNumber(), lower: Number(r.jsd.lower), upper: Number(r.jsd.upper) }));
    const claimed = c.find((r) => r.t === s.claimedArgmin);
    const others = c.filter((r) => r.t !== s.claimedArgmin);
    // argmin: every other t certified larger; argmax: every other t certified smaller
    const ok =
      claimed !== undefined &&
      others.every((r) => (s.objective === 'argmin' ? r.lower * 2 - LN4.toNumber() > claimed.v : r.upper * 2 - LN4.toNumber() < claimed.v));
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `max_d v over t: ${c.map((r) => `${r.t}: ${fmt(r.v, 4)}`).join(', ')}`,
      numbers: Object.fromEntries(c.map((r) => [`t=${r.t}`, r.v])),
    };
  },
});
