/** Argument checks for the claims layer's exported functions (a ClaimError naming the argument). */
import { show } from '../theory/errors.js';
import { ClaimError, defineClaim, type CheckContext, type ClaimSpec } from './define.js';

export function checkArray(fn: string, arg: string, v: unknown, what: string): void {
  if (!Array.isArray(v)) throw new ClaimError(fn, arg, `must be an array of ${what}; got ${show(v)}`);
}

export function checkObject(fn: string, arg: string, v: unknown, fields: readonly string[], what: string): void {
  if (v === null || typeof v !== 'object' || fields.some((f) => !(f in (v as object))))
    throw new ClaimError(fn, arg, `must be ${what} (with ${fields.join(', ')}); got ${show(v)}`);
}

/** A CheckContext (makeContext). */
export function checkContext(fn: string, ctx: unknown): void {
  const c = ctx as CheckContext;
  if (c === null || typeof c !== 'object' || typeof c.size !== 'function' || typeof c.shared !== 'function')
    throw new ClaimError(fn, 'ctx', `must be a CheckContext (makeContext); got ${show(ctx)}`);
}

/** A claim made with defineClaim. */
export function checkClaim(fn: string, arg: string, c: unknown): void {
  if (c === null || typeof c !== 'object' || (c as { kind?: unknown }).kind !== 'gan-verify-claim')
    throw new ClaimError(fn, arg, `must be a claim made with defineClaim; got ${show(c)}`);
  // an object tagged as a claim but not made by defineClaim (a forged export) is held to the same rules
  try {
    defineClaim(c as ClaimSpec<unknown>);
  } catch (e) {
    throw new ClaimError(fn, arg, `is not a valid claim: ${(e as Error).message}`);
  }
}

/** One ledger entry (with its verdict). */
export function checkEntry(fn: string, arg: string, e: unknown): void {
  if (e === null || typeof e !== 'object' || typeof (e as { verdict?: unknown }).verdict !== 'string')
    throw new ClaimError(fn, arg, `must be a ledger entry; got ${show(e)}`);
}

/** The ledger's meta (seed, quick, shard, backend, seconds). */
export function checkMeta(fn: string, meta: unknown): void {
  checkObject(fn, 'meta', meta, ['seed', 'quick', 'shard', 'backend', 'seconds'], 'the ledger meta');
}

/** Ledger entries (runLedger's output) for the report writers. */
export function checkEntries(fn: string, entries: unknown): void {
  checkArray(fn, 'entries', entries, 'ledger entries (runLedger)');
  (entries as unknown[]).forEach((e, i) => checkObject(fn, `entries[${i}]`, e, ['id', 'doc', 'verdict', 'evidence', 'seconds'], 'a ledger entry'));
}

/** A population (experiments.population) for the plots. */
export function checkPopulation(fn: string, pop: unknown): void {
  checkObject(fn, 'pop', pop, ['config', 'seed', 'logs', 'final', 'probe'], 'a population (population())');
  const p = pop as { logs: unknown; final: unknown; probe: unknown };
  if (!Array.isArray(p.logs) || !Array.isArray(p.final) || p.probe === null || typeof p.probe !== 'object')
    throw new ClaimError(fn, 'pop', `must be a population (population()); got ${show(pop)}`);
}

/** A matrix game: a non-empty rectangular array of rationals { num, den }. */
export function checkGame(fn: string, A: unknown): void {
  const ok =
    Array.isArray(A) &&
    A.length > 0 &&
    A.every(
      (row) =>
        Array.isArray(row) &&
        row.length > 0 &&
        row.length === (A[0] as unknown[]).length &&
        row.every(
          (a) =>
            a !== null &&
            typeof a === 'object' &&
            typeof (a as { num?: unknown }).num === 'bigint' &&
            typeof (a as { den?: unknown }).den === 'bigint' &&
            (a as { den: bigint }).den > 0n,
        ),
    );
  if (!ok) throw new ClaimError(fn, 'A', `must be a non-empty rectangular matrix of rationals { num: bigint, den: bigint }; got ${show(A)}`);
}

/** A strategy: rationals, one per row (or column) of the game. */
export function checkStrategy(fn: string, arg: string, v: unknown, n: number): void {
  const ok =
    Array.isArray(v) &&
    v.length === n &&
    v.every((a) => a !== null && typeof a === 'object' && typeof (a as { num?: unknown }).num === 'bigint' && typeof (a as { den?: unknown }).den === 'bigint');
  if (!ok) throw new ClaimError(fn, arg, `must be ${n} rationals { num, den }; got ${show(v)}`);
}

/** An interval (IntervalEvidence): a statistic's name, numbers without NaN, low ≤ high. */
export function checkInterval(fn: string, arg: string, v: unknown): void {
  checkObject(fn, arg, v, ['statistic', 'estimate', 'low', 'high', 'level', 'n'], 'an interval');
  const iv = v as Record<string, unknown>;
  if (typeof iv.statistic !== 'string') throw new ClaimError(fn, `${arg}.statistic`, `must be a string; got ${show(iv.statistic)}`);
  for (const k of ['estimate', 'low', 'high', 'level', 'n'])
    if (typeof iv[k] !== 'number' || Number.isNaN(iv[k])) throw new ClaimError(fn, `${arg}.${k}`, `must be a number (not NaN); got ${show(iv[k])}`);
  if (!((iv.low as number) <= (iv.high as number))) throw new ClaimError(fn, arg, `must have low ≤ high; got ${show(v)}`);
}
