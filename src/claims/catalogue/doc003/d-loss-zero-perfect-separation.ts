/**
 * Claim `d-loss-zero-perfect-separation` of seed document 003: "the discriminator loss approaching zero
 * often means the discriminator is winning too easily: it perfectly distinguishes real from fake". For
 * the balanced BCE this is a bound, for every D (Markov's inequality on −ln D ≥ ln 2 where D < ½): its
 * classification error (threshold ½, equal priors) is at most L(D)/ln 2, so L → 0 forces error → 0.
 */
import type { Rng } from '../../../numeric/rng.js';
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { dLoss, dStar, type LossKind, randomTable } from './d-loss-zero-not-success.js';
import { src } from './setup.js';

/** Error of the classifier "real when score ≥ threshold" under equal priors. */
const errorOf = (pf: readonly number[], qf: readonly number[], score: readonly number[], threshold: number) =>
  (pf.reduce((a, p, i) => a + ((score[i] as number) < threshold ? p : 0), 0) + qf.reduce((a, q, i) => a + ((score[i] as number) >= threshold ? q : 0), 0)) / 2;

/** The worst ratio error/loss over random tables and discriminators (BCE), or over critics (WGAN: loss E_G[f] − E_data[f]). */
function worstRatio(kind: LossKind, rng: Rng, tables: number): { worst: number; example: string; smallestLoss: number } {
  let worst = 0;
  let example = '';
  let smallestLoss = Infinity;
  for (let n = 0; n < tables; n++) {
    const t = randomTable(rng, 5, n % 4 === 0);
    const star = dStar(t);
    for (let m = 0; m < 20; m++) {
      if (kind === 'bce') {
        // D* pushed toward 0/1 (small losses) and random D
        const d = m < 10 ? star.map((x) => Math.min(1 - 1e-12, Math.max(1e-12, x + 0.3 * (rng.uniform() - 0.5)))) : star.map(() => 0.01 + 0.98 * rng.uniform());
        const loss = dLoss(t, d);
        const err = errorOf(t.pf, t.qf, d, 0.5);
        smallestLoss = Math.min(smallestLoss, loss);
        const ratio = err / Math.max(loss, 1e-300);
        if (ratio > worst) {
          worst = ratio;
          example = `loss ${fmt(loss, 4)}, error ${fmt(err, 4)}`;
        }
      } else {
        // a critic f (unbounded; no sigmoid): the constant critic has loss 0 and separates nothing
        const f = m === 0 ? t.pf.map(() => 0) : t.pf.map(() => 4 * (rng.uniform() - 0.5));
        const loss = t.qf.reduce((a, q, i) => a + q * (f[i] as number), 0) - t.pf.reduce((a, p, i) => a + p * (f[i] as number), 0);
        const err = errorOf(t.pf, t.qf, f, 1e-12);
        if (Math.abs(loss) < 1e-9 && err > 0) {
          worst = Infinity;
          example = `critic f ≡ 0: loss 0, error ${fmt(err, 4)}`;
        }
        smallestLoss = Math.min(smallestLoss, Math.abs(loss));
      }
    }
  }
  return { worst, example, smallestLoss };
}

export const dLossSeparation = defineClaim({
  id: 'd-loss-zero-perfect-separation',
  source: src(
    'In standard GAN training, the discriminator loss approaching zero often means the discriminator is winning too easily: it perfectly distinguishes real ' +
      'from fake.',
  ),
  statement:
    'a standard GAN discriminator loss (balanced mean BCE) near zero means D (nearly) perfectly separates real from fake: for every D, its error ' +
    '(threshold ½, equal priors) is at most L(D)/ln 2 — checked on random tables on 5 points with D* pushed toward 0/1 and random D — so L → 0 forces ' +
    'error → 0',
  method: 'exact',
  expected: 'holds',
  subject: 'bce' as LossKind,
  mutant: {
    description: 'the wrong loss: the WGAN critic’s E_G[f] − E_data[f], which is 0 for a constant critic that separates nothing',
    subject: 'wgan-critic',
  },
  check: (kind: LossKind, ctx): Outcome => {
    const tables = ctx.size(40, 200);
    const r = worstRatio(kind, ctx.rng, tables);
    const ok = r.worst <= 1 / Math.LN2 + 1e-9;
    return ok
      ? {
          verdict: 'holds',
          evidence:
            `error ≤ loss/ln 2 for all ${20 * tables} discriminators on ${tables} random tables (largest error/loss ${fmt(r.worst, 4)} ≤ 1/ln 2 = ` +
            `${fmt(1 / Math.LN2, 4)}; smallest loss ${r.smallestLoss.toExponential(1)})`,
          numbers: { tables, worstRatio: r.worst, smallestLoss: r.smallestLoss },
        }
      : {
          verdict: 'refuted',
          evidence: `a loss near 0 with D far from separating: ${r.example}`,
          counterexample: r.example,
          numbers: { tables, worstRatio: Number.isFinite(r.worst) ? r.worst : 'inf', smallestLoss: r.smallestLoss },
        };
  },
});
