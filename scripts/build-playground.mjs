// Bundles the playground (src/playground/app.ts and everything it imports: the trainer, the theory
// and numeric layers, TensorFlow.js) for the browser into dist/playground/, beside index.html.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync('dist/playground', { recursive: true });
await build({
  entryPoints: ['src/playground/app.ts'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outfile: 'dist/playground/app.js',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Node-only paths never taken in the page: sample files (node:fs) and the other backends
  alias: { 'node:fs': './src/playground/stub-fs.ts' },
  // and the fused engine's worker threads (the page trains on one thread)
  external: ['@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'node:worker_threads', 'node:module', 'node:url'],
  define: { 'process.env.NODE_ENV': '"production"' },
});
copyFileSync('src/playground/index.html', 'dist/playground/index.html');
