// A user's own GAN code checked against the theorems with gan-verify/testing (vitest).
// Copy into your project, `npm install --save-dev gan-verify vitest`, then `npx vitest run`.
import { expect, it } from 'vitest';
import { assertTheorems, exact, ganMatchers } from 'gan-verify/testing';

// --- the code under test: plain float64 implementations ---
const kl = (p: number[], q: number[]) => p.reduce((s, x, i) => s + (x === 0 ? 0 : q[i] === 0 ? Infinity : x * Math.log(x / q[i]!)), 0);
const jsd = (p: number[], q: number[]) => {
  const m = p.map((x, i) => (x + q[i]!) / 2);
  return 0.5 * kl(p, m) + 0.5 * kl(q, m);
};
const value = (p: number[], q: number[], d: number[]) =>
  p.reduce((s, x, i) => s + (x === 0 ? 0 : x * Math.log(d[i]!)) + (q[i] === 0 ? 0 : q[i]! * Math.log(1 - d[i]!)), 0);
const dstar = (p: number[], q: number[]) => p.map((x, i) => x / (x + q[i]!)); // NaN where p = q = 0 is allowed
const dLoss = (p: number[], q: number[], d: number[]) => -value(p, q, d);
const gLoss = (dFake: number[]) => -dFake.reduce((s, x) => s + Math.log(x), 0) / dFake.length;

it('my GAN code satisfies the theorems', async () => {
  await assertTheorems({ jsd, kl, dstar, value, dLoss, gLoss }, { numRuns: 200, seed: 1 });
});

it('JSD of disjoint supports is log 2, inside the certified enclosure', () => {
  expect.extend(ganMatchers);
  // @ts-expect-error: the matcher is added at run time by expect.extend
  expect(jsd([0.5, 0.5, 0], [0, 0, 1])).toBeCloseToExact(exact.jsd([0.5, 0.5, 0], [0, 0, 1]), { rtol: 1e-15 });
});
