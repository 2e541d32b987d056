/**
 * `astro dev` serves what `astro build` writes besides the pages: the JSON artifact under /api/v1/,
 * the search index under /search-index/v1/ and the Explain page's data under /explain-index/v1/, built in memory from the same data the pages read
 * (loadKnowledgeBase, keyed on the files' content) and rebuilt when the data changes. Without them
 * the search dialog and the Explain page do not work in dev.
 *
 * The dev index holds the entries only: the prose pages are indexed from built HTML, which dev
 * does not have.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Artifact } from '../core/artifact.ts';
import type { ArtifactIndex } from '../core/artifact-types.ts';
import { explainDataFiles } from '../core/explain-data.ts';
import { searchIndexOf } from './search-files.ts';
import type { KnowledgeBase } from '../core/validate.ts';
import { buildArtifactForSite } from './artifact-files.ts';
import { decodedPath } from '../core/model.ts';
import { DataValidationError, loadKnowledgeBase } from './data-files.ts';

const PREFIXES = { '/api/v1/': 'api', '/search-index/v1/': 'search', '/explain-index/v1/': 'explain' } as const;

interface Outputs {
  api: Map<string, string>;
  search: Map<string, string>;
  explain: Map<string, string>;
}

const built = new WeakMap<KnowledgeBase, Outputs>();

function outputsFor(kb: KnowledgeBase): Outputs {
  let outputs = built.get(kb);
  if (!outputs) {
    const artifact: Artifact = buildArtifactForSite(kb);
    const search = searchIndexOf(kb, artifact);
    // Keyed by the decoded path, as the files are named on disk (see writeArtifact).
    const explain = explainDataFiles(JSON.parse(artifact.files.get('index.json')!) as ArtifactIndex);
    outputs = { api: new Map([...artifact.files].map(([path, text]) => [decodedPath(path), text])), search, explain };
    built.set(kb, outputs);
  }
  return outputs;
}

/** The file for a request path, or undefined when the path is not one of ours. */
export function devOutputFile(pathname: string, dataDir: string): { status: number; type: string; body: string } | undefined {
  const prefix = (Object.keys(PREFIXES) as (keyof typeof PREFIXES)[]).find((p) => pathname.startsWith(p));
  if (!prefix) return undefined;
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase(dataDir);
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return { status: 500, type: 'text/plain; charset=utf-8', body: error.message };
  }
  const files = outputsFor(kb)[PREFIXES[prefix]];
  const rest = pathname.slice(prefix.length);
  // Artifact paths are percent-encoded like page URLs; the request's path is decoded once to match.
  const body = files.get(decodedPath(rest));
  return body === undefined ? { status: 404, type: 'text/plain; charset=utf-8', body: `not found: ${pathname}` } : { status: 200, type: 'application/json; charset=utf-8', body };
}

/** Connect middleware for Vite's dev server. */
export function devOutputsMiddleware(dataDir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = devOutputFile(pathname, dataDir);
    if (!file) return next();
    res.statusCode = file.status;
    res.setHeader('content-type', file.type);
    res.setHeader('cache-control', 'no-store');
    res.end(file.body);
  };
}
