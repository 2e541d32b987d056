import { defineConfig } from 'vitest/config';

// Two tiers. `unit`: everything that needs no site build and no browser (npm run test:unit, seconds).
// `build`: tests that read the built dist/ or build a site themselves, and the browser tests.
// `npm test` builds first, then runs both.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'] } },
    ],
  },
});
