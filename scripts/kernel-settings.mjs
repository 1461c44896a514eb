// The SIMD kernel's settings, one row each: the one table from which `npm run build:wasm` writes
// both sides, assembly/settings.ts (the kernel's globals and the reader of the settings block) and
// src/train/engines/kernel-settings.ts (the TypeScript writer, which takes each setting by name).
// A setting is an 8-byte slot of the block, in the order of this table: f64, or i32 (an integer,
// a kernel address `usize`, or a flag `bool` stored as 0/1) in the slot's first four bytes.
// `name` is the kernel's global and the writer's field; `doc` says what it holds.
export const KERNEL_SETTINGS = [
  // G's and D's areas in the kernel's memory (src/train/engines/fused-simd.ts lays them out)
  { name: 'gDesc', type: 'usize', doc: "G's layer descriptor (widths and offsets)" },
  { name: 'gX', type: 'usize', doc: "G's input area (the noise rows)" },
  { name: 'gOut', type: 'usize', doc: "G's last layer's outputs (the fakes)" },
  { name: 'gDelta', type: 'usize', doc: "G's backward vectors" },
  { name: 'gGrad', type: 'usize', doc: "G's gradient" },
  { name: 'gP', type: 'i32', doc: "G's parameter count" },
  { name: 'dDesc', type: 'usize', doc: "D's layer descriptor" },
  { name: 'dX', type: 'usize', doc: "D's input area (real rows, then fake rows)" },
  { name: 'dOut', type: 'usize', doc: "D's outputs (the logits)" },
  { name: 'dBack0', type: 'usize', doc: "the backward vector into D's input (∂loss/∂x, G's signal)" },
  { name: 'dDelta', type: 'usize', doc: "D's backward vectors" },
  { name: 'dGrad', type: 'usize', doc: "D's gradient" },
  { name: 'dP', type: 'i32', doc: "D's parameter count" },
  // the run's configuration
  { name: 'B', type: 'i32', doc: 'the batch size' },
  { name: 'dim', type: 'i32', doc: "the data's dimension" },
  { name: 'nz', type: 'i32', doc: "the noise's dimension" },
  { name: 'dSteps', type: 'i32', doc: 'D steps per step' },
  { name: 'code', type: 'i32', doc: "the loss's code (assembly/losses.ts, LOSS_CODE)" },
  { name: 'clipping', type: 'bool', doc: "WGAN's weight clipping is on" },
  { name: 'clipC', type: 'f64', doc: "WGAN's clipping bound c" },
  { name: 'label', type: 'f64', doc: 'the real label, 1 − label smoothing' },
  { name: 'rms', type: 'bool', doc: 'the optimiser is RMSprop (else Adam)' },
  { name: 'lrD', type: 'f64', doc: "D's learning rate (RMSprop's; Adam's step sizes come per step)" },
  { name: 'lrG', type: 'f64', doc: "G's learning rate (RMSprop's)" },
  { name: 'beta1', type: 'f64', doc: "Adam's β₁" },
  { name: 'c1', type: 'f64', doc: '1 − β₁, as the scalar code computes it' },
  { name: 'beta2', type: 'f64', doc: "Adam's β₂ (RMSprop's α)" },
  { name: 'c2', type: 'f64', doc: '1 − β₂' },
  { name: 'eps', type: 'f64', doc: "the optimiser's ε" },
  { name: 'realBuf', type: 'usize', doc: 'the real batch of every D step, interleaved lanes [dSteps·B·dim]' },
  { name: 'zBuf', type: 'usize', doc: 'the noise of every D step and of G’s step, interleaved lanes' },
  { name: 'outAt', type: 'usize', doc: "where each lane's D loss, G loss and status go" },
  { name: 'drawData', type: 'bool', doc: 'the kernel draws the data from N(mu, sigma²) (else the caller writes realBuf)' },
  { name: 'mu', type: 'f64', doc: "the normal target's mean" },
  { name: 'sigma', type: 'f64', doc: "the normal target's standard deviation" },
  { name: 'scratch', type: 'usize', doc: "scratch for the draws' quantile passes: two areas of scratchPairs pairs" },
  { name: 'scratchPairs', type: 'i32', doc: 'pairs in each scratch area' },
  { name: 'bound', type: 'f64', doc: "a member stops where its loss's |value| exceeds it (losses.ts LOSS_BOUND)" },
];
