/**
 * Claim `value-as-integral` of seed document 002: V(D, G) = ∫ [p_data log D + p_G log(1 − D)] dx, the
 * sampling form E_data[log D(x)] + E_z[log(1 − D(G(z)))] rewritten by a change of variables (the law of
 * the unconscious statistician), which needs p_G to have a density. Checked for a generator that has one,
 * G(z) = 1.5z + ½ of N(0,1) noise (p_G = N(½, 1.5²)), p_data = N(−1, 0.8²) and a fixed discriminator
 * D(x) = σ(0.8x − 0.3 − 0.2x²): the Monte Carlo value from data and noise samples, with its CLT interval,
 * against trapezoid quadrature of the integral.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The density the integral weighs log(1 − D) with, for G(z) = a·z + b of N(0,1) noise. */
export type FakeDensity = (x: number, a: number, b: number) => number;

const normal = (x: number, m: number, s: number) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
const logit = (x: number) => 0.8 * x - 0.3 - 0.2 * x * x;
/** ln D and ln(1 − D) for D = σ(s), without cancellation. */
const logD = (x: number) => -Math.log1p(Math.exp(-logit(x)));
const log1mD = (x: number) => -Math.log1p(Math.exp(logit(x)));
const [A, B] = [1.5, 0.5];
const [MU, SIGMA] = [-1, 0.8];

export const valueAsIntegral = defineClaim({
  id: 'value-as-integral',
  source: src('$$V(D, G) = \\int_x \\left[ p_{\\text{data}}(x) \\log D(x) + p_G(x) \\log(1 - D(x)) \\right] dx$$'),
  statement:
    'V(D, G) = E_data[log D(x)] + E_z[log(1 − D(G(z)))] equals ∫ [p_data log D + p_G log(1 − D)] dx (a change of variables, for a generator whose ' +
    'p_G has a density): for G(z) = 1.5z + ½ of N(0,1) noise (p_G = N(½, 1.5²)), p_data = N(−1, 0.8²), D(x) = σ(0.8x − 0.3 − 0.2x²), the Monte Carlo ' +
    'value from data and noise samples lies within 4 standard errors of the trapezoid quadrature of the integral, and so does its generator term ' +
    'E_z[log(1 − D(G(z)))] against ∫ p_G log(1 − D) dx; holds only under that condition (a density)',
  method: 'monte-carlo',
  expected: 'holds-under-conditions',
  subject: ((x, a, b) => normal(x, b, Math.abs(a))) as FakeDensity,
  mutant: {
    description: 'a wrong claim: the fake term integrated against the noise density p_z instead of p_G (the pushforward forgotten)',
    subject: ((x) => normal(x, 0, 1)) as FakeDensity,
  },
  check: (pG: FakeDensity, ctx): Outcome => {
    // quadrature on [−20, 20], 40,001 points (both densities negligible outside)
    const m = 40_000;
    const h = 40 / m;
    let real = 0;
    let fake = 0;
    for (let i = 0; i <= m; i++) {
      const x = -20 + i * h;
      const w = i === 0 || i === m ? 0.5 : 1;
      real += w * normal(x, MU, SIGMA) * logD(x);
      fake += w * pG(x, A, B) * log1mD(x);
    }
    real *= h;
    fake *= h;
    const n = ctx.size(50_000, 400_000);
    const sr = [0, 0] as [number, number];
    const sf = [0, 0] as [number, number];
    for (let i = 0; i < n; i++) {
      const r = logD(MU + SIGMA * ctx.rng.normal());
      const f = log1mD(A * ctx.rng.normal() + B);
      sr[0] += r;
      sr[1] += r * r;
      sf[0] += f;
      sf[1] += f * f;
    }
    const mr = sr[0] / n;
    const mf = sf[0] / n;
    const ser = Math.sqrt((sr[1] / n - mr * mr) / n);
    const sef = Math.sqrt((sf[1] / n - mf * mf) / n);
    const v = mr + mf;
    const sev = Math.hypot(ser, sef);
    const zV = Math.abs(v - (real + fake)) / sev;
    const zFake = Math.abs(mf - fake) / sef;
    const agree = zV <= 4 && zFake <= 4;
    const text =
      `Monte Carlo (${n} data and ${n} noise samples): V = ${fmt(v, 5)} ± ${fmt(sev, 2)}, E_z[log(1 − D(G(z)))] = ${fmt(mf, 5)} ± ${fmt(sef, 2)}; ` +
      `quadrature: ∫ [p_data log D + p_G log(1 − D)] dx = ${fmt(real + fake, 5)}, its fake term ${fmt(fake, 5)} (${fmt(zV, 2)} and ${fmt(zFake, 2)} ` +
      'standard errors apart)';
    return {
      // the integral needs p_G to have a density; in the document's own setting (latent dimension below the data's) it has none
      verdict: agree ? 'holds-under-conditions' : 'refuted',
      conditions:
        'when p_G has a density, as for this 1-D → 1-D generator; with the latent dimension below the data dimension, the setting 002 describes, ' +
        'p_G lies on a set of measure 0 and ∫ p_G log(1 − D) dx is undefined (gans-have-no-density: a 1-16-2 generator puts all its samples on a ' +
        'curve), while E_z[log(1 − D(G(z)))] is still defined',
      evidence: agree ? `${text}: the integral is the sampled value` : `${text}: the integral does not give the sampled value`,
      numbers: { n, mcValue: v, mcSe: sev, mcFake: mf, mcFakeSe: sef, integral: real + fake, integralFake: fake, zV, zFake },
      ...(agree ? {} : { counterexample: text }),
    };
  },
});
