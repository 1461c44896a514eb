/** Claim `most-impactful-of-decade` of seed document 001. */
import { defineClaim, notCheckable } from '../../define.js';
import { src } from './setup.js';

export const impact = defineClaim({
  id: 'most-impactful-of-decade',
  source: src('Generative adversarial networks (GANs) are one of the most impactful deep learning strategies of the 201X decade.'),
  statement: 'a historical judgement about impact',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'a judgement about research history; no computation on distributions or networks can decide it',
  check: notCheckable('a judgement about research history; no computation on distributions or networks can decide it'),
});
