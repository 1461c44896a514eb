import { NumericError, showValue } from '../errors.js';
import { categorical } from './categorical.js';
import { mixture } from './mixture.js';
import { normal } from './normal.js';
import { grid25, isScale, ring8 } from './plane.js';
import type { Distribution } from './types.js';
import { uniform } from './uniform.js';

/** A decimal number as a spec or a sample file writes it. */
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function num(fn: string, arg: string, s: string | undefined, spec: string): number {
  if (s === undefined || !NUMBER.test(s.trim())) {
    throw new NumericError(fn, arg, `is not a valid distribution: expected a finite number at ${showValue(s ?? '')} in ${showValue(spec)}`);
  }
  return Number(s);
}

/**
 * Reads a distribution spec: `normal:MU,SIGMA`, `uniform:A,B`, `mixture:W:MU:SIGMA,…`,
 * `categorical:X:W,…`, `ring8[:RADIUS,SIGMA]` or `grid25[:SPACING,SIGMA]`; `undefined` when the spec
 * names none of these families (then {@link parseDistribution} reads it as the path of a sample file).
 * Reads no file: the playground uses it in the browser. `fn` and `arg` name the function and option in errors.
 */
export function parseDistributionSpec(spec: string, fn = 'parseDistributionSpec', arg = 'spec'): Distribution | undefined {
  if (typeof spec !== 'string') throw new NumericError(String(fn), String(arg), `must be a distribution spec such as normal:0,1; got ${showValue(spec)}`);
  const s = spec.trim();
  const colon = s.indexOf(':');
  const head = colon < 0 ? s : s.slice(0, colon);
  const body = colon < 0 ? '' : s.slice(colon + 1);
  const bad = (detail: string) => new NumericError(fn, arg, `${detail}; got ${showValue(spec)}`);
  switch (head) {
    case 'ring8':
    case 'grid25': {
      if (colon < 0) return head === 'ring8' ? ring8() : grid25();
      const parts = body.split(',');
      const form = head === 'ring8' ? 'ring8:RADIUS,SIGMA' : 'grid25:SPACING,SIGMA';
      if (parts.length !== 2) throw bad(`${head} takes no parameters or two (${form})`);
      const a = num(fn, arg, parts[0], spec);
      const sd = num(fn, arg, parts[1], spec);
      if (!isScale(a) || !isScale(sd)) throw bad(`${form} needs 0 < ${head === 'ring8' ? 'RADIUS' : 'SPACING'} ≤ 1e6 and 0 < SIGMA ≤ 1e6`);
      return head === 'ring8' ? ring8(a, sd) : grid25(a, sd);
    }
    case 'normal':
    case 'uniform': {
      const parts = body.split(',');
      if (parts.length !== 2) throw bad(`${head} needs two numbers (${head === 'normal' ? 'normal:MU,SIGMA' : 'uniform:A,B'})`);
      const [a, b] = parts.map((p) => num(fn, arg, p, spec)) as [number, number];
      try {
        return head === 'normal' ? normal(a, b) : uniform(a, b);
      } catch (e) {
        if (e instanceof NumericError) throw bad(`is not a valid distribution (${e.message.replace(/^[^:]+: /, '')})`);
        throw e;
      }
    }
    case 'mixture':
    case 'categorical': {
      const items = body.split(',');
      const want = head === 'mixture' ? 3 : 2;
      const rows = items.map((it) => it.split(':'));
      if (body === '' || rows.some((r) => r.length !== want)) {
        throw bad(head === 'mixture' ? 'mixture needs W:MU:SIGMA items separated by commas' : 'categorical needs X:W items separated by commas');
      }
      const vals = rows.map((r) => r.map((v) => num(fn, arg, v, spec)));
      try {
        return head === 'mixture'
          ? mixture(vals.map(([weight, mu, sigma]) => ({ weight: weight as number, mu: mu as number, sigma: sigma as number })))
          : categorical(
              vals.map((v) => v[0] as number),
              vals.map((v) => v[1] as number),
            );
      } catch (e) {
        if (e instanceof NumericError) throw bad(`is not a valid distribution (${e.message.replace(/^[^:]+: /, '')})`);
        throw e;
      }
    }
    default:
      return undefined;
  }
}
