/**
 * npm run build:api [-- <out-dir>] — validates the data and writes the JSON artifact
 * (default dist/api/v1/). Same data in, byte-identical files out. `astro build` writes it too.
 * The folder is replaced whole, by one writer at a time (docs/output-safety.md); a failure is one
 * line on stderr and exit status 1, with the folder as it was.
 */
import { join } from 'node:path';
import { loadKnowledgeBase, DataValidationError, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { writeArtifactFiles } from '../src/node/site-outputs.ts';
import { outDir } from '../src/node/site-config.ts';
import { OutputFolderError } from '../src/node/write-files.ts';

const target = process.argv[2] ?? join(outDir(PROJECT_ROOT), 'api', 'v1');
try {
  const started = performance.now();
  // The project's own dist/api/ is made as needed; a folder given on the command line needs its parent to exist.
  console.log(writeArtifactFiles(buildArtifactForSite(loadKnowledgeBase()), target, started, process.argv[2] === undefined));
} catch (error) {
  if (error instanceof DataValidationError || error instanceof OutputFolderError) {
    console.error(`${error instanceof OutputFolderError ? 'build:api: ' : ''}${error.message}`);
    process.exit(1);
  }
  throw error;
}
