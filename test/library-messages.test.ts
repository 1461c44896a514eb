import { describe, expect, it } from 'vitest';
import { toRational } from '../src/theory/rational.js';
import { verdictOf } from '../src/claims/define.js';
import { makeConfig } from '../src/train/config.js';

describe('library messages name the function, the argument and the value', () => {
  it('toRational without names says toRational and value', () => {
    expect(() => toRational('1/0')).toThrow(/^toRational: value has a zero denominator; got "1\/0"$/);
  });
  it('verdictOf({}) is refused, not "refuted"', () => {
    expect(() => verdictOf({} as never)).toThrow(/^verdictOf: found.asStated must be a boolean \(what the check established\); got undefined$/);
    expect(() => verdictOf({ asStated: false, corrected: 'yes' } as never)).toThrow(/found.corrected must be a boolean when given; got "yes"/);
  });
  it('makeConfig shows NaN as NaN, not null', () => {
    expect(() => makeConfig('seed-toy', { lrD: Number.NaN })).toThrow(/^train: lrD must be a finite number ≥ 0; got NaN$/);
    expect(() => makeConfig('seed-toy', { steps: Infinity })).toThrow(/got Infinity$/);
  });
});
