import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/claims/catalogue/index.js';
import { makeContext, runClaim } from '../src/claims/runner.js';
import { useBackend } from '../src/train/index.js';

// The population claims at --quick sizes: the subject gives the expected verdict with an interval,
// the mutant (a wrong claim or setup) another verdict, and the positive control (a setup where the
// claim is known to hold) says holds. All three share one experiment cache, as in the ledger.
describe('population claims discriminate', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  const cache = new Map<string, Promise<unknown>>();
  for (const claim of CATALOGUE.filter((c) => c.method === 'population')) {
    it(`${claim.id}: subject → ${claim.expected}; mutant (${claim.mutant?.description}) → another; positive control → holds`, async () => {
      const ctx = () => makeContext(claim.id, { quick: true, seed: 0, cache });
      const good = await runClaim(claim, ctx());
      expect(good.error).toBeUndefined();
      expect(good.verdict, good.evidence).toBe(claim.expected);
      expect(good.interval, 'a population verdict carries its interval').toBeDefined();
      const iv = good.interval as NonNullable<typeof good.interval>;
      expect(iv.low).toBeLessThanOrEqual(iv.estimate);
      expect(iv.estimate).toBeLessThanOrEqual(iv.high);
      const bad = await runClaim(claim, ctx(), 'mutant');
      expect(bad.error).toBeUndefined();
      expect(bad.verdict, bad.evidence).not.toBe(good.verdict);
      expect(claim.positive, 'every population claim has a positive control').toBeDefined();
      const pos = await runClaim(claim, ctx(), 'positive');
      expect(pos.error).toBeUndefined();
      expect(pos.verdict, pos.evidence).toBe('holds');
    });
  }
});
