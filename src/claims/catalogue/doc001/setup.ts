/** Data and helpers shared by the claims of seed document 001: quotes' source, setups, transcribed formulas. */
import { DOC1 } from '../../catalogue/seeds.js';

export const src = (quote: string) => ({ doc: DOC1, quote });
/**
 * Where D is looked at: the toy with G frozen at p_data (the sentence's hypothesis) or at its random
 * start (a wrong setup), or the tabular GAN at its Nash point.
 */
export type AtConvergence = { kind: 'toy-at-data' } | { kind: 'toy-at-init' } | { kind: 'tabular-nash' };
