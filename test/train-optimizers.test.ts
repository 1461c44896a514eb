/**
 * The optimiser registry (src/train/optimizers/, one file each), walked: for every optimiser, its
 * scalar update on float32 rows from a float64 gradient against the paper's update written out here in
 * float64 (then stored in float32); its TF.js ops against the scalar update (float32 arithmetic: within
 * a few float32 ulps); and the SIMD kernel's function (the registry's `kernel`) against the scalar update
 * bit for bit, on both lanes, with a lane masked off keeping its values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../src/train/backend.js';
import { instantiate } from '../src/train/engines/fused-simd.js';
import { adamCorrections, OPTIMIZERS, type OptimizerDef, type OptimizerSpec } from '../src/train/optimizers/index.js';
import { Rng } from '../src/numeric/rng.js';
import { tf } from '../src/train/tf.js';

beforeAll(async () => {
  await useBackend('cpu');
});

const P = 37;
const SPEC: OptimizerSpec = { lr: 0.013, beta1: 0.83, beta2: 0.97, eps: 1e-6, t: 5 };

/** Two members' rows: float32 p, m, v (v ≥ 0) and a float64 gradient, from a seed. */
function rows(seed: number) {
  const r = Rng.fromSeed(seed);
  const f32 = (f: () => number) => Float32Array.from({ length: 2 * P }, f);
  return {
    p: f32(() => r.normal()),
    m: f32(() => 0.1 * r.normal()),
    v: f32(() => 0.01 * r.uniform()),
    g: Float64Array.from({ length: 2 * P }, () => r.normal() * 10 ** (4 * r.uniform() - 2)),
  };
}

/** The papers' updates, written out in float64 from the stored values (Kingma & Ba 2015 as PyTorch applies it; RMSprop as PyTorch's). */
function paper(id: OptimizerDef['id'], p: number, m: number, v: number, g: number, s: OptimizerSpec): { p: number; m: number; v: number } {
  if (id === 'rmsprop') {
    const v1 = Math.fround(s.beta2 * v + (1 - s.beta2) * g * g);
    return { p: Math.fround(p - (s.lr * g) / (Math.sqrt(v1) + s.eps)), m, v: v1 };
  }
  const m1 = Math.fround(s.beta1 * m + (1 - s.beta1) * g);
  const v1 = Math.fround(s.beta2 * v + (1 - s.beta2) * g * g);
  const mHat = m1 / (1 - s.beta1 ** s.t);
  const vHat = v1 / (1 - s.beta2 ** s.t);
  return { p: Math.fround(p - (s.lr * mHat) / (Math.sqrt(vHat) + s.eps * 1)), m: m1, v: v1 };
}

describe('the optimiser registry, walked', () => {
  it('holds Adam and RMSprop, each under its own id, each naming a kernel function', () => {
    expect(Object.keys(OPTIMIZERS).sort()).toEqual(['adam', 'rmsprop']);
    for (const [id, def] of Object.entries(OPTIMIZERS)) {
      expect(def.id).toBe(id);
      expect(['adam', 'rmsprop']).toContain(def.kernel);
    }
  });

  it.each(Object.values(OPTIMIZERS).map((d) => [d.id, d] as const))(
    '%s: scalar = the paper, TF.js ops = scalar (float32), kernel = scalar bit for bit',
    (_, def) => {
      for (const seed of [1, 2, 3]) {
        const x = rows(seed);
        const s = { ...SPEC, t: seed * 3 };
        // the scalar update, member by member
        const y = { p: x.p.slice(), m: x.m.slice(), v: x.v.slice() };
        for (const k of [0, 1]) def.update(s, y.p, y.m, y.v, x.g.subarray(k * P, (k + 1) * P), k * P, P);
        for (let i = 0; i < 2 * P; i++) {
          const w = paper(def.id, x.p[i] as number, x.m[i] as number, x.v[i] as number, x.g[i] as number, s);
          // Adam's bias corrections folded into the step (PyTorch's form) against m̂/(√v̂ + ε): the same number up to float32 rounding
          expect(Math.abs((y.p[i] as number) - w.p)).toBeLessThanOrEqual(4e-7 * Math.max(1, Math.abs(w.p)) + (def.id === 'adam' ? s.lr * 1e-5 : 0));
          expect(y.m[i]).toBe(w.m);
          expect(y.v[i]).toBe(w.v);
        }
        // the TF.js ops on [2, P]
        const ops = tf.tidy(() => {
          const p = tf.variable(tf.tensor2d(x.p, [2, P]));
          const m = tf.variable(tf.tensor2d(x.m, [2, P]));
          const v = tf.variable(tf.tensor2d(x.v, [2, P]));
          for (const [variable, next] of def.ops(tf, p, m, v, tf.tensor2d(Float32Array.from(x.g), [2, P]), s)) variable.assign(next);
          const out = { p: p.dataSync().slice() as Float32Array, m: m.dataSync().slice() as Float32Array, v: v.dataSync().slice() as Float32Array };
          tf.dispose([p, m, v]);
          return out;
        });
        for (let i = 0; i < 2 * P; i++) {
          for (const key of ['p', 'm', 'v'] as const) {
            const want = y[key][i] as number;
            expect(Math.abs((ops[key][i] as number) - want)).toBeLessThanOrEqual(1e-5 * Math.abs(want) + 1e-9);
          }
        }
        // the kernel's function on both lanes (lane k = member k), then with lane 1 masked off
        for (const mask of [3, 1]) {
          const { k, base, f64 } = instantiate(4 * P * 16);
          const at = (a: number) => base + a * P * 16;
          const put = (area: number, arr: Float32Array | Float64Array) => {
            for (let i = 0; i < P; i++) for (const lane of [0, 1]) f64[at(area) / 8 + 2 * i + lane] = arr[lane * P + i] as number;
          };
          put(0, x.p);
          put(1, x.m);
          put(2, x.v);
          put(3, x.g);
          if (def.kernel === 'adam') {
            const { stepSize, bc2Sqrt } = adamCorrections(s);
            k.adam(at(0), at(1), at(2), at(3), P, stepSize, bc2Sqrt, s.eps, s.beta1, 1 - s.beta1, s.beta2, 1 - s.beta2, mask);
          } else k.rmsprop(at(0), at(2), at(3), P, s.lr, s.beta2, 1 - s.beta2, s.eps, mask);
          for (let i = 0; i < P; i++) {
            for (const lane of [0, 1]) {
              const on = (mask >> lane) & 1;
              for (const [area, key] of [
                [0, 'p'],
                [1, 'm'],
                [2, 'v'],
              ] as const) {
                const want = on ? (y[key][lane * P + i] as number) : (x[key][lane * P + i] as number);
                expect(f64[at(area) / 8 + 2 * i + lane]).toBe(want);
              }
            }
          }
        }
      }
    },
  );
});
