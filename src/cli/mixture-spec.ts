import { show, TheoryError } from '../theory/errors.js';
import type { ComponentLike } from '../theory/index.js';

/**
 * Parses a mixture spec `w:mu:sigma,w:mu:sigma,…` of exact decimals or fractions (the CLI's
 * `--p-mix`); a bare `mu:sigma` is not accepted, so weights are never implied.
 */
export function parseMixtureSpec(spec: string, fn: string, arg: string): ComponentLike[] {
  if (typeof spec !== 'string' || spec.trim() === '') throw new TheoryError(fn, arg, `must be w:mu:sigma,…; got ${show(spec)}`);
  return spec.split(',').map((item) => {
    const parts = item.trim().split(':');
    if (parts.length !== 3) throw new TheoryError(fn, arg, `must be w:mu:sigma items separated by commas; got ${show(spec)}`);
    const [weight, mu, sigma] = parts as [string, string, string];
    return { weight, mu, sigma };
  });
}
