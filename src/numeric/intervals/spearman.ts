import { NumericError } from '../errors.js';
import { normalQuantile } from '../special.js';
import { checkLevel, checkSample, type Interval } from './common.js';

/** Average ranks (1-based), ties sharing the mean of their positions. */
export function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => [x, i] as const).sort((u, v) => u[0] - v[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && (idx[j + 1] as readonly [number, number])[0] === (idx[i] as readonly [number, number])[0]) j++;
    for (let k = i; k <= j; k++) r[(idx[k] as readonly [number, number])[1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/**
 * Spearman's rank correlation ρ (Pearson's correlation of the average ranks) with the Fisher-z
 * interval tanh(atanh ρ ± z·√(1.06/(n − 3))) of Fieller, Hartley & Pearson (1957). Needs n ≥ 4;
 * a constant sample has no ranks to correlate and is refused.
 */
export function spearman(a: readonly number[], b: readonly number[], level = 0.95): Interval {
  const fn = 'spearman';
  const x = checkSample(fn, a, 4);
  const y = checkSample(fn, b, 4);
  if (x.length !== y.length) throw new NumericError(fn, 'b', `must have the length of a (${x.length}); got ${y.length}`);
  const lv = checkLevel(fn, level);
  const ra = ranks(x);
  const rb = ranks(y);
  const n = x.length;
  const m = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const u = (ra[i] as number) - m;
    const v = (rb[i] as number) - m;
    sab += u * v;
    saa += u * u;
    sbb += v * v;
  }
  if (saa === 0 || sbb === 0) throw new NumericError(fn, saa === 0 ? 'a' : 'b', 'is constant: a rank correlation is undefined');
  const rho = Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  const z = normalQuantile(1 - (1 - lv) / 2);
  const se = Math.sqrt(1.06 / (n - 3));
  const at = Math.abs(rho) === 1 ? Math.sign(rho) * Infinity : Math.atanh(rho);
  return { estimate: rho, low: Math.tanh(at - z * se), high: Math.tanh(at + z * se), level: lv, n };
}
