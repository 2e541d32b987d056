/**
 * npm run build:search — builds the sharded search index into dist/search-index/v1/ from the data
 * and the built pages in dist/ (run after astro build).
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadKnowledgeBase, PROJECT_ROOT } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { buildSearchFiles, writeFiles } from '../src/node/search-files.ts';
import { outDir } from '../src/node/site-config.ts';

const distDir = outDir(PROJECT_ROOT);
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`build:search: ${distDir} has no built site; run astro build first (npm run build does both)`);
  process.exit(1);
}
const started = performance.now();
const kb = loadKnowledgeBase();
const files = buildSearchFiles(kb, buildArtifactForSite(kb), distDir);
writeFiles(files, join(distDir, 'search-index', 'v1'));
const bytes = [...files.values()].reduce((n, t) => n + t.length, 0);
const manifest = JSON.parse(files.get('manifest.json')!);
console.log(
  `✔ search index: ${manifest.docs} documents, ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB ` +
    `(shards: ${manifest.shards.code} code, ${manifest.shards.text} text, ${manifest.shards.msg} message) in ${Math.round(performance.now() - started)} ms`,
);
