/**
 * The order of test files: vitest's (projects in turn; within one, the slowest first, by the last
 * run's times or, on a fresh clone, the largest files), except that the files which build a whole site
 * are spread out, one among every two others. Builds of one checkout wait for each other (the build
 * lock, src/node/site-outputs.ts): side by side they would hold the workers idle, and left to the end
 * (a fresh clone starts the large browser-test files first) they ran one after another with the other
 * workers done.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A file that runs `astro build` (itself, or through bench:scale). */
const buildsASite = (spec: TestSpecification) => /node_modules\/\.bin\/astro'|'bench-scale'/.test(readFileSync(spec.moduleId, 'utf8'));

export default class SpreadBuilds extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const builds = sorted.filter(buildsASite);
    const others = sorted.filter((spec) => !buildsASite(spec));
    const spread: TestSpecification[] = [];
    while (builds.length || others.length) {
      if (builds.length) spread.push(builds.shift()!);
      spread.push(...others.splice(0, 2));
    }
    return spread;
  }
}
