/**
 * Prebuilt search files for a lookup: the registry the CLI fills (src/cli/load-index.ts) and the
 * search engine reads (entries.ts). Apart from the engine so that registering costs a command that
 * never searches nothing: this module imports no code.
 */
import type { Lookup } from '../lookup.ts';

/** A prebuilt search file's parsed JSON by its path in the index (`manifest.json`, `text/3.json`…); undefined when there is none. */
export type SearchFileReader = (path: string) => unknown;

const readers = new WeakMap<Lookup, SearchFileReader>();

/**
 * Searches of `l` read these prebuilt files (entries.ts entrySearchFiles' output) instead of building
 * the index, when their manifest is of this search format and of these very entries (entries.ts says how
 * that is checked); otherwise the index is built as usual.
 */
export function useSearchFiles(l: Lookup, read: SearchFileReader): void {
  readers.set(l, read);
}

/** The reader registered for `l`, if any. */
export function searchFilesOf(l: Lookup): SearchFileReader | undefined {
  return readers.get(l);
}
