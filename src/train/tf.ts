/**
 * TensorFlow.js, as every module of the trainer imports it. Only this file names the package, so that
 * the public declarations of `gan-verify/train` (whose functions take and return plain arrays) do not
 * load TensorFlow.js's own declarations, which do not type-check with skipLibCheck: false.
 */
import * as tf from '@tensorflow/tfjs';

export { tf };
