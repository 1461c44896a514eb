import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { NumericError, showValue } from './errors.js';
import { normalQuantile } from './special.js';

/** Everything needed to continue a generator bit-identically; plain JSON. */
export interface RngState {
  /** The generator: always `xoroshiro128+`. */
  readonly algorithm: 'xoroshiro128+';
  /** The seed the generator was created from, 0 to {@link MAX_SEED}. */
  readonly seed: number;
  /** The stream index k (see {@link Rng.stream}). */
  readonly stream: number;
  /** xoroshiro128+'s four 32-bit state words as signed integers; never all zero. */
  readonly state: readonly number[];
}

/** Largest accepted seed (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 0xffff_ffff;

/**
 * A seed, checked: an integer from 0 to {@link MAX_SEED}, returned as it is.
 * @param fn - The function the error names.
 * @throws {@link NumericError} for anything else.
 */
export function checkSeed(fn: string, seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new NumericError(fn, 'seed', `must be an integer from 0 to ${MAX_SEED}; got ${showValue(seed)}`);
  }
  return seed;
}

/** Draws discarded after seeding: xoroshiro128+'s state starts as [−1, ~seed, seed, 0], and its
 * first outputs still show the seed (seed 7 starts with 0.99999988…). */
const WARM_UP = 128;

function seeded(seed: number): JumpableRandomGenerator {
  // pure-rand reads the seed as a signed 32-bit integer: map [2³¹, 2³²) onto the negatives.
  const g = xoroshiro128plus(seed | 0);
  for (let i = 0; i < WARM_UP; i++) g.next();
  return g;
}

/**
 * A seeded, serialisable random number generator: pure-rand's xoroshiro128+ (period 2¹²⁸ − 1).
 *
 * Independent streams come from jumps of 2⁶⁴ steps (`stream(k)`), so stream k never overlaps stream
 * k′ within 2⁶⁴ draws. `save()` returns the whole state as JSON and `Rng.restore(state)` continues
 * with exactly the same numbers, which is what checkpoints rely on.
 */
export class Rng {
  private constructor(
    private gen: JumpableRandomGenerator,
    /** The seed this generator was created from. */
    readonly seed: number,
    /** Which stream of the seed this is: 0 from {@link Rng.fromSeed}, k from {@link Rng.stream}(k). */
    readonly streamIndex: number,
  ) {}

  /** A generator for `seed` (an integer in [0, 2³² − 1]); stream 0. */
  static fromSeed(seed: number): Rng {
    checkSeed('Rng.fromSeed', seed);
    return new Rng(seeded(seed), seed, 0);
  }

  /** Continues a generator saved by {@link Rng.save}. */
  static restore(state: RngState): Rng {
    const ok =
      state !== null &&
      typeof state === 'object' &&
      state.algorithm === 'xoroshiro128+' &&
      Array.isArray(state.state) &&
      state.state.length === 4 &&
      state.state.every((v) => Number.isInteger(v) && v >= -0x8000_0000 && v <= 0x7fff_ffff);
    if (!ok) throw new NumericError('Rng.restore', 'state', `must be a saved xoroshiro128+ state; got ${showValue(JSON.stringify(state))}`);
    // xoroshiro128+ never leaves the all-zero state: every draw would be 0 (and a normal draw −∞)
    if (state.state.every((v) => v === 0))
      throw new NumericError('Rng.restore', 'state', 'must not be all zeros (xoroshiro128+ never leaves that state); got [0,0,0,0]');
    return new Rng(xoroshiro128plusFromState(state.state), state.seed, state.stream);
  }

  /** The whole state as plain JSON; {@link Rng.restore} continues from it with the same numbers. Does not advance the generator. */
  save(): RngState {
    return { algorithm: 'xoroshiro128+', seed: this.seed, stream: this.streamIndex, state: [...this.gen.getState()] };
  }

  /** Stream k of this seed: the seed's generator jumped k times (independent of this one's position). */
  stream(k: number): Rng {
    if (!Number.isInteger(k) || k < 0 || k > 1_000_000) {
      throw new NumericError('Rng.stream', 'k', `must be an integer from 0 to 1000000; got ${showValue(k)}`);
    }
    const g = seeded(this.seed);
    for (let i = 0; i < k; i++) g.jump();
    return new Rng(g, this.seed, k);
  }

  /**
   * Streams 0 … n − 1 of this seed at once, the same generators as stream(0) … stream(n − 1), from
   * one seeding and n − 1 jumps instead of n seedings and n(n − 1)/2 jumps.
   */
  streams(n: number): Rng[] {
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
      throw new NumericError('Rng.streams', 'n', `must be an integer from 1 to 1000000; got ${showValue(n)}`);
    }
    const g = seeded(this.seed);
    const out: Rng[] = [];
    for (let k = 0; k < n; k++) {
      if (k > 0) g.jump();
      out.push(new Rng(g.clone(), this.seed, k));
    }
    return out;
  }

  /** Uniform on [0, 1), multiples of 2⁻⁵³. */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform on (0, 1): never 0, so logarithms and quantiles stay finite. */
  uniformOpen(): number {
    for (;;) {
      const u = uniformFloat64(this.gen);
      if (u > 0) return u;
    }
  }

  /** Standard normal by inversion, one uniform per draw (no cached second value to save). */
  normal(): number {
    return normalQuantile(this.uniformOpen());
  }

  /** An index drawn with probabilities proportional to `cumulative` (a nondecreasing prefix sum). */
  categorical(cumulative: Float64Array): number {
    const total = cumulative[cumulative.length - 1] as number;
    const u = this.uniform() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < (cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
