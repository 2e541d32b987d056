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
const prebuilt = new WeakMap<Lookup, SearchFileReader>();

/** A prebuilt search file's parsed JSON by its path in the index (`manifest.json`, `text/3.json`…); undefined when there is none. */
export type SearchFileReader = (path: string) => unknown;

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
 * Searches of `l` read these prebuilt files (entrySearchFiles' output) instead of building the index,
 * if their manifest is of this search format and of this data (its data_version); otherwise, or
 * without a manifest, the index is built as usual.
 */
export function useSearchFiles(l: Lookup, read: SearchFileReader): void {
  if (!clients.has(l)) prebuilt.set(l, read);
}

function prebuiltClient(l: Lookup): SearchClient | undefined {
  const read = prebuilt.get(l);
  if (!read) return undefined;
  let manifest: unknown;
  try {
    manifest = read(paths.manifest);
  } catch {
    return undefined; // unreadable: build instead
  }
  const m = manifest as Partial<SearchManifest> | undefined;
  if (typeof m !== 'object' || m === null || m.version !== SEARCH_FORMAT_VERSION || m.data_version !== (l.index.data_version ?? '')) return undefined;
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
