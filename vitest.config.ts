import { defineConfig } from 'vitest/config';

// Two tiers. `unit`: everything that needs no site build and no browser (npm run test:unit, under a minute).
// `build`: tests that read the built dist/ or build a site themselves, and the browser tests.
// `npm test` builds first, then runs both.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    projects: [
      // Tests of one area in a folder of their own (test/cli/, test/explain/); real-index-setup builds the real index once.
      { extends: true, test: { name: 'unit', include: ['test/*.test.ts', 'test/cli/*.test.ts', 'test/explain/*.test.ts'], globalSetup: ['test/support/real-index-setup.ts'] } },
      // A browser on a busy 2-core CI machine can take more than expect.poll's default 1 s to fetch and
      // render; a poll still ends as soon as its condition holds.
      // browser-setup starts the one Chromium every browser test file connects to.
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/support/browser-setup.ts'], expect: { poll: { timeout: 5_000 } } } },
    ],
  },
});
