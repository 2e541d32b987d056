/**
 * The paging rule of long lists (a vendor's or a category's entries), at every size: what keeps a
 * vendor page from growing with the number of codes. test/build/changed-data-site.test.ts checks the built
 * pages at twice the real codes; this checks the rule itself from one row to a million.
 */
import { describe, expect, it } from 'vitest';
import { ENTRIES_PER_LIST_PAGE, listPageCount, listPageOf, listPagePath, listPageRows, pagerPages } from '../src/core/model.ts';

const SIZES = [0, 1, ENTRIES_PER_LIST_PAGE - 1, ENTRIES_PER_LIST_PAGE, ENTRIES_PER_LIST_PAGE + 1, 1190, 6020, 50_000, 1_000_000];

describe('long lists are split into pages', () => {
  for (const size of SIZES) {
    it(`${size} rows: every row once, in order, on pages of at most ${ENTRIES_PER_LIST_PAGE}`, () => {
      const rows = Array.from({ length: size }, (_, i) => i);
      const pages = listPageCount(size);
      expect(pages).toBe(Math.max(1, Math.ceil(size / ENTRIES_PER_LIST_PAGE)));
      const shown = Array.from({ length: pages }, (_, p) => listPageRows(rows, p + 1));
      for (const page of shown) expect(page.length).toBeLessThanOrEqual(ENTRIES_PER_LIST_PAGE);
      // Only the last page may be short, and no page is empty unless the list is.
      for (const page of shown.slice(0, -1)) expect(page.length).toBe(ENTRIES_PER_LIST_PAGE);
      if (size > 0) expect(shown.at(-1)!.length).toBeGreaterThan(0);
      expect(shown.flat()).toEqual(rows);
      expect(listPageRows(rows, pages + 1)).toEqual([]);
      // listPageOf (used to link a row's section) names the page that shows it.
      for (const i of [0, size >> 1, size - 1].filter((i) => i >= 0 && i < size)) expect(shown[listPageOf(i) - 1]).toContain(i);
    });
  }

  it('a pager links to at most 7 pages however many there are: the first, the last and the neighbours', () => {
    for (const pages of [1, 2, 3, 7, 8, 100, 2000])
      for (const page of new Set([1, 2, 3, Math.ceil(pages / 2), pages - 1, pages].filter((p) => p >= 1 && p <= pages))) {
        const links = pagerPages(page, pages);
        expect(links.length).toBeLessThanOrEqual(7);
        expect(links).toEqual([...new Set(links)].sort((a, b) => a - b));
        expect(links[0]).toBe(1);
        expect(links.at(-1)).toBe(pages);
        for (const near of [page - 2, page - 1, page, page + 1, page + 2]) if (near >= 1 && near <= pages) expect(links).toContain(near);
        expect(links.every((p) => p >= 1 && p <= pages)).toBe(true);
      }
  });

  it('page 1 is the list itself; later pages are /page/<n>/', () => {
    expect(listPagePath('/baidu-face/', 1)).toBe('/baidu-face/');
    expect(listPagePath('/zh-cn/categories/no-face/', 3)).toBe('/zh-cn/categories/no-face/page/3/');
  });
});
