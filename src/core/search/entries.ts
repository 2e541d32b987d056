/**
 * Search over the artifact (index.json, or one vendor's file) with the site's own engine: the same
 * tokens, keywords, field weights and code rules, so the library and the CLI find what the site's
 * search box finds (test/search-relevance.test.ts judges both). The index is built in memory on a
 * lookup's first search (a few hundred milliseconds for the five vendors) and kept with the lookup.
 */
import type { ArtifactCategory, ArtifactEntry, EntryKind } from '../artifact-types.ts';
import { lookupFor, type KbIndex, type Lookup } from '../lookup.ts';
import { buildSearchIndex } from './build.ts';
import { searchNamesOf } from '../vendor-names.ts';
import { SearchClient, type SearchReason } from './query.ts';
import { paths, SEARCH_FORMAT_VERSION, type SearchManifest } from './format.ts';
import { searchFilesOf } from './prebuilt-files.ts';

export interface SearchEntriesOptions {
  /** At most this many entries (default 20, at most 200). */
  limit?: number;
  /** Only this vendor's entries: an id, a unique id prefix or a name, as `Lookup.vendor()` reads it. */
  vendor?: string;
  /** Only entries of this category (its id). */
  category?: string;
  /** Only entries of this kind. */
  kind?: EntryKind;
  /** Only entries with this HTTP status. */
  http?: number;
}

/** An entry found, and by which rule: `code`, `message` (the literal message), `prefix` or `fragment` of a code, `status`, or `text` (words). */
export interface EntrySearchHit {
  entry: ArtifactEntry;
  reason: SearchReason;
}

const clients = new WeakMap<Lookup, SearchClient>();

/**
 * The search index of the entries, as files (path → JSON text): what a lookup's first search builds
 * in memory. The package ships them (lib/data/search/, scripts/build-package-data.ts), so that the
 * CLI reads a search's few files instead of building the whole index at every run (about a second).
 */
export function entrySearchFiles(index: KbIndex | Lookup): Map<string, string> {
  const l = lookupFor(index);
  const entries = l.index.entries;
  const categoryIds = [...new Set(entries.map((e) => e.category))];
  return buildSearchIndex({
    dataVersion: l.index.data_version ?? '',
    entries: [...entries],
    categories: categoryIds.map((id) => l.category(id)).filter((c): c is ArtifactCategory => c !== undefined),
    vendors: l.vendors().map((v) => ({ id: v.id, name: v.short_name ?? v.name, names: searchNamesOf(v) })),
    pages: [],
  });
}

/**
 * A client over the prebuilt files registered for `l` (prebuilt-files.ts), if their manifest is of
 * this search format and of these entries: the same data_version (never an empty one), the same number
 * of documents and the same vendors. A vendor's own file (vendors/<id>.json) has the whole index's
 * data_version but other document numbers: files of the whole index would find the wrong entries.
 * A manifest that cannot be read, or is of other data, is passed over and the index built.
 */
function prebuiltClient(l: Lookup): SearchClient | undefined {
  const read = searchFilesOf(l);
  const dataVersion = l.index.data_version;
  if (!read || !dataVersion) return undefined;
  let m: Partial<SearchManifest> | undefined;
  try {
    m = read(paths.manifest) as Partial<SearchManifest> | undefined;
  } catch {
    return undefined;
  }
  if (typeof m !== 'object' || m === null || m.version !== SEARCH_FORMAT_VERSION || m.data_version !== dataVersion || m.docs !== l.index.entries.length) return undefined;
  const vendorIds = l.vendors().map((v) => v.id).join(' ');
  if (!Array.isArray(m.vendors) || m.vendors.map((v) => v?.id).join(' ') !== vendorIds) return undefined;
  return new SearchClient(async (path) => {
    const data = read(path);
    if (data === undefined) throw new Error(`no search file ${path}`);
    return data;
  });
}

function clientOf(l: Lookup): SearchClient {
  let client = clients.get(l);
  if (!client) {
    client = prebuiltClient(l);
    if (!client) {
      const files = entrySearchFiles(l);
      client = new SearchClient(async (path) => {
        const text = files.get(path);
        if (text === undefined) throw new Error(`no search file ${path}`);
        return JSON.parse(text) as unknown;
      });
    }
    clients.set(l, client);
  }
  return client;
}

/**
 * Entries for what a person typed: a code (exact, prefix or part), a literal message, an HTTP status
 * or words in English or Chinese (mixed scripts and synonyms included), best first, with the rule
 * that found each one. An unknown vendor finds nothing. A malformed index throws InvalidIndexError
 * at once, as every function of the library does, rather than rejecting later.
 */
export function searchEntryHits(index: KbIndex | Lookup, query: string, options: SearchEntriesOptions = {}): Promise<EntrySearchHit[]> {
  const l = lookupFor(index);
  if (typeof query !== 'string') return Promise.resolve([]);
  const vendor = options.vendor === undefined ? undefined : l.vendorId(options.vendor);
  if (options.vendor !== undefined && !vendor) return Promise.resolve([]);
  const entries = l.index.entries;
  return clientOf(l)
    .search(query, {
      // Entries are the same document in both languages; only prose pages have one, and there are none here.
      lang: 'en',
      limit: options.limit ?? 20,
      filters: { vendor, category: options.category, kind: options.kind, http: options.http },
    })
    .then((hits) => hits.flatMap((h) => (h.doc.t === 'e' && entries[h.doc.i] ? [{ entry: entries[h.doc.i]!, reason: h.reason }] : [])));
}

/** The entries of `searchEntryHits`, without the rule that found them. */
export function searchEntries(index: KbIndex | Lookup, query: string, options: SearchEntriesOptions = {}): Promise<ArtifactEntry[]> {
  return searchEntryHits(index, query, options).then((hits) => hits.map((h) => h.entry));
}
