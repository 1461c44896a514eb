/**
 * A shift series: a distribution and its copy slid by t (U[0, w] or N(0, w²), seed document 002's
 * "sand piles"), and what JSD or W1 does as t grows, from the theory layer's certified values
 * (`shiftSeries`): the value at given shifts, or the behaviour over them — `constant` (equal at
 * every shift), `increasing` (strictly, at every step), `saturating` (increasing, then equal from
 * some shift on). The natural mutant asks the same of the other measure (JSD ↔ W1).
 */
import { show } from '../../theory/errors.js';
import { shiftSeries } from '../../theory/index.js';
import type { RationalLike } from '../../theory/rational.js';
import { ClaimError, type Outcome } from '../define.js';
import { shiftPlot } from '../plots.js';
import type { LibraryCheck } from './claim.js';
import { constantValue } from './latex.js';

/** A distribution family, the measure of it against its shifts, the shifts, and what is claimed. */
export interface ShiftSubject {
  /** U[0, w] or N(0, w²). */
  family: 'uniform' | 'gaussian';
  /** The width w of U[0, w] or the σ of N(0, σ²). */
  scale: RationalLike;
  /** The JSD (nats) or W1 between the distribution and its shift. */
  measure: 'jsd' | 'w1';
  /** The shifts, in increasing order. */
  at: readonly RationalLike[];
  /** What the measure does over the shifts, or its value at each (numbers or LaTeX, ± 1e-12 relative). */
  claimed: 'constant' | 'increasing' | 'saturating' | readonly (number | string)[];
}

/**
 * What JSD or W1 does as a distribution slides.
 *
 * ```ts
 * claim({ id: 'jsd-saturates', quote: 'the JSD saturates at log 2', statement: 'JSD(U[0,1], U[t,t+1]) stops growing once t ≥ 1',
 *   ...shift({ family: 'uniform', scale: 1, measure: 'jsd', at: ['0', '1/2', '1', '2'], claimed: 'saturating' }) });
 * ```
 */
export function shift(o: ShiftSubject): LibraryCheck<ShiftSubject> {
  const fn = 'shift';
  if (o === null || typeof o !== 'object') throw new ClaimError(fn, 'options', `must be an object; got ${show(o)}`);
  if (o.measure !== 'jsd' && o.measure !== 'w1') throw new ClaimError(fn, 'measure', `must be jsd or w1; got ${show(o.measure)}`);
  if (!Array.isArray(o.at) || o.at.length < 2 || o.at.length > 200) throw new ClaimError(fn, 'at', `must list 2 to 200 shifts; got ${show(o.at)}`);
  const behaviours = ['constant', 'increasing', 'saturating'];
  if (typeof o.claimed === 'string' ? !behaviours.includes(o.claimed) : !(Array.isArray(o.claimed) && o.claimed.length === o.at.length))
    throw new ClaimError(fn, 'claimed', `must be ${behaviours.join(', ')} or one value per shift (${o.at.length}); got ${show(o.claimed)}`);
  return {
    method: 'exact',
    subject: o,
    check: (s): Outcome => {
      const rows = shiftSeries(s.family, s.scale, s.at, { digits: 30 });
      const v = rows.map((r) =>
        s.measure === 'jsd' ? { lo: Number(r.jsd.lower), hi: Number(r.jsd.upper) } : { lo: Number(r.w1.lower), hi: Number(r.w1.upper) },
      );
      const name = s.measure === 'jsd' ? 'JSD (nats)' : 'W1';
      const series = rows.map((r, i) => `t = ${r.t}: ${((v[i]?.lo as number) + (v[i]?.hi as number)) / 2}`).join(', ');
      const equal = (i: number, j: number) => Math.abs((v[i]?.lo as number) - (v[j]?.lo as number)) <= 1e-25 + 1e-15 * Math.abs(v[i]?.lo as number);
      const up = (i: number) => (v[i + 1]?.lo as number) > (v[i]?.hi as number);
      let ok: boolean;
      let what: string;
      if (typeof s.claimed !== 'string') {
        const claimed = s.claimed.map((c) => constantValue(c, fn));
        const off = claimed.findIndex((c, i) => Math.abs(c - ((v[i]?.lo as number) + (v[i]?.hi as number)) / 2) > 1e-12 * Math.max(1, Math.abs(c)));
        ok = off < 0;
        what = ok ? 'the claimed values' : `not the claimed ${claimed[off]} at t = ${rows[off]?.t}`;
      } else {
        const steps = rows.slice(1).map((_, i) => (equal(i, i + 1) ? 'flat' : up(i) ? 'up' : 'down'));
        const firstFlat = steps.indexOf('flat');
        if (s.claimed === 'constant') ok = steps.every((x) => x === 'flat');
        else if (s.claimed === 'increasing') ok = steps.every((x) => x === 'up');
        else ok = firstFlat > 0 && steps.slice(0, firstFlat).every((x) => x === 'up') && steps.slice(firstFlat).every((x) => x === 'flat');
        what = `${ok ? '' : 'not '}${s.claimed} over the shifts (steps: ${steps.join(', ')})`;
      }
      const evidence = `${name} of ${s.family === 'uniform' ? `U[0, ${s.scale}]` : `N(0, ${s.scale}²)`} and its shift by t, certified: ${series}; ${what}`;
      const frac = (t: string) =>
        t
          .split('/')
          .map(Number)
          .reduce((a, b) => a / b);
      const plot = shiftPlot(
        rows.map((r) => ({ t: frac(r.t), jsd: Number(r.jsd.value), w1: Number(r.w1.value) })),
        `${s.family}, ${s.family === 'uniform' ? 'width' : 'σ'} ${s.scale}`,
        `shift-${s.family}`,
      );
      return { verdict: ok ? 'holds' : 'refuted', evidence, numbers: { shifts: rows.length }, plots: [plot], ...(ok ? {} : { counterexample: series }) };
    },
    mutant: { description: `the same claimed of ${o.measure === 'jsd' ? 'W1' : 'the JSD'}`, subject: { ...o, measure: o.measure === 'jsd' ? 'w1' : 'jsd' } },
  };
}
