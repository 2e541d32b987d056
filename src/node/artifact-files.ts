/** Writes the JSON artifact to disk (Node-only side of src/core/artifact.ts). */
import { createHash } from 'node:crypto';
import { buildArtifact, type Artifact } from '../core/artifact.ts';
import type { ArtifactEntry } from '../core/artifact-types.ts';
import { decodedPath } from '../core/model.ts';
import type { KnowledgeBase } from '../core/validate.ts';
import { siteUrl } from './site-config.ts';
import { writeFiles, type WriteOptions } from './write-files.ts';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function buildArtifactForSite(kb: KnowledgeBase, site = siteUrl()): Artifact {
  return buildArtifact(kb, { site, hash: sha256 });
}

// Astro's pages and the integration that writes the artifact hold two copies of this module (Vite
// bundles one into the pages), so the shared artifacts live on globalThis, as loadKnowledgeBase's data does.
const SHARED = Symbol.for('vision-errors.shared-artifacts');
type Shared = WeakMap<KnowledgeBase, Map<string, { artifact: Artifact; byId: Map<string, ArtifactEntry> }>>;

/**
 * The artifact of a loaded knowledge base, built once for a build: every entry page shows its entry,
 * the JSON guide shows a file, and the files are written when the pages are done. Keyed on the kb
 * object, which loadKnowledgeBase hands out once per content of the data (a changed file in
 * `astro dev` is a new kb). Read-only, like the kb.
 */
export function sharedArtifact(kb: KnowledgeBase, site = siteUrl()): { artifact: Artifact; byId: Map<string, ArtifactEntry> } {
  const shared: Shared = ((globalThis as { [SHARED]?: Shared })[SHARED] ??= new WeakMap());
  let bySite = shared.get(kb);
  if (!bySite) shared.set(kb, (bySite = new Map()));
  let built = bySite.get(site);
  if (!built) {
    const artifact = buildArtifactForSite(kb, site);
    bySite.set(site, (built = { artifact, byId: new Map(artifact.entries.map((e) => [e.id, e])) }));
  }
  return built;
}

/** Write the artifact's files into `outDir` as one swap, replacing only what an earlier run wrote there (see write-files.ts). */
export function writeArtifact(artifact: Artifact, outDir: string, options?: WriteOptions): 'written' | 'unchanged' {
  // Paths are URL paths (a code is percent-encoded, as in api_url); a static server decodes the
  // URL before it looks for the file, so the file is named with the decoded code.
  const files = new Map([...artifact.files].map(([path, text]) => [decodedPath(path), text]));
  return writeFiles(files, outDir, 'JSON artifact', options);
}
