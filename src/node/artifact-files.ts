/** Writes the JSON artifact to disk (Node-only side of src/core/artifact.ts). */
import { createHash } from 'node:crypto';
import { buildArtifact, type Artifact } from '../core/artifact.ts';
import { decodedPath } from '../core/model.ts';
import type { KnowledgeBase } from '../core/validate.ts';
import { siteUrl } from './site-config.ts';
import { writeFiles, type WriteOptions } from './write-files.ts';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function buildArtifactForSite(kb: KnowledgeBase, site = siteUrl()): Artifact {
  return buildArtifact(kb, { site, hash: sha256 });
}

/** Write the artifact's files into `outDir` as one swap, replacing only what an earlier run wrote there (see write-files.ts). */
export function writeArtifact(artifact: Artifact, outDir: string, options?: WriteOptions): 'written' | 'unchanged' {
  // Paths are URL paths (a code is percent-encoded, as in api_url); a static server decodes the
  // URL before it looks for the file, so the file is named with the decoded code.
  const files = new Map([...artifact.files].map(([path, text]) => [decodedPath(path), text]));
  return writeFiles(files, outDir, 'JSON artifact', options);
}
