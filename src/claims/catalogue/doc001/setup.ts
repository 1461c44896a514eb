/** Data and helpers shared by the claims of seed document 001: quotes' source, setups, transcribed formulas. */
import { DOC1 } from '../../catalogue/seeds.js';

export const src = (quote: string) => ({ doc: DOC1, quote });
export type AtConvergence = { kind: 'toy'; value: number } | { kind: 'tabular-nash'; value: number };
