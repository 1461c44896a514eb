/**
 * Ready-made theorem properties for a user's own GAN code. Each theorem is a fast-check property
 * that runs the user's function on the arbitraries of `arbitraries.ts` and compares it with the
 * exact module (certified enclosures) or with another of the user's functions, as the theorem
 * states. Signatures, all on plain `number[]` (masses of p = p_data and q = p_G on the same points,
 * natural logarithms):
 *
 *   jsd(p, q) → number                 Jensen–Shannon divergence
 *   kl(p, q) → number                  KL(p ‖ q), Infinity where q = 0 < p
 *   dstar(p, q) → (number | null | undefined)[]   D*(x) = p/(p + q); anything (NaN too) where p = q = 0
 *   value(p, q, d) → number            V(D, G) = Σ p log d + Σ q log(1 − d) for a table d
 *   dLoss(p, q, d) → number            the discriminator's loss, L_D = −V
 *   gLoss(dFake) → number              the non-saturating generator loss −mean(log D(G(z))) over D's outputs on fakes
 *
 * The theorems (Goodfellow et al. 2014, Proposition 1 and Theorem 1; Lin 1991 for the JSD bounds;
 * Gibbs' inequality for KL; Goodfellow et al. 2014 §3 for the non-saturating loss) are listed in
 * {@link THEOREMS}.
 */
import fc from 'fast-check';
import { distributionPair, disjointPair, discriminatorTable, hardExamples, modeDroppingPair, type DistributionPair } from './arbitraries.js';
import { closeTo, exact, withinEnclosure } from './matchers.js';
import { checkOptions, intAtLeast, show, TestingError } from './errors.js';

type Vec = readonly number[];

/** The user's implementations; every field optional. */
export interface Implementations {
  jsd?: (p: number[], q: number[]) => number;
  kl?: (p: number[], q: number[]) => number;
  dstar?: (p: number[], q: number[]) => readonly (number | null | undefined)[];
  value?: (p: number[], q: number[], d: number[]) => number;
  dLoss?: (p: number[], q: number[], d: number[]) => number;
  gLoss?: (dFake: number[]) => number;
}

export interface TheoremOptions {
  /** Runs per theorem (default 100). */
  numRuns?: number;
  /** fast-check seed (default 0, so that CI runs are deterministic); a failure prints the seed to replay. */
  seed?: number;
  /** fast-check's replay path, from a failure's message. */
  path?: string;
  /** Only these theorem ids (from a failure's message, or {@link THEOREMS}). */
  only?: string[];
}

export interface TheoremsReport {
  /** The ids of the theorems that ran (those whose functions were given). */
  theorems: string[];
  numRuns: number;
  seed: number;
}

/** The shapes of the theorems' properties (one argument each). */
type AnyProperty = fc.IProperty<[DistributionPair]> | fc.IProperty<[[DistributionPair, number[]]]> | fc.IProperty<[number[]]> | fc.IProperty<[number]>;

interface Theorem {
  id: string;
  statement: string;
  /** The implementations it needs (all must be given). */
  needs: (keyof Implementations)[];
  property: (impl: Required<Implementations>) => AnyProperty;
  examples?: boolean;
}

const LN2 = Math.log(2);
const LN4 = Math.log(4);
const copy = (v: Vec) => [...v];
const TOL = { rtol: 1e-9, atol: 1e-12 };

/** Throws with the numbers when the check fails (fast-check keeps the message with the counterexample). */
function require_(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

const withTable = (arb: fc.Arbitrary<DistributionPair>) =>
  arb.chain((pq) => discriminatorTable(pq.p.length).map((d) => [pq, d] as [DistributionPair, number[]]));

const jsdOf = (impl: Required<Implementations>, given: Set<string>) => (p: number[], q: number[]) =>
  given.has('jsd') ? impl.jsd(p, q) : Number(exact.jsd(p, q).value);

/** Every theorem assertTheorems knows, in the order it runs them. */
export function theoremList(given: Set<string>): Theorem[] {
  return [
    {
      id: 'jsd-exact',
      statement: 'JSD(p ‖ q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = ½(p + q): agrees with the exact value (rtol 1e-9, atol 1e-12)',
      needs: ['jsd'],
      examples: true,
      property: (impl) =>
        fc.property(distributionPair(), ({ p, q }) => {
          const got = impl.jsd(copy(p), copy(q));
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
        fc.property(distributionPair(), ({ p, q }) => {
          const [a, b] = [impl.jsd(copy(p), copy(q)), impl.jsd(copy(q), copy(p))];
          require_(closeTo(a, b, TOL).pass, () => `jsd(p, q) = ${a} but jsd(q, p) = ${b}`);
        }),
    },
    {
      id: 'jsd-bounds',
      statement: '0 ≤ JSD ≤ log 2, with JSD = log 2 exactly when the supports are disjoint',
      needs: ['jsd'],
      examples: true,
      property: (impl) =>
        fc.property(fc.oneof(distributionPair(), disjointPair()), ({ p, q }) => {
          const got = impl.jsd(copy(p), copy(q));
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
        fc.property(fc.oneof(distributionPair(), modeDroppingPair()), ({ p, q }) => {
          const got = impl.kl(copy(p), copy(q));
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
        fc.property(distributionPair(), ({ p, q }) => {
          const got = impl.kl(copy(p), copy(q));
          require_(got >= -1e-12, () => `kl(p, q) = ${got} < 0`);
          const self = impl.kl(copy(p), copy(p));
          require_(Math.abs(self) <= 1e-12, () => `kl(p, p) = ${self}, not 0`);
        }),
    },
    {
      id: 'dstar-formula',
      statement: 'D*(x) = p(x)/(p(x) + q(x)) at every point where p + q > 0 (Goodfellow et al. 2014, Proposition 1); ½ wherever p = q > 0',
      needs: ['dstar'],
      examples: true,
      property: (impl) =>
        fc.property(
          fc.oneof(
            distributionPair(),
            distributionPair().map(({ p }) => ({ p, q: [...p] })),
          ),
          ({ p, q }) => {
            const got = impl.dstar(copy(p), copy(q));
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
        fc.property(withTable(distributionPair()), ([{ p, q }, d]) => {
          const got = impl.value(copy(p), copy(q), copy(d));
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
        fc.property(withTable(distributionPair({ zeros: false })), ([{ p, q }, d]) => {
          const ds = impl.dstar(copy(p), copy(q)).map((x) => Number(x));
          const [best, other] = [impl.value(copy(p), copy(q), ds), impl.value(copy(p), copy(q), copy(d))];
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
        fc.property(
          fc.oneof(
            distributionPair({ zeros: false }),
            distributionPair({ zeros: false }).map(({ p }) => ({ p, q: [...p] })),
          ),
          ({ p, q }) => {
            const ds = exact.dstar(p, q).map((x) => x as number);
            const c = impl.value(copy(p), copy(q), ds);
            const j = jsdOf(impl, given)(copy(p), copy(q));
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
        fc.property(withTable(distributionPair()), ([{ p, q }, d]) => {
          const got = impl.dLoss(copy(p), copy(q), copy(d));
          const v = given.has('value') ? impl.value(copy(p), copy(q), copy(d)) : Number(exact.value(p, q, d).value);
          require_(closeTo(got, -v, TOL).pass, () => `dLoss(p, q, d) = ${got}, but −V = ${-v} for d = ${JSON.stringify(d)}`);
        }),
    },
    {
      id: 'gloss-non-saturating',
      statement: "the non-saturating generator loss is −mean(log D(G(z))) over the fakes' scores",
      needs: ['gLoss'],
      examples: false,
      property: (impl) =>
        fc.property(
          fc.integer({ min: 1, max: 16 }).chain((n) => discriminatorTable(n)),
          (d) => {
            const got = impl.gLoss(copy(d));
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
        fc.property(
          fc.integer({ min: -300, max: -40 }).map((k) => k / 10),
          (l) => {
            const s = (t: number) => 1 / (1 + Math.exp(-t));
            const h = 1e-3;
            const g = (impl.gLoss([s(l + h)]) - impl.gLoss([s(l - h)])) / (2 * h);
            require_(
              Math.abs(g) >= 0.5,
              () => `at logit ℓ = ${l} (D = ${s(l)}), |∂gLoss/∂ℓ| = ${Math.abs(g)}: the gradient vanishes (is this the saturating loss log(1 − D)?)`,
            );
          },
        ),
    },
  ];
}

/** The ids and statements of the theorems, for documentation and `only`. */
export const THEOREMS: readonly { id: string; statement: string; needs: readonly string[] }[] = theoremList(new Set()).map(({ id, statement, needs }) => ({
  id,
  statement,
  needs,
}));

const FIELDS = ['jsd', 'kl', 'dstar', 'value', 'dLoss', 'gLoss'] as const;

/**
 * Checks the user's implementations against the theorems they take part in. Resolves with the
 * theorems that ran; throws an Error naming the first failing theorem, its shrunk counterexample
 * and how to replay it (seed and path).
 *
 * @example
 * await assertTheorems({ jsd: myJsd, kl: myKl }, { numRuns: 200 });
 */
export async function assertTheorems(impl: Implementations, options: TheoremOptions = {}): Promise<TheoremsReport> {
  const fn = 'assertTheorems';
  const MAX_RUNS = 100_000;
  if (impl === null || typeof impl !== 'object' || Array.isArray(impl))
    throw new TestingError(fn, 'impl', `must be an object of functions ({ ${FIELDS.join(', ')} }); got ${show(impl)}`);
  for (const [k, v] of Object.entries(impl)) {
    if (!(FIELDS as readonly string[]).includes(k)) throw new TestingError(fn, `impl.${k}`, `is not a known implementation (expected ${FIELDS.join(', ')})`);
    if (v !== undefined && typeof v !== 'function') throw new TestingError(fn, `impl.${k}`, `must be a function; got ${show(v)}`);
  }
  const o = checkOptions(fn, options, ['numRuns', 'seed', 'path', 'only']);
  const numRuns = intAtLeast(fn, 'options.numRuns', o.numRuns, 1, 100);
  // each run checks every theorem with certified arithmetic: a bound keeps a typo (1e9) from running for days
  if (numRuns > MAX_RUNS) throw new TestingError(fn, 'options.numRuns', `must be at most ${MAX_RUNS.toLocaleString('en-US')}; got ${numRuns}`);
  if (o.seed !== undefined && (typeof o.seed !== 'number' || !Number.isSafeInteger(o.seed)))
    throw new TestingError(fn, 'options.seed', `must be an integer; got ${show(o.seed)}`);
  const seed = o.seed ?? 0;
  if (o.path !== undefined && (typeof o.path !== 'string' || !/^\d+(:\d+)*$/.test(o.path)))
    throw new TestingError(fn, 'options.path', `must be a fast-check path such as "3:1:0"; got ${show(o.path)}`);
  if (o.only !== undefined && (!Array.isArray(o.only) || o.only.some((x) => typeof x !== 'string')))
    throw new TestingError(fn, 'options.only', `must be an array of theorem ids; got ${show(o.only)}`);
  const given = new Set(FIELDS.filter((k) => typeof impl[k] === 'function'));
  if (given.size === 0) throw new TestingError(fn, 'impl', `has no implementation to check (give one or more of ${FIELDS.join(', ')})`);
  const all = theoremList(given);
  for (const id of o.only ?? [])
    if (!all.some((t) => t.id === id))
      throw new TestingError(fn, 'options.only', `names an unknown theorem ${JSON.stringify(id)} (known: ${all.map((t) => t.id).join(', ')})`);
  const ran: string[] = [];
  for (const t of all) {
    if (!t.needs.every((k) => given.has(k))) continue;
    if (o.only !== undefined && !o.only.includes(t.id)) continue;
    const property = t.property(impl as Required<Implementations>) as unknown as fc.IProperty<unknown[]>;
    const details = fc.check(property, {
      numRuns,
      seed,
      ...(o.path !== undefined ? { path: o.path } : {}),
      ...(t.examples === true ? { examples: hardExamples() as unknown[][] } : {}),
    });
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const shown = JSON.stringify(details.counterexample?.length === 1 ? details.counterexample[0] : details.counterexample);
      throw new Error(
        `${fn}: theorem "${t.id}" fails for your ${t.needs.join(' and ')}\n` +
          `  theorem: ${t.statement}\n` +
          `  counterexample (shrunk): ${shown}\n` +
          `  ${cause}\n` +
          `  replay: assertTheorems(impl, { seed: ${details.seed}, path: "${details.counterexamplePath ?? ''}", only: ["${t.id}"] })`,
      );
    }
    ran.push(t.id);
  }
  return { theorems: ran, numRuns, seed };
}
