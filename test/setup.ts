import fc from 'fast-check';

/**
 * One fast-check seed for the whole run, printed so any failure can be replayed:
 * `FC_SEED=<seed> npm test` (fast-check's own failure report adds the `path`).
 * The default is fixed so CI runs are deterministic; FC_SEED=random draws a fresh one.
 */
const raw = process.env.FC_SEED;
const seed = raw === undefined ? 20261123 : raw === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(raw);
if (!Number.isSafeInteger(seed)) throw new Error(`test setup: FC_SEED must be an integer or 'random'; got ${JSON.stringify(raw)}`);
fc.configureGlobal({ seed, numRuns: Number(process.env.FC_RUNS ?? 100) });
if (!(globalThis as { __fcSeedPrinted?: boolean }).__fcSeedPrinted) {
  (globalThis as { __fcSeedPrinted?: boolean }).__fcSeedPrinted = true;
  console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed})`);
}
