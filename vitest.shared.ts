import { defineConfig } from 'vitest/config';

// Every package's vitest config extends this: the JSON report is what .ci/run counts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
