/** Claims of seed document 001 (the short deep-learning primer) and its not-checkable sentences. */
import { shiftSeries } from '../../theory/gaussian.js';
import { defineClaim, notCheckable, verdictOf, verdictOfShare, type AnyClaim } from '../define.js';
import { median, population, quantile, share } from '../experiments.js';
import { add, mul, rational, sub, ZERO, type Rational } from '../../theory/rational.js';
import { DOC1, fmt, LN4, pct } from '../util.js';
import { TOY } from './doc000.js';

const src = (quote: string) => ({ doc: DOC1, quote });

const zeroSum = defineClaim({
  id: 'zero-sum-accounting-001',
  source: src('$$ \\sum_{i} g_i - \\sum_{j} l_i = 0 $$'),
  statement: 'random zero-sum games among 2–6 players (payoffs summing to 0, exact integers): total gains minus total losses is 0',
  method: 'exact',
  expected: 'holds',
  subject: (gains: Rational[], losses: Rational[]): Rational => sub(gains.reduce(add, ZERO), losses.reduce(add, ZERO)),
  mutant: { description: 'sum of gains plus sum of losses', subject: (gains: Rational[], losses: Rational[]): Rational => add(gains.reduce(add, ZERO), losses.reduce(add, ZERO)) },
  check: (balance, ctx) => {
    const n = ctx.size(100, 1000);
    let zero = 0;
    for (let t = 0; t < n; t++) {
      const players = 2 + (t % 5);
      const pay = Array.from({ length: players - 1 }, () => rational(BigInt(Math.floor(ctx.rng.uniform() * 41) - 20)));
      pay.push(mul(pay.reduce(add, ZERO), rational(-1n))); // zero-sum: the last player balances the rest
      const gains = pay.filter((v) => v.num > 0n);
      const losses = pay.filter((v) => v.num < 0n).map((v) => mul(v, rational(-1n)));
      if (balance(gains, losses).num === 0n) zero++;
    }
    return { verdict: verdictOf({ asStated: zero === n }), evidence: `gains − losses = 0 in ${zero}/${n} random zero-sum games`, numbers: { games: n, balanced: zero } };
  },
});

const argminG = defineClaim({
  id: 'optimal-generator-is-data',
  source: src('Therefore, at convergence, the final generator \\( \\star{g} \\) is … \\begin{equation} \\star{g} = \\argmin_{g} \\left[ \\maxunder{d} v(g,d) \\right]'),
  statement: 'over the family p_model = N(t, 1) against p_data = N(0, 1): max_d v = 2·JSD(t) − ln 4 (certified) is smallest at the claimed t and strictly larger elsewhere, so argmin_g max_d v reproduces p_data',
  method: 'exact',
  expected: 'holds',
  subject: { claimedArgmin: '0' },
  mutant: { description: 'claimed minimiser t = 1/2', subject: { claimedArgmin: '1/2' } },
  check: (s, ctx) => {
    const ts = ctx.quick ? ['-1', '-1/2', '0', '1/2', '1'] : ['-2', '-1', '-1/2', '-1/4', '0', '1/4', '1/2', '1', '2'];
    const rows = shiftSeries('gaussian', 1, ts, { digits: 20 });
    const c = rows.map((r) => ({ t: r.t, v: 2 * Number(r.jsd.value) - LN4.toNumber(), lower: Number(r.jsd.lower) }));
    const claimed = c.find((r) => r.t === s.claimedArgmin);
    const others = c.filter((r) => r.t !== s.claimedArgmin);
    const ok = claimed !== undefined && others.every((r) => r.lower * 2 - LN4.toNumber() > claimed.v);
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `max_d v over t: ${c.map((r) => `${r.t}: ${fmt(r.v, 4)}`).join(', ')}`,
      numbers: Object.fromEntries(c.map((r) => [`t=${r.t}`, r.v])),
    };
  },
});

const halfAtConvergence = defineClaim({
  id: 'discriminator-half-at-convergence',
  source: src('At convergence, the generator is expected to be strong enough that it can create realistic examples that are indistinguishable from real data. At this stage, the discriminator is confused and outputs \\( \\frac{1}{2} \\) everywhere.'),
  statement: "the document's toy after 1000 steps: share of seeds whose D is within 0.1 of 1/2 on the whole grid (data range 0.01%–99.99%), and share whose generated distribution is within W1 < 0.25 of the data",
  method: 'population',
  expected: 'refuted',
  subject: { setup: TOY, tolerance: 0.1 },
  mutant: { description: 'tolerance 0.5 (every D in [0, 1] passes)', subject: { setup: TOY, tolerance: 0.5 } },
  check: async ({ setup, tolerance }, ctx) => {
    const pop = await population(ctx, setup);
    const gaps = pop.final.map((m) => m.dHalfGap);
    const s = share(gaps, (g: number) => g <= tolerance);
    const realistic = share(pop.final, (m: { w1?: number }) => (m.w1 as number) < 0.25);
    return {
      verdict: verdictOfShare(s),
      evidence: `${pct(s)} of ${gaps.length} seeds have max|D − 1/2| ≤ ${tolerance} (median ${fmt(median(gaps))}, 90% ≤ ${fmt(quantile(gaps, 0.9))}); ${pct(realistic)} reach W1 < 0.25`,
      numbers: { seeds: gaps.length, share: s, medianGap: median(gaps), realisticShare: realistic },
      conditions: 'in the bulk of the data only, or for a share of the seeds',
    };
  },
});

const impact = defineClaim({
  id: 'most-impactful-of-decade',
  source: src('Generative adversarial networks (GANs) are one of the most impactful deep learning strategies of the 201X decade.'),
  statement: 'a historical judgement about impact',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'a judgement about research history; no computation on distributions or networks can decide it',
  check: notCheckable('a judgement about research history; no computation on distributions or networks can decide it'),
});

export const DOC001: AnyClaim[] = [zeroSum, argminG, halfAtConvergence, impact];
