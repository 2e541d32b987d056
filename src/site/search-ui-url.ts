/**
 * Where a search panel keeps its search in the page's URL, so Back and a shared link restore it.
 * Its own module: the header's dialog script needs it on every page, without the search code.
 */

/** The search filters, by their form names. */
export const FILTERS = ['vendor', 'category', 'http', 'kind'] as const;
export type FilterName = (typeof FILTERS)[number];

/**
 * The URL parameters of a panel's search: the query under `param` (`q`, or `search` for the header
 * dialog), the filters under their names (`vendor`…), prefixed with `search-` beside `search`.
 */
export function searchParamNames(param: string): { query: string; filter: (name: FilterName) => string } {
  return param === 'q' ? { query: 'q', filter: (name) => name } : { query: param, filter: (name) => `${param}-${name}` };
}

/** The page's URL with this panel's search in it (or out of it: empty values are removed); the page's own parameters stay. */
export function urlWithSearch(href: string, param: string, query: string, filters: Partial<Record<FilterName, string>>): string {
  const url = new URL(href);
  const names = searchParamNames(param);
  const set = (name: string, value: string | undefined) => (value ? url.searchParams.set(name, value) : url.searchParams.delete(name));
  set(names.query, query);
  for (const name of FILTERS) set(names.filter(name), filters[name]);
  return `${url.pathname}${url.search}${url.hash}`;
}

