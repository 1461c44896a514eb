/** Claims of seed document 001 (the short deep-learning primer) and its not-checkable sentences. */
import { shiftSeries } from '../../theory/gaussian.js';
import { defineClaim, notCheckable, verdictOf, type AnyClaim, type IntervalEvidence, type Verdict } from '../define.js';
import { lookAt, median, sequential } from '../experiments.js';
import { shareEvidence, showShare } from '../checks/statistics.js';
import { convergedToy, tabularNash, type ConvergedMember } from '../checks/converged.js';
import { add, mul, rational, sub, ZERO, type Rational } from '../../theory/rational.js';
import { DOC1, fmt, LN4 } from '../util.js';
import { TOY_SEQ } from './doc000.js';

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

type AtConvergence = { kind: 'toy'; value: number } | { kind: 'tabular-nash'; value: number };
const halfAtConvergence = defineClaim({
  id: 'discriminator-half-at-convergence',
  source: src('At convergence, the generator is expected to be strong enough that it can create realistic examples that are indistinguishable from real data. At this stage, the discriminator is confused and outputs \\( \\frac{1}{2} \\) everywhere.'),
  statement:
    "under the sentence's condition: among the toy's seeds whose generator converged (W1 < 0.5 to N(3,1), half the data's σ, after 1000 steps), the share whose D is within 0.1 of ½ exceeds ½ — everywhere (the grid over the data's 0.01–99.99% range) and on the data's bulk μ ± 2σ = [1, 5]; Clopper–Pearson intervals, 64 → 128 → 256 seeds while they straddle ½",
  method: 'population',
  expected: 'inconclusive',
  subject: { kind: 'toy', value: 0.5 } as AtConvergence,
  mutant: { description: 'a wrong value: the discriminator outputs ¾ at convergence', subject: { kind: 'toy', value: 0.75 } as AtConvergence },
  positive: { description: 'the tabular GAN at its Nash point (G frozen at p_data, D trained alone from random tables)', subject: { kind: 'tabular-nash', value: 0.5 } as AtConvergence },
  check: async (s, ctx) => {
    const tol = 0.1;
    const decide = (members: ConvergedMember[], level: number): { verdict: Verdict; interval: IntervalEvidence; wide: IntervalEvidence | null; members: ConvergedMember[] } => {
      const bulk = members.filter((m) => m.bulkGap(s.value) <= tol).length;
      const wide = members.filter((m) => m.wideGap(s.value) <= tol).length;
      if (members.length === 0) return { verdict: 'inconclusive', interval: { statistic: 'no converged member', estimate: 0, low: 0, high: 1, level, n: 0, threshold: 0.5 }, wide: null, members };
      const bulkIv = shareEvidence(bulk, members.length, level, `share of converged seeds with |D − ${s.value}| ≤ ${tol} on the data's bulk`, 0.5);
      const wideIv = shareEvidence(wide, members.length, level, `share of converged seeds with |D − ${s.value}| ≤ ${tol} everywhere`, 0.5);
      const b = lookAt(bulkIv, 'above').verdict;
      const w = lookAt(wideIv, 'above').verdict;
      // holds-under-conditions needs both: the bulk shown to hold and "everywhere" shown to fail
      const verdict: Verdict = w === 'holds' ? 'holds' : b === 'holds' ? (w === 'refuted' ? 'holds-under-conditions' : 'inconclusive') : b;
      return { verdict, interval: bulkIv, wide: wideIv, members };
    };
    const r =
      s.kind === 'toy'
        ? await sequential(ctx, TOY_SEQ, (pop, level) => decide(convergedToy(pop, 0.5, [1, 5]), level))
        : { ...decide(await tabularNash(ctx, ctx.size(8, 16)), 0.95), pop: null, looks: 1 };
    const wideText = r.wide ? showShare(r.wide, 'converged seeds') : 'none';
    const seeds = r.pop ? r.pop.final.length : r.members.length;
    return {
      verdict: r.verdict,
      evidence: `${r.members.length} of ${seeds} seeds converged; |D − ${s.value}| ≤ ${tol} on the bulk: ${r.members.length ? showShare(r.interval, 'converged seeds') : 'none'}; everywhere: ${wideText}`,
      numbers: { seeds, converged: r.members.length, bulkShare: r.interval.estimate, wideShare: r.wide?.estimate ?? 0, medianBulkGap: r.members.length ? median(r.members.map((m) => m.bulkGap(s.value))) : 'none' },
      interval: r.interval,
      conditions: `on the data's bulk [1, 5] (${r.members.length ? showShare(r.interval, 'converged seeds') : 'none'}), not everywhere (${wideText}): D is never trained where neither p_data nor p_G has mass`,
      ...(r.verdict === 'refuted' ? { counterexample: `median |D − ${s.value}| on the bulk ${fmt(median(r.members.map((m) => m.bulkGap(s.value))))} among converged seeds` } : {}),
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
