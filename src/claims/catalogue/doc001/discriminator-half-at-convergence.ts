/** Claim `discriminator-half-at-convergence` of seed document 001. */
import { defineClaim, type Verdict } from '../../define.js';
import { lookAt, median } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { frozenGenerator, tabularNash } from '../../checks/converged.js';
import { fmt } from '../../format.js';
import { src, type AtConvergence } from './setup.js';

/** |D − ½| at most this on the region judged. */
const TOL = 0.1;

export const halfAtConvergence = defineClaim({
  id: 'discriminator-half-at-convergence',
  source: src(
    'At convergence, the generator is expected to be strong enough that it can create realistic examples that are indistinguishable from real data. At this ' +
      'stage, the discriminator is confused and outputs \\( \\frac{1}{2} \\) everywhere.',
  ),
  statement:
    "under the sentence's hypothesis, p_G = p_data: the document's toy with G set to z ↦ z + 3 (p_G = N(3, 1) exactly, two of its ReLU units) and " +
    "frozen, D trained alone by the document's Adam(0.01), batch 16, 1000 steps; the share of seeds whose final D is within 0.1 of ½ exceeds ½ — " +
    "on the data's bulk μ ± 2σ = [1, 5] and everywhere (the grid over the data's 0.01–99.99% range); Clopper–Pearson at 97.5% each (Bonferroni " +
    'over the two regions), 64 (quick) or 256 seeds',
  method: 'population',
  expected: 'holds',
  subject: { kind: 'toy-at-data' } as AtConvergence,
  mutant: {
    description: 'a wrong setup: G frozen at its random initialisation (p_G ≠ p_data), where the sentence\u2019s hypothesis fails',
    subject: { kind: 'toy-at-init' } as AtConvergence,
  },
  positive: {
    description: 'the tabular GAN at its Nash point (G frozen at p_data, D trained alone from random tables), where every point is in the support',
    subject: { kind: 'tabular-nash' } as AtConvergence,
  },
  review: {
    by: 'two referees, issue 23',
    said: '"converged" was taken as W1 < 0.5, where D* ≠ ½ in the tails; the sentence\u2019s hypothesis is p_G = p_data.',
    decision: 'changed',
    because:
      'G is now exactly the data distribution (z ↦ z + 3 on N(0, 1), frozen) and only D trains, as the sentence supposes; the old population ' +
      '(seeds with W1 < 0.5) found 77 of 512 converged and was inconclusive',
  },
  check: async (s, ctx) => {
    const level = 1 - 0.05 / 2;
    const members =
      s.kind === 'tabular-nash' ? await tabularNash(ctx, ctx.size(8, 16)) : await frozenGenerator(ctx, ctx.size(64, 256), s.kind === 'toy-at-data', [1, 5]);
    const n = members.length;
    const bulk = shareEvidence(members.filter((m) => m.bulkGap(0.5) <= TOL).length, n, level, "share of seeds with |D − ½| ≤ 0.1 on the data's bulk", 0.5);
    const wide = shareEvidence(members.filter((m) => m.wideGap(0.5) <= TOL).length, n, level, 'share of seeds with |D − ½| ≤ 0.1 everywhere', 0.5);
    const b = lookAt(bulk, 'above').verdict;
    const w = lookAt(wide, 'above').verdict;
    // holds-under-conditions needs both: the bulk shown to hold and "everywhere" shown to fail
    const verdict: Verdict = w === 'holds' ? 'holds' : b === 'holds' ? (w === 'refuted' ? 'holds-under-conditions' : 'inconclusive') : b;
    const medBulk = median(members.map((m) => m.bulkGap(0.5)));
    const medWide = median(members.map((m) => m.wideGap(0.5)));
    const setup =
      s.kind === 'tabular-nash'
        ? 'the tabular GAN at its Nash point'
        : s.kind === 'toy-at-data'
          ? 'G frozen at p_data = N(3, 1)'
          : 'G frozen at its random start';
    return {
      verdict,
      evidence:
        `${setup}, D trained alone: |D − ½| ≤ ${TOL} on the bulk in ${showShare(bulk)} (median largest gap ${fmt(medBulk)}); everywhere in ` +
        `${showShare(wide)} (median largest gap ${fmt(medWide)})`,
      numbers: { seeds: n, bulkShare: bulk.estimate, wideShare: wide.estimate, medianBulkGap: medBulk, medianWideGap: medWide },
      interval: bulk,
      conditions:
        `on the data's bulk [1, 5] (${showShare(bulk)}), not everywhere (${showShare(wide)}): where neither p_data nor p_G puts samples, D is never ` +
        'trained and keeps what its initialisation and the noise of training left there',
      ...(verdict === 'refuted' ? { counterexample: `median largest |D − ½| on the bulk ${fmt(medBulk)}` } : {}),
    };
  },
});
