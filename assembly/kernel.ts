// The fused engine's SIMD kernel, the module's exports: the linear algebra (./fused-pair.ts), a
// pair's whole training step (./step.ts), and, for the tests that hold them to V8's Math and to
// src/numeric, the kernel's exp, log, log1p (./fdlibm.ts) and its generators (./normal.ts).
export { adam, backward, clip, forward, forward32, heapBase, hiddenMembers, rmsprop } from './fused-pair';
export { configure, pairStep, quadStep } from './step';
export { exp, log, log1p } from './fdlibm';
export { normal, normalQuantile, uniform, vnormalQuantileAll } from './normal';
export { vexpAll, vlog1pAll } from './vmath';
export { row, rowSlope, sigmoidF32 } from './losses';
export { coupling4, interleave, momentsF32x4, sortF32x2 } from './sort';
export { pushforwardRows } from './pushforward';
