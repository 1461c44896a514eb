/**
 * The statistic that decides whether an estimate tracks a true quantity over training
 * (wgan-critic-tracks-w1): a shared drift alone must not count, a noisy estimate that follows the
 * truth's changes must.
 */
import { describe, expect, it } from 'vitest';
import { tracking } from '../src/claims/checks/statistics.js';
import { spearman } from '../src/numeric/intervals/index.js';
import { Rng } from '../src/numeric/rng.js';

describe('tracking', () => {
  const steps = 20;
  const t = Array.from({ length: steps }, (_, i) => i);

  it('two unrelated quantities that both drift down: ρ of the levels is near 1, yet they do not track', () => {
    for (let seed = 0; seed < 20; seed++) {
      const rng = Rng.fromSeed(seed);
      // each drifts down by 1 a step, with its own independent wiggles of ±0.4
      const a = t.map((i) => 100 - i + 0.4 * rng.normal());
      const b = t.map((i) => 50 - i + 0.4 * rng.normal());
      expect(spearman(a, b).estimate).toBeGreaterThan(0.95);
      expect(tracking(a, b).tracks).toBe(false);
    }
  });

  it('an estimate that follows the truth up and down, with noise, tracks it', () => {
    let tracked = 0;
    for (let seed = 0; seed < 20; seed++) {
      const rng = Rng.fromSeed(seed);
      let w = 2;
      const truth: number[] = [];
      for (const _ of t) {
        w = Math.max(0.05, w + 0.3 * rng.normal() - 0.05);
        truth.push(w);
      }
      const estimate = truth.map((x) => 0.9 * x + 0.03 * rng.normal());
      if (tracking(estimate, truth).tracks) tracked++;
    }
    expect(tracked).toBeGreaterThanOrEqual(18);
  });

  it('refuses series of different lengths or fewer than 5 steps, naming the function', () => {
    expect(() => tracking([1, 2, 3, 4], [1, 2, 3, 4])).toThrow(/tracking: estimate must be two series of the same length, 5 or more steps; got 4 and 4/);
    expect(() => tracking([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6])).toThrow(/tracking: estimate/);
  });
});
