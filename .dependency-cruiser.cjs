/**
 * The layering of src/ as a rule that fails (npm run lint): imports only run downward,
 *   theory ← numeric ← train ← claims ← cli, and testing (the users' property kit) uses theory and
 *   numeric only; nothing imports cli; no import circles.
 * test/lint-layering.test.ts plants an upward import and a circle and checks that this fails on them.
 */
const layer = (name, allowed) => ({
  name: `${name}-imports-downward-only`,
  comment: `src/${name} may import only from ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'} (and node or packages)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`), '^src/package-version\\.ts$'] },
});

module.exports = {
  forbidden: [
    layer('theory', []),
    layer('numeric', ['theory']),
    layer('train', ['theory', 'numeric']),
    layer('testing', ['theory', 'numeric']),
    layer('claims', ['theory', 'numeric', 'train', 'testing']),
    layer('playground', ['theory', 'numeric', 'train', 'claims']),
    {
      name: 'no-circular',
      comment: 'no import circles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
