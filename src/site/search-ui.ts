/**
 * The search panel in the browser: one implementation for the header dialog and the /search/ page.
 * Loaded lazily (dynamic import) the first time search opens. Renders with textContent only:
 * queries and data are text, never HTML. Results show as you type: the first one as soon as its
 * card is loaded, the rest right after; rows already built are reused.
 */
import { SearchClient, type SearchHit } from '../core/search/query.ts';
import { SEARCH_INDEX_ROOT } from '../core/search/format.ts';
import { FILTERS, searchParamNames, urlWithSearch } from './search-ui-url.ts';
import type { EntryKind, Lang } from '../core/schema.ts';

/** Text compared loosely: case, spaces and final punctuation do not make a message say something else. */
const comparable = (text: string) => text.toLowerCase().replace(/[\s.。!！]+/g, ' ').trim();

export interface SearchStrings {
  [key: string]: string;
}

let client: SearchClient | undefined;
function getClient(): SearchClient {
  return (client ??= new SearchClient(async (path, options) => {
    // The cards of later results wait behind the files of a query typed since (a browser opens six
    // connections to a host; the rest queue by priority), and are cancelled once that query is typed:
    // still loading, they would hold the connections its own files need.
    const signal = options?.signal instanceof AbortSignal ? options.signal : undefined;
    const response = await fetch(SEARCH_INDEX_ROOT + path, options?.later ? { priority: 'low', ...(signal ? { signal } : {}) } : {});
    if (!response.ok) throw new Error(`${response.status} ${path}`);
    return response.json();
  }));
}


function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

export async function mountSearch(root: HTMLElement): Promise<{ focus(): void }> {
  if (root.dataset.mounted) return { focus: () => root.querySelector<HTMLInputElement>('input[name=q]')?.focus() };
  root.dataset.mounted = 'true';
  const lang: Lang = root.dataset.lang === 'zh' ? 'zh' : 'en';
  const strings: SearchStrings = JSON.parse(root.dataset.strings ?? '{}');
  const param = root.dataset.param ?? 'q';
  const names = searchParamNames(param);
  const input = root.querySelector<HTMLInputElement>('input[name=q]')!;
  const list = root.querySelector<HTMLUListElement>('[data-results]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const PAGE = 12;
  let limit = PAGE;
  const selects = Object.fromEntries(FILTERS.map((name) => [name, root.querySelector<HTMLSelectElement>(`select[name=${name}]`)!]));
  const prefix = lang === 'zh' ? '/zh-cn' : '';
  let active = -1;
  let sequence = 0;
  let hits: SearchHit[] = [];
  let pending: AbortController | undefined;

  const setStatus = (text: string) => (status.textContent = text);

  // A shared /search/?q=… link, or Back to a page searched before, shows its query at once. What the
  // reader has typed into the autofocused field before this script ran is theirs: never overwritten.
  const params = new URLSearchParams(location.search);
  if (!input.value) input.value = params.get(names.query) ?? '';
  const toggle = root.querySelector<HTMLDetailsElement>('[data-filters-toggle]');
  const filterCount = root.querySelector<HTMLElement>('[data-filter-count]');

  let vendorNames = new Map<string, string>();
  let categoryNames = new Map<string, string>();
  getClient().prefetch();
  try {
    const manifest = await getClient().manifest();
    for (const v of manifest.vendors) selects.vendor!.append(option(v.id, v.name[lang]));
    for (const c of manifest.categories) selects.category!.append(option(c.id, c.name[lang]));
    for (const s of manifest.statuses) selects.http!.append(option(String(s), String(s)));
    for (const k of manifest.kinds) selects.kind!.append(option(k, strings[`kind.${k}`] ?? k));
    vendorNames = new Map(manifest.vendors.map((v) => [v.id, v.name[lang]]));
    categoryNames = new Map(manifest.categories.map((c) => [c.id, c.name[lang]]));
  } catch {
    setStatus(strings['search.error'] ?? 'Search could not load.');
    return { focus: () => input.focus() };
  }

  // The filters' options exist only now that the manifest is in. Filters in force are shown.
  for (const name of FILTERS) selects[name]!.value = params.get(names.filter(name)) ?? '';
  const countFilters = () => {
    const n = FILTERS.filter((name) => selects[name]!.value).length;
    if (filterCount) filterCount.textContent = n ? `${strings['punct.open'] ?? ' ('}${n}${strings['punct.close'] ?? ')'}` : '';
    return n;
  };
  if (countFilters() > 0 && toggle) toggle.open = true;

  const hrefOf = (hit: SearchHit) => (hit.doc.t === 'e' ? prefix + hit.doc.u : hit.doc.u);

  // Each result is <li role="none"><a role="option">: the link itself is the listbox option, so no
  // focusable element is nested inside another interactive one (axe: nested-interactive).
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('a[role=option]')];
  const setActive = (index: number) => {
    const items = options();
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', items[active]!.id);
    items[active]!.scrollIntoView({ block: 'nearest' });
  };
  list.addEventListener('mousemove', (event) => {
    const index = options().indexOf((event.target as Element).closest('a[role=option]') as HTMLAnchorElement);
    if (index >= 0 && index !== active) setActive(index);
  });

  // A result row, built once per document and kept: typing back and forth reuses rows instead of
  // building them again. Reads as a person would: code, vendor, category; what it means; the
  // vendor's literal message when it says something else.
  const cards = new Map<number, HTMLLIElement>();
  const card = (hit: SearchHit): HTMLLIElement => {
    const cached = cards.get(hit.doc.i);
    if (cached) return cached;
    const li = el('li');
    li.setAttribute('role', 'none');
    const a = el('a');
    a.setAttribute('role', 'option');
    a.href = hrefOf(hit);
    a.tabIndex = -1;
    const { doc } = hit;
    const head = el('span', 'kb-hit-head');
    if (doc.t === 'e') {
      head.append(el('code', 'kb-hit-code', doc.c), el('span', 'kb-hit-vendor', vendorNames.get(doc.v ?? '') ?? doc.v ?? ''));
      if (doc.h !== null && doc.h !== undefined) head.append(el('span', 'kb-badge', `HTTP ${doc.h}`));
      if (doc.k && doc.k !== 'error') head.append(el('span', 'kb-badge', strings[`kindOne.${doc.k}`] ?? doc.k));
      head.append(el('span', 'kb-hit-category', categoryNames.get(doc.g ?? '') ?? doc.g ?? ''));
      const meaning = doc.m?.[lang] ?? '';
      a.append(head, el('span', 'kb-hit-meaning', meaning));
      if (doc.x && comparable(doc.x) !== comparable(meaning)) a.append(el('span', 'kb-hit-message', `“${doc.x}”`));
    } else {
      head.append(el('span', 'kb-hit-title', doc.n ?? doc.u), el('span', 'kb-badge', strings['search.page'] ?? 'Page'));
      a.append(head);
    }
    li.append(a);
    if (cards.size > 500) cards.clear();
    cards.set(doc.i, li);
    return li;
  };

  /**
   * Shows `shown` in order, reusing rows already on screen or built before. A row chosen with the
   * arrow keys stays chosen when it is still shown (the rest of the results arrive after the first).
   */
  const render = (shown: SearchHit[]) => {
    const chosen = active >= 0 ? options()[active]?.parentElement : undefined;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const rows = shown.map((hit, i) => {
      const li = card(hit);
      const a = li.firstElementChild as HTMLAnchorElement;
      a.id = `${root.id}-result-${i}`;
      a.setAttribute('aria-selected', 'false');
      return li;
    });
    const current = [...list.children];
    if (!(rows.length === current.length && rows.every((row, i) => row === current[i]))) list.replaceChildren(...rows);
    const keep = chosen ? rows.indexOf(chosen as HTMLLIElement) : -1;
    if (keep >= 0) setActive(keep);
  };

  const run = async () => {
    const query = input.value;
    const filters: { vendor?: string; category?: string; http?: number; kind?: EntryKind } = {};
    if (selects.vendor!.value) filters.vendor = selects.vendor!.value;
    if (selects.category!.value) filters.category = selects.category!.value;
    if (selects.http!.value) filters.http = Number(selects.http!.value);
    if (selects.kind!.value) filters.kind = selects.kind!.value as EntryKind;
    countFilters();
    // Replaced, not pushed: Back leaves the page searched, with this search in its URL to restore.
    // After the results are on screen: a same-document navigation costs the main thread a few
    // milliseconds (style, the page's images) that the first result need not wait for.
    const remember = () => history.replaceState(history.state, '', urlWithSearch(location.href, param, query, Object.fromEntries(FILTERS.map((name) => [name, selects[name]!.value]))));
    const mine = ++sequence;
    // The previous query's remaining cards are not fetched or drawn: they would compete with this one's.
    pending?.abort();
    const controller = (pending = new AbortController());
    if (!query.trim()) {
      remember();
      more.hidden = true;
      hits = [];
      render(hits);
      setStatus('');
      return;
    }
    try {
      // The first result goes on screen as soon as its card is in; the rest follow.
      const onFirst = (hit: SearchHit) => {
        if (mine !== sequence) return;
        // Enter meanwhile opens this result, not one of the previous query's.
        if (list.firstElementChild !== cards.get(hit.doc.i)) render((hits = [hit]));
        root.dataset.first = String(mine);
      };
      const result = await getClient().search(query, { lang, filters, limit: limit + 1, onFirst, signal: controller.signal }).finally(() => mine === sequence && remember());
      if (mine !== sequence) return; // a newer keystroke has already been answered
      more.hidden = result.length <= limit;
      hits = result.slice(0, limit);
      render(hits);
      // "12+ results" while "More results" has more to show: the count is of the results drawn, not all of them.
      setStatus(hits.length === 0 ? (strings['search.noResults'] ?? '') : `${hits.length}${more.hidden ? '' : '+'} ${strings['search.results'] ?? ''}`);
      root.dataset.ready = String(mine);
    } catch {
      if (mine === sequence) setStatus(strings['search.error'] ?? '');
    }
  };

  const fresh = () => {
    limit = PAGE;
    return run();
  };
  input.addEventListener('input', fresh);
  for (const select of Object.values(selects)) select!.addEventListener('change', fresh);
  more.addEventListener('click', async () => {
    const shown = hits.length;
    limit += 20;
    await run();
    // Keep the reader where they were: on the first of the new results (or back in the input).
    if (hits.length > shown) setActive(shown);
    if (more.hidden) input.focus();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[Math.max(active, 0)];
      if (hit) location.assign(hrefOf(hit));
    }
  });
  root.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  // Text typed before the listeners above existed sent no input event: search it now.
  if (input.value) await run();
  return { focus: () => input.focus() };
}
