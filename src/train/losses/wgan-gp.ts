/**
 * WGAN-GP (Gulrajani et al. 2017, Algorithm 1): the critic's rows and ops of wgan.ts; the gradient
 * penalty λ·E(‖∇ₓf(x̂)‖ − 1)², a second-order term, is added by each engine (mlp.ts discLossGrad,
 * autodiff.ts gradientPenalty), so the SIMD kernel does not run it (the fused engine's scalar code does).
 */
import type { GanLossDef } from './types.js';
import { criticOps, criticRows } from './wgan.js';

export const WGAN_GP: GanLossDef = {
  id: 'wgan-gp',
  title: 'Wasserstein with gradient penalty (Gulrajani et al. 2017): the critic loss plus λ·E(‖∇f(x̂)‖ − 1)²',
  critic: true,
  raw: true,
  rows: criticRows,
  ops: criticOps,
  kernelCode: null,
};
