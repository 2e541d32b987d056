/**
 * The search index files under /search-index/v1/ (built at build time, fetched lazily in the
 * browser). Each query downloads the manifest plus only the shards its terms and codes fall in,
 * and the document blocks of the results it shows.
 */
import type { EntryKind, Lang } from '../artifact-types.ts';

export const SEARCH_INDEX_ROOT = '/search-index/v1/';
export const SEARCH_FORMAT_VERSION = 3;

/** What a result needs to be displayed and filtered: kept small on purpose. */
export interface SearchDoc {
  /** Document id (position in the index). */
  i: number;
  /** 'e' an entry, 'p' a prose page. */
  t: 'e' | 'p';
  /** Site path in English (entries) or in the page's own language (pages). */
  u: string;
  /** Entries: vendor, kind, code, http status, category, meaning (en, zh). */
  v?: string;
  k?: EntryKind;
  c?: string;
  h?: number | null;
  g?: string;
  m?: { en: string; zh: string };
  /** The vendor's literal message (clipped), when it has one. */
  x?: string;
  /** Pages: language and title. */
  l?: Lang;
  n?: string;
}

export interface SearchManifest {
  version: number;
  data_version: string;
  shards: { text: number };
  /**
   * First key of each index file (sorted): a key lives in the last file whose start is ≤ it. One key
   * space for words, codes (compact form), messages (messageKey) and statuses (the number as typed).
   */
  text_starts: string[];
  docs: number;
  block: number;
  /** `names`: every name the vendor goes by (vendor-names.ts); `docs`: [first, end) ranges of its entries' doc ids. */
  vendors: { id: string; name: { en: string; zh: string }; names?: string[]; docs?: [number, number][] }[];
  categories: { id: string; name: { en: string; zh: string } }[];
  statuses: number[];
  kinds: EntryKind[];
  /** The first characters that have a vocabulary file (`vocab/<c>.json`: [word, documents][]), for typo tolerance. */
  vocab?: string[];
  /** Whether sounds.json (homophone groups for Chinese typos, chinese.ts) exists. */
  sounds?: true;
}

/** A code-index record: [suffix key, compact suffix key, doc id, whole code? 1 : 0, code length]. */
export type CodeRecord = [string, string, number, 0 | 1, number];

/**
 * An index file: for the words of its key range, one exported FlexSearch index per field group (see
 * FIELD_WEIGHTS in vocabulary.ts, plus the phrase index) and the sorted vocabulary of its words
 * (phrases excluded); the code records whose compact key, the literal messages (normalised) whose
 * messageKey and the HTTP statuses whose number falls in its range; the cards of its whole codes.
 */
export interface TextShardFile {
  groups: Record<string, Record<string, string>>;
  vocabulary: string[];
  codes?: CodeRecord[];
  /** The result cards (as in the docs blocks) of the whole codes among `codes`. */
  cards?: SearchDoc[];
  messages?: Record<string, number[]>;
  statuses?: Record<string, number[]>;
}

/** Template messages: [template text, doc id]. */
export type TemplateRecord = [string, number];

export const paths = {
  manifest: 'manifest.json',
  text: (shard: number) => `text/${shard}.json`,
  templates: 'templates.json',
  docs: (block: number) => `docs/${block}.json`,
  vocab: (first: string) => `vocab/${first}.json`,
  sounds: 'sounds.json',
};
