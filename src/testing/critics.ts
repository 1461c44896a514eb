/**
 * Critics the penalty theorems hand to a user's gradient penalty or R1: functions of a point with a
 * known gradient, so that the penalty's exact value is known. Each carries its `spec`, the form in
 * which `gan-verify theorems --exec` sends it to another process (whose adapter rebuilds it in its own
 * framework, e.g. as a PyTorch function, and differentiates it there).
 */
import fc from 'fast-check';

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

/** The critic a spec describes. */
export function makeCritic(spec: CriticSpec): Critic {
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
export const points = (n: number, dim: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(coord, { minLength: dim, maxLength: dim }), { minLength: n, maxLength: n });
