/**
 * The reader's experience (issue 13): what a support team sees at 1280 px and 390 px, in both
 * languages. `npm test` builds dist/ first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';
import { Tab } from '../support/tab.ts';

let server: StaticServer;
let browser: Browser;
const tabs = new Map<number, Tab>();
const WIDTHS = [1280, 390] as const;

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  for (const width of WIDTHS) tabs.set(width, new Tab(await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 } }), server.url));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The tab of that width, at `path` (one tab per width: see test/support/tab.ts). */
const open = (width: number, path: string): Promise<Page> => tabs.get(width)!.open(path);

/** Codes (in links) laid out on more than one line: an inline box that wraps has several client rects. */
const wrappedCodes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((codes) => codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent));

describe('codes never break across lines', () => {
  for (const width of WIDTHS) {
    for (const path of ['/softsugar/', '/ailabtools/', '/zh-cn/g42-image/', '/categories/no-face/', '/zh-cn/categories/server-error/']) {
      it(`${path} at ${width} px`, async () => {
        const page = await open(width, path);
        expect(await page.locator('table.kb-entries a > code').count()).toBeGreaterThan(0);
        expect(await wrappedCodes(page, 'table.kb-entries a > code')).toEqual([]);
      });
    }
    it(`search results at ${width} px`, async () => {
      const page = await open(width, '/search/?q=face');
      await expect.poll(() => page.locator('#page-search-results .kb-hit-code').count()).toBeGreaterThan(3);
      expect(await wrappedCodes(page, '#page-search-results .kb-hit-code')).toEqual([]);
      // On the search page the page scrolls: the results are not a box of a few cards inside it.
      const list = page.locator('#page-search-results');
      expect(await list.evaluate((l) => [getComputedStyle(l).overflowY, l.scrollHeight <= l.clientHeight + 1])).toEqual(['visible', true]);
    });
    it(`previous/next cards at ${width} px: a code breaks only after its "_" or ".", and only where the card is too narrow`, async () => {
      const page = await open(width, '/ailabtools/ERROR_NO_FACE_IN_FILE/');
      const titles = page.locator('.pagination-links .link-title');
      expect(await titles.count()).toBe(2);
      // The code is the title's first word: per character, where its line changes.
      const breaks = await titles.evaluateAll((spans) =>
        spans.map((span) => {
          const text = span.textContent ?? '';
          const code = text.slice(0, text.indexOf(' '));
          const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
          const chars: { c: string; top: number }[] = [];
          for (let node = walker.nextNode(); node && chars.length < code.length; node = walker.nextNode()) {
            for (let i = 0; i < node.textContent!.length && chars.length < code.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              chars.push({ c: node.textContent![i]!, top: Math.round(range.getBoundingClientRect().top) });
            }
          }
          return chars.flatMap((ch, i) => (i > 0 && ch.top > chars[i - 1]!.top ? [chars[i - 1]!.c] : []));
        }),
      );
      // At 1280 px the stacked cards hold any code on one line; on a phone it breaks between words only.
      if (width > 500) expect(breaks).toEqual([[], []]);
      else for (const before of breaks.flat()) expect(before).toMatch(/[_./]/);
      const rights = await page.locator('.pagination-links a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().right));
      for (const right of rights) expect(right).toBeLessThanOrEqual(width);
    });
  }
});

describe('entry tables show every column', () => {
  const offScreen = (page: Page, width: number) =>
    page.locator('table.kb-entries tbody tr:first-child td').evaluateAll(
      (cells, w) => cells.filter((c) => !c.hasAttribute('data-empty')).filter((c) => c.getBoundingClientRect().right > w || c.getBoundingClientRect().width === 0).map((c) => c.className),
      width,
    );
  for (const path of ['/softsugar/', '/ailabtools/', '/zh-cn/picwish/', '/categories/no-face/']) {
    it(`${path}: all columns fit at 1280 px, no sideways scroll`, async () => {
      const page = await open(1280, path);
      const scrolls = await page.locator('table.kb-entries').evaluateAll((ts) => ts.some((t) => t.scrollWidth > t.clientWidth + 1));
      expect(scrolls).toBe(false);
      expect(await offScreen(page, 1280)).toEqual([]);
    });
    it(`${path}: at 390 px each row is a card with meaning, category and retry on screen`, async () => {
      const page = await open(390, path);
      expect(await offScreen(page, 390)).toEqual([]);
      const first = page.locator('table.kb-entries tbody tr').first();
      for (const cell of ['.kb-col-meaning', '.kb-col-category', '.kb-col-retry']) expect(await first.locator(cell).isVisible()).toBe(true);
    });
  }
  it('a column empty for a whole vendor is left out (SoftSugar gives no HTTP status)', async () => {
    const page = await open(1280, '/softsugar/');
    const headers = await page.locator('table.kb-entries thead th').allTextContents();
    expect(headers).not.toContain('HTTP');
    expect(headers).toContain('Meaning');
    const g42 = await open(1280, '/g42-image/');
    expect(await g42.locator('table.kb-entries').first().locator('thead th').allTextContents()).toContain('HTTP');
  });
});

describe('the home page', () => {
  for (const prefix of ['', '/zh-cn']) {
    it(`${prefix || '/'} links to Explain, the categories and the guides`, async () => {
      const page = await open(1280, `${prefix}/`);
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(`${prefix}/explain/`);
      expect(hrefs).toContain(`${prefix}/categories/`);
      expect(hrefs).toContain(`${prefix}/guides/reading-responses/`);
      expect(hrefs).toContain(`${prefix}/guides/retry-strategy/`);
    });
  }
  it('has a menu on a phone, with the language and theme switches', async () => {
    const page = await open(390, '/zh-cn/');
    const toggle = page.locator('button.sl-menu-button');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    await expect.poll(() => page.locator('.mobile-preferences starlight-lang-select select').isVisible()).toBe(true);
    expect(await page.locator('.mobile-preferences starlight-theme-select select').isVisible()).toBe(true);
    await page.locator('.mobile-preferences starlight-lang-select select').selectOption({ label: 'English' });
    await page.waitForURL((url) => url.pathname === '/');
  });
  // Scrolled to its end rather than by a fixed amount: how far the matrix overflows depends on the fonts
  // installed (without a Chinese font the Chinese matrix overflows by 49 px, with Noto CJK by 176).
  // The English page overflows by about 200 px with any Latin font, so it also proves there is a scroll.
  for (const [prefix, minScroll] of [['', 100], ['/zh-cn', 0]] as const) {
    it(`keeps the matrix's category names and caption in view on a phone while its vendor columns scroll (${prefix || '/'})`, async () => {
      const page = await open(390, `${prefix}/`);
      const matrix = page.locator('table.kb-matrix');
      const left = (selector: string) => matrix.locator(selector).first().evaluate((el) => Math.round(el.getBoundingClientRect().left));
      const before = await Promise.all(['tbody th', 'thead th', 'caption'].map(left));
      const overflow = await matrix.evaluate((t) => t.scrollWidth - t.clientWidth);
      expect(overflow).toBeGreaterThan(minScroll);
      await matrix.evaluate((t) => (t.scrollLeft = t.scrollWidth));
      expect(await matrix.evaluate((t) => t.scrollLeft)).toBeGreaterThanOrEqual(overflow - 1);
      expect(await Promise.all(['tbody th', 'thead th', 'caption'].map(left))).toEqual(before);
      expect(await matrix.locator('caption').evaluate((c) => c.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
      // The last vendor column comes fully into view.
      const edge = await matrix.evaluate((t) => [t.querySelector('thead th:last-child')!.getBoundingClientRect().right, t.getBoundingClientRect().right]);
      expect(edge[0]).toBeLessThanOrEqual(edge[1]! + 1);
    });
  }
});

describe('entry pages give their context', () => {
  it('a task state says so under its title, in the tab\'s title and where it is read', async () => {
    const page = await open(1280, '/picwish/state/-8/');
    expect(await page.locator('h1').textContent()).toMatch(/^-8 · /);
    expect(await page.title()).toMatch(/^PicWish task state -8 · /);
    expect(await page.locator('[data-testid=entry-context]').textContent()).toMatch(/PicWish · Task state/);
    expect(await page.locator('main').textContent()).toContain('data.state');
    const zh = await open(1280, '/zh-cn/picwish/state/-8/');
    expect(await zh.title()).toMatch(/^佐糖 任务状态 -8 · /);
  });
  it('the sidebar marks the current vendor on its entry pages', async () => {
    for (const [path, label] of [['/picwish/state/-8/', 'PicWish'], ['/zh-cn/baidu-face/222202/', '百度人脸识别']]) {
      const page = await open(1280, path!);
      expect(await page.locator('#starlight__sidebar a[aria-current=page]').allTextContents()).toEqual([label]);
    }
  });
  it('previous/next cards end a cut meaning with an ellipsis', async () => {
    const page = await open(1280, '/softsugar/400/');
    const titles = await page.locator('.pagination-links .link-title').allTextContents();
    expect(titles).toHaveLength(2);
    for (const title of titles) {
      const meaning = title.split(' — ')[1]!;
      // Either the whole meaning (a sentence ends with a full stop) or cut with an ellipsis.
      expect(meaning).toMatch(/[.…)]$/);
    }
  });
});

describe('what readers see of our bookkeeping', () => {
  it('note kinds are words in the reader\'s language; PDF-extraction repairs are not shown', async () => {
    const page = await open(1280, '/g42-image/ModelArts.4204/');
    // What the page says (the entry's JSON, collapsed at the end, is the artifact and keeps every note).
    const main = await page.locator('main').evaluate((m) => {
      const copy = m.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('details.kb-json, script').forEach((n) => n.remove());
      return copy.textContent ?? '';
    });
    expect(main).not.toContain('ModelArt s.');
    expect(main).not.toContain('extraction-repair');
    const zh = await open(1280, '/zh-cn/picwish/state/-8/');
    await zh.locator('details:has(#notes) summary').click();
    const notes = await zh.locator('details:has(#notes) ul .sl-badge').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const label of notes) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(await zh.locator('details:has(#notes) ul').textContent()).not.toMatch(/doc-history|typo-in-source|ambiguity/);
  });

  it('the entry JSON is collapsed, with a copy button and a link to its JSON file', async () => {
    const page = await open(1280, '/baidu-face/222202/');
    const details = page.locator('details.kb-json');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await page.locator('#entry-json').isVisible()).toBe(false);
    // Collapsed, it takes less room than the "What to do" answer above it.
    expect((await details.boundingBox())!.height).toBeLessThan(100);
    await details.locator('summary').click();
    expect(await page.locator('#entry-json').isVisible()).toBe(true);
    expect(await page.locator('#entry-json + button.kb-copy').isVisible()).toBe(true);
    const href = (await page.locator('[data-testid=json-file]').getAttribute('href'))!;
    expect(href).toBe('/api/v1/baidu-face/222202.json');
    const response = await fetch(server.url + href);
    expect((await response.json()).entry.id).toBe('baidu-face/222202');
  });
});

describe('a long vendor table', () => {
  it('is grouped by code family with an in-page index (SoftSugar)', async () => {
    const page = await open(1280, '/softsugar/');
    const index = page.locator('nav.kb-family-index a');
    expect(await index.count()).toBeGreaterThanOrEqual(10);
    const hrefs = await index.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) expect(await page.locator(href).count(), href).toBe(1);
    expect(await page.locator('#family-50xxxxxx + table tbody tr').first().locator('code').textContent()).toMatch(/^50\d{6}$/);
    // Every row is still there, once.
    expect(await page.locator('table.kb-entries tbody tr').count()).toBe(271);
  });
  it('puts the note that explains the code families before the table', async () => {
    const page = await open(1280, '/softsugar/');
    const before = await page.evaluate(() => {
      const note = [...document.querySelectorAll('.kb-notes li')].find((li) => li.textContent?.includes('Code families'));
      const table = document.querySelector('table.kb-entries');
      return !!note && !!table && !!(note.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before).toBe(true);
  });
  it('keeps its filter in the URL, so it can be shared', async () => {
    const page = await open(1280, '/softsugar/?q=token');
    expect(await page.locator('form[data-kb-filters] input[name=q]').inputValue()).toBe('token');
    const visible = await page.locator('table.kb-entries tbody tr:visible').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(271);
    await page.locator('form[data-kb-filters] input[name=q]').fill('phone');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('phone');
    await page.locator('form[data-kb-filters] select[name=retryable]').selectOption('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('retryable')).toBe('true');
    await page.locator('form[data-kb-filters] button[type=reset]').click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });
});

/** Ids (or classes) of the tables on the page that scroll sideways or reach past a 390 px screen. */
const tablesWiderThanPhone = (page: Page) =>
  page.locator('.sl-markdown-content table').evaluateAll((ts) =>
    ts.filter((t) => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > 390).map((t) => t.id || t.className));

describe('tables made for a phone (kb-cards)', () => {
  for (const path of ['/categories/', '/guides/reading-responses/', '/guides/json-api/', '/zh-cn/categories/', '/zh-cn/guides/reading-responses/', '/zh-cn/guides/json-api/']) {
    it(`${path}: at 390 px no table is wider than the screen, and every cell with a column name shows it`, async () => {
      const page = await open(390, path);
      expect(await page.locator('.sl-markdown-content table.kb-cards').count()).toBeGreaterThan(0);
      expect(await tablesWiderThanPhone(page)).toEqual([]);
      const unlabelled = await page.locator('table.kb-cards td[data-label]').evaluateAll((tds) => tds.filter((td) => getComputedStyle(td, '::before').content === 'none').length);
      expect(unlabelled).toBe(0);
    });
  }
});

describe('the retry guide', () => {
  it('gives "What to do" room (at least 250 px at 1280 px) and highlights its code sample with a copy button', async () => {
    for (const prefix of ['', '/zh-cn']) {
      const page = await open(1280, `${prefix}/guides/retry-strategy/`);
      const width = await page.locator('#retry-by-category td.kb-advice').first().evaluate((td) => td.getBoundingClientRect().width);
      expect(width).toBeGreaterThanOrEqual(250);
      expect(await page.locator('#retry-by-category').evaluate((t) => t.scrollWidth <= t.clientWidth + 1), 'no sideways scroll').toBe(true);
      expect(await page.locator('#retry-code .expressive-code .copy button').count()).toBe(1);
      expect(await page.locator('#retry-code pre span[style]').count()).toBeGreaterThan(10); // highlighted tokens
    }
  });
  it('at 390 px has no table wider than the screen: each row is a card, its code (or category) and retry badge on top', async () => {
    for (const prefix of ['', '/zh-cn']) {
      const page = await open(390, `${prefix}/guides/retry-strategy/`);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await page.locator('.sl-markdown-content table').count()).toBeGreaterThan(3);
      expect(await tablesWiderThanPhone(page)).toEqual([]);
      // Title and badge share the card's first line.
      const tops = await page.locator('#contradiction-table tbody tr').first().evaluate((tr) =>
        ['.kb-col-code', '.kb-col-retry', '.kb-col-note'].map((s) => Math.round(tr.querySelector(s)!.getBoundingClientRect().top)));
      expect(tops[0]).toBeLessThanOrEqual(tops[1]! + 8);
      expect(tops[1]).toBeLessThanOrEqual(tops[0]! + 8);
      expect(tops[2]).toBeGreaterThan(tops[0]! + 8);
      expect(await page.locator('#retry-by-category tbody td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content)).not.toBe('none');
    }
  });
});

describe('alignment', () => {
  it('vendor cards in a row start at the same height', async () => {
    const page = await open(1280, '/');
    const tops = await page.locator('.kb-vendor-cards .sl-link-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops.length).toBe(5);
    expect(tops[0]).toBe(tops[1]);
    expect(tops[2]).toBe(tops[3]);
  });
  it('labels in detail lists sit on the line of their values', async () => {
    for (const path of ['/softsugar/', '/zh-cn/baidu-face/222202/']) {
      const page = await open(1280, path);
      // Label and value text side by side (a value in a box, like the literal message, has its text inset).
      const offsets = await page.locator('dl.kb-dl:visible > dt').evaluateAll((dts) => {
        const firstText = (el: Element) => {
          const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) }).nextNode();
          const range = document.createRange();
          if (node) range.selectNodeContents(node);
          return range.getClientRects()[0]?.top ?? el.getBoundingClientRect().top;
        };
        return dts.map((dt) => Math.abs(firstText(dt) - firstText(dt.nextElementSibling!)));
      });
      expect(offsets.length).toBeGreaterThan(1);
      for (const offset of offsets) expect(offset).toBeLessThan(6);
    }
  });
});

describe('the search dialog on a phone', () => {
  it('fills the screen, keeps the filters compact and shows no keyboard hint on a touch screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${server.url}/zh-cn/picwish/`);
    await page.locator('button[data-open-search]').click();
    const dialog = (await page.locator('dialog.kb-search-dialog').boundingBox())!;
    expect(dialog.width).toBeGreaterThanOrEqual(389);
    const filters = (await page.locator('#site-search .kb-search-filters').boundingBox())!;
    expect(filters.height).toBeLessThanOrEqual(140);
    expect(await page.locator('#site-search .kb-search-hint').isVisible()).toBe(false);
    // Buttons are styled, not the browser's default grey boxes.
    const close = await page.locator('[data-close-search]').evaluate((b) => getComputedStyle(b).borderRadius);
    expect(parseFloat(close)).toBeGreaterThan(8);
    await phone.close();
  });
});
