/**
 * npm run build:search — rebuilds the sharded search index in dist/search-index/v1/ from the data
 * and the built pages in dist/. `astro build` writes it too. The folder is replaced whole, by one
 * writer at a time (docs/output-safety.md).
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { DataValidationError, loadKnowledgeBase, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { writeSearchIndexFiles } from '../src/node/site-outputs.ts';
import { outDir } from '../src/node/site-config.ts';
import { OutputFolderError } from '../src/node/write-files.ts';

const distDir = outDir(PROJECT_ROOT);
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`build:search: ${distDir} has no built site; run astro build first (npm run build)`);
  process.exit(1);
}
const started = performance.now();
try {
  const kb = loadKnowledgeBase();
  console.log(writeSearchIndexFiles(kb, buildArtifactForSite(kb), distDir, started));
} catch (error) {
  if (!(error instanceof OutputFolderError || error instanceof DataValidationError)) throw error;
  console.error(`${error instanceof OutputFolderError ? 'build:search: ' : ''}${error.message}`);
  process.exit(1);
}
