/** The site's search engine over the real data's index, in memory, noting every file it asks for. */
import { SearchClient } from '../../src/core/search/query.ts';
import { buildArtifactForSite } from '../../src/node/artifact-files.ts';
import { loadKnowledgeBase } from '../../src/node/data-files.ts';
import { searchIndexOf } from '../../src/node/search-files.ts';

export function realSearch() {
  const kb = loadKnowledgeBase();
  const files = searchIndexOf(kb, buildArtifactForSite(kb, 'https://example.org'));
  /** The index files asked for, in order (empty it to watch one query). */
  const fetched: string[] = [];
  const client = new SearchClient(async (path) => {
    fetched.push(path);
    return JSON.parse(files.get(path)!);
  });
  return { kb, files, fetched, client };
}
