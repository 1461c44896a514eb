/** Data and helpers shared by the claims of seed document 004: quotes' source, setups, transcribed formulas. */
import type { Setup } from '../../experiments.js';
import { DOC4 } from '../../catalogue/seeds.js';

export const src = (quote: string) => ({ doc: DOC4, quote });
export type GLoss = 'saturating' | 'non-saturating';
export const GRID: Setup = {
  preset: 'grid25',
  overrides: { gHidden: [32, 32], dHidden: [32, 32], batch: 64, logEvery: 500 },
  population: [8, 8],
  steps: [1000, 3000],
  stages: [[8], [8, 16]],
};
export const GRID_NARROW_G: Setup = { ...GRID, overrides: { ...GRID.overrides, gHidden: [1] } };
