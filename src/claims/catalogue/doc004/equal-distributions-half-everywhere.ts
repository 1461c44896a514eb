/** Claim `equal-distributions-half-everywhere` of seed document 004. */
import { mixtureDstarGrid } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D } from '../../precise.js';
import { fmt } from '../../format.js';
import { linspace } from '../../calculus.js';
import { src } from './setup.js';

export const halfContinuous = defineClaim({
  id: 'equal-distributions-half-everywhere',
  source: src('When , everywhere—the discriminator can’t tell real from fake.'),
  statement: 'D*(x) = p_data/(p_data + p_g) certified at 20 points for continuous mixtures with p_g = p_data: the enclosure is exactly 1/2',
  method: 'exact',
  expected: 'holds',
  subject: { gWeights: ['1/3', '2/3'] },
  mutant: {
    description: "a wrong setup: p_g has p_data's two modes with their weights swapped (2/3, 1/3), so p_g ≠ p_data",
    subject: { gWeights: ['2/3', '1/3'] },
  },
  check: (s) => {
    const p = [
      { weight: '1/3', mu: -2, sigma: '1/2' },
      { weight: '2/3', mu: 1, sigma: 1 },
    ];
    const q = [
      { weight: s.gWeights[0] as string, mu: -2, sigma: '1/2' },
      { weight: s.gWeights[1] as string, mu: 1, sigma: 1 },
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
