/**
 * A zero-sum game with infinitely many pure strategies and no Nash equilibrium, even in mixed
 * strategies: "name the larger positive integer" (Luce and Raiffa, Games and Decisions, 1957; the
 * standard example for why von Neumann's theorem needs finiteness or compactness).
 *
 * A picks a ∈ {1, 2, …}, B picks b; B pays A sign(a − b). For any mixed strategy q of B with finite
 * support, A's reply a = max(supp q) + 1 wins surely, so sup_a E_q[sign(a − b)] = 1; for any q at
 * all, a large enough a wins with probability ≥ 1 − ε, so inf_q sup_a = 1. By symmetry
 * sup_p inf_b = −1. The two guarantees differ by 2; a Nash equilibrium (p*, q*) would make them
 * equal (both would be its value), so there is none. Truncated to {1 … n}, the same game is finite
 * and has the pure saddle point (n, n) of value 0, as the theorem promises: finiteness is what the
 * existence needs.
 *
 * The check evaluates both guarantees exactly on a family of mixed strategies (random finite
 * supports, and every point mass up to a bound), for a game given as a payoff function of two
 * positive integers; it solves the truncations exactly with the LP solver of `games.ts`.
 */
import { add, cmp, mul, rational, sub, ZERO, type Rational } from '../../theory/rational.js';
import type { Rng } from '../../numeric/rng.js';
import { solveMixed } from '../games.js';

/** A's payoff for pure strategies a, b ≥ 1. Must depend on a only through comparisons with b's support for a above it (true of the games here). */
export type IntegerGame = (a: number, b: number) => bigint;

export const largerWins: IntegerGame = (a, b) => BigInt(Math.sign(a - b));

/** A mixed strategy with finite support: points and exact masses. */
interface Mixed {
  points: number[];
  masses: Rational[];
}

function randomMixed(rng: Rng, maxSupport: number, maxPoint: number): Mixed {
  const k = 1 + Math.floor(rng.uniform() * maxSupport);
  const points = [...new Set(Array.from({ length: k }, () => 1 + Math.floor(rng.uniform() * maxPoint)))].sort((x, y) => x - y);
  const w = points.map(() => BigInt(1 + Math.floor(rng.uniform() * 9)));
  const s = w.reduce((x, y) => x + y, 0n);
  return { points, masses: w.map((x) => rational(x, s)) };
}

/** E over the mixed strategy of the pure payoff against it. */
const against = (game: IntegerGame, m: Mixed, pure: number, asRow: boolean) =>
  m.points.reduce((acc, x, i) => add(acc, mul(m.masses[i] as Rational, rational(asRow ? game(pure, x) : game(x, pure)))), ZERO);

/**
 * sup over A's pure replies of A's expected payoff against B's q: the replies 1 … max(supp q) + 1
 * cover every case for games that depend on a only through its order relative to q's points.
 */
export function bestReplyToColumn(game: IntegerGame, q: Mixed): Rational {
  let best: Rational | null = null;
  for (let a = 1; a <= Math.max(...q.points) + 1; a++) {
    const v = against(game, q, a, true);
    if (best === null || cmp(v, best) > 0) best = v;
  }
  return best as Rational;
}

/** inf over B's pure replies of A's expected payoff when A plays p. */
export function bestReplyToRow(game: IntegerGame, p: Mixed): Rational {
  let best: Rational | null = null;
  for (let b = 1; b <= Math.max(...p.points) + 1; b++) {
    const v = against(game, p, b, false);
    if (best === null || cmp(v, best) < 0) best = v;
  }
  return best as Rational;
}

export interface GuaranteeResult {
  strategies: number;
  /** Lowest of A's best-reply payoffs over B's strategies tried (an upper bound on inf_q sup_a is their min). */
  colCeiling: Rational;
  /** Highest payoff A can guarantee over A's strategies tried. */
  rowFloor: Rational;
  /** colCeiling − rowFloor: positive means no strategy tried closes the gap. */
  gap: Rational;
  /** Values of the truncated games on {1 … n}. */
  truncations: { n: number; value: Rational }[];
}

export function guaranteeGap(game: IntegerGame, rng: Rng, tries: number, maxPoint: number): GuaranteeResult {
  const pure = Array.from({ length: maxPoint }, (_, i): Mixed => ({ points: [i + 1], masses: [rational(1n)] }));
  const family = [...pure, ...Array.from({ length: tries }, () => randomMixed(rng, 6, maxPoint))];
  let colCeiling: Rational | null = null;
  let rowFloor: Rational | null = null;
  for (const m of family) {
    const c = bestReplyToColumn(game, m);
    const r = bestReplyToRow(game, m);
    if (colCeiling === null || cmp(c, colCeiling) < 0) colCeiling = c;
    if (rowFloor === null || cmp(r, rowFloor) > 0) rowFloor = r;
  }
  const truncations = [2, 4, 8].map((n) => {
    const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rational(game(i + 1, j + 1))));
    return { n, value: solveMixed(A).value };
  });
  return {
    strategies: family.length,
    colCeiling: colCeiling as Rational,
    rowFloor: rowFloor as Rational,
    gap: sub(colCeiling as Rational, rowFloor as Rational),
    truncations,
  };
}
