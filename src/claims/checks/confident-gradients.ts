/** Generator gradients against a confident discriminator, through the trainer's own loss code. */
import * as tf from '@tensorflow/tfjs';
import { gLossOf } from '../../train/engines/autodiff.js';
import { makeConfig } from '../../train/index.js';

/** The generator losses compared: saturating log(1 − D(G(z))) and non-saturating −log D(G(z)). */
export type GLoss = 'saturating' | 'ns';

/** ‖∇θ Σ L_G‖ for G's parameters θ = (a, b), and the mean D(G(z)) it was taken at. */
// a type, not an interface: tf.tidy returns it, and only type literals satisfy its container's index signature
export type GradientNorm = {
  norm: number;
  dOfFake: number;
};

/**
 * For G(z) = a·z + b at a = 0.5, b = `offset`, on 64 evenly spaced z in [−2, 2]: the gradient of
 * each generator loss through the trainer's own loss (gLossOf, logit form) against D's logit
 * `logitOf`. Call inside tf.tidy.
 */
function generatorGradients(logitOf: (x: tf.Tensor3D) => tf.Tensor3D, offset: number): Record<GLoss, GradientNorm> {
  const z = tf.tensor3d(
    Array.from({ length: 64 }, (_, i) => -2 + (4 * i) / 63),
    [1, 64, 1],
  );
  const a = tf.variable(tf.scalar(0.5));
  const b = tf.variable(tf.scalar(offset));
  const fakes = () => tf.add(tf.mul(z, a), b) as tf.Tensor3D;
  const dOfFake = tf.mean(tf.sigmoid(logitOf(fakes()))).dataSync()[0] as number;
  const of = (loss: GLoss): GradientNorm => {
    const c = makeConfig('seed-toy', { loss });
    const { grads } = tf.variableGrads(() => tf.sum(gLossOf(c, logitOf(fakes()))) as tf.Scalar, [a, b]);
    const g = [grads[a.name] as tf.Tensor, grads[b.name] as tf.Tensor].map((t) => t.dataSync()[0] as number);
    return { norm: Math.hypot(...g), dOfFake };
  };
  const out = { saturating: of('saturating'), ns: of('ns') };
  a.dispose();
  b.dispose();
  return out;
}

/**
 * The generator's gradient when D is confident that fakes are fake (D(G(z)) ≈ e^-depth): D's logit
 * is −x − depth, built, not trained. Returns the gradient norms of both losses.
 */
export function confidentGradients(depth: number): Record<GLoss, GradientNorm> {
  return tf.tidy(() => generatorGradients((x) => tf.sub(tf.mul(x, -1), depth) as tf.Tensor3D, 0));
}

/**
 * The same gradient norms against a discriminator that was trained, not built: a 1-16-1 ReLU network
 * trained by Adam (lr 0.01, batch 64) to tell N(3, 1) from the fakes of G(z) = 0.5·z + offset for `steps`
 * steps (seeded), then frozen; G (at that offset) meets it through the trainer's own loss as above.
 * Whether D ends confident enough for the gradient to vanish is not known in advance.
 */
export function trainedDGradients(steps: number, seed: number, offset = 0): Record<GLoss, GradientNorm> {
  return tf.tidy(() => {
    const init = (shape: number[], k: number) =>
      tf.variable(tf.randomUniform(shape, -1 / Math.sqrt(k), 1 / Math.sqrt(k), 'float32', seed + shape.length * 7 + k));
    const W1 = init([1, 16], 1);
    const b1 = init([16], 1);
    const W2 = init([16, 1], 16);
    const b2 = init([1], 16);
    const logit = (x: tf.Tensor2D) => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, W1), b1)), W2), b2) as tf.Tensor2D;
    const opt = tf.train.adam(0.01);
    for (let i = 0; i < steps; i++) {
      const real = tf.randomNormal([64, 1], 3, 1, 'float32', seed + 2 * i + 1) as tf.Tensor2D;
      const fake = tf.add(tf.mul(tf.randomNormal([64, 1], 0, 1, 'float32', seed + 2 * i + 2), 0.5), offset) as tf.Tensor2D;
      opt.minimize(() => tf.add(tf.mean(tf.softplus(tf.neg(logit(real)))), tf.mean(tf.softplus(logit(fake)))) as tf.Scalar, false, [W1, b1, W2, b2]);
      tf.dispose([real, fake]);
    }
    opt.dispose();
    const out = generatorGradients((x) => tf.reshape(logit(tf.reshape(x, [-1, 1]) as tf.Tensor2D), [1, 64, 1]) as tf.Tensor3D, offset);
    for (const v of [W1, b1, W2, b2]) v.dispose();
    return out;
  });
}
