/** Claim `photorealistic-faces` of seed document 004. */
import { defineClaim, notCheckable } from '../../define.js';
import { src } from './setup.js';

export const photoreal = defineClaim({
  id: 'photorealistic-faces',
  source: src('Photorealistic face generation (ThisPersonDoesNotExist)'),
  statement: 'a historical claim about applications',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'a claim about what image GANs achieved in practice; it needs large image models and human judgement',
  check: notCheckable('a claim about what image GANs achieved in practice; it needs large image models and human judgement'),
});
