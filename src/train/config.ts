import { TrainError } from './errors.js';
import { show } from '../theory/errors.js';

/** The GAN loss pair a run trains with (see {@link TrainConfig.loss}); `wgan` and `wgan-gp` make D a critic (no σ). */
export type GanLoss = 'ns' | 'saturating' | 'lsgan' | 'wgan' | 'wgan-gp' | 'hinge';

/**
 * The fused engine's arithmetic: `float64` (sums and products in float64, what is stored between steps in
 * float32: the default, and every committed log's) or `float32` (every operation rounded to float32, as
 * PyTorch's float32 tensors compute; the loss rows in float64 from the float32 output, then rounded).
 */
export type Precision = 'float64' | 'float32';

/** Members one 16-byte value of the fused engine's kernel holds: two float64 lanes, or four float32 lanes. */
export const lanesOf = (precision: Precision | undefined): 2 | 4 => (precision === 'float32' ? 4 : 2);

/** Everything that defines a training run. Every field can be overridden from the CLI or a JSON file. */
export interface TrainConfig {
  /** The preset the configuration was built from: `seed-toy`, `mixture-1d`, `ring8` or `grid25` (see {@link PRESETS}). */
  preset: string;
  /**
   * The data distribution, as a `numeric` distribution spec: `normal:3,1` for the toy,
   * `mixture:W:MU:SIGMA,…`, `ring8`, `grid25`.
   */
  target: string;
  /** Dimension of G's noise z. */
  noiseDim: number;
  /** Hidden widths of G (z → x) and D (x → logit). */
  gHidden: number[];
  /** Hidden widths of D (x → logit), each from 1 to 4096; [16] in seed-toy, [32, 32] in mixture-1d, [128, 128] in ring8 and grid25. */
  dHidden: number[];
  /**
   * Generator loss: `ns` non-saturating −E[log D(G(z))], `saturating` E[log(1 − D(G(z)))] (the
   * minimax form), `lsgan` least squares, `wgan` with weight clipping, `wgan-gp` with the gradient
   * penalty λ·E[(‖∇D(x̂)‖ − 1)²] on per-sample gradient norms at interpolates x̂ = εx + (1−ε)G(z)
   * (D is then a critic).
   */
  loss: GanLoss;
  /** Weight clipping bound for `wgan`. */
  clip: number;
  /** Gradient-penalty weight λ for `wgan-gp`. */
  gpWeight: number;
  /** D's learning rate; 0.01 in seed-toy, 1e-3 in the other presets. */
  lrD: number;
  /** G's learning rate; 0.01 in seed-toy, 1e-3 in the other presets. */
  lrG: number;
  /**
   * `adam` (PyTorch's Adam, the default) or `rmsprop` (PyTorch's RMSprop without momentum, the
   * optimizer of the WGAN paper; β₂ is then its smoothing constant α, 0.99 in PyTorch, and β₁ is unused).
   */
  optimizer?: 'adam' | 'rmsprop';
  /** The fused engine's arithmetic ({@link Precision}); absent: float64. */
  precision?: Precision;
  /** Adam's β₁, in [0, 1) (unused by `rmsprop`); 0.9 in seed-toy, 0.5 in the other presets. */
  beta1: number;
  /** Adam's β₂ (RMSprop's α), in [0, 1); 0.999 in every preset. */
  beta2: number;
  /** The optimizer's ε, added to the denominator √v̂ (Adam) or √v (RMSprop); 1e-8 in every preset. */
  eps: number;
  /** Real points and noise vectors per member per D step (G's step reuses the last D step's fakes); 16, 64 or 256 by preset. */
  batch: number;
  /** Training steps, each `dSteps` D updates then one G update; 1000 in seed-toy, 2000 in the other presets. */
  steps: number;
  /** D steps per G step. */
  dSteps: number;
  /** Steps 0, logEvery, 2·logEvery, … are measured and logged (onLog, TrainResult.logs); 200 in every preset. */
  logEvery: number;
  /** One-sided label smoothing: real labels become 1 − labelSmoothing. */
  labelSmoothing: number;
  /**
   * The R1 penalty's weight γ: D's loss gains (γ/2)·E‖∇ₓD(x)‖² over the real batch, on D's output (the logit)
   * (Mescheder et al. 2018, eq. 9). 0 or absent: none. Autodiff engine only.
   */
  r1?: number;
  /** The R2 penalty's weight γ: the same on the fake batch (Mescheder et al. 2018). 0 or absent: none. Autodiff engine only. */
  r2?: number;
  /**
   * Spectral normalisation of every layer of D: W/σ(W), σ from one power iteration per D step with a
   * persistent vector (Miyato et al. 2018, Algorithm 1). Absent: false. Autodiff engine only.
   */
  spectralNorm?: boolean;
  /**
   * An exponential moving average of G's weights, θ̄ ← β·θ̄ + (1 − β)·θ after each G step, used for G's
   * samples in the metrics (Yazıcı et al. 2019). 0 or absent: none. Autodiff engine only.
   */
  ema?: number;
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
  target: 'normal:3,1',
  noiseDim: 1,
  gHidden: [16],
  dHidden: [16],
  loss: 'ns',
  clip: 0.01,
  gpWeight: 10,
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

/**
 * `mixture-1d`: data ½N(−2, ½²) + ½N(2, ½²), the smallest case where a generator can drop a mode;
 * G and D with two hidden layers of 32, Adam(1e-3, β 0.5/0.999), batch 64, 2000 steps.
 */
export const MIXTURE_1D: TrainConfig = {
  ...SEED_TOY,
  preset: 'mixture-1d',
  target: 'mixture:0.5:-2:0.5,0.5:2:0.5',
  gHidden: [32, 32],
  dHidden: [32, 32],
  lrD: 1e-3,
  lrG: 1e-3,
  beta1: 0.5,
  batch: 64,
  steps: 2000,
};

/**
 * `ring8` and `grid25`: the 2-D mode-collapse benchmarks (8 Gaussians on the unit circle, σ = 0.01;
 * a 5×5 grid at {−4,…,4}², σ = 0.05), with the architecture usual for them: 2-D noise, G and D with
 * two hidden layers of 128, Adam(1e-3, β 0.5/0.999), batch 256, 2000 steps; metrics on 2500
 * generated points (modes covered, high-quality share, reverse KL of the mode histogram).
 */
export const RING8: TrainConfig = {
  ...SEED_TOY,
  preset: 'ring8',
  target: 'ring8',
  noiseDim: 2,
  gHidden: [128, 128],
  dHidden: [128, 128],
  lrD: 1e-3,
  lrG: 1e-3,
  beta1: 0.5,
  batch: 256,
  steps: 2000,
  evalSamples: 2500,
};

/** `grid25`: {@link RING8}'s settings on the 5×5 grid of Gaussians with means {−4, −2, 0, 2, 4}², σ = 0.05. */
export const GRID25: TrainConfig = { ...RING8, preset: 'grid25', target: 'grid25' };

/** The presets by name, as {@link makeConfig} reads its first argument. */
export const PRESETS: Readonly<Record<string, TrainConfig>> = { 'seed-toy': SEED_TOY, 'mixture-1d': MIXTURE_1D, ring8: RING8, grid25: GRID25 };

const INTEGER_FIELDS = ['batch', 'steps', 'dSteps', 'logEvery', 'evalSamples', 'noiseDim'] as const;
const NUMBER_FIELDS = ['lrD', 'lrG', 'beta1', 'beta2', 'eps', 'clip', 'gpWeight', 'labelSmoothing'] as const;

/** A preset with overrides applied and every field checked; errors name the field and the value. */
export function makeConfig(preset: string, overrides: Partial<TrainConfig> = {}): TrainConfig {
  const fn = 'train';
  const base = PRESETS[preset];
  if (base === undefined) throw new TrainError(fn, 'preset', `must be one of ${Object.keys(PRESETS).join(', ')} (tabular: trainTabular); got ${show(preset)}`);
  const c: TrainConfig = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if ((INTEGER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
        throw new TrainError(fn, key, `must be a positive integer; got ${show(value)}`);
      (c as unknown as Record<string, number>)[key] = value;
    } else if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TrainError(fn, key, `must be a finite number ≥ 0; got ${show(value)}`);
      (c as unknown as Record<string, number>)[key] = value;
    } else if (key === 'loss') {
      if (value !== 'ns' && value !== 'saturating' && value !== 'lsgan' && value !== 'wgan' && value !== 'wgan-gp' && value !== 'hinge') {
        throw new TrainError(fn, 'loss', `must be ns, saturating, lsgan, wgan, wgan-gp or hinge; got ${show(value)}`);
      }
      c.loss = value;
    } else if (key === 'r1' || key === 'r2') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e6)
        throw new TrainError(fn, key, `must be a penalty weight γ from 0 to 1e6; got ${show(value)}`);
      c[key] = value;
    } else if (key === 'spectralNorm') {
      if (typeof value !== 'boolean') throw new TrainError(fn, 'spectralNorm', `must be true or false; got ${show(value)}`);
      c.spectralNorm = value;
    } else if (key === 'ema') {
      if (typeof value !== 'number' || !(value >= 0 && value < 1)) throw new TrainError(fn, 'ema', `must be a decay β in [0, 1); got ${show(value)}`);
      c.ema = value;
    } else if (key === 'precision') {
      if (value !== 'float64' && value !== 'float32') throw new TrainError(fn, 'precision', `must be float64 or float32; got ${show(value)}`);
      c.precision = value;
    } else if (key === 'optimizer') {
      if (value !== 'adam' && value !== 'rmsprop') throw new TrainError(fn, 'optimizer', `must be adam or rmsprop; got ${show(value)}`);
      c.optimizer = value;
    } else if (key === 'gHidden' || key === 'dHidden') {
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isSafeInteger(v) && v >= 1 && v <= 4096)) {
        throw new TrainError(fn, key, `must be a nonempty list of widths from 1 to 4096; got ${show(value)}`);
      }
      c[key] = [...(value as number[])];
    } else if (key === 'target') {
      if (typeof value !== 'string') throw new TrainError(fn, 'target', `must be a distribution spec such as normal:3,1 or ring8; got ${show(value)}`);
      c.target = value;
    } else {
      throw new TrainError(
        fn,
        key,
        `is not a setting of the trainer (settings: ` +
          `${[...INTEGER_FIELDS, ...NUMBER_FIELDS, 'loss', 'optimizer', 'precision', 'target', 'gHidden', 'dHidden']
            .concat('r1', 'r2', 'spectralNorm', 'ema')
            .join(', ')}); ` +
          `got ${show(value)}`,
      );
    }
  }
  if (c.beta1 >= 1) throw new TrainError(fn, 'beta1', `must be below 1; got ${c.beta1}`);
  if (c.beta2 >= 1) throw new TrainError(fn, 'beta2', `must be below 1; got ${c.beta2}`);
  if (c.labelSmoothing >= 1) throw new TrainError(fn, 'labelSmoothing', `must be below 1; got ${c.labelSmoothing}`);
  return c;
}

/**
 * A whole configuration (as `train` receives it, or as a checkpoint stores it): an object with a
 * known preset, every field of that preset present, each valid as makeConfig checks it. Errors name
 * the field as `config.<field>` under `fn`.
 */
export function checkConfig(fn: string, config: unknown): TrainConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    throw new TrainError(fn, 'config', `must be a configuration (makeConfig); got ${show(config)}`);
  const { preset, ...settings } = config as Record<string, unknown>;
  const base = typeof preset === 'string' ? PRESETS[preset] : undefined;
  if (base === undefined) throw new TrainError(fn, 'config.preset', `must be one of ${Object.keys(PRESETS).join(', ')}; got ${show(preset)}`);
  const missing = Object.keys(base).find((k) => k !== 'preset' && !(k in settings));
  if (missing !== undefined) throw new TrainError(fn, `config.${missing}`, 'is missing (build configurations with makeConfig)');
  try {
    return makeConfig(preset as string, settings);
  } catch (e) {
    const m = /^train: (\S+) ([\s\S]*)$/.exec((e as Error).message);
    throw m ? new TrainError(fn, `config.${m[1]}`, m[2] as string) : e;
  }
}
