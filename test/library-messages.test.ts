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

describe('the report writer checks everything before writing', () => {
  it('writeReport refuses bad entries and writes nothing', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeReport } = await import('../src/claims/report.js');
    const dir = join(mkdtempSync(join(tmpdir(), 'gan-verify-report-')), 'r');
    await expect(writeReport(dir, [{ id: 'x' }] as never, { seed: 0, quick: true, shard: null, backend: 'cpu', seconds: 0 })).rejects.toThrow(
      /^writeReport: entries\[0\] must be a ledger entry/,
    );
    await expect(writeReport('' as never, [], { seed: 0, quick: true, shard: null, backend: 'cpu', seconds: 0 })).rejects.toThrow(
      /writeReport: dir must be a folder path/,
    );
    expect(existsSync(dir)).toBe(false);
  });
  it('share of nothing is refused', async () => {
    const { share } = await import('../src/claims/experiments.js');
    expect(() => share([], () => true)).toThrow(/^share: xs must not be empty/);
  });
});
