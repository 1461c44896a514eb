import { checkOptions } from '../errors.js';
import { CompensatedSum } from '../sum.js';
import { scaleFor, toProbabilities, type FloatOptions } from './input.js';

/** Shannon entropy H(P) = −Σ pᵢ ln pᵢ, 0·log 0 = 0; never negative. */
export function entropy(p: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('entropy', options);
  const P = toProbabilities('entropy', 'p', p, options.normalize === true);
  const scale = scaleFor('entropy', options.base);
  const acc = new CompensatedSum();
  for (let i = 0; i < P.length; i++) {
    const x = P[i] as number;
    if (x > 0 && x < 1) acc.add(-x * Math.log(x));
  }
  return acc.value * scale;
}
