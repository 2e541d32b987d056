/**
 * Vitest global setup of the unit tier: builds index.json from the real data once, for every test
 * file that needs it (the CLI's as a file, explain's and lookup's parsed), instead of once per file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadKnowledgeBase } from '../../src/node/data-files.ts';
import { buildArtifactForSite } from '../../src/node/artifact-files.ts';

/** The site the index's URLs point to. */
export const REAL_INDEX_SITE = 'https://errors.example.org';

declare module 'vitest' {
  export interface ProvidedContext {
    realIndexFile: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'kb-real-index-'));
  const file = join(dir, 'index.json');
  writeFileSync(file, buildArtifactForSite(loadKnowledgeBase(), REAL_INDEX_SITE).files.get('index.json')!);
  project.provide('realIndexFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
