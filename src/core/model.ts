/**
 * Entry identity and page URLs: the one place that knows the URL contract
 * (`/<vendor>/<code>/`, `/<vendor>/http/<status>/`, `/<vendor>/state/<value>/`, Chinese under `/zh-cn/`).
 */
import type { EntryKind, Lang } from './artifact-types.ts';

/** The path segment that separates kinds in URLs and references; errors have none. */
export const KIND_SEGMENT: Record<EntryKind, string | null> = {
  error: null,
  'http-status': 'http',
  'task-state': 'state',
  'sdk-error': 'sdk',
};
export const RESERVED_CODE_SEGMENTS = new Set(['http', 'state', 'sdk', 'page']);

/**
 * Long lists (a vendor's entries, a category's entries) are split into static pages of this many
 * rows: /<vendor>/, /<vendor>/page/2/, … so no page grows without bound.
 */
export const ENTRIES_PER_LIST_PAGE = 500;

export function listPageCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / ENTRIES_PER_LIST_PAGE));
}

/** The rows page `page` (from 1) of a long list shows. */
export function listPageRows<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * ENTRIES_PER_LIST_PAGE, page * ENTRIES_PER_LIST_PAGE);
}

/** The page (from 1) that shows the row at `index` (from 0). */
export function listPageOf(index: number): number {
  return Math.floor(index / ENTRIES_PER_LIST_PAGE) + 1;
}

/** The pages a pager links to: the first, the last and two either side of the current one, so never more than 7. */
export function pagerPages(page: number, pages: number): number[] {
  return [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

/** `base` is the list's first page path (with trailing slash); page 1 is the base itself. */
export function listPagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}
/**
 * Top-level names the site and the JSON artifact use, with what uses them: no vendor id may take
 * one. A vendor id is the first segment of its pages (`/<id>/`, `/zh-cn/<id>/`) and names its files
 * in the artifact (`<id>.json`, `<id>/`); `index` as an id would replace the artifact's index.json.
 * test/reserved-names.test.ts checks this list against src/pages, src/content/docs, public/ and the
 * artifact's own files; test/build/output-folders-site.test.ts against what a build writes in dist/.
 */
export const RESERVED_VENDOR_IDS: ReadonlyMap<string, string> = new Map([
  // The site's own pages and folders.
  ['categories', 'the pages /categories/ (and the artifact\'s categories.json)'],
  ['changelog', 'the page /changelog/ (and the artifact\'s changelog.json)'],
  ['explain', 'the page /explain/'],
  ['guides', 'the guides under /guides/'],
  ['search', 'the page /search/'],
  ['zh-cn', 'the Chinese site under /zh-cn/'],
  ['404', 'the page 404.html'],
  ['api', 'the JSON artifact under /api/'],
  ['search-index', 'the search index under /search-index/'],
  ['explain-index', 'the Explain page\'s data under /explain-index/'],
  ['favicon', 'the file favicon.svg (public/)'],
  ['sitemap-index', 'the file sitemap-index.xml'],
  // The artifact's own files in /api/v1/.
  ['index', 'the artifact\'s index.json'],
  ['schema', 'the artifact\'s schema.json'],
  ['openapi', 'the artifact\'s openapi.json'],
  ['entries', 'the artifact\'s entries.csv and entries.jsonl'],
  // What scripts/bench-search.ts adds to a built site to compare with Pagefind.
  ['bench', 'the search benchmark\'s pages /bench/'],
  ['pagefind', 'a Pagefind index /pagefind/'],
  ['pagefind-default', 'the search benchmark\'s Pagefind index /pagefind-default/'],
]);

/** What uses `id` as a top-level name, when something does (`sitemap-0`, `sitemap-1`…: the sitemap's parts). */
export function reservedVendorId(id: string): string | undefined {
  return RESERVED_VENDOR_IDS.get(id) ?? (/^sitemap-\d+$/.test(id) ? `the file ${id}.xml (a part of the sitemap)` : undefined);
}

/** File names the site writes in every page folder: no code may be one (its page folder would take the file's place). */
export const PAGE_FOLDER_FILES = ['index.html'];

/** Where each language lives. English is the root locale. */
export const LOCALE_PREFIX: Record<Lang, string> = { en: '', zh: '/zh-cn' };
export const LANG_TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** The same page in each language: every page of the site exists in both. */
export function languageVersions(pathname: string): Record<Lang, string> {
  const zhPrefix = `${LOCALE_PREFIX.zh}/`;
  const en = pathname.startsWith(zhPrefix) ? pathname.slice(LOCALE_PREFIX.zh.length) : pathname;
  return { en, zh: `${LOCALE_PREFIX.zh}${en}` };
}

export interface EntryKey {
  vendor: string;
  kind: EntryKind;
  code: string;
}

/** `baidu-face/222202`, `picwish/http/429`, `picwish/state/-8`: used for references and ids. */
export function entryRef({ vendor, kind, code }: EntryKey): string {
  const segment = KIND_SEGMENT[kind];
  return segment ? `${vendor}/${segment}/${code}` : `${vendor}/${code}`;
}

export function parseEntryRef(ref: string): EntryKey | undefined {
  const parts = ref.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { vendor: parts[0], kind: 'error', code: parts[1] };
  if (parts.length === 3 && parts[0] && parts[2]) {
    const kind = (Object.keys(KIND_SEGMENT) as EntryKind[]).find((k) => KIND_SEGMENT[k] === parts[1]);
    if (kind) return { vendor: parts[0], kind, code: parts[2] };
  }
  return undefined;
}

/** The code as one URL path segment (codes never contain '/', but may contain other characters). */
export function codeSegment(code: string): string {
  return encodeURIComponent(code);
}

/**
 * A URL path as a file path: percent-escapes decoded (`/edge/%E9%94%99/` → `/edge/错/`), a malformed
 * escape left as it is. Pages and artifact files are named with decoded codes on disk and in the
 * dev server, while URLs (an entry's `url`, `api_url`) are encoded: they are compared in this form.
 */
export function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Site-relative page path of an entry, with trailing slash. */
export function entryPagePath(key: EntryKey, lang: Lang = 'en'): string {
  const segment = KIND_SEGMENT[key.kind];
  const middle = segment ? `${segment}/` : '';
  return `${LOCALE_PREFIX[lang]}/${key.vendor}/${middle}${codeSegment(key.code)}/`;
}

export function vendorPagePath(vendor: string, lang: Lang = 'en'): string {
  return `${LOCALE_PREFIX[lang]}/${vendor}/`;
}

export function categoryPagePath(category: string, lang: Lang = 'en'): string {
  return `${LOCALE_PREFIX[lang]}/categories/${category}/`;
}

/** Path of the per-entry JSON file under the API root, same escaping as the pages. */
export function entryApiPath(key: EntryKey): string {
  const segment = KIND_SEGMENT[key.kind];
  const middle = segment ? `${segment}/` : '';
  return `${key.vendor}/${middle}${codeSegment(key.code)}.json`;
}

/** Placeholders a vendor fills in at run time (`%s`, `%d`). */
export const PLACEHOLDER = /%[sd]/;

/** The name used in titles and navigation: the short name where the company name is ambiguous. */
export function vendorLabel(vendor: { name: { en: string; zh: string }; short_name?: { en: string; zh: string } | undefined }, lang: Lang): string {
  return (vendor.short_name ?? vendor.name)[lang];
}
