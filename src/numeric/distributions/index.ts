/** The distributions of the numeric layer, one constructor per file. */
export { normal } from './normal.js';
export { uniform } from './uniform.js';
export { mixture } from './mixture.js';
export { categorical } from './categorical.js';
export { gaussianMixture2D, ring8, grid25 } from './plane.js';
export { parseDistributionSpec } from './spec.js';
export { checkSource, type Dist1D, type Dist2D, type Distribution, type SampleSet } from './types.js';
