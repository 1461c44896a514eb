/**
 * The optimizers on one member's row of a float32 parameter array, with float64 gradients:
 * PyTorch's Adam and RMSprop, element by element (so a population's members never interact). The
 * definitions of both; `optimizer-ops.ts` writes the same updates as TF.js ops for the autodiff
 * engine and the tabular trainer, and the tests hold the two to each other.
 */

export interface AdamSpec {
  /** `adam` (the default) or `rmsprop` (then beta2 is RMSProp's smoothing constant α and beta1 is unused). */
  optimizer?: 'adam' | 'rmsprop';
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** The step number, from 1. */
  t: number;
}

/**
 * Adam's bias corrections at step t, as PyTorch applies them: the step size lr/(1 − β₁ᵗ) and
 * √(1 − β₂ᵗ), which divides √v. Every Adam here (this file, optimizer-ops.ts, the SIMD kernel) takes them from this.
 */
export function adamCorrections(s: Pick<AdamSpec, 'lr' | 'beta1' | 'beta2' | 't'>): { stepSize: number; bc2Sqrt: number } {
  return { stepSize: s.lr / (1 - s.beta1 ** s.t), bc2Sqrt: Math.sqrt(1 - s.beta2 ** s.t) };
}

/**
 * PyTorch's Adam (torch.optim.Adam) on one member's row [o, o + P): m ← β₁m + (1−β₁)g;
 * v ← β₂v + (1−β₂)g²; p ← p − (lr/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε).
 */
export function adam(s: AdamSpec, p: Float32Array, m: Float32Array, v: Float32Array, g: Float64Array, o: number, P: number): void {
  if (s.optimizer === 'rmsprop') {
    rmsprop(s, p, v, g, o, P);
    return;
  }
  const { beta1, beta2, eps } = s;
  const { stepSize, bc2Sqrt } = adamCorrections(s);
  for (let i = 0; i < P; i++) {
    const gi = g[i] as number;
    m[o + i] = beta1 * (m[o + i] as number) + (1 - beta1) * gi;
    v[o + i] = beta2 * (v[o + i] as number) + (1 - beta2) * gi * gi;
    // the update reads the stored (float32) moments
    p[o + i] = (p[o + i] as number) - (stepSize * (m[o + i] as number)) / (Math.sqrt(v[o + i] as number) / bc2Sqrt + eps);
  }
}

/**
 * PyTorch's RMSprop (torch.optim.RMSprop, no momentum, not centred) on one member's row:
 * v ← αv + (1−α)g²; p ← p − lr·g/(√v + ε), with α = s.beta2. The optimizer of the WGAN paper
 * (Arjovsky, Chintala & Bottou 2017, Algorithm 1: RMSProp, α = 5·10⁻⁵ learning rate).
 */
export function rmsprop(s: AdamSpec, p: Float32Array, v: Float32Array, g: Float64Array, o: number, P: number): void {
  const { lr, beta2: alpha, eps } = s;
  for (let i = 0; i < P; i++) {
    const gi = g[i] as number;
    v[o + i] = alpha * (v[o + i] as number) + (1 - alpha) * gi * gi;
    p[o + i] = (p[o + i] as number) - (lr * gi) / (Math.sqrt(v[o + i] as number) + eps);
  }
}
