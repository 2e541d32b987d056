/**
 * The Explain page's data in the browser: the head and every vendor's shard in the page's language
 * (src/core/explain-data.ts), fetched together on first use and made into one lookup; and an entry's
 * own file from the artifact (/api/v1/<vendor>/<code>.json) for the answer's details. Nothing else:
 * never index.json. A failed fetch is tried again on the next call; files of different data versions
 * (a deploy between two fetches) are fetched once more, bypassing the cache.
 */
import type { ArtifactEntry, ArtifactEntryFile, Lang } from '../core/artifact-types.ts';
import { EXPLAIN_DATA_ROOT, EXPLAIN_HEAD_PATH, ExplainDataError, explainIndex, explainShardPath, type ExplainDataHead, type ExplainDataShard } from '../core/explain-data.ts';
import { createLookup, type Lookup } from '../core/lookup.ts';
import { entryApiPath } from '../core/model.ts';

export interface ExplainData {
  /** The lookup explain() and triage run over. */
  lookup(): Promise<Lookup>;
  /** The entry's own file, or undefined when it cannot be fetched. */
  entry(e: ArtifactEntry): Promise<ArtifactEntry | undefined>;
}

/** `base`: the site's base path ('' at the root); `vendors`: every vendor id, as the page was built with. */
export function explainData(base: string, lang: Lang, vendors: readonly string[]): ExplainData {
  let loading: Promise<Lookup> | undefined;
  const entries = new Map<string, Promise<ArtifactEntry | undefined>>();

  const json = async <T>(path: string, cache: RequestCache): Promise<T> => {
    const response = await fetch(base + path, { cache });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${path}`);
    return (await response.json()) as T;
  };
  const fetchAll = async (cache: RequestCache) => {
    const [head, ...shards] = await Promise.all([
      json<ExplainDataHead>(EXPLAIN_DATA_ROOT + EXPLAIN_HEAD_PATH, cache),
      ...vendors.map((v) => json<ExplainDataShard>(EXPLAIN_DATA_ROOT + explainShardPath(v, lang), cache)),
    ]);
    return createLookup(explainIndex(head!, shards as ExplainDataShard[]));
  };

  return {
    lookup: () =>
      (loading ??= fetchAll('default')
        .catch((error: unknown) => {
          if (error instanceof ExplainDataError) return fetchAll('reload');
          throw error;
        })
        .catch((error: unknown) => {
          loading = undefined;
          throw error;
        })),
    entry(e) {
      let found = entries.get(e.id);
      if (!found) {
        found = json<ArtifactEntryFile>(`/api/v1/${entryApiPath(e)}`, 'default').then(
          (file) => (file?.entry?.id === e.id ? file.entry : undefined),
          () => undefined,
        );
        // A failure is not kept: the next answer tries again.
        void found.then((x) => x === undefined && entries.delete(e.id));
        entries.set(e.id, found);
      }
      return found;
    },
  };
}
