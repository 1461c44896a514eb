export * as theory from './theory/index.js';
