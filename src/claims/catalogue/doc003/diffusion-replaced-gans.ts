/** Claim `diffusion-replaced-gans` of seed document 003. */
import { defineClaim, notCheckable } from '../../define.js';
import { src } from './setup.js';

export const diffusion = defineClaim({
  id: 'diffusion-replaced-gans',
  source: src('For image generation, diffusion models have largely superseded GANs since 2021.'),
  statement: 'a historical and empirical claim about image models',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'an empirical claim about large image models and the field since 2021; it needs benchmarks of trained image models, not mathematics',
  check: notCheckable('an empirical claim about large image models and the field since 2021; it needs benchmarks of trained image models, not mathematics'),
});
