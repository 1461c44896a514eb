/** Claim `jsd-saturates-w1-does-not` of seed document 002. */
import { shiftSeries } from '../../../theory/gaussian.js';
import { defineClaim, verdictOf } from '../../define.js';
import { shiftPlot } from '../../plots.js';
import { contains, D, frac, LN2, type Dec } from '../../util.js';
import { src } from './setup.js';

export const jsdSaturates = defineClaim({
  id: 'jsd-saturates-w1-does-not',
  source: src(
    'When supports are disjoint, the JSD equals the constant $\\log 2$ regardless of how close the distributions are geometrically. … Even when the piles ' +
      'don’t overlap, the distance is finite and varies smoothly as the generator pile moves.',
  ),
  statement:
    'P = U[0,1], Q = P shifted by t: JSD (certified, 30 digits) equals the claimed constant ln 2 for every t ≥ 1, increases for t < 1, and W1 = t exactly',
  method: 'exact',
  expected: 'holds',
  subject: { saturation: LN2 as Dec },
  mutant: { description: 'saturation at 1 (bits and nats confused)', subject: { saturation: new D(1) as Dec } },
  check: (s, ctx) => {
    const ts = ['0', '1/8', '1/4', '1/2', '3/4', '1', '5/4', '3/2', '2', '3', '4', '6'];
    const rows = shiftSeries('uniform', 1, ctx.quick ? ts.filter((_, i) => i % 2 === 0 || i > 6) : ts, { digits: 30 });
    let constant = 0;
    let disjoint = 0;
    let w1Exact = 0;
    let increasing = true;
    let prev = -1;
    for (const r of rows) {
      const t = frac(r.t);
      if (t >= 1) {
        disjoint++;
        if (contains(r.jsd, s.saturation)) constant++;
      } else {
        const v = Number(r.jsd.value);
        if (!(v > prev)) increasing = false;
        prev = v;
      }
      if (new D(r.w1.value).eq(new D(t))) w1Exact++;
    }
    const ok = constant === disjoint && increasing && w1Exact === rows.length;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence:
        `JSD = ${rows[rows.length - 1]?.jsd.value.slice(0, 10)} at ${constant}/${disjoint} disjoint shifts (claimed ` +
        `${s.saturation.toSignificantDigits(8).toString()}); W1 = t exactly at ${w1Exact}/${rows.length}`,
      numbers: { shifts: rows.length, disjoint, saturated: constant, w1Exact },
      plots: [
        shiftPlot(
          rows.map((r) => ({ t: frac(r.t), jsd: Number(r.jsd.value), w1: Number(r.w1.value) })),
          'uniform, width 1',
          'shift-uniform',
        ),
      ],
      ...(ok ? {} : { counterexample: `JSD at disjoint supports is ${rows[rows.length - 1]?.jsd.value.slice(0, 12)}` }),
    };
  },
});
