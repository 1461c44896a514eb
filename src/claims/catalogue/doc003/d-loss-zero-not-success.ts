/**
 * Claim `d-loss-zero-not-success` of seed document 003 (and the tables shared with
 * `d-loss-zero-means-g-failing` and `d-loss-zero-perfect-separation`). The standard discriminator loss
 * is the mean binary cross-entropy on a balanced set, L(D) = ½(E_data[−ln D] + E_G[−ln(1 − D)]). For
 * every D, L(D) ≥ L(D*) = ln 2 − JSD(p_data, p_G) (Goodfellow et al. 2014, Theorem 1: max_D V =
 * 2·JSD − ln 4 and V = −2L): a loss near 0 forces the JSD near its maximum ln 2, the generator far from
 * the data. The JSDs are the theory layer's certified values; L is computed from D directly.
 */
import { jsd } from '../../../theory/jsd.js';
import { w1 } from '../../../theory/wasserstein.js';
import type { Rng } from '../../../numeric/rng.js';
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** A pair of distributions on k points as exact fractions, with their float values. */
export interface Table {
  p: string[];
  q: string[];
  pf: number[];
  qf: number[];
}

/** A random pair on k points (integer weights 0…20, at least one positive), or a disjoint one. */
export function randomTable(rng: Rng, k: number, disjoint = false): Table {
  const draw = (half: 0 | 1 | null) => {
    const w: number[] = Array.from({ length: k }, (_, i) => (half !== null && i % 2 !== half ? 0 : Math.floor(21 * rng.uniform())));
    if (!w.some((x) => x > 0)) w[half ?? 0] = 1;
    const t = w.reduce((a, b) => a + b, 0);
    return { s: w.map((x) => `${x}/${t}`), f: w.map((x) => x / t) };
  };
  const a = draw(disjoint ? 0 : null);
  const b = draw(disjoint ? 1 : null);
  return { p: a.s, q: b.s, pf: a.f, qf: b.f };
}

/** The balanced mean BCE of a discriminator given by its values on the k points (−ln 0 terms only where the mass is 0). */
export function dLoss(t: Table, d: readonly number[]): number {
  let s = 0;
  t.pf.forEach((pi, i) => {
    if (pi > 0) s -= pi * Math.log(d[i] as number);
  });
  t.qf.forEach((qi, i) => {
    if (qi > 0) s -= qi * Math.log1p(-(d[i] as number));
  });
  return s / 2;
}

/** D* = p/(p + q) (½ where neither has mass). */
export const dStar = (t: Table) => t.pf.map((pi, i) => (pi + (t.qf[i] as number) > 0 ? pi / (pi + (t.qf[i] as number)) : 0.5));
export const jsdOf = (t: Table) => Number(jsd(t.p, t.q, { digits: 30 }).lower);

/**
 * The bound L(D) ≥ ln 2 − JSD over random tables and random discriminators (D* among them): the
 * smallest slack found, and whether it is ever negative.
 */
export function lossBound(rng: Rng, tables: number): { tables: number; ds: number; minSlack: number; atDStar: number } {
  let minSlack = Infinity;
  let atDStar = 0;
  let ds = 0;
  for (let n = 0; n < tables; n++) {
    const t = randomTable(rng, 5);
    const j = jsdOf(t);
    const star = dStar(t);
    atDStar = Math.max(atDStar, Math.abs(dLoss(t, star) - (Math.LN2 - j)));
    for (let m = 0; m < 20; m++) {
      // D* perturbed, and uniform random D
      const d = m < 10 ? star.map((x) => Math.min(1 - 1e-9, Math.max(1e-9, x + 0.2 * (rng.uniform() - 0.5)))) : star.map(() => 0.01 + 0.98 * rng.uniform());
      minSlack = Math.min(minSlack, dLoss(t, d) - (Math.LN2 - j));
      ds++;
    }
  }
  return { tables, ds, minSlack, atDStar };
}

/** Which discriminator loss "going to zero" is about: the standard GAN's BCE, or the WGAN critic's loss E_G[f] − E_data[f]. */
export type LossKind = 'bce' | 'wgan-critic';

export const dLossNotSuccess = defineClaim({
  id: 'd-loss-zero-not-success',
  source: src('Discriminator loss going to zero does not mean training succeeded'),
  statement:
    'the standard discriminator loss (balanced mean BCE) going to zero does not mean success: its optimum is ln 2 − JSD(p_data, p_G), zero exactly when ' +
    'the supports are disjoint (JSD = ln 2, its largest value: the generator as far as it can be in the JSD, though not ' +
    'necessarily in W1), and every D has L(D) ≥ ln 2 − JSD (random tables on 5 points, random D, ' +
    'certified JSD), so a loss near 0 forces the JSD near ln 2',
  method: 'exact',
  expected: 'holds',
  subject: 'bce' as LossKind,
  mutant: {
    description: 'the wrong loss: the WGAN critic’s, whose optimum is −W1(p_data, p_G), zero only when p_G = p_data',
    subject: 'wgan-critic',
  },
  check: (kind: LossKind, ctx): Outcome => {
    const tables = ctx.size(40, 200);
    if (kind === 'wgan-critic') {
      // the optimal critic's loss is −W1 (Kantorovich–Rubinstein); on the line with points 0…4, certified
      let smallest = Infinity;
      for (let n = 0; n < tables; n++) {
        const t = randomTable(ctx.rng, 5, n % 2 === 0);
        const w = Number(w1(t.p, t.q, [0, 1, 2, 3, 4], { digits: 20 }).distance.lower);
        if (t.p.some((x, i) => x !== t.q[i])) smallest = Math.min(smallest, w);
      }
      return {
        verdict: 'refuted',
        evidence:
          `the optimal critic's loss is −W1: over ${tables} pairs with p_G ≠ p_data (half of them disjoint) it is never above −${fmt(smallest, 3)}, so ` +
          'a critic loss going to zero does mean p_G → p_data',
        counterexample: 'critic loss −W1 = 0 only at p_G = p_data',
        numbers: { tables, smallestW1: smallest },
      };
    }
    const b = lossBound(ctx.rng, tables);
    const disjoint = randomTable(ctx.rng, 6, true);
    const lossDisjoint = dLoss(disjoint, dStar(disjoint));
    const jDisjoint = jsdOf(disjoint);
    const ok = b.minSlack > -1e-12 && b.atDStar < 1e-12 && lossDisjoint === 0;
    const text =
      `L(D) − (ln 2 − JSD) ≥ ${b.minSlack.toExponential(2)} over ${b.ds} discriminators on ${b.tables} random tables (equality at D*, within ` +
      `${b.atDStar.toExponential(1)}); disjoint p = (${disjoint.p.join(', ')}), q = (${disjoint.q.join(', ')}): L(D*) = ${lossDisjoint} with JSD = ` +
      `${fmt(jDisjoint, 6)} = ln 2`;
    return ok
      ? { verdict: 'holds', evidence: `a zero loss marks the worst generator, not success: ${text}`, numbers: { ...b, lossDisjoint, jDisjoint } }
      : { verdict: 'refuted', evidence: text, counterexample: text, numbers: { ...b, lossDisjoint, jDisjoint } };
  },
});
