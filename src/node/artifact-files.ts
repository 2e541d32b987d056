/** Writes the JSON artifact to disk (Node-only side of src/core/artifact.ts). */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildArtifact, type Artifact } from '../core/artifact.ts';
import type { KnowledgeBase } from '../core/validate.ts';
import { siteUrl } from './site-config.ts';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function buildArtifactForSite(kb: KnowledgeBase, site = siteUrl()): Artifact {
  return buildArtifact(kb, { site, hash: sha256 });
}

/** Replace `outDir` with the artifact's files. */
export function writeArtifact(artifact: Artifact, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const [path, text] of artifact.files) {
    // Paths are URL paths (a code is percent-encoded, as in api_url); a static server decodes the
    // URL before it looks for the file, so the file is named with the decoded code.
    const target = join(outDir, decodeURIComponent(path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
