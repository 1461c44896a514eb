/**
 * Theorems on probability vectors (masses of p = p_data and q = p_G on the same points, natural
 * logarithms): the JSD, KL, D*, V(D, G) and the losses written on D's outputs (Goodfellow et al. 2014,
 * Proposition 1 and Theorem 1; Lin 1991 for the JSD bounds; Gibbs' inequality for KL).
 */
import fc from 'fast-check';
import { distributionPair, disjointPair, discriminatorTable, modeDroppingPair, type DistributionPair } from '../arbitraries.js';
import { closeTo, exact, withinEnclosure } from '../matchers.js';
import { copy, require_, TOL, type Impl, type Theorem } from '../theorem.js';

const LN2 = Math.log(2);
const LN4 = Math.log(4);

const withTable = (arb: fc.Arbitrary<DistributionPair>) =>
  arb.chain((pq) => discriminatorTable(pq.p.length).map((d) => [pq, d] as [DistributionPair, number[]]));

const jsdOf = (impl: Impl, given: Set<string>) => async (p: number[], q: number[]) => (given.has('jsd') ? impl.jsd(p, q) : Number(exact.jsd(p, q).value));

/** The theorems on probability vectors, in the order they run. */
export function probabilityTheorems(given: Set<string>): Theorem[] {
  return [
    {
      id: 'jsd-exact',
      statement: 'JSD(p ‖ q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = ½(p + q): agrees with the exact value (rtol 1e-9, atol 1e-12)',
      needs: ['jsd'],
      examples: true,
      property: (impl) =>
        fc.asyncProperty(distributionPair(), async ({ p, q }) => {
          const got = await impl.jsd(copy(p), copy(q));
          const r = withinEnclosure(got, exact.jsd(p, q), TOL);
          require_(r.pass, () => `jsd(p, q) = ${got}; ${r.message()}`);
        }),
    },
    {
      id: 'jsd-symmetric',
      statement: 'JSD is symmetric: JSD(p ‖ q) = JSD(q ‖ p)',
      needs: ['jsd'],
      examples: true,
      property: (impl) =>
        fc.asyncProperty(distributionPair(), async ({ p, q }) => {
          const [a, b] = [await impl.jsd(copy(p), copy(q)), await impl.jsd(copy(q), copy(p))];
          require_(closeTo(a, b, TOL).pass, () => `jsd(p, q) = ${a} but jsd(q, p) = ${b}`);
        }),
    },
    {
      id: 'jsd-bounds',
      statement: '0 ≤ JSD ≤ log 2, with JSD = log 2 exactly when the supports are disjoint',
      needs: ['jsd'],
      examples: true,
      property: (impl) =>
        fc.asyncProperty(fc.oneof(distributionPair(), disjointPair()), async ({ p, q }) => {
          const got = await impl.jsd(copy(p), copy(q));
          require_(got >= -1e-12 && got <= LN2 + 1e-12, () => `jsd(p, q) = ${got}, outside [0, log 2 = ${LN2}]`);
          const disjoint = p.every((x, i) => x === 0 || q[i] === 0);
          if (disjoint) require_(Math.abs(got - LN2) <= 1e-12, () => `the supports are disjoint, so JSD = log 2 = ${LN2}; got ${got}`);
          else if (Number(exact.jsd(p, q).upper) < LN2 - 1e-9) require_(got < LN2 - 1e-10, () => `the supports overlap, so JSD < log 2; got ${got}`);
        }),
    },
    {
      id: 'kl-exact',
      statement: 'KL(p ‖ q) = Σ p log(p/q): agrees with the exact value, Infinity where q = 0 < p (the order of the arguments matters)',
      needs: ['kl'],
      examples: true,
      property: (impl) =>
        fc.asyncProperty(fc.oneof(distributionPair(), modeDroppingPair()), async ({ p, q }) => {
          const got = await impl.kl(copy(p), copy(q));
          const r = withinEnclosure(got, exact.kl(p, q), TOL);
          require_(r.pass, () => `kl(p, q) = ${got}; ${r.message()}`);
        }),
    },
    {
      id: 'kl-gibbs',
      statement: "Gibbs' inequality: KL(p ‖ q) ≥ 0, and KL(p ‖ p) = 0",
      needs: ['kl'],
      examples: true,
      property: (impl) =>
        fc.asyncProperty(distributionPair(), async ({ p, q }) => {
          const got = await impl.kl(copy(p), copy(q));
          require_(got >= -1e-12, () => `kl(p, q) = ${got} < 0`);
          const self = await impl.kl(copy(p), copy(p));
          require_(Math.abs(self) <= 1e-12, () => `kl(p, p) = ${self}, not 0`);
        }),
    },
    {
      id: 'dstar-formula',
      statement: 'D*(x) = p(x)/(p(x) + q(x)) at every point where p + q > 0 (Goodfellow et al. 2014, Proposition 1); ½ wherever p = q > 0',
      needs: ['dstar'],
      examples: true,
      property: (impl) =>
        fc.asyncProperty(
          fc.oneof(
            distributionPair(),
            distributionPair().map(({ p }) => ({ p, q: [...p] })),
          ),
          async ({ p, q }) => {
            const got = await impl.dstar(copy(p), copy(q));
            require_(
              Array.isArray(got) && got.length === p.length,
              () => `dstar(p, q) must return one value per point (${p.length}); got ${JSON.stringify(got)}`,
            );
            const want = exact.dstar(p, q);
            want.forEach((w, i) => {
              if (w === null) return; // p = q = 0: D* is undefined there, anything goes
              const g = got[i];
              require_(
                typeof g === 'number' && closeTo(g, w, TOL).pass,
                () => `D*(x${i}) = ${String(g)}, expected p/(p + q) = ${w} (p = ${p[i]}, q = ${q[i]})`,
              );
            });
          },
        ),
    },
    {
      id: 'value-exact',
      statement: 'V(D, G) = Σ p log D + Σ q log(1 − D): agrees with the exact value on tables inside (0, 1)',
      needs: ['value'],
      examples: false,
      property: (impl) =>
        fc.asyncProperty(withTable(distributionPair()), async ([{ p, q }, d]) => {
          const got = await impl.value(copy(p), copy(q), copy(d));
          const r = withinEnclosure(got, exact.value(p, q, d), TOL);
          require_(r.pass, () => `value(p, q, d) = ${got} for d = ${JSON.stringify(d)}; ${r.message()}`);
        }),
    },
    {
      id: 'dstar-maximises-value',
      statement: "D* maximises V: V(D*, G) ≥ V(D, G) for every table D (the user's value at the user's D*, on distributions without zeros)",
      needs: ['dstar', 'value'],
      examples: false,
      property: (impl) =>
        fc.asyncProperty(withTable(distributionPair({ zeros: false })), async ([{ p, q }, d]) => {
          const ds = (await impl.dstar(copy(p), copy(q))).map((x) => Number(x));
          const [best, other] = [await impl.value(copy(p), copy(q), ds), await impl.value(copy(p), copy(q), copy(d))];
          require_(
            best >= other - 1e-12 * Math.max(1, Math.abs(other)),
            () => `V(D*) = ${best} < V(d) = ${other} for d = ${JSON.stringify(d)} (D* = ${JSON.stringify(ds)})`,
          );
        }),
    },
    {
      id: 'c-of-g',
      statement:
        'C(G) = V(D*, G) = 2·JSD(p ‖ q) − log 4, and C(G) ≥ −log 4 with equality when q = p (Goodfellow et al. 2014, Theorem 1; on distributions without ' +
        'zeros)',
      needs: ['value'],
      examples: false,
      property: (impl) =>
        fc.asyncProperty(
          fc.oneof(
            distributionPair({ zeros: false }),
            distributionPair({ zeros: false }).map(({ p }) => ({ p, q: [...p] })),
          ),
          async ({ p, q }) => {
            const ds = exact.dstar(p, q).map((x) => x as number);
            const c = await impl.value(copy(p), copy(q), ds);
            const j = await jsdOf(impl, given)(copy(p), copy(q));
            require_(
              closeTo(c, 2 * j - LN4, TOL).pass,
              () => `V(D*, G) = ${c} but 2·JSD − log 4 = ${2 * j - LN4} (JSD = ${j}${given.has('jsd') ? ', your jsd' : ', exact'})`,
            );
            require_(c >= -LN4 - 1e-12, () => `C(G) = ${c} < −log 4 = ${-LN4}`);
            if (p.every((x, i) => x === q[i])) require_(Math.abs(c + LN4) <= 1e-12, () => `p = q, so C(G) = −log 4 = ${-LN4}; got ${c}`);
          },
        ),
    },
    {
      id: 'dloss-is-minus-v',
      statement: "the discriminator's loss is L_D = −V(D, G) (binary cross-entropy with real = 1, fake = 0, summed over the two terms)",
      needs: ['dLoss'],
      examples: false,
      property: (impl) =>
        fc.asyncProperty(withTable(distributionPair()), async ([{ p, q }, d]) => {
          const got = await impl.dLoss(copy(p), copy(q), copy(d));
          const v = given.has('value') ? await impl.value(copy(p), copy(q), copy(d)) : Number(exact.value(p, q, d).value);
          require_(closeTo(got, -v, TOL).pass, () => `dLoss(p, q, d) = ${got}, but −V = ${-v} for d = ${JSON.stringify(d)}`);
        }),
    },
    {
      id: 'gloss-non-saturating',
      statement: "the non-saturating generator loss is −mean(log D(G(z))) over the fakes' scores",
      needs: ['gLoss'],
      examples: false,
      property: (impl) =>
        fc.asyncProperty(
          fc.integer({ min: 1, max: 16 }).chain((n) => discriminatorTable(n)),
          async (d) => {
            const got = await impl.gLoss(copy(d));
            const want = -d.reduce((s, x) => s + Math.log(x), 0) / d.length;
            require_(closeTo(got, want, TOL).pass, () => `gLoss(${JSON.stringify(d)}) = ${got}, expected −mean(log d) = ${want}`);
          },
        ),
    },
    {
      id: 'gloss-gradient-survives',
      statement: "the non-saturating gradient does not vanish where D(G(z)) → 0: |∂ gLoss/∂ℓ| ≥ ½ at D's logit ℓ ∈ [−30, −4] (one fake; central differences)",
      needs: ['gLoss'],
      examples: false,
      property: (impl) =>
        fc.asyncProperty(
          fc.integer({ min: -300, max: -40 }).map((k) => k / 10),
          async (l) => {
            const s = (t: number) => 1 / (1 + Math.exp(-t));
            const h = 1e-3;
            const g = ((await impl.gLoss([s(l + h)])) - (await impl.gLoss([s(l - h)]))) / (2 * h);
            require_(
              Math.abs(g) >= 0.5,
              () => `at logit ℓ = ${l} (D = ${s(l)}), |∂gLoss/∂ℓ| = ${Math.abs(g)}: the gradient vanishes (is this the saturating loss log(1 − D)?)`,
            );
          },
        ),
    },
  ];
}
