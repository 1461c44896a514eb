/** Claim `jsd-saturates-w1-does-not` of seed document 002, on gan-verify/checks' `shift` (certified shift series of U[0, 1]). */
import { claim } from '../../library/claim.js';
import { all } from '../../library/combine.js';
import { shift } from '../../library/shift.js';
import { DOC2 } from '../../catalogue/seeds.js';

const apart = ['1', '5/4', '3/2', '2', '3', '4', '6'];
const overlapping = ['0', '1/8', '1/4', '1/2', '3/4', '1'];
const every = [...overlapping, ...apart.slice(1)];

export const jsdSaturates = claim({
  id: 'jsd-saturates-w1-does-not',
  doc: DOC2,
  quote:
    'When supports are disjoint, the JSD equals the constant $\\log 2$ regardless of how close the distributions are geometrically. … Even when the piles ' +
    'don’t overlap, the distance is finite and varies smoothly as the generator pile moves.',
  statement:
    'P = U[0,1], Q = P shifted by t: W1 = t exactly at every shift; JSD (certified) equals ln 2 at every shift t ≥ 1 (disjoint supports) and increases ' +
    'for t < 1',
  expected: 'holds',
  ...all([
    shift({ family: 'uniform', scale: 1, measure: 'w1', at: every, claimed: every.map((t) => `\\frac{${t.split('/')[0]}}{${t.split('/')[1] ?? 1}}`) }),
    shift({ family: 'uniform', scale: 1, measure: 'jsd', at: apart, claimed: apart.map(() => '$1') }),
    shift({ family: 'uniform', scale: 1, measure: 'jsd', at: overlapping, claimed: 'increasing' }),
  ]),
});
