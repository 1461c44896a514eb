import { checkOptions } from '../errors.js';
import { pairOf, type FloatOptions } from './input.js';

/** D*(xᵢ) = pᵢ/(pᵢ + qᵢ); null where pᵢ = qᵢ = 0. */
export function dstar(p: ArrayLike<number>, q: ArrayLike<number>, options: FloatOptions = {}): (number | null)[] {
  options = checkOptions('dstar', options);
  const [P, Q] = pairOf('dstar', p, q, options.normalize === true);
  return Array.from(P, (pi, i) => {
    const s = pi + (Q[i] as number);
    return s === 0 ? null : pi / s;
  });
}
