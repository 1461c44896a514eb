/**
 * Claim `sustained-pressure-learns-data` of seed document 002: "this adversarial pressure, sustained
 * long enough, drives the generator to learn the true data distribution". It does when the pressure
 * is a discriminator kept at its optimum for the current generator (Goodfellow et al. 2014,
 * Proposition 2: the nested scheme of `theory-is-nested-not-simultaneous`); with both players taking
 * simultaneous gradient steps (the Dirac-GAN, Mescheder et al. 2018) the iterates never settle,
 * however long they run.
 */
import { defineClaim } from '../../define.js';
import { src } from './setup.js';
import { type Inner, nestedAndSimultaneous } from './theory-is-nested-not-simultaneous.js';

export const sustainedPressure = defineClaim({
  id: 'sustained-pressure-learns-data',
  source: src('The remarkable claim is that this adversarial pressure, sustained long enough, drives the generator to learn the true data distribution'),
  statement:
    'the pressure of a discriminator kept at its optimum D* for the current generator, sustained, drives p_G to p_data: on a tabular game (6 points, random ' +
    'p_data and starts) gradient steps on p_G with D := D* before each step bring JSD(p_data, p_G) below 10⁻¹⁰ from every start (Goodfellow et al. 2014, ' +
    'Proposition 2); under the condition that D is kept optimal: simultaneous gradient steps of both players on the Dirac-GAN (Mescheder et al. 2018) ' +
    'diverge, however long they run',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: { inner: 'optimal' } as Inner,
  mutant: {
    description: 'the pressure not sustained: D frozen at its optimum for the initial generator, never re-optimised',
    subject: { inner: 'frozen' },
  },
  check: async (s: Inner, ctx) => {
    const r = await nestedAndSimultaneous(s, ctx);
    const conditions =
      'the discriminator is kept at its optimum for the current generator (Proposition 2’s nested scheme); simultaneous gradient steps of both ' +
      'players do not converge (Dirac-GAN)';
    return r.converged
      ? {
          verdict: r.sim.verdict === 'holds' ? 'holds-under-conditions' : 'holds',
          evidence: r.text,
          conditions,
          numbers: { converged: true, worstFinalJsd: r.worst, simultaneousDiverges: r.sim.verdict === 'holds' },
        }
      : {
          verdict: 'refuted',
          evidence: `p_G does not reach p_data: ${r.text}`,
          counterexample: r.text,
          numbers: { converged: false, worstFinalJsd: r.worst, simultaneousDiverges: r.sim.verdict === 'holds' },
        };
  },
});
