/** Claim `gans-have-no-density` of seed document 003. */
import type { DenseLayer } from '../../../train/pushforward.js';
import { defineClaim, verdictOf } from '../../define.js';
import { pct } from '../../format.js';
import { src, type DensityClaim } from './setup.js';

export const noDensity = defineClaim({
  id: 'gans-have-no-density',
  source: src(
    'Unlike VAEs or normalizing flows, GANs do not produce an explicit density . You can sample from the generator but cannot evaluate the probability of a ' +
      'given sample.',
  ),
  statement:
    "in a GAN's setting, latent dimension below the data dimension (decided again with the referees, issue 23): a 1-16-2 ReLU generator of N(0,1) " +
    'noise puts all of p_G on a curve in ℝ², a set of area 0, so p_G has no density to evaluate; the subject says "none" or gives a density, which must ' +
    'give the curve (20,000 samples, all on it) its mass, and cannot while its ε-tube has area → 0. Reported, not judged: outside the setting (ℝ → ℝ ' +
    'without flat pieces) a density exists; that case is not judged',
  method: 'monte-carlo',
  expected: 'holds',
  review: {
    by: 'two referees, issue 23',
    said: 'the counterexample is a 1-D → 1-D generator; with dim z < dim x, p_G has no density; the correction admits it.',
    decision: 'changed',
    because:
      "the check is in a GAN's setting, latent dimension below the data dimension (a 1-16-2 ReLU generator): all 20,000 " +
      'samples lie on a curve of area 0 → holds; the 1-D → 1-D case, where a density exists, is reported, not judged',
  },
  subject: (() => null) as DensityClaim,
  mutant: {
    description: 'a wrong density: p_G = the noise pushed to ℝ² as N(0, I)',
    subject: (() =>
      (x: number, y = 0) =>
        Math.exp(-(x * x + y * y) / 2) / (2 * Math.PI)) as DensityClaim,
  },
  check: (claimOf, ctx) => {
    const rng = ctx.rng;
    const n = 20_000;
    const H = 16;
    const u = () => 2 * rng.uniform() - 1;
    const layers: DenseLayer[] = [
      { W: Array.from({ length: H }, u), b: Array.from({ length: H }, u), fin: 1, fout: H },
      { W: Array.from({ length: 2 * H }, () => u() / 4), b: [0, 0], fin: H, fout: 2 },
    ];
    const [l1, l2] = layers as [DenseLayer, DenseLayer];
    const G = (z: number): [number, number] => {
      const h = Array.from({ length: H }, (_, j) => Math.max(0, (l1.W[j] as number) * z + (l1.b[j] as number)));
      const out = (k: number) => h.reduce((s, v, j) => s + v * (l2.W[j * 2 + k] as number), 0);
      return [out(0), out(1)];
    };
    // the curve G(z), z ∈ [−6, 6], as a polyline of 24,000 segments (each ReLU piece is a straight segment)
    const zs = Array.from({ length: 24_001 }, (_, i) => -6 + (12 * i) / 24_000);
    const curve = zs.map(G);
    let length = 0;
    for (let i = 1; i < curve.length; i++) {
      const [a, b] = [curve[i - 1] as [number, number], curve[i] as [number, number]];
      length += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    // every sample is G(z) for its z: its distance to the polyline is at most the chord error (0 on a straight piece)
    let onCurve = 0;
    const samples: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      const x = G(z);
      samples.push(x);
      if (Math.abs(z) <= 6) onCurve++;
    }
    const eps = 1e-6;
    const tubeArea = 2 * eps * length + Math.PI * eps * eps;
    const claimed = claimOf(layers);
    let claimRight: boolean;
    let said: string;
    if (claimed === null) {
      claimRight = true;
      said = 'the subject says "none"';
    } else {
      // a density gives the ε-tube at most (its largest value on the samples) × area; the samples put ≥ onCurve/n there
      const peak = Math.max(...samples.map(([x, y]) => claimed(x, y)));
      const tubeMass = peak * tubeArea;
      claimRight = tubeMass >= onCurve / n - 3.29 * Math.sqrt(0.25 / n);
      said = `the subject's density gives the tube at most ${tubeMass.toExponential(2)}`;
    }
    return {
      verdict: verdictOf({ asStated: claimRight }),
      evidence:
        `${onCurve} of ${n} samples (${pct(onCurve / n)}) lie on the generator's curve (length ${length.toFixed(2)}), whose ${eps}-tube has area ` +
        `${tubeArea.toExponential(2)}: p_G has no density; ${said}. Outside the setting (latent dimension = data dimension) a generator without ` +
        'flat pieces has one, p_G(x) = Σ φ((x − c)/a)/|a| over its linear pieces: not judged here (train/pushforward.ts computes it, its tests check it)',
      numbers: { samples: n, onCurve, curveLength: length, tubeArea, claimRight },
      ...(claimRight ? {} : { counterexample: `${pct(onCurve / n)} of the samples on a curve of area 0: ${said}` }),
    };
  },
});
