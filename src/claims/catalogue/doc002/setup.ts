/** Data and helpers shared by the claims of seed document 002: quotes' source, setups, transcribed formulas. */
import type { Setup } from '../../experiments.js';
import { DOC2 } from '../../catalogue/seeds.js';

export const src = (quote: string) => ({ doc: DOC2, quote });
export type Sampler = 'independent' | 'optimal-coupling';
export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
export const RING: Setup = {
  preset: 'ring8',
  overrides: { gHidden: [32, 32], dHidden: [32, 32], batch: 64, logEvery: 500 },
  population: [8, 8],
  steps: [1000, 3000],
  stages: [[8], [8, 16]],
};
/** A generator with one hidden ReLU unit: its outputs lie on a ray, so it can reach at most two of the ring's modes. */
export const RING_NARROW_G: Setup = { ...RING, overrides: { ...RING.overrides, gHidden: [1] } };
export const RING_MODES = Array.from({ length: 8 }, (_, i) => [Math.cos((2 * Math.PI * i) / 8), Math.sin((2 * Math.PI * i) / 8)]).flat();
export type LrPair = { lrD: number; lrG: number };
export const SEPARATE_BASE: Setup = {
  preset: 'seed-toy',
  population: [16, 32],
  overrides: { logEvery: 50 },
  stages: [
    [16, 32],
    [32, 64, 128],
  ],
};
/** Arjovsky, Chintala & Bottou (2017), Algorithm 1: RMSProp, α = 5·10⁻⁵, clipping c = 0.01, n_critic = 5, m = 64. */
export const WGAN_CLIP: Setup = {
  preset: 'seed-toy',
  overrides: { loss: 'wgan', optimizer: 'rmsprop', beta2: 0.99, lrD: 5e-5, lrG: 5e-5, clip: 0.01, dSteps: 5, batch: 64, logEvery: 100 },
  population: [4, 8],
  steps: [1000, 2000],
  stages: [
    [4, 8],
    [8, 16, 32, 64],
  ],
};
/** Gulrajani et al. (2017), Algorithm 1: Adam α = 10⁻⁴, β = (0, 0.9), λ = 10, n_critic = 5, m = 64. */
export const WGAN_GP: Setup = {
  preset: 'seed-toy',
  overrides: { loss: 'wgan-gp', lrD: 1e-4, lrG: 1e-4, beta1: 0, beta2: 0.9, gpWeight: 10, dSteps: 5, batch: 64, logEvery: 100 },
  population: [4, 8],
  steps: [1000, 2000],
  stages: [
    [4, 8],
    [8, 16, 32, 64],
  ],
};
/** The document's toy GAN logged every 100 steps for 2000 steps: the "standard GAN discriminator loss" the sentence contrasts. */
export const GAN_TOY: Setup = {
  preset: 'seed-toy',
  overrides: { logEvery: 100 },
  population: [4, 8],
  steps: [1000, 2000],
  stages: [
    [4, 8],
    [8, 16, 32, 64],
  ],
};
/** The W1 estimate judged: the critic's on held-out samples, the GAN loss's ln 4 − L_D, or (positive control) a Gaussian fit to G's samples. */
export type Estimate = 'held-out' | 'gan-loss' | 'gaussian-fit';
