/**
 * Finite two-player zero-sum games, exactly: mixed-strategy solutions by the simplex method over
 * rationals (BigInt), and pure saddle points.
 */
import { checkGame, checkStrategy } from './check-args.js';
import { add, cmp, div, mul, rational, sub, ONE, ZERO, type Rational } from '../theory/rational.js';

/** Payoff matrix to the row player (who maximises); the column player minimises. */
export type Game = Rational[][];

/** A solution of a game in mixed strategies, exact. */
export interface MixedSolution {
  /** The game's value: the payoff `row` guarantees at least and `col` allows at most. */
  value: Rational;
  /** An optimal mixed strategy of the row player (maximiser): one probability per row, summing to 1. */
  row: Rational[];
  /** An optimal mixed strategy of the column player (minimiser): one probability per column, summing to 1. */
  col: Rational[];
}

/** Σ xᵢ A[i][j] yⱼ. */
export function payoff(A: Game, x: readonly Rational[], y: readonly Rational[]): Rational {
  checkGame('payoff', A);
  checkStrategy('payoff', 'x', x, A.length);
  checkStrategy('payoff', 'y', y, (A[0] as Rational[]).length);
  let s = ZERO;
  A.forEach((r, i) => r.forEach((a, j) => (s = add(s, mul(mul(x[i] as Rational, a), y[j] as Rational)))));
  return s;
}

/** min over columns of the row strategy's payoff (what x guarantees) and max over rows against y. */
export function guarantees(
  A: Game,
  x: readonly Rational[],
  y: readonly Rational[],
): {
  /** minⱼ Σᵢ xᵢ A[i][j]: the least the row player gets with x, whatever the column player does. */
  rowFloor: Rational;
  /** maxᵢ Σⱼ A[i][j] yⱼ: the most the column player concedes with y, whatever the row player does. */
  colCeiling: Rational;
} {
  checkGame('guarantees', A);
  checkStrategy('guarantees', 'x', x, A.length);
  checkStrategy('guarantees', 'y', y, (A[0] as Rational[]).length);
  const m = A.length;
  const n = (A[0] as Rational[]).length;
  let rowFloor: Rational | null = null;
  for (let j = 0; j < n; j++) {
    let s = ZERO;
    for (let i = 0; i < m; i++) s = add(s, mul(x[i] as Rational, (A[i] as Rational[])[j] as Rational));
    if (rowFloor === null || cmp(s, rowFloor) < 0) rowFloor = s;
  }
  let colCeiling: Rational | null = null;
  for (let i = 0; i < m; i++) {
    let s = ZERO;
    for (let j = 0; j < n; j++) s = add(s, mul((A[i] as Rational[])[j] as Rational, y[j] as Rational));
    if (colCeiling === null || cmp(s, colCeiling) > 0) colCeiling = s;
  }
  return { rowFloor: rowFloor as Rational, colCeiling: colCeiling as Rational };
}

/**
 * Solves the game in mixed strategies. With every payoff shifted to be ≥ 1, the column player's
 * problem is max Σ yⱼ s.t. A y ≤ 1, y ≥ 0 (value 1/Σy); its dual (read off the slack columns of
 * the final tableau) is the row player's. Bland's rule, so no cycling; exact arithmetic throughout.
 */
export function solveMixed(A: Game): MixedSolution {
  checkGame('solveMixed', A);
  const m = A.length;
  const n = (A[0] as Rational[]).length;
  let lo = (A[0] as Rational[])[0] as Rational;
  for (const r of A) for (const a of r) if (cmp(a, lo) < 0) lo = a;
  const shift = sub(ONE, lo);
  // tableau rows: m constraints over n + m columns (y, slacks) plus the right-hand side
  const T: Rational[][] = A.map((r, i) => [...r.map((a) => add(a, shift)), ...Array.from({ length: m }, (_, k) => (k === i ? ONE : ZERO)), ONE]);
  // objective row: reduced costs (−1 for each y), value 0
  const z: Rational[] = [...Array.from({ length: n }, () => rational(-1n)), ...Array.from({ length: m }, () => ZERO), ZERO];
  const basis = Array.from({ length: m }, (_, i) => n + i);
  for (;;) {
    let enter = -1;
    for (let j = 0; j < n + m; j++)
      if ((z[j] as Rational).num < 0n) {
        enter = j;
        break;
      }
    if (enter < 0) break;
    let leave = -1;
    let best: Rational | null = null;
    for (let i = 0; i < m; i++) {
      const a = (T[i] as Rational[])[enter] as Rational;
      if (a.num <= 0n) continue;
      const ratio = div((T[i] as Rational[])[n + m] as Rational, a);
      const c = best === null ? -1 : cmp(ratio, best);
      if (c < 0 || (c === 0 && (basis[i] as number) < (basis[leave] as number))) {
        best = ratio;
        leave = i;
      }
    }
    // A y ≤ 1 with positive entries is bounded, so a leaving row always exists
    const pr = T[leave] as Rational[];
    const piv = pr[enter] as Rational;
    for (let j = 0; j <= n + m; j++) pr[j] = div(pr[j] as Rational, piv);
    const eliminate = (row: Rational[]) => {
      const f = row[enter] as Rational;
      if (f.num === 0n) return;
      for (let j = 0; j <= n + m; j++) row[j] = sub(row[j] as Rational, mul(f, pr[j] as Rational));
    };
    T.forEach((row, i) => i !== leave && eliminate(row));
    eliminate(z);
    basis[leave] = enter;
  }
  const total = z[n + m] as Rational; // Σ y at the optimum
  const y = Array.from({ length: n }, () => ZERO);
  basis.forEach((b, i) => {
    if (b < n) y[b] = (T[i] as Rational[])[n + m] as Rational;
  });
  const x = Array.from({ length: m }, (_, i) => div(z[n + i] as Rational, total));
  return { value: sub(div(ONE, total), shift), row: x, col: y.map((v) => div(v, total)) };
}

/** The pure saddle points (i, j): A[i][j] is the minimum of its row and the maximum of its column. */
export function pureSaddles(A: Game): [number, number][] {
  checkGame('pureSaddles', A);
  const out: [number, number][] = [];
  A.forEach((r, i) =>
    r.forEach((a, j) => {
      const rowMin = r.every((b) => cmp(a, b) <= 0);
      const colMax = A.every((rr) => cmp(a, rr[j] as Rational) >= 0);
      if (rowMin && colMax) out.push([i, j]);
    }),
  );
  return out;
}

/** maxᵢ minⱼ and minⱼ maxᵢ over pure strategies. */
export function pureValues(A: Game): {
  /** maxᵢ minⱼ A[i][j]: what the row player guarantees with a pure strategy. */
  maximin: Rational;
  /** minⱼ maxᵢ A[i][j]: what the column player concedes at most with a pure strategy; ≥ maximin, equal iff a pure saddle exists. */
  minimax: Rational;
} {
  checkGame('pureValues', A);
  const rowMins = A.map((r) => r.reduce((a, b) => (cmp(a, b) <= 0 ? a : b)));
  const maximin = rowMins.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
  const n = (A[0] as Rational[]).length;
  const colMaxes = Array.from({ length: n }, (_, j) => A.map((r) => r[j] as Rational).reduce((a, b) => (cmp(a, b) >= 0 ? a : b)));
  const minimax = colMaxes.reduce((a, b) => (cmp(a, b) <= 0 ? a : b));
  return { maximin, minimax };
}

/** A random m×n game with integer payoffs in [−10, 10]. */
export function randomGame(ctx: { rng: { uniform(): number } }, m: number, n: number): Game {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => rational(BigInt(Math.floor(ctx.rng.uniform() * 21) - 10))));
}

/** A random mixed strategy with weights 1…9 (exact). */
export function randomMixed(ctx: { rng: { uniform(): number } }, n: number): Rational[] {
  const a = Array.from({ length: n }, () => BigInt(1 + Math.floor(ctx.rng.uniform() * 9)));
  const s = a.reduce((x, y) => x + y, 0n);
  return a.map((v) => rational(v, s));
}
