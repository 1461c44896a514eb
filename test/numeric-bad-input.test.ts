import { describe, expect, it } from 'vitest';
import * as n from '../src/numeric/index.js';
import { NumericError } from '../src/numeric/errors.js';
import { median, quantile, spearman } from '../src/numeric/intervals/index.js';

// Wrong types and NaN are refused by name; limits that are mathematically defined are returned.
describe('numeric refuses junk by name', () => {
  it.each<[string, () => unknown, RegExp]>([
    ["jsd(['0.9', '0.1'], …) (strings)", () => n.jsd(['0.9', '0.1'] as never, [0.5, 0.5]), /^jsd: p\[0\] must be a finite number; got "0.9"$/],
    ['jsd([true, false], …) (booleans)', () => n.jsd([true, false] as never, [0.5, 0.5]), /^jsd: p\[0\] must be a finite number; got true$/],
    ["kl(…, ['0.5', '0.5'])", () => n.kl([0.5, 0.5], ['0.5', '0.5'] as never), /^kl: q\[0\] must be a finite number; got "0.5"$/],
    ['klTerm(NaN, 1)', () => n.klTerm(Number.NaN, 1), /^klTerm: p must be a finite nonnegative number; got NaN$/],
    ['klTerm(1, -1)', () => n.klTerm(1, -1), /^klTerm: q must be a finite nonnegative number; got -1$/],
    ['jsdTerm(Infinity, 1)', () => n.jsdTerm(Infinity, 1), /^jsdTerm: p must be a finite nonnegative number; got Infinity$/],
    ['compensatedSum([1, NaN])', () => n.compensatedSum([1, Number.NaN]), /^compensatedSum: xs\[1\] must be a number \(not NaN\); got NaN$/],
    ['compensatedSum([Infinity, -Infinity])', () => n.compensatedSum([Infinity, -Infinity]), /is undefined: the terms include both \+Infinity and -Infinity/],
    ["compensatedSum(['1'])", () => n.compensatedSum(['1'] as never), /^compensatedSum: xs\[0\] must be a number; got "1"$/],
    ['meanVariance([])', () => n.meanVariance([]), /^meanVariance: xs must have at least 2 values; got 0$/],
    ['meanVariance([1, NaN])', () => n.meanVariance([1, Number.NaN]), /xs\[1\] must be a number \(not NaN\)/],
    ['normalLogPdf(0, 0, 0)', () => n.normalLogPdf(0, 0, 0), /^normalLogPdf: sigma must be a finite number > 0; got 0$/],
    ['quantile([], 0.5)', () => quantile([], 0.5), /^quantile: xs must have at least 1 values; got 0$/],
    ['quantile([1, 2], 2)', () => quantile([1, 2], 2), /^quantile: q must be a number in \[0, 1\]; got 2$/],
    ['median([NaN, 1, 2]) (was 1)', () => median([Number.NaN, 1, 2]), /^quantile: xs\[0\] must be a number \(not NaN\); got NaN$/],
    ['spearman on unequal lengths', () => spearman([1, 2, 3, 4], [1, 2, 3, 4, 5]), /^spearman: b must have the length of a \(4\); got 5$/],
  ])('%s', (_, f, message) => {
    expect(f).toThrow(NumericError);
    expect(f).toThrow(message);
  });
  it('defined limits are returned, not NaN', () => {
    expect(n.compensatedSum([Infinity, 1])).toBe(Infinity);
    expect(n.compensatedSum([-Infinity, 1e300, 1e300])).toBe(-Infinity);
    expect(n.compensatedSum([])).toBe(0);
    expect(n.meanVariance([1, Infinity])).toEqual({ mean: Infinity, variance: Infinity, n: 2 });
    expect(n.meanVariance([1, 3])).toEqual({ mean: 2, variance: 2, n: 2 });
    expect(n.klTerm(0, 0.5)).toBe(0.5);
    expect(n.klTerm(0.5, 0)).toBe(Infinity);
  });
});
