/**
 * npm run build:api [-- <out-dir>] — validates the data and writes the JSON artifact
 * (default dist/api/v1/). Same data in, byte-identical files out.
 */
import { join } from 'node:path';
import { loadKnowledgeBase, DataValidationError, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite, writeArtifact } from '../src/node/artifact-files.ts';
import { outDir } from '../src/node/site-config.ts';

const target = process.argv[2] ?? join(outDir(PROJECT_ROOT), 'api', 'v1');
try {
  const started = performance.now();
  const kb = loadKnowledgeBase();
  const artifact = buildArtifactForSite(kb);
  writeArtifact(artifact, target);
  const ms = Math.round(performance.now() - started);
  console.log(`✔ wrote ${artifact.files.size} files (${artifact.entries.length} entries, data_version ${artifact.dataVersion}) to ${target} in ${ms} ms`);
} catch (error) {
  if (error instanceof DataValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
