/** Claim `gans-have-no-density` of seed document 003. */
import { generatorPieces, pushforwardDensity, type DenseLayer } from '../../../train/pushforward.js';
import { defineClaim, verdictOf } from '../../define.js';
import { pct } from '../../util.js';
import { src, type DensityClaim } from './setup.js';

export const noDensity = defineClaim({
  id: 'gans-have-no-density',
  source: src(
    'Unlike VAEs or normalizing flows, GANs do not produce an explicit density . You can sample from the generator but cannot evaluate the probability of a ' +
      'given sample.',
  ),
  statement:
    'two 1-16-1 ReLU generators of N(0,1) noise: one random (no flat piece), one whose units are all off for z < 0 (G is constant there: an atom of mass ' +
    "½). For each, the subject's density (or 'none') against 20,000 samples: a claimed density must match the probabilities of 20 intervals (99.9% " +
    "intervals); 'none' is right only where the samples show an atom (≥ 40% at one point)",
  method: 'monte-carlo',
  expected: 'imprecise',
  subject: (() => null) as DensityClaim,
  mutant: {
    description: 'a wrong density: p_G = the noise density N(0, 1)',
    subject: (() => (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) as DensityClaim,
  },
  check: (claimOf, ctx) => {
    const rng = ctx.rng;
    const n = 20_000;
    const make = (flat: boolean): DenseLayer[] => {
      const W1 = Array.from({ length: 16 }, () => (flat ? 0.2 + rng.uniform() : 2 * rng.uniform() - 1));
      const b1 = Array.from({ length: 16 }, () => (flat ? 0 : 2 * rng.uniform() - 1));
      const W2 = Array.from({ length: 16 }, () => (2 * rng.uniform() - 1) / 4);
      return [
        { W: W1, b: b1, fin: 1, fout: 16 },
        { W: W2, b: [0], fin: 16, fout: 1 },
      ];
    };
    const run = (layers: DenseLayer[]) => {
      const [l1, l2] = layers as [DenseLayer, DenseLayer];
      const G = (z: number) =>
        Array.from({ length: 16 }, (_, j) => (l2.W[j] as number) * Math.max(0, (l1.W[j] as number) * z + (l1.b[j] as number))).reduce((a, b) => a + b, 0);
      const xs = Array.from({ length: n }, () => G(rng.normal())).sort((a, b) => a - b);
      // an atom: the most repeated value's share
      let atom = 0;
      for (let i = 0, j = 0; i < n; i = j) {
        for (j = i; j < n && xs[j] === xs[i]; j++);
        atom = Math.max(atom, (j - i) / n);
      }
      const matches = (density: (x: number) => number) => {
        const lo = xs[Math.floor(n * 0.02)] as number;
        const hi = xs[Math.floor(n * 0.98)] as number;
        let outside = 0;
        for (let b = 0; b < 20; b++) {
          const a = lo + ((hi - lo) * b) / 20;
          const c = lo + ((hi - lo) * (b + 1)) / 20;
          let mass = 0;
          for (let i = 0; i < 200; i++) mass += (density(a + ((c - a) * (i + 0.5)) / 200) * (c - a)) / 200;
          const count = xs.filter((x) => x >= a && x < c).length;
          if (Math.abs(count / n - mass) > 3.29 * Math.sqrt((mass * (1 - mass)) / n) + 1e-3) outside++;
        }
        return outside <= 1;
      };
      const exact = atom < 0.4 ? pushforwardDensity(generatorPieces(layers)) : null;
      const truthHasDensity = exact !== null && matches(exact);
      const claimed = claimOf(layers);
      const claimRight = claimed === null ? atom >= 0.4 : atom < 0.4 && matches(claimed);
      return { atom, truthHasDensity, claimRight };
    };
    const smooth = run(make(false));
    const flat = run(make(true));
    const rightIn = [smooth.claimRight, flat.claimRight].filter(Boolean).length;
    const truthShown = smooth.truthHasDensity && flat.atom >= 0.4;
    return {
      verdict: verdictOf({ asStated: rightIn === 2, corrected: truthShown && rightIn === 1 }),
      evidence:
        `random generator: the exact pushforward density ${smooth.truthHasDensity ? 'matches' : 'does not match'} 20,000 samples, the claim is ` +
        `${smooth.claimRight ? 'right' : 'wrong'}; generator off for z < 0: an atom holds ${pct(flat.atom)} of the samples (no density), the claim is ` +
        `${flat.claimRight ? 'right' : 'wrong'}`,
      numbers: { smoothHasDensity: smooth.truthHasDensity, flatAtom: flat.atom, claimRightSmooth: smooth.claimRight, claimRightFlat: flat.claimRight },
      correction:
        'GAN training never needs p_G, and a generator can have none (an atom where G is flat, or a latent dimension below the data dimension); but a ' +
        'generator from ℝ to ℝ without flat pieces has a density, p_G(x) = Σ φ((x − c)/a)/|a| over its linear pieces, that can be evaluated exactly',
      ...(rightIn < 2 ? { counterexample: 'a 1-16-1 ReLU generator with no flat piece: its exact density matches the samples' } : {}),
    };
  },
});
