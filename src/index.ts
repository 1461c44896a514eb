export * as theory from './theory/index.js';
export * as numeric from './numeric/index.js';
