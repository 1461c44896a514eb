/** Generator gradients against a confident discriminator, through the trainer's own loss code. */
import * as tf from '@tensorflow/tfjs';
import { gLossOf } from '../../train/engines/autodiff.js';
import { makeConfig } from '../../train/index.js';

/**
 * The generator's gradient with respect to its parameters when D is confident that fakes are fake
 * (D(G(z)) ≈ e^-depth), through the trainer's own loss (gLossOf, logit form): G(z) = a·z + b,
 * D's logit = −w·x − c. Returns the gradient norms for the given loss and for the other one.
 */
export function confidentGradients(loss: 'saturating' | 'ns', depth: number): { norm: number; dOfFake: number } {
  return tf.tidy(() => {
    const z = tf.tensor3d(
      Array.from({ length: 64 }, (_, i) => -2 + (4 * i) / 63),
      [1, 64, 1],
    );
    const a = tf.variable(tf.scalar(0.5));
    const b = tf.variable(tf.scalar(0));
    const c = makeConfig('seed-toy', { loss });
    const logitOf = (x: tf.Tensor) => tf.sub(tf.mul(x, -1), depth) as tf.Tensor3D;
    const f = () => tf.sum(gLossOf(c, logitOf(tf.add(tf.mul(z, a), b)))) as tf.Scalar;
    const { grads } = tf.variableGrads(f, [a, b]);
    const g = [grads[a.name] as tf.Tensor, grads[b.name] as tf.Tensor].map((t) => t.dataSync()[0] as number);
    const dFake = tf.mean(tf.sigmoid(logitOf(tf.add(tf.mul(z, a), b)))).dataSync()[0] as number;
    a.dispose();
    b.dispose();
    return { norm: Math.hypot(...g), dOfFake: dFake };
  });
}

/**
 * The same gradient norms against a discriminator that was trained, not built: a 1-16-1 ReLU network
 * trained by Adam (lr 0.01, batch 64) to tell N(3, 1) from the fakes of G(z) = 0.5·z + offset for `steps`
 * steps (seeded), then frozen; G's gradient goes through the trainer's own loss as above. Whether D
 * ends confident enough for the gradient to vanish is not known in advance.
 */
export function trainedDGradients(loss: 'saturating' | 'ns', steps: number, seed: number, offset = 0): { norm: number; dOfFake: number } {
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
    const z = tf.tensor3d(
      Array.from({ length: 64 }, (_, i) => -2 + (4 * i) / 63),
      [1, 64, 1],
    );
    const a = tf.variable(tf.scalar(0.5));
    const b = tf.variable(tf.scalar(offset));
    const c = makeConfig('seed-toy', { loss });
    const dLogit = (x: tf.Tensor) => tf.reshape(logit(tf.reshape(x, [-1, 1]) as tf.Tensor2D), [1, 64, 1]) as tf.Tensor3D;
    const fakes = () => tf.add(tf.mul(z, a), b);
    const { grads } = tf.variableGrads(() => tf.sum(gLossOf(c, dLogit(fakes()))) as tf.Scalar, [a, b]);
    const g = [grads[a.name] as tf.Tensor, grads[b.name] as tf.Tensor].map((t) => t.dataSync()[0] as number);
    const dFake = tf.mean(tf.sigmoid(dLogit(fakes()))).dataSync()[0] as number;
    for (const v of [a, b, W1, b1, W2, b2]) v.dispose();
    return { norm: Math.hypot(...g), dOfFake: dFake };
  });
}
