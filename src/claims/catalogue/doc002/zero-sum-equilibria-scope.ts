/**
 * Claim `zero-sum-equilibria-scope` of seed document 002: "Game theory tells us that such games have
 * Nash equilibria". The idealised GAN game (D and p_G any functions) has one: p_G = p_data, D = ½
 * (`equilibrium-half-is-nash`). What game theory guarantees is narrower: von Neumann's theorem covers
 * finite games (`von-neumann-minimax`; Glicksberg 1952 and Sion 1958 compact, continuous or
 * concave–convex ones), and a zero-sum game with infinitely many strategies need not have an
 * equilibrium (`infinite-game-no-equilibrium`: "name the larger integer"). The three computations are
 * those claims' own checks, run here on their subjects.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { nash } from '../doc000/equilibrium-half-is-nash.js';
import { infiniteGame } from '../doc000/infinite-game-no-equilibrium.js';
import { vonNeumann } from '../doc000/von-neumann-minimax.js';
import { src } from './setup.js';

/** The game "such games" is read as: the idealised GAN game, or "name the larger positive integer" (zero-sum, infinite). */
type Which = { game: 'gan' | 'larger-integer' };

export const equilibriaScope = defineClaim({
  id: 'zero-sum-equilibria-scope',
  source: src('Game theory tells us that such games have Nash equilibria'),
  statement:
    'the GAN’s zero-sum game has a Nash equilibrium: in the idealised game (D and p_G any functions) p_G = p_data with D = ½ is one (exact, as ' +
    'equilibrium-half-is-nash); under conditions only as a consequence of game theory: von Neumann’s theorem is for finite games (exact LP, as ' +
    'von-neumann-minimax) and a zero-sum game with infinitely many strategies, "name the larger integer", has none (exact, as infinite-game-no-equilibrium)',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: { game: 'gan' } as Which,
  mutant: {
    description: 'the wrong game: "such games" read as "name the larger positive integer", also zero-sum with infinite strategies',
    subject: { game: 'larger-integer' },
  },
  check: async (s: Which, ctx): Promise<Outcome> => {
    const none = await infiniteGame.check(infiniteGame.subject, ctx);
    const finite = await vonNeumann.check(vonNeumann.subject, ctx);
    const noEquilibriumShown = none.verdict === 'holds';
    if (s.game === 'larger-integer')
      return noEquilibriumShown
        ? {
            verdict: 'refuted',
            evidence: `"name the larger integer" is zero-sum and has no Nash equilibrium: ${none.evidence}`,
            counterexample: 'a zero-sum game with infinitely many strategies and no equilibrium, even in mixed strategies',
            numbers: { noEquilibriumShown },
          }
        : { verdict: 'holds', evidence: `an equilibrium was not ruled out: ${none.evidence}`, numbers: { noEquilibriumShown } };
    const gan = await nash.check(nash.subject, ctx);
    const ganHas = gan.verdict === 'holds';
    return {
      verdict: !ganHas ? 'refuted' : noEquilibriumShown ? 'holds-under-conditions' : 'holds',
      evidence:
        `the idealised GAN game: ${gan.verdict} (${gan.evidence}); finite games (von Neumann): ${finite.verdict} (${finite.evidence}); ` +
        `an infinite zero-sum game without equilibrium: ${none.verdict} (${none.evidence})`,
      conditions:
        'the GAN game has one in its idealised form (D and p_G any functions: p_G = p_data, D = ½); game theory guarantees equilibria for finite games ' +
        '(von Neumann) and compact, continuous or concave–convex ones, not for zero-sum games in general',
      numbers: { ganHas, noEquilibriumShown, finite: finite.verdict },
    };
  },
});
