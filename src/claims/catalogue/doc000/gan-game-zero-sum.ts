/** Claim `gan-game-zero-sum` of seed document 000: is the GAN game zero-sum, with the losses the document uses? */
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist, randomTable } from '../../random-inputs.js';
import { src } from './setup.js';

/** G's loss on a table game: q the generator's masses, d the discriminator's table. */
type GLoss = (q: number[], d: number[]) => number;

const dot = (a: number[], f: (i: number) => number) => a.reduce((s, ai, i) => s + ai * f(i), 0);
/** The minimax game's generator loss, E_q log(1 − D) (the saturating form). */
const saturating: GLoss = (q, d) => dot(q, (i) => Math.log(1 - (d[i] as number)));
/** The non-saturating generator loss −E_q log D, which the document's PyTorch toy minimises (BCE against label 1). */
const nonSaturating: GLoss = (q, d) => -dot(q, (i) => Math.log(d[i] as number));

/** The games judged: the minimax GAN and the document's toy. */
interface Games {
  minimax: GLoss;
  toy: GLoss;
}

export const ganZeroSum = defineClaim({
  id: 'gan-game-zero-sum',
  source: src('- GAN is a zero-sum game with infinite strategies.'),
  statement:
    'a game is zero-sum up to strategic equivalence (Moulin & Vial 1978) when L_D + L_G splits as f(D) + g(G): its mixed difference ' +
    'over two discriminator tables and two generators, Δ = S(D₁,q₁) − S(D₁,q₂) − S(D₂,q₁) + S(D₂,q₂) with S = L_D + L_G, is 0. Checked on random ' +
    'tables (2–6 points, L_D = −V) for the minimax GAN (L_G = E_q log(1 − D)) and for the game the document\u2019s own toy plays (the non-saturating ' +
    'L_G = −E_q log D, Goodfellow 2016, §3.2.3)',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: { minimax: saturating, toy: nonSaturating } as Games,
  mutant: {
    description: 'a wrong claim: the toy\u2019s game is the minimax one (its generator loss taken to be E_q log(1 − D))',
    subject: { minimax: saturating, toy: saturating } as Games,
  },
  check: (games, ctx) => {
    const n = ctx.size(50, 200);
    const worst = { minimax: 0, toy: 0 };
    let example = '';
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k).map(frac);
      const [q1, q2] = [randomDist(ctx.rng, k).map(frac), randomDist(ctx.rng, k).map(frac)];
      const [d1, d2] = [randomTable(ctx.rng, k).map(frac), randomTable(ctx.rng, k).map(frac)];
      // L_D = −V = −E_p log D − E_q log(1 − D)
      const lD = (q: number[], d: number[]) => -dot(p, (j) => Math.log(d[j] as number)) - saturating(q, d);
      for (const g of ['minimax', 'toy'] as const) {
        const S = (d: number[], q: number[]) => lD(q, d) + games[g](q, d);
        const delta = Math.abs(S(d1, q1) - S(d1, q2) - S(d2, q1) + S(d2, q2));
        const scale = Math.max(1, Math.abs(S(d1, q1)));
        if (delta / scale > worst[g]) worst[g] = delta / scale;
        if (g === 'toy' && delta / scale > 1e-9 && example === '') example = `Δ = ${fmt(delta)} on a ${k}-point table`;
      }
    }
    const zeroSum = (w: number) => w <= 1e-12;
    const [mm, toy] = [zeroSum(worst.minimax), zeroSum(worst.toy)];
    return {
      verdict: verdictOf({ asStated: mm && toy, underConditions: mm }),
      evidence:
        `largest |Δ| (relative) over ${n} table games: ${fmt(worst.minimax)} for the minimax GAN (zero-sum: L_D + L_G = −E_p log D, ` +
        `a function of D alone), ${fmt(worst.toy)} for the toy\u2019s non-saturating game${toy ? '' : ' (not zero-sum)'}`,
      numbers: { games: n, worstMinimax: worst.minimax, worstToy: worst.toy },
      conditions:
        'with the minimax objective (G minimises E log(1 − D(G(z))) or V); the document\u2019s own PyTorch toy trains G with the ' +
        'non-saturating loss, whose game is not zero-sum: L_D + L_G keeps a term in both D and G',
      ...(example ? { counterexample: example } : {}),
    };
  },
});
