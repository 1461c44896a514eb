/**
 * The loss registry (src/train/losses/, one file per loss), walked: for every loss, its scalar rows
 * against float64 central differences of themselves (the derivative) and against the paper's formula
 * written out here; its TF.js ops against the rows (float32) and TF.js's gradient of the ops against
 * the rows' slopes; and the SIMD kernel's row, for every loss with a kernel code, against the scalar
 * row bit for bit. The engines' own gradients (WGAN-GP's second-order penalty and G's gradient
 * through D included) are held to finite differences in properties/train.property.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiate, type Kernel } from '../src/train/engines/fused-simd.js';
import { LOSSES, type GanLossDef, type RowLoss } from '../src/train/losses/index.js';
import { tf } from '../src/train/tf.js';
import { useBackend } from '../src/train/backend.js';

beforeAll(async () => {
  await useBackend('cpu');
});

/** Outputs l at which every row is read: both tails, the kink of softplus and of the hinge, float32 values. */
const LS = [-40, -7.5, -1, -0.3, -(2 ** -30), 0, 2 ** -30, 0.25, 1, 3.75, 12, 40];
const LABELS = [1, 0.875];

const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
/**
 * The papers' D and G losses on one row, written out (ns/saturating: Goodfellow et al. 2014; lsgan: Mao et al.
 * 2017; critics: Arjovsky et al. 2017; hinge: Lim & Ye 2017).
 */
const PAPER: Record<GanLossDef['id'], { d(real: boolean, l: number, y: number): number; g(l: number): number }> = {
  // −y ln σ(l) − (1 − y) ln(1 − σ(l)), with ln σ(l) = −softplus(−l), ln(1 − σ(l)) = −softplus(l)
  ns: { d: (real, l, y) => (real ? y * softplus(-l) + (1 - y) * softplus(l) : softplus(l)), g: (l) => softplus(-l) },
  saturating: { d: (real, l, y) => (real ? y * softplus(-l) + (1 - y) * softplus(l) : softplus(l)), g: (l) => -softplus(l) },
  lsgan: { d: (real, l, y) => (real ? (l - y) ** 2 : l ** 2), g: (l) => (l - 1) ** 2 },
  wgan: { d: (real, l) => (real ? -l : l), g: (l) => -l },
  'wgan-gp': { d: (real, l) => (real ? -l : l), g: (l) => -l },
  hinge: { d: (real, l) => (real ? Math.max(0, 1 - l) : Math.max(0, 1 + l)), g: (l) => -l },
};

/** The ops' per-member losses on one real output a and one fake output b ([1, 1, 1] each), and their gradients in a and b. */
function opsAt(def: GanLossDef, a: number, b: number, y: number) {
  return tf.tidy(() => {
    const real = tf.tensor3d([a], [1, 1, 1]);
    const fake = tf.tensor3d([b], [1, 1, 1]);
    const d = def.ops.d(tf, real, fake, y).dataSync()[0] as number;
    const g = def.ops.g(tf, fake).dataSync()[0] as number;
    const [gr, gf] = tf.grads((r: tf.Tensor, f: tf.Tensor) => tf.sum(def.ops.d(tf, r as tf.Tensor3D, f as tf.Tensor3D, y)))([real, fake]);
    const gg = tf.grad((f: tf.Tensor) => tf.sum(def.ops.g(tf, f as tf.Tensor3D)))(fake);
    return { d, g, dReal: gr?.dataSync()[0] as number, dFake: gf?.dataSync()[0] as number, dG: gg.dataSync()[0] as number };
  });
}

const close32 = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(want)));

describe('the loss registry, walked', () => {
  let k: Kernel;
  beforeAll(() => {
    k = instantiate(0).k;
  });

  it('holds every loss the configuration accepts, each with its own file and id', () => {
    expect(Object.keys(LOSSES).sort()).toEqual(['hinge', 'lsgan', 'ns', 'saturating', 'wgan', 'wgan-gp']);
    for (const [id, def] of Object.entries(LOSSES)) expect(def.id).toBe(id);
  });

  it.each(Object.values(LOSSES).map((def) => [def.id, def] as const))('%s', (_, def) => {
    const paper = PAPER[def.id];
    const row: RowLoss = { loss: 0, slope: 0 };
    const at = (f: (out: RowLoss) => void) => {
      f(row);
      return { ...row };
    };
    for (const y of LABELS) {
      for (const l of LS) {
        // the ops against the paper's formula (float32), and the ops' gradients against the formula's central differences
        const o = opsAt(def, l, l, y);
        close32(o.d, paper.d(true, l, y) + paper.d(false, l, y));
        close32(o.g, paper.g(l));
        if (def.rows === null) continue;
        const rows = def.rows;
        for (const real of [true, false]) {
          const r = at((out) => rows.d(real, l, y, out));
          // the row is the paper's loss, in float64
          expect(Math.abs(r.loss - paper.d(real, l, y))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(r.loss)));
          // its slope is the derivative: central differences in float64
          const h = 1e-5 * Math.max(1, Math.abs(l));
          const fd = (at((out) => rows.d(real, l + h, y, out)).loss - at((out) => rows.d(real, l - h, y, out)).loss) / (2 * h);
          expect(Math.abs(r.slope - fd)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
          // TF.js's gradient of the ops is the slope (float32)
          close32(real ? o.dReal : o.dFake, r.slope);
          // the kernel's row is the scalar row, bit for bit
          if (def.kernelCode !== null) {
            expect(k.row(def.kernelCode, 1, real ? 1 : 0, l, y)).toBe(r.loss);
            expect(k.rowSlope()).toBe(r.slope);
          }
        }
        const g = at((out) => rows.g(l, out));
        expect(Math.abs(g.loss - paper.g(l))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(g.loss)));
        const h = 1e-5 * Math.max(1, Math.abs(l));
        const fd = (at((out) => rows.g(l + h, out)).loss - at((out) => rows.g(l - h, out)).loss) / (2 * h);
        expect(Math.abs(g.slope - fd)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
        close32(o.dG, g.slope);
        if (def.kernelCode !== null) {
          expect(k.row(def.kernelCode, 0, 0, l, y)).toBe(g.loss);
          expect(k.rowSlope()).toBe(g.slope);
        }
      }
    }
  });

  it('the kernel runs exactly the losses with a kernel code, and the fused engine exactly those with rows', async () => {
    const { autodiffOnly } = await import('../src/train/losses.js');
    for (const def of Object.values(LOSSES)) {
      expect(autodiffOnly({ loss: def.id })).toEqual(def.rows === null ? [`--loss ${def.id}`] : []);
      if (def.kernelCode !== null) expect(def.rows).not.toBeNull();
    }
    expect(new Set(Object.values(LOSSES).flatMap((d) => (d.kernelCode === null ? [] : [d.kernelCode]))).size).toBe(4);
  });
});
