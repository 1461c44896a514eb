/**
 * Ready-made theorem properties for a user's own GAN code, and {@link assertTheorems}, which runs
 * them. Each theorem is a fast-check property that runs the user's function on the kit's arbitraries
 * and compares it with the exact module (certified enclosures), a stable float64 reference, or another
 * of the user's functions, as the theorem states. The families, one per file under `families/`:
 * probability vectors (JSD, KL, D*, V, the losses on D's outputs), logits and batches (BCE with logits,
 * the discriminator's loss and optimum, the two generator losses and their gradients), critic losses
 * (WGAN, hinge, least squares: formula, optimal critic and value), penalties given a critic (WGAN-GP,
 * R1) and samples (W1 of 1-D samples, label-smoothed D*). The signatures are those of
 * {@link Implementations}; {@link THEOREMS} lists every theorem with its statement and source.
 */
import fc from 'fast-check';
import { hardExamples } from './arbitraries.js';
import { checkOptions, intAtLeast, show, TestingError } from './errors.js';
import { criticTheorems } from './families/critics.js';
import { logitTheorems } from './families/logits.js';
import { penaltyTheorems } from './families/penalties.js';
import { probabilityTheorems } from './families/probability.js';
import { sampleTheorems } from './families/samples.js';
import { FIELDS, type Impl, type Implementations, type Theorem } from './theorem.js';

export type { Implementations };

/** Options of {@link assertTheorems}. */
export interface TheoremOptions {
  /** Runs per theorem. @defaultValue 100 */
  numRuns?: number;
  /** fast-check seed (0 by default, so that CI runs are deterministic); a failure prints the seed to replay. @defaultValue 0 */
  seed?: number;
  /** fast-check's replay path, from a failure's message. */
  path?: string;
  /** Only these theorem ids (from a failure's message, or {@link THEOREMS}). */
  only?: string[];
}

/** What {@link assertTheorems} resolves with. */
export interface TheoremsReport {
  /** The ids of the theorems that ran (those whose functions were given). */
  theorems: string[];
  /** Runs per theorem. */
  numRuns: number;
  /** The fast-check seed used. */
  seed: number;
}

/** Every theorem assertTheorems knows, in the order it runs them. */
export function theoremList(given: Set<string>): Theorem[] {
  return [...probabilityTheorems(given), ...logitTheorems(), ...criticTheorems(), ...penaltyTheorems(), ...sampleTheorems()];
}

/** The ids and statements of the theorems, for documentation and `only`. */
export const THEOREMS: readonly {
  /** A short id, for `only` and in failure messages. */
  id: string;
  /** What the theorem states, with its source. */
  statement: string;
  /** The {@link Implementations} it needs; it runs only when all of them are given. */
  needs: readonly string[];
}[] = theoremList(new Set()).map(({ id, statement, needs }) => ({
  id,
  statement,
  needs,
}));

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
    const property = t.property(impl as Impl);
    const details = await fc.check(property, {
      numRuns,
      seed,
      ...(o.path !== undefined ? { path: o.path } : {}),
      ...(t.examples === true ? { examples: hardExamples() } : {}),
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
