/**
 * Critics the penalty theorems hand to a user's gradient penalty or R1: functions of a point with a
 * known gradient, so that the penalty's exact value is known. Each carries its `spec`, the form in
 * which `gan-verify theorems --exec` sends it to another process (whose adapter rebuilds it in its own
 * framework, e.g. as a PyTorch function, and differentiates it there).
 */
import fc from 'fast-check';
import { show, TestingError } from './errors.js';

/** A critic's definition: `linear` f(x) = a·(w·x) + b, or `quadratic` f(x) = ½·a·‖x − c‖². */
export type CriticSpec =
  | {
      /** f(x) = a·(w·x) + b: gradient a·w everywhere. */
      kind: 'linear';
      /** The slope along `w`; ‖∇f‖ = |a|·‖w‖. */
      a: number;
      /** The direction, one coordinate per dimension (a unit vector in {@link critic}'s critics). */
      w: number[];
      /** The offset. */
      b: number;
    }
  | {
      /** f(x) = ½·a·‖x − c‖²: gradient a·(x − c). */
      kind: 'quadratic';
      /** The curvature. */
      a: number;
      /** The centre, one coordinate per dimension. */
      c: number[];
    };

/** A critic: f(x) for a point x (an array of coordinates), with its exact gradient and its spec. */
export interface Critic {
  /** f(x). */
  (x: number[]): number;
  /** ∇f(x). */
  grad(x: number[]): number[];
  /** What the critic is, as data. */
  readonly spec: CriticSpec;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

const finiteArray = (v: unknown, n?: number) =>
  Array.isArray(v) && v.length > 0 && (n === undefined || v.length === n) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const finiteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Checks a spec: a linear or quadratic critic with finite parameters. */
function checkSpec(fn: string, spec: unknown): CriticSpec {
  const s = spec as Record<string, unknown> | null;
  const ok =
    s !== null &&
    typeof s === 'object' &&
    finiteNumber(s.a) &&
    ((s.kind === 'linear' && finiteArray(s.w) && finiteNumber(s.b)) || (s.kind === 'quadratic' && finiteArray(s.c)));
  if (!ok)
    throw new TestingError(
      fn,
      'spec',
      `must be { kind: 'linear', a, w: number[], b } or { kind: 'quadratic', a, c: number[] } with finite numbers; got ${show(spec)}`,
    );
  return spec as CriticSpec;
}

/** A dimension or a count: an integer from 1 to `max`. */
function checkSize(fn: string, arg: string, v: unknown, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > max)
    throw new TestingError(fn, arg, `must be an integer from 1 to ${max}; got ${show(v)}`);
  return v;
}

/** The critic a spec describes. */
export function makeCritic(spec: CriticSpec): Critic {
  checkSpec('makeCritic', spec);
  const f =
    spec.kind === 'linear'
      ? Object.assign((x: number[]) => spec.a * dot(spec.w, x) + spec.b, { grad: (_: number[]) => spec.w.map((w) => spec.a * w) })
      : Object.assign((x: number[]) => (0.5 * spec.a * x.reduce((s, xi, i) => s + (xi - (spec.c[i] as number)) ** 2, 0)) as number, {
          grad: (x: number[]) => x.map((xi, i) => spec.a * (xi - (spec.c[i] as number))),
        });
  return Object.assign(f, { spec });
}

/** ‖∇f(x)‖ for a critic, exactly as the theorems expect it. */
export const gradNorm = (critic: Critic, x: readonly number[]): number => Math.hypot(...critic.grad([...x]));

const coord = fc.integer({ min: -16, max: 16 }).map((k) => k / 4);

/** Critics on points of dimension `dim`: linear with a unit direction (a ∈ {0, ±½, ±1, ±2, …}) or quadratic. */
export function critic(dim: number): fc.Arbitrary<Critic> {
  checkSize('critic', 'dim', dim, 64);
  const a = fc.constantFrom(0, 1, -1, 0.5, 2, -3, 1.5);
  const unit = fc
    .array(fc.integer({ min: -4, max: 4 }), { minLength: dim, maxLength: dim })
    .filter((v) => v.some((x) => x !== 0))
    .map((v) => {
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    });
  const linear = fc.record({ a, w: unit, b: coord }).map(({ a, w, b }) => makeCritic({ kind: 'linear', a, w, b }));
  const quadratic = fc
    .record({ a: fc.constantFrom(1, 0.5, 2, -1), c: fc.array(coord, { minLength: dim, maxLength: dim }) })
    .map(({ a, c }) => makeCritic({ kind: 'quadratic', a, c }));
  return fc.oneof(linear, quadratic);
}

/** A batch of n points of dimension dim, coordinates k/4. */
export function points(n: number, dim: number): fc.Arbitrary<number[][]> {
  checkSize('points', 'n', n, 10_000);
  checkSize('points', 'dim', dim, 64);
  return fc.array(fc.array(coord, { minLength: dim, maxLength: dim }), { minLength: n, maxLength: n });
}
