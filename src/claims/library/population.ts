/**
 * A population template for training claims: a training setup (a preset, overrides, population
 * sizes and steps), a per-member statistic (a predicate on each seed's final log), and a threshold
 * on the share of members that satisfy it. The population grows in stages while the Clopper–Pearson
 * interval of the share straddles the threshold (each look at a Bonferroni-adjusted level), and the
 * verdict is the interval's: `holds` (wholly on the claimed side), `refuted` (wholly on the other),
 * `inconclusive` (straddling at the largest population). The mutant is a wrong setup the author
 * names (training claims need one, and a positive control that could fail).
 */
import type { MemberLog } from '../../train/types.js';
import { show } from '../../theory/errors.js';
import { shareEvidence, showShare } from '../checks/statistics.js';
import { ClaimError, type Outcome } from '../define.js';
import { lookAt, type Setup, sequential } from '../experiments.js';
import type { LibraryCheck } from './claim.js';

/** A training setup, a per-member statistic and the threshold the share of members is decided against. */
export interface PopulationSubject {
  /** The preset, overrides, population sizes, steps and stages. */
  setup: Setup;
  /** The statistic in words ("seeds whose final W1 < 0.25") and the predicate on a member's final log. */
  statistic: string;
  /** Whether one member (its final log) counts. */
  member: (final: MemberLog) => boolean;
  /** The share the claim is decided against, and on which side the claim puts it. */
  threshold: number;
  /** The claim puts the share above or below the threshold. */
  side: 'above' | 'below';
  /** Confidence level of the decision over all looks. @defaultValue 0.95 */
  level?: number;
}

/**
 * A claim about what training does to a population of seeds.
 *
 * ```ts
 * claim({ id: 'toy-converges', quote: 'the generator learns the target', statement: 'over half the seeds end within W1 < 0.25',
 *   ...populationShare({ setup: { preset: 'seed-toy', population: [16, 32], stages: [[16], [32, 64]] },
 *     statistic: 'seeds whose final W1 < 0.25', member: (f) => (f.w1 ?? Infinity) < 0.25, threshold: 0.5, side: 'above',
 *     mutant: { description: 'D never trained (lr_D = 0)', setup: { preset: 'seed-toy', overrides: { lrD: 0 }, population: [16, 32] } },
 *     positive: { description: 'the 1-D mixture preset', setup: { … } } }) });
 * ```
 */
export function populationShare(
  o: PopulationSubject & { mutant: { description: string; setup: Setup }; positive?: { description: string; setup: Setup } },
): LibraryCheck<PopulationSubject> {
  const fn = 'populationShare';
  if (o === null || typeof o !== 'object') throw new ClaimError(fn, 'options', `must be an object; got ${show(o)}`);
  if (typeof o.statistic !== 'string' || o.statistic === '')
    throw new ClaimError(fn, 'statistic', `must say in words what is counted; got ${show(o.statistic)}`);
  if (typeof o.member !== 'function') throw new ClaimError(fn, 'member', `must be a predicate on a member's final log; got ${show(o.member)}`);
  if (!(typeof o.threshold === 'number' && o.threshold > 0 && o.threshold < 1))
    throw new ClaimError(fn, 'threshold', `must be a share in (0, 1); got ${show(o.threshold)}`);
  if (o.side !== 'above' && o.side !== 'below') throw new ClaimError(fn, 'side', `must be above or below; got ${show(o.side)}`);
  if (o.mutant === undefined || typeof o.mutant.description !== 'string' || o.mutant.setup === undefined)
    throw new ClaimError(fn, 'mutant', 'must name a wrong setup { description, setup }: a training check has to show it can fail');
  const { mutant, positive, ...subject } = o;
  return {
    method: 'population',
    subject,
    check: async (s, ctx): Promise<Outcome> => {
      const r = await sequential(
        ctx,
        s.setup,
        (pop, level) => {
          const k = pop.final.filter((f) => s.member(f)).length;
          return lookAt(shareEvidence(k, pop.final.length, level, s.statistic, s.threshold), s.side);
        },
        s.level ?? 0.95,
      );
      const iv = r.interval;
      const evidence =
        `${showShare(iv)} are ${s.statistic}; the claim puts the share ${s.side} ${s.threshold} ` +
        `(${r.looks} look${r.looks === 1 ? '' : 's'} over populations ${r.stages.join(', ')}, Bonferroni-adjusted; seeds from ${ctx.seed})`;
      return { verdict: r.verdict, evidence, numbers: { members: iv.n, share: iv.estimate }, interval: iv };
    },
    mutant: { description: mutant.description, subject: { ...subject, setup: mutant.setup } },
    ...(positive ? { positive: { description: positive.description, subject: { ...subject, setup: positive.setup } } } : {}),
  };
}
