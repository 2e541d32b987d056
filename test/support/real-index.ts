/** index.json of the real data, built once per run by real-index-setup.ts (the unit tier's global setup). */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { ArtifactIndex } from '../../src/core/lookup.ts';

export { REAL_INDEX_SITE } from './real-index-setup.ts';

/** Path of the index file (for the CLI's --index or VISION_ERRORS_INDEX). */
export function realIndexFile(): string {
  return inject('realIndexFile');
}

/** The parsed index: a fresh copy per call, so a test may change it. */
export function realIndex(): ArtifactIndex {
  return JSON.parse(readFileSync(realIndexFile(), 'utf8')) as ArtifactIndex;
}
