/**
 * The `tabular` GAN: data on n points with masses p, G = softmax over n logits (so p_G = q is known
 * exactly at every step), D = a sigmoid per point. Training uses exact expectations instead of
 * samples, so the D loss is exactly −V(D, G) = −Σ pᵢ ln σ(dᵢ) − Σ qᵢ ln(1 − σ(dᵢ)) and every claim of
 * the theory (D* = p/(p+q), C(G) = 2·JSD − ln 4, the Nash point) can be checked against the exact
 * module on the trainer's own tables. Populations are batched as in the MLP trainer: logits are
 * [K, n]; member k is initialised from Rng.fromSeed(s + k) with logits uniform in ±1.
 */
export interface TabularConfig {
  /**
   * The data masses p (positive numbers, normalised).
   * @defaultValue [0.1, 0.2, 0.3, 0.4]
   */
  target: number[];
  /**
   * `ns` (−Σ qᵢ ln σ(dᵢ)) or `saturating` (Σ qᵢ ln(1 − σ(dᵢ)), the minimax form).
   * @defaultValue 'ns'
   */
  loss: 'ns' | 'saturating';
  /**
   * D's Adam learning rate, finite and ≥ 0.
   * @defaultValue 0.05
   */
  lrD: number;
  /**
   * G's Adam learning rate, finite and ≥ 0.
   * @defaultValue 0.05
   */
  lrG: number;
  /**
   * Adam's β₁, in [0, 1).
   * @defaultValue 0.9
   */
  beta1: number;
  /**
   * Adam's β₂, in [0, 1).
   * @defaultValue 0.999
   */
  beta2: number;
  /**
   * Adam's ε, added to the denominator √v̂; finite and ≥ 0.
   * @defaultValue 1e-8
   */
  eps: number;
  /**
   * Training steps, each `dSteps` D updates then one G update.
   * @defaultValue 1000
   */
  steps: number;
  /**
   * D updates per step.
   * @defaultValue 1
   */
  dSteps: number;
  /**
   * Steps 0, logEvery, 2·logEvery, … and the last step are logged.
   * @defaultValue 200
   */
  logEvery: number;
  /**
   * Keep G fixed (train D alone), e.g. to watch D converge to D*.
   * @defaultValue false
   */
  freezeG: boolean;
  /**
   * 0: train on exact expectations. B > 0: train on minibatches of B real points drawn from p and B
   * fakes drawn from q = softmax(g): D's loss is −V with p, q replaced by the two batches'
   * histograms; G, whose samples are discrete, gets the score-function (REINFORCE) gradient
   * (1/B) Σⱼ f(yⱼ)(e_{yⱼ} − q), an unbiased estimate of ∇ E_q f.
   * @defaultValue 0
   */
  batch: number;
}

/** The tabular trainer's defaults: {@link trainTabular} overrides them field by field with its `config`. */
export const TABULAR: TabularConfig = {
  target: [0.1, 0.2, 0.3, 0.4],
  loss: 'ns',
  lrD: 0.05,
  lrG: 0.05,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  steps: 1000,
  dSteps: 1,
  logEvery: 200,
  freezeG: false,
  batch: 0,
};
