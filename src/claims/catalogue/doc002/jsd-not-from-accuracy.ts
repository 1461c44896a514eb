/**
 * Claim `jsd-not-from-accuracy` of seed document 002: "JSD is estimated via classification accuracy".
 * The best accuracy of a classifier between p and q (equal priors) is the Bayes accuracy
 * ½·Σ max(pᵢ, qᵢ) = ½(1 + TV(p, q)): a function of total variation, which does not determine the JSD
 * (pairs with the same accuracy have different JSDs). What the discriminator estimates the JSD from
 * is its optimal log-loss: max_D V = 2·JSD − ln 4 (Goodfellow et al. 2014, Theorem 1).
 */
import { jsd } from '../../../theory/jsd.js';
import { defineClaim } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The divergence the sentence says classification accuracy estimates. */
type Target = { measure: 'jsd' | 'tv' };

/** Pairs on a few points, three of them with Bayes accuracy ¾. */
const PAIRS: [string[], string[]][] = [
  [
    ['1', '0'],
    ['1/2', '1/2'],
  ],
  [
    ['3/4', '1/4'],
    ['1/4', '3/4'],
  ],
  [
    ['1/2', '1/2', '0'],
    ['0', '1/2', '1/2'],
  ],
  [
    ['1/2', '1/4', '1/4'],
    ['1/4', '1/4', '1/2'],
  ],
  [
    ['1/8', '7/8'],
    ['5/8', '3/8'],
  ],
];

const num = (s: string) => {
  const [a, b] = s.split('/');
  return Number(a) / Number(b ?? '1');
};

export const jsdAccuracy = defineClaim({
  id: 'jsd-not-from-accuracy',
  source: src('JSD is estimated via classification accuracy: a tractable stand-in for an intractable density problem.'),
  statement:
    'the JSD is a function of the best classification accuracy (Bayes accuracy ½·Σ max(pᵢ, qᵢ), equal priors), so accuracy estimates it: tested on pairs ' +
    'with equal Bayes accuracy ¾ — (1, 0) vs (½, ½), (¾, ¼) vs (¼, ¾), (½, ½, 0) vs (0, ½, ½) — whose certified JSDs must then agree; imprecise when ' +
    'they differ and the JSD is instead a function of the optimal log-loss, max_D V = 2·JSD − ln 4 on every pair (Goodfellow et al. 2014, Theorem 1)',
  method: 'exact',
  expected: 'imprecise',
  subject: { measure: 'jsd' } as Target,
  mutant: {
    description: 'the wrong divergence: total variation, which the Bayes accuracy does determine (accuracy = ½(1 + TV))',
    subject: { measure: 'tv' },
  },
  check: (s: Target) => {
    const rows = PAIRS.map(([ps, qs]) => {
      const p = ps.map(num);
      const q = qs.map(num);
      const accuracy = p.reduce((a, pi, i) => a + Math.max(pi, q[i] as number), 0) / 2;
      const tv = p.reduce((a, pi, i) => a + Math.abs(pi - (q[i] as number)), 0) / 2;
      const j = Number(jsd(ps, qs, { digits: 30 }).value);
      // the optimal log-loss: V(D*) = Σ p ln(p/(p+q)) + q ln(q/(p+q))
      const vStar = p.reduce((a, pi, i) => {
        const qi = q[i] as number;
        return a + (pi > 0 ? pi * Math.log(pi / (pi + qi)) : 0) + (qi > 0 ? qi * Math.log(qi / (pi + qi)) : 0);
      }, 0);
      return { ps, qs, accuracy, value: s.measure === 'jsd' ? j : tv, j, vStar };
    });
    // is the measure a function of the accuracy? two pairs with the same accuracy and different values say no
    let clash = '';
    for (const a of rows)
      for (const b of rows)
        if (clash === '' && a !== b && Math.abs(a.accuracy - b.accuracy) < 1e-12 && Math.abs(a.value - b.value) > 1e-9)
          clash =
            `(${a.ps.join(', ')}) vs (${a.qs.join(', ')}) and (${b.ps.join(', ')}) vs (${b.qs.join(', ')}) both have Bayes accuracy ${fmt(a.accuracy, 4)} ` +
            `but ${s.measure === 'jsd' ? 'JSD' : 'TV'} ${fmt(a.value, 4)} vs ${fmt(b.value, 4)}${s.measure === 'jsd' ? ' nats' : ''}`;
    const logLoss = rows.every((r) => Math.abs(2 * r.j - Math.log(4) - r.vStar) < 1e-12);
    const name = s.measure === 'jsd' ? 'JSD' : 'TV';
    if (clash === '')
      return {
        verdict: 'holds',
        evidence: `${name} is the same for every pair with the same Bayes accuracy (${rows.length} pairs)${s.measure === 'tv' ? ': TV = 2·accuracy − 1' : ''}`,
        numbers: { pairs: rows.length, logLoss },
      };
    return {
      verdict: logLoss ? 'imprecise' : 'refuted',
      evidence: `${clash}; the optimal log-loss max_D V = 2·JSD − ln 4 on all ${rows.length} pairs${logLoss ? '' : ' fails too'}`,
      counterexample: clash,
      correction:
        'the JSD is estimated from the discriminator’s optimal log-loss (cross-entropy), max_D V = 2·JSD − ln 4, not from its accuracy: the best ' +
        'accuracy is ½(1 + TV), which does not determine the JSD',
      numbers: { pairs: rows.length, logLoss },
    };
  },
});
