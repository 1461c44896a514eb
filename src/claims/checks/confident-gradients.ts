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
