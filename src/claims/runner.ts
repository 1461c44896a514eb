/** Runs claims: one context per claim (its own seeded stream), shared experiments, timings. */
import { createHash } from 'node:crypto';
import { checkSeed, Rng, type RngState } from '../numeric/rng.js';
import { show } from '../theory/errors.js';
import { ClaimError, VERDICTS, type AnyClaim, type CheckContext, type Outcome, type Review, type Verdict } from './define.js';
import { checkClaim, checkContext, checkEntry, checkInterval } from './check-args.js';

/** One claim's result in the ledger: the claim, its verdict and what decided it. */
export interface LedgerEntry {
  /** The claim's id. */
  id: string;
  /** Its document. */
  doc: string;
  /** The quoted sentence. */
  quote: string;
  /** What was checked. */
  statement: string;
  /** How (exact, monte-carlo, trainer, population, none). */
  method: string;
  /** The expected verdict, where the claim gives one. */
  expected?: Verdict;
  /** The verdict found (`error` when the check threw or ran past its limit). */
  verdict: Verdict;
  /** verdict === expected where one is given; otherwise, that the check ran (verdict ≠ error). */
  agrees: boolean;
  /** The one-line evidence. */
  evidence: string;
  /** The numbers behind it. */
  numbers: Record<string, number | string | boolean>;
  /** For holds-under-conditions: the conditions. */
  conditions?: string;
  /** A referee's reading and the decision (the claim's `review`). */
  review?: Review;
  /** For imprecise: what is right. */
  correction?: string;
  /** For a verdict other than holds: the counterexample. */
  counterexample?: string;
  /** The statistic and interval that decided a population verdict. */
  interval?: Outcome['interval'];
  /** The verdict over a grid of settings. */
  grid?: Outcome['grid'];
  /** With `controls`: the verdicts of the mutant and of the positive control, and whether they discriminate. */
  controls?: Controls;
  /** The check threw or ran past its time limit: its message (the verdict is then `error` and agrees is false). */
  error?: string;
  /** Time the check took. */
  seconds: number;
  /** The figures for the report. */
  plots: Outcome['plots'];
}

/** What a mutant or a positive control gave. */
export interface ControlResult {
  /** The control's description. */
  description: string;
  /** The verdict it reached. */
  verdict: Verdict;
  /** Its one-line evidence. */
  evidence: string;
  /** mutant: its verdict differs from the claim's; positive: it says `holds`. */
  ok: boolean;
}
/** The mutant's and the positive control's results for a claim. */
export interface Controls {
  /** The wrong claim or setup (its verdict must differ). */
  mutant?: ControlResult;
  /** The setting where the claim holds (it must say holds). */
  positive?: ControlResult;
}

/** How to run a ledger. */
export interface RunOptions {
  /** Small sizes. @defaultValue false */
  quick?: boolean;
  /** Base seed of every random thing. @defaultValue 0 */
  seed?: number;
  /** Called before each claim (index, total, id) and once at the end (total, total, ''). */
  onProgress?: (done: number, total: number, id: string) => void;
  /** Replace each claim's subject by its mutant (used by the tests that show a check can fail). */
  mutants?: boolean;
  /** Also run every claim's mutant and positive control and record their verdicts (`--controls`). */
  controls?: boolean;
  /**
   * Seconds a claim's check may take; past it the claim gets an `error` ("exceeded its time limit")
   * and the ledger goes on. Training stops at the limit; a synchronous computation is stopped when
   * it next yields. @defaultValue 600
   */
  timeLimit?: number;
}

/** Jumped states already computed in this process (a stream up to 10⁶ jumps out costs ~0.2 s). */
const jumped = new Map<string, RngState>();

/** A claim's own stream: the ledger seed's generator, jumped to a stream derived from the claim id (a fresh generator each call). */
export function claimRng(seed: number, id: string): Rng {
  const h = createHash('sha256').update(id).digest();
  const k = h.readUInt32BE(0) % 1_000_000;
  const key = `${seed}/${k}`;
  let state = jumped.get(key);
  if (state === undefined) {
    state = Rng.fromSeed(seed).stream(k).save();
    jumped.set(key, state);
  }
  return Rng.restore(state);
}

/** A claim's check context: its own seeded stream, sizes, shared experiments and deadline. */
export function makeContext(id: string, options: { quick: boolean; seed: number; cache: Map<string, Promise<unknown>>; timeLimit?: number }): CheckContext {
  if (typeof id !== 'string' || id === '') throw new ClaimError('makeContext', 'id', `must be a claim id; got ${show(id)}`);
  if (options === null || typeof options !== 'object' || typeof options.quick !== 'boolean' || !(options.cache instanceof Map))
    throw new ClaimError('makeContext', 'options', `must be { quick: boolean, seed, cache: Map }; got ${show(options)}`);
  checkSeed('makeContext', options.seed);
  const limit = options.timeLimit ?? Infinity;
  return {
    deadline: performance.now() + 1000 * limit,
    timeLimit: limit,
    quick: options.quick,
    seed: options.seed,
    rng: claimRng(options.seed, id),
    size: <T>(q: T, f: T) => (options.quick ? q : f),
    shared: <T>(key: string, make: () => Promise<T>) => {
      let p = options.cache.get(key) as Promise<T> | undefined;
      if (p === undefined) {
        p = make();
        options.cache.set(key, p);
        // a failed experiment (e.g. stopped at a time limit) is not reused by the next claim
        p.catch(() => options.cache.delete(key));
      }
      return p;
    },
  };
}

function checkNumbers(id: string, numbers: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(numbers)) {
    const ok = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));
    if (!ok) throw new ClaimError(`claim ${id}`, `numbers.${k}`, `must be a number (not NaN), string or boolean; got ${String(v)}`);
  }
}

/** The words of a check that ran past its time limit. */
const overLimit = (ctx: CheckContext) => `exceeded its time limit of ${ctx.timeLimit} s`;

/** Runs one claim and turns its outcome (or its error) into a ledger entry. */
export async function runClaim(claim: AnyClaim, ctx: CheckContext, variant: boolean | 'mutant' | 'positive' = false): Promise<LedgerEntry> {
  checkClaim('runClaim', 'claim', claim);
  checkContext('runClaim', ctx);
  if (![true, false, 'mutant', 'positive'].includes(variant as never))
    throw new ClaimError('runClaim', 'variant', `must be false, true, 'mutant' or 'positive'; got ${show(variant)}`);
  const t0 = performance.now();
  const base = {
    id: claim.id,
    doc: claim.source.doc,
    quote: claim.source.quote,
    statement: claim.statement,
    method: claim.method,
    ...(claim.expected === undefined ? {} : { expected: claim.expected }),
    ...(claim.review === undefined ? {} : { review: claim.review }),
  };
  try {
    const which = variant === true ? 'mutant' : variant === false ? 'subject' : variant;
    const subject = which === 'mutant' && claim.mutant ? claim.mutant.subject : which === 'positive' && claim.positive ? claim.positive.subject : claim.subject;
    const deadline = ctx.deadline ?? Infinity;
    let timer: NodeJS.Timeout | undefined;
    const limit = Number.isFinite(deadline)
      ? new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ClaimError(`claim ${claim.id}`, 'check', overLimit(ctx))), Math.max(0, deadline - performance.now()));
        })
      : null;
    let out: Outcome;
    try {
      out = await (limit ? Promise.race([Promise.resolve(claim.check(subject, ctx)), limit]) : claim.check(subject, ctx));
    } finally {
      if (timer) clearTimeout(timer);
    }
    if (!(VERDICTS as readonly string[]).includes(out?.verdict) || out.verdict === 'error')
      throw new ClaimError(
        `claim ${claim.id}`,
        'verdict',
        `must be one of ${VERDICTS.slice(0, -1).join(', ')} (a check that cannot decide throws); got ${JSON.stringify(out?.verdict)}`,
      );
    checkNumbers(claim.id, out.numbers ?? {});
    if (claim.method === 'population' && out.verdict !== 'not-checkable' && out.interval === undefined) {
      throw new ClaimError(
        `claim ${claim.id}`,
        'interval',
        'must be reported by a population check: its verdict is decided from a statistic and its confidence interval',
      );
    }
    if (out.interval !== undefined) checkInterval(`claim ${claim.id}`, 'interval', out.interval);
    const entry: LedgerEntry = {
      ...base,
      verdict: out.verdict,
      agrees: claim.expected === undefined || out.verdict === claim.expected,
      evidence: out.evidence,
      numbers: out.numbers ?? {},
      seconds: (performance.now() - t0) / 1000,
      plots: out.plots ?? [],
    };
    // the conditions / correction / counterexample that go with the verdict found
    if (out.verdict === 'holds-under-conditions' && out.conditions) entry.conditions = out.conditions;
    if (out.verdict === 'imprecise' && out.correction) entry.correction = out.correction;
    if (out.verdict !== 'holds' && out.counterexample) entry.counterexample = out.counterexample;
    if (out.interval) entry.interval = out.interval;
    if (out.grid) entry.grid = out.grid;
    return entry;
  } catch (e) {
    const over = performance.now() > (ctx.deadline ?? Infinity);
    const message = over && !(e instanceof ClaimError) ? `claim ${claim.id}: check ${overLimit(ctx)}` : e instanceof Error ? e.message : String(e);
    return {
      ...base,
      verdict: 'error',
      agrees: false,
      evidence: `check failed: ${message}`,
      numbers: {},
      error: message,
      seconds: (performance.now() - t0) / 1000,
      plots: [],
    };
  }
}

/** Runs claims in order, one context each (experiments shared across them), and returns their ledger entries. */
export async function runLedger(claims: readonly AnyClaim[], options: RunOptions = {}): Promise<LedgerEntry[]> {
  if (!Array.isArray(claims)) throw new ClaimError('runLedger', 'claims', `must be an array of claims (defineClaim); got ${show(claims)}`);
  claims.forEach((c, i) => checkClaim('runLedger', `claims[${i}]`, c));
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new ClaimError('runLedger', 'options', `must be an object of settings; got ${show(options)}`);
  const quick = options.quick ?? false;
  const seed = options.seed ?? 0;
  const timeLimit = options.timeLimit ?? 600;
  if (!(typeof timeLimit === 'number' && timeLimit > 0))
    throw new ClaimError('runLedger', 'options.timeLimit', `must be a positive number of seconds; got ${show(timeLimit)}`);
  const cache = new Map<string, Promise<unknown>>();
  const out: LedgerEntry[] = [];
  for (const [i, claim] of claims.entries()) {
    options.onProgress?.(i, claims.length, claim.id);
    const entry = await runClaim(claim, makeContext(claim.id, { quick, seed, cache, timeLimit }), options.mutants);
    if (options.controls) entry.controls = await runControls(claim, entry, { quick, seed, cache, timeLimit });
    out.push(entry);
  }
  options.onProgress?.(claims.length, claims.length, '');
  return out;
}

/** Runs the claim's mutant and positive control (each on the claim's own stream, as the claim itself). */
export async function runControls(
  claim: AnyClaim,
  entry: LedgerEntry,
  options: { quick: boolean; seed: number; cache: Map<string, Promise<unknown>>; timeLimit?: number },
): Promise<Controls> {
  checkClaim('runControls', 'claim', claim);
  checkEntry('runControls', 'entry', entry);
  const out: Controls = {};
  if (claim.mutant) {
    const m = await runClaim(claim, makeContext(claim.id, options), 'mutant');
    out.mutant = { description: claim.mutant.description, verdict: m.verdict, evidence: m.evidence, ok: m.error === undefined && m.verdict !== entry.verdict };
  }
  if (claim.positive) {
    const p = await runClaim(claim, makeContext(claim.id, options), 'positive');
    out.positive = { description: claim.positive.description, verdict: p.verdict, evidence: p.evidence, ok: p.error === undefined && p.verdict === 'holds' };
  }
  return out;
}

/** A check that cannot fail, or cannot succeed: what the table flags under --controls. */
export function controlProblems(entry: LedgerEntry): string[] {
  checkEntry('controlProblems', 'entry', entry);
  const c = entry.controls;
  if (c === undefined || entry.verdict === 'not-checkable') return [];
  const out: string[] = [];
  if (!c.mutant) out.push('no mutant');
  else if (!c.mutant.ok) out.push(`mutant also ${c.mutant.verdict}`);
  if (entry.method === 'trainer' || entry.method === 'population') {
    if (!c.positive) out.push('no positive control');
    else if (!c.positive.ok) out.push(`positive control ${c.positive.verdict}`);
  } else if (c.positive && !c.positive.ok) out.push(`positive control ${c.positive.verdict}`);
  return out;
}

/** The claims of shard i of n (1-based): every n-th claim, so heavy and light claims spread evenly. */
export function shard<T>(claims: readonly T[], i: number, n: number): T[] {
  if (!Array.isArray(claims)) throw new ClaimError('shard', 'claims', `must be an array; got ${show(claims)}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new ClaimError('shard', 'n', `must be an integer ≥ 1; got ${show(n)}`);
  if (!Number.isSafeInteger(i) || i < 1 || i > n) throw new ClaimError('shard', 'i', `must be an integer from 1 to n = ${n}; got ${show(i)}`);
  return claims.filter((_, k) => k % n === i - 1);
}
