/** Claim `equal-distributions-half-everywhere` of seed document 004. */
import { mixtureDstarGrid } from '../../../theory/gaussian.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D, fmt, linspace } from '../../util.js';
import { src } from './setup.js';

export const halfContinuous = defineClaim({
  id: 'equal-distributions-half-everywhere',
  source: src('When , everywhere—the discriminator can’t tell real from fake.'),
  statement: 'D*(x) = p_data/(p_data + p_g) certified at 20 points for continuous mixtures with p_g = p_data: the enclosure is exactly 1/2',
  method: 'exact',
  expected: 'holds',
  subject: { gSigma: '1/2' },
  mutant: { description: "p_g's component σ 0.51 instead of 0.5", subject: { gSigma: '51/100' } },
  check: (s) => {
    const p = [
      { weight: '1/3', mu: -2, sigma: '1/2' },
      { weight: '2/3', mu: 1, sigma: 1 },
    ];
    const q = [
      { weight: '1/3', mu: -2, sigma: s.gSigma },
      { weight: '2/3', mu: 1, sigma: 1 },
    ];
    const xs = linspace(-4, 4, 20).map((x) => `${Math.round(x * 100)}/100`);
    const grid = mixtureDstarGrid(p, q, xs, { digits: 30 });
    const half = grid.filter((e) => new D(e.lower).eq(0.5) && new D(e.upper).eq(0.5)).length;
    const worst = Math.max(...grid.map((e) => Math.abs(Number(e.value) - 0.5)));
    return {
      verdict: verdictOf({ asStated: half === grid.length }),
      evidence: `D* = 1/2 exactly at ${half}/${grid.length} points (largest |D* − 1/2| = ${fmt(worst)})`,
      numbers: { points: grid.length, exactlyHalf: half, worst },
    };
  },
});
