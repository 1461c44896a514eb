import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/claims/catalogue/index.js';
import { makeContext, runClaim } from '../src/claims/runner.js';
import { useBackend } from '../src/train/index.js';

// The population claims at --quick sizes: the subject gives the expected verdict, the mutant another.
// Subject and mutant share one experiment cache (the mutants change a threshold or reuse a setup),
// so each population trains once.
describe('population claims can fail', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  const cache = new Map<string, Promise<unknown>>();
  for (const claim of CATALOGUE.filter((c) => c.method === 'population')) {
    it(`${claim.id}: subject → ${claim.expected}; mutant (${claim.mutant?.description}) → another verdict`, async () => {
      const ctx = () => makeContext(claim.id, { quick: true, seed: 0, cache });
      const good = await runClaim(claim, ctx());
      expect(good.error).toBeUndefined();
      expect(good.verdict, good.evidence).toBe(claim.expected);
      const bad = await runClaim(claim, ctx(), true);
      expect(bad.error).toBeUndefined();
      expect(bad.verdict, bad.evidence).not.toBe(claim.expected);
    }, 60_000);
  }
});
