import { TrainError } from './backend.js';

export type GanLoss = 'ns' | 'saturating' | 'lsgan' | 'wgan';

/** Everything that defines a training run. Every field can be overridden from the CLI or a JSON file. */
export interface TrainConfig {
  preset: string;
  /** The data distribution (1-D normal for the toy). */
  target: { kind: 'normal'; mu: number; sigma: number };
  /** Hidden widths of G (z → x) and D (x → logit). */
  gHidden: number[];
  dHidden: number[];
  /**
   * Generator loss: `ns` non-saturating −E[log D(G(z))], `saturating` E[log(1 − D(G(z)))] (the
   * minimax form), `lsgan` least squares, `wgan` with weight clipping (D is then a critic).
   */
  loss: GanLoss;
  /** Weight clipping bound for `wgan`. */
  clip: number;
  lrD: number;
  lrG: number;
  beta1: number;
  beta2: number;
  eps: number;
  batch: number;
  steps: number;
  /** D steps per G step. */
  dSteps: number;
  logEvery: number;
  /** One-sided label smoothing: real labels become 1 − labelSmoothing. */
  labelSmoothing: number;
  /** Samples of G's output used for the metrics at each logged step. */
  evalSamples: number;
}

/**
 * `seed-toy`: exactly the toy GAN of seed document 000_3ee4abfec5abb774.txt — data N(3, 1);
 * G: Linear(1,16)–ReLU–Linear(16,1); D: Linear(1,16)–ReLU–Linear(16,1)–Sigmoid; BCE with the
 * non-saturating G loss; Adam(lr 0.01, β 0.9/0.999, ε 1e-8) for both; batch 16; 1000 steps; one D
 * step then one G step on the same fake batch; a log line every 200 steps; PyTorch's nn.Linear
 * initialisation (weights and biases uniform in ±1/√fan_in).
 */
export const SEED_TOY: TrainConfig = {
  preset: 'seed-toy',
  target: { kind: 'normal', mu: 3, sigma: 1 },
  gHidden: [16],
  dHidden: [16],
  loss: 'ns',
  clip: 0.01,
  lrD: 0.01,
  lrG: 0.01,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  batch: 16,
  steps: 1000,
  dSteps: 1,
  logEvery: 200,
  labelSmoothing: 0,
  evalSamples: 4096,
};

export const PRESETS: Readonly<Record<string, TrainConfig>> = { 'seed-toy': SEED_TOY };

const INTEGER_FIELDS = ['batch', 'steps', 'dSteps', 'logEvery', 'evalSamples'] as const;
const NUMBER_FIELDS = ['lrD', 'lrG', 'beta1', 'beta2', 'eps', 'clip', 'labelSmoothing'] as const;

/** A preset with overrides applied and every field checked; errors name the field and the value. */
export function makeConfig(preset: string, overrides: Partial<Record<string, unknown>> = {}): TrainConfig {
  const fn = 'train';
  const base = PRESETS[preset];
  if (base === undefined) throw new TrainError(fn, 'preset', `must be one of ${Object.keys(PRESETS).join(', ')}; got ${JSON.stringify(preset)}`);
  const c: TrainConfig = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if ((INTEGER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new TrainError(fn, key, `must be a positive integer; got ${JSON.stringify(value)}`);
      (c as unknown as Record<string, number>)[key] = value;
    } else if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TrainError(fn, key, `must be a finite number ≥ 0; got ${JSON.stringify(value)}`);
      (c as unknown as Record<string, number>)[key] = value;
    } else if (key === 'loss') {
      if (value !== 'ns' && value !== 'saturating' && value !== 'lsgan' && value !== 'wgan') throw new TrainError(fn, 'loss', `must be ns, saturating, lsgan or wgan; got ${JSON.stringify(value)}`);
      c.loss = value;
    } else if (key === 'gHidden' || key === 'dHidden') {
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isSafeInteger(v) && v >= 1 && v <= 4096)) {
        throw new TrainError(fn, key, `must be a nonempty list of widths from 1 to 4096; got ${JSON.stringify(value)}`);
      }
      c[key] = [...(value as number[])];
    } else {
      throw new TrainError(fn, key, `is not a setting of the trainer (settings: ${[...INTEGER_FIELDS, ...NUMBER_FIELDS, 'loss', 'gHidden', 'dHidden'].join(', ')}); got ${JSON.stringify(value)}`);
    }
  }
  if (c.beta1 >= 1) throw new TrainError(fn, 'beta1', `must be below 1; got ${c.beta1}`);
  if (c.beta2 >= 1) throw new TrainError(fn, 'beta2', `must be below 1; got ${c.beta2}`);
  if (c.labelSmoothing >= 1) throw new TrainError(fn, 'labelSmoothing', `must be below 1; got ${c.labelSmoothing}`);
  return c;
}
