import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // no test is decided by a time: a slow machine (CI runs on the developer's own, which may be busy)
    // only makes tests slower. The hour is a bound for a test that hangs, not a speed limit.
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
    // every core (vitest's default leaves one idle, which on 2 cores is half the machine); the
    // tests that start processes or threads wait for events, not for times, so a busy machine only
    // makes them slower
    maxWorkers: Math.max(2, availableParallelism()),
    isolate: false,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
});
