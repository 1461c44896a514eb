/** Claim `fid-measures-distributions` of seed document 003. */
import { defineClaim, notCheckable } from '../../define.js';
import { src } from './setup.js';

export const fid = defineClaim({
  id: 'fid-measures-distributions',
  source: src('Frechet Inception Distance (FID) compares the statistics (mean and covariance of Inception features) of generated and real image sets.'),
  statement: 'a claim about a metric on Inception-network features of images',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'needs the Inception network and image sets; outside what this toolkit computes',
  check: notCheckable('needs the Inception network and image sets; outside what this toolkit computes'),
});
