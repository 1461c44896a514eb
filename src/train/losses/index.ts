/**
 * The GAN losses, one file each (./types.ts says what a loss holds), by name: the registry the
 * trainer's three paths are built from (the fused engine's scalar rows, the autodiff engine's ops,
 * the SIMD kernel's code).
 */
import { HINGE } from './hinge.js';
import { LSGAN } from './lsgan.js';
import { NS } from './ns.js';
import { SATURATING } from './saturating.js';
import type { GanLossDef } from './types.js';
import { WGAN } from './wgan.js';
import { WGAN_GP } from './wgan-gp.js';

export type { GanLossDef, RowLoss, Tf } from './types.js';

/** Every loss, by its name. */
export const LOSSES: Readonly<Record<GanLossDef['id'], GanLossDef>> = {
  ns: NS,
  saturating: SATURATING,
  lsgan: LSGAN,
  wgan: WGAN,
  'wgan-gp': WGAN_GP,
  hinge: HINGE,
};
