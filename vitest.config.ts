import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers (budgets in docs/testing.md). `unit`: in-process tests that need no site build and no
// browser (npm run test:unit, the fast feedback). `process`: the package, the CLI and the build
// scripts run as child processes (npm pack, kill -9, a full disk). `build`: tests that read the built
// dist/ or build a site themselves, and the browser tests. `npm test` builds first, then runs all three.
export default defineConfig({
  test: {
    // One worker more than the cores (KB_TEST_WORKERS overrides): much of a build-tier file's time is
    // spent waiting on a child process (a build, the CLI, Chromium), so a third worker on 2 cores fills
    // the waits (npm test on a clean clone, 2026-12-07: 299 s with three workers; two left a core idle).
    maxWorkers: Number(process.env.KB_TEST_WORKERS) || availableParallelism() + 1,
    testTimeout: 30_000,
    hookTimeout: 600_000,
    projects: [
      // Tests of one area in a folder of their own (test/cli/, test/explain/); real-index-setup builds the real index once.
      // isolate: false: the files of a worker share their modules (and the data each loads once) instead
      // of importing and validating them again per file; no unit test changes module state or the environment.
      { extends: true, test: { name: 'unit', include: ['test/*.test.ts', 'test/explain/*.test.ts'], globalSetup: ['test/support/real-index-setup.ts'], isolate: false } },
      { extends: true, test: { name: 'process', include: ['test/cli/*.test.ts', 'test/process/*.test.ts'], globalSetup: ['test/support/real-index-setup.ts'], isolate: false } },
      // A browser on a busy 2-core CI machine can take more than expect.poll's default 1 s to fetch and
      // render; a poll still ends as soon as its condition holds.
      // browser-setup starts the one Chromium every browser test file connects to.
      // isolate: false here too: isolated, every file started a process of its own and imported
      // vitest's runtime and playwright-core again (build tier alone, one run each way on 2026-12-07:
      // 585 core-seconds isolated, 507 not, 297 against 257 s). No build-tier test mocks a module or
      // changes process.env; each file connects to the browser and starts its servers itself.
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/support/browser-setup.ts'], isolate: false, expect: { poll: { timeout: 5_000 } } } },
    ],
  },
});
