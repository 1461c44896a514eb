/** Claim `c-of-g-is-2jsd-minus-log4` of seed document 000. */
import { defineClaim } from '../../define.js';
import { checkCg, documentCg, wrongCg } from '../../checks/cg.js';
import { src } from './setup.js';

export const cg = defineClaim({
  id: 'c-of-g-is-2jsd-minus-log4',
  source: src(
    '$$ V(D^*,G) =\\Big[\\mathrm{KL}(p_{\\text{data}}\\|m)+\\mathrm{KL}(p_G\\|m)\\Big]-2\\log 2 =2\\,\\mathrm{JS}(p_{\\text{data}}\\|p_G) -\\log 4 $$',
  ),
  statement: 'V(D*, G) computed from D* (certified, 40 digits) equals 2·JSD − ln 4 computed from the JSD (certified) on random discrete pairs with zeros',
  method: 'exact',
  expected: 'holds',
  subject: documentCg,
  mutant: { description: 'C(G) = JSD − log 4', subject: wrongCg },
  check: (f, ctx) => checkCg(f, ctx, 'discrete'),
});
