/** Data and helpers shared by the claims of seed document 003: quotes' source, setups, transcribed formulas. */
import type { DenseLayer } from '../../../train/pushforward.js';
import { DOC3 } from '../../catalogue/seeds.js';

export const src = (quote: string) => ({ doc: DOC3, quote });
/** Whose loss hovers: D's (the sentence) or, a wrong claim, G's; on the toy or the tabular GAN at its Nash point. */
export type Hover = { kind: 'toy' | 'tabular-nash'; loss: 'discriminator' | 'generator' };
/** A density claim about a generator: the density it says p_G has (a function of x), or null for "none can be evaluated". */
/** What a claim says of a generator's p_G: a density on the data space (a point given by its coordinates), or null: "none". */
export type DensityClaim = (layers: DenseLayer[]) => ((...x: number[]) => number) | null;
