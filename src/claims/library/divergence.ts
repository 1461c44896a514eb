/**
 * Facts about given distributions: a divergence's value (KL both ways, JSD, entropy, total
 * variation, W1 on the line with a Lipschitz constant K for Kantorovich–Rubinstein's K·W1), in base
 * e, 2 or 10, from the theory layer's certified enclosures and exact rationals. The claimed value
 * is a number, a decimal string (its last digit sets the tolerance: "0.693" means ±0.0005), LaTeX
 * (`\log 2`), or `infinite` / `finite`.
 */
import { show } from '../../theory/errors.js';
import { jsd } from '../../theory/jsd.js';
import { kl, klReverse } from '../../theory/kl.js';
import { entropy } from '../../theory/entropy.js';
import { w1 } from '../../theory/wasserstein.js';
import { abs, formatRational, sub, sum, toRational, type RationalLike } from '../../theory/rational.js';
import { ClaimError, type Outcome } from '../define.js';
import type { LibraryCheck } from './claim.js';
import { constantValue } from './latex.js';

/** The divergences `divergence` computes: KL(p‖q), KL(q‖p), JSD, the entropy of p, total variation, W1 on the line. */
export type Measure = 'kl' | 'reverse-kl' | 'jsd' | 'entropy' | 'tv' | 'w1';

/** Two distributions on the same points, a measure, and the value claimed for it. */
export interface DivergenceSubject {
  /** Which divergence. */
  measure: Measure;
  /** The first distribution's masses (exact decimals or fractions). */
  p: readonly RationalLike[];
  /** The second distribution's masses. */
  q: readonly RationalLike[];
  /** Support points (W1 only). */
  x?: readonly RationalLike[];
  /** Lipschitz constant: the claim is about sup over K-Lipschitz critics = K·W1 (W1 only). @defaultValue 1 */
  lipschitz?: number;
  /** Logarithm base of the log quantities. @defaultValue 'e' */
  base?: 'e' | 2 | 10;
  /** A number, a decimal string (± half its last digit), LaTeX, `infinite` or `finite`. */
  claimed: number | string;
}

const NAMES: Record<Measure, string> = { kl: 'KL(p‖q)', 'reverse-kl': 'KL(q‖p)', jsd: 'JSD(p, q)', entropy: 'H(p)', tv: 'TV(p, q)', w1: 'W1(p, q)' };

/** The certified value [low, high] of a measure, as numbers (±∞ for an infinite KL). */
function evaluate(s: DivergenceSubject): { low: number; high: number; shown: string } {
  const base = s.base ?? 'e';
  const log = { base, digits: 30 } as const;
  const fromLog = (r: { lower: string; upper: string; value: string }) =>
    r.value === 'inf' ? { low: Infinity, high: Infinity, shown: '∞' } : { low: Number(r.lower), high: Number(r.upper), shown: r.value.slice(0, 18) };
  switch (s.measure) {
    case 'kl':
      return fromLog(kl(s.p, s.q, log));
    case 'reverse-kl':
      return fromLog(klReverse(s.p, s.q, log));
    case 'jsd':
      return fromLog(jsd(s.p, s.q, log));
    case 'entropy':
      return fromLog(entropy(s.p, log));
    case 'tv': {
      const p = s.p.map((v) => toRational(v, 'divergence', 'p'));
      const q = s.q.map((v) => toRational(v, 'divergence', 'q'));
      if (p.length !== q.length) throw new ClaimError('divergence', 'q', `must have as many masses as p (${p.length}); got ${q.length}`);
      const t = sum(p.map((pi, i) => abs(sub(pi, q[i] as never))));
      const half = { num: t.num, den: t.den * 2n };
      const v = Number(half.num) / Number(half.den);
      return { low: v, high: v, shown: formatRational(half) };
    }
    case 'w1': {
      if (s.x === undefined) throw new ClaimError('divergence', 'x', 'must give the support points for W1');
      const K = s.lipschitz ?? 1;
      const r = w1(s.p, s.q, s.x, { digits: 30 });
      const w = r.distance.value.slice(0, 18);
      return { low: K * Number(r.distance.lower), high: K * Number(r.distance.upper), shown: K === 1 ? w : `${K} × ${w} = ${K * Number(r.distance.value)}` };
    }
    default:
      throw new ClaimError('divergence', 'measure', `must be one of ${Object.keys(NAMES).join(', ')}; got ${show(s.measure)}`);
  }
}

/** A claimed value as an interval: a number (±1e-12 relative), a decimal string (± half its last digit), LaTeX, or infinite/finite. */
function claimedInterval(c: number | string): { low: number; high: number } | 'finite' {
  if (c === 'infinite' || c === '\\infty') return { low: Infinity, high: Infinity };
  if (c === 'finite') return 'finite';
  if (typeof c === 'number') return { low: c - 1e-12 * Math.max(1, Math.abs(c)), high: c + 1e-12 * Math.max(1, Math.abs(c)) };
  const dec = /^[+-]?\d*\.?(\d*)$/.exec(c.trim());
  if (dec && c.trim() !== '') {
    const half = 0.5 * 10 ** -(dec[1] as string).length;
    return { low: Number(c) - half, high: Number(c) + half };
  }
  const v = constantValue(c, 'divergence');
  return { low: v - 1e-12 * Math.max(1, Math.abs(v)), high: v + 1e-12 * Math.max(1, Math.abs(v)) };
}

/**
 * A divergence fact about given distributions.
 *
 * ```ts
 * claim({ id: 'jsd-disjoint', quote: 'the JSD is log 2', statement: 'JSD of disjoint p, q is ln 2',
 *   ...divergence({ measure: 'jsd', p: [1, 0], q: [0, 1], claimed: '\\log 2' }) });
 * ```
 */
export function divergence(o: DivergenceSubject & { mutant?: Partial<DivergenceSubject> & { description: string } }): LibraryCheck<DivergenceSubject> {
  const fn = 'divergence';
  if (o === null || typeof o !== 'object' || !(o.measure in NAMES))
    throw new ClaimError(fn, 'measure', `must be one of ${Object.keys(NAMES).join(', ')}; got ${show(o?.measure)}`);
  if (o.base !== undefined && !['e' as const, 2, 10].includes(o.base)) throw new ClaimError(fn, 'base', `must be 'e', 2 or 10; got ${show(o.base)}`);
  const { mutant, ...subject } = o;
  const symmetric = o.measure === 'jsd' || o.measure === 'tv' || o.measure === 'w1' || o.measure === 'entropy';
  return {
    method: 'exact',
    subject,
    check: (s): Outcome => {
      const v = evaluate(s);
      const c = claimedInterval(s.claimed);
      const unit = s.measure === 'tv' || s.measure === 'w1' ? '' : ` (${s.base === 2 ? 'bits' : s.base === 10 ? 'base 10' : 'nats'})`;
      const name = s.measure === 'w1' && (s.lipschitz ?? 1) !== 1 ? `sup over ${s.lipschitz}-Lipschitz critics = ${s.lipschitz}·W1(p, q)` : NAMES[s.measure];
      const what = `${name}${unit} = ${v.shown}`;
      // a claimed value given as LaTeX is shown as math
      const claimed = typeof s.claimed === 'string' && !/^([+-]?[\d.]+|infinite|finite)$/.test(s.claimed.trim()) ? `$${s.claimed}$` : String(s.claimed);
      const ok = c === 'finite' ? Number.isFinite(v.high) : v.low === c.low ? true : v.low >= c.low && v.high <= c.high;
      return ok
        ? { verdict: 'holds', evidence: `${what}, as claimed (${claimed}); certified`, numbers: { low: v.low, high: v.high } }
        : {
            verdict: 'refuted',
            evidence: `${what}, not ${claimed}; certified`,
            counterexample: `p = [${s.p.join(', ')}], q = [${s.q.join(', ')}]: ${what}`,
            numbers: { low: v.low, high: v.high },
          };
    },
    mutant: mutant
      ? { description: mutant.description, subject: { ...subject, ...mutant } }
      : symmetric
        ? { description: 'the claim made of q against itself (p replaced by q)', subject: { ...subject, p: o.q } }
        : { description: 'the arguments swapped', subject: { ...subject, p: o.q, q: o.p } },
  };
}
