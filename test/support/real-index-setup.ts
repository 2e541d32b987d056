/**
 * Vitest global setup of the unit tier: builds index.json from the real data once, for every test
 * file that needs it (the CLI's as a file, explain's and lookup's parsed), instead of once per file,
 * with (for the process tier, which runs the CLI) the search files the package ships beside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadKnowledgeBase } from '../../src/node/data-files.ts';
import { buildArtifactForSite } from '../../src/node/artifact-files.ts';
import { entrySearchFiles } from '../../src/core/search/entries.ts';
import type { KbIndex } from '../../src/core/lookup.ts';

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
  const text = buildArtifactForSite(loadKnowledgeBase(), REAL_INDEX_SITE).files.get('index.json')!;
  writeFileSync(file, text);
  // Its search files beside it, as the package ships them (lib/data/search/): the CLI reads them
  // instead of building the search index at every run (test/cli/search.test.ts checks both ways).
  // Only the process tier runs the CLI; the unit tier reads the index parsed and never these files.
  if (project.name === 'process') for (const [path, data] of entrySearchFiles(JSON.parse(text) as KbIndex)) {
    mkdirSync(dirname(join(dir, 'search', path)), { recursive: true });
    writeFileSync(join(dir, 'search', path), data);
  }
  project.provide('realIndexFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
