/**
 * Issue 24, the answer first: what a support engineer sees in the first screen of a phone, pages no
 * wider than the phone, search that keeps its query in the URL (so Back brings it back), the 404
 * page in the reader's language, titles, hints and wayfinding. On the built site (dist/), in
 * Chromium. Samples pages (each vendor's longest codes, every page type); `npm run screenshots --
 * --sweep` checks every page's width.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';
import { Tab } from '../support/tab.ts';

let server: StaticServer;
let browser: Browser;
let phone: BrowserContext;
let desktop: BrowserContext;

const index = JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8')) as { entries: { id: string; vendor: string; code: string; url: string }[] };
const pathOf = (url: string) => new URL(url).pathname;
/** Each vendor's two longest codes: the pages most likely to be too wide. */
const longest = [...new Set(index.entries.map((e) => e.vendor))].flatMap((vendor) =>
  index.entries.filter((e) => e.vendor === vendor).sort((a, b) => b.code.length - a.code.length).slice(0, 2).map((e) => pathOf(e.url)),
);

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tabs = new Map<BrowserContext, Tab>();
/** The context's one tab, at `path` (see test/support/tab.ts). */
function open(context: BrowserContext, path: string): Promise<Page> {
  if (!tabs.has(context)) tabs.set(context, new Tab(context, server.url));
  return tabs.get(context)!.open(path);
}
const bottom = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom);
const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top);

describe('an entry page at 390×844', () => {
  for (const path of ['/baidu-face/222202/', '/zh-cn/baidu-face/222202/', '/g42-image/http/429/', '/zh-cn/picwish/state/-8/', longest[0]!, `/zh-cn${longest[0]}`]) {
    it(`${path}: the code and its meaning, the verdict and what to do are in the first screen`, async () => {
      const page = await open(phone, path);
      const h1 = (await page.locator('h1').textContent()) ?? '';
      expect(h1).toMatch(/ · \S/);
      expect(await bottom(page, 'h1')).toBeLessThan(844);
      expect(await bottom(page, '[data-testid=verdict] .starlight-aside__title')).toBeLessThan(844);
      // What to do starts on the first screen with at least two lines of it there.
      expect(await top(page, '[data-testid=remedy]')).toBeLessThan(844 - 2 * 28);
    });
  }
});

describe('nothing is wider than a 390 px screen', () => {
  const pages = [
    '/', '/zh-cn/', '/baidu-face/', '/zh-cn/softsugar/', '/ailabtools/', '/categories/', '/zh-cn/categories/no-face/', '/guides/retry-strategy/',
    '/zh-cn/guides/json-api/', '/guides/reading-responses/', '/changelog/', '/zh-cn/search/?q=face', '/explain/', '/zh-cn/no-such-page/', '/no-such-page/',
    ...longest, ...longest.map((p) => `/zh-cn${p}`),
  ];
  it(`${pages.length} pages: every page type, and each vendor's longest codes in both languages`, async () => {
    const wide: string[] = [];
    for (const path of pages) {
      const page = await open(phone, path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width} px`);
    }
    expect(wide).toEqual([]);
    // 35 pages, each loaded and measured: over vitest's 30 s when the suite's builds share the two cores.
  }, 120_000);
});

describe('code is set in a monospace font', () => {
  it('the literal message, the example response and the JSON', async () => {
    const page = await open(desktop, '/baidu-face/222202/');
    const fonts = await page.locator('#literal-message, #example-body-text, #entry-json').evaluateAll((els) => els.map((e) => getComputedStyle(e).fontFamily));
    const code = await page.locator('main code').first().evaluate((e) => getComputedStyle(e).fontFamily);
    expect(fonts).toHaveLength(3);
    for (const font of fonts) expect(font).toBe(code);
    expect(code).toMatch(/mono|Consolas|Menlo/i);
  });
});

describe('the search dialog on a phone', () => {
  it('keeps its filters behind one toggle, so the first result starts within 200 px of the top', async () => {
    const page = await open(phone, '/zh-cn/picwish/');
    await page.locator('button[data-open-search]').click();
    await page.keyboard.type('face');
    await expect.poll(() => page.locator('#site-search-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('#site-search select[name=vendor]').isVisible()).toBe(false);
    expect(await top(page, '#site-search-results li')).toBeLessThanOrEqual(200);
    await page.locator('#site-search [data-filters-toggle] summary').click();
    await page.locator('#site-search select[name=vendor]').selectOption('ailabtools');
    await expect.poll(() => page.locator('#site-search [data-filter-count]').textContent()).toBe('（1）');
  });
});

describe('Back restores every search', () => {
  it('the header dialog: reopened with its query and results', async () => {
    const page = await open(desktop, '/picwish/');
    await page.locator('button[data-open-search]').click();
    await page.keyboard.type('222202');
    await expect.poll(() => page.locator('#site-search-results .kb-hit-code').first().textContent()).toBe('222202');
    // The query goes into the URL once the results are in (search-ui.ts), not with the first of them.
    await expect.poll(() => new URL(page.url()).searchParams.get('search')).toBe('222202');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/baidu-face/222202/');
    await page.goBack();
    await expect.poll(() => page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await page.locator('#site-search-q').inputValue()).toBe('222202');
    await expect.poll(() => page.locator('#site-search-results li').count()).toBeGreaterThan(0);
    // Closed, it leaves the page's URL as it was.
    await page.locator('[data-close-search]').click();
    expect(new URL(page.url()).search).toBe('');
  });
  for (const [path, id] of [['/', 'home-search'], ['/zh-cn/search/', 'page-search']] as const) {
    it(`${path}: the box keeps its query`, async () => {
      const page = await open(desktop, path);
      await page.locator(`#${id}-q`).fill('ModelArts.4204');
      await expect.poll(() => page.locator(`#${id}-results .kb-hit-code`).first().textContent()).toBe('ModelArts.4204');
      await page.locator(`#${id}-q`).press('Enter');
      await page.waitForURL((url) => url.pathname.endsWith('/g42-image/ModelArts.4204/'));
      await page.goBack();
      await expect.poll(() => page.locator(`#${id}-q`).inputValue()).toBe('ModelArts.4204');
      await expect.poll(() => page.locator(`#${id}-results li`).count()).toBeGreaterThan(0);
    });
  }
  it('Esc in the dialog empties the box first, then closes the dialog, as its hint says', async () => {
    const page = await open(desktop, '/');
    await page.locator('button[data-open-search]').click();
    await page.keyboard.type('face');
    expect(await page.locator('#site-search .kb-search-hint').textContent()).toContain('Esc empties the box, then closes');
    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search-q').inputValue()).toBe('');
    expect(await page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
  });
});

describe('the 404 page', () => {
  it('speaks Chinese under /zh-cn/ and searches for the mistyped code at its vendor', async () => {
    const page = await open(desktop, '/zh-cn/baidu-face/22220/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    expect(await page.locator('#starlight__sidebar').textContent()).toContain('厂商');
    await expect.poll(() => page.locator('#not-found-search-q').inputValue()).toBe('22220');
    await expect.poll(() => page.locator('#not-found-search select[name=vendor]').inputValue()).toBe('baidu-face');
    await expect.poll(() => page.locator('#not-found-search-results .kb-hit-code').first().textContent()).toMatch(/^22220/);
  });
  it('speaks English elsewhere', async () => {
    const page = await open(desktop, '/picwish/state/-99/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await expect.poll(() => page.locator('#not-found-search-q').inputValue()).toBe('-99');
  });
});

describe('titles and wayfinding', () => {
  it('the home page title is the site name once', async () => {
    for (const [path, title] of [['/', 'Vision API Error Codes'], ['/zh-cn/', '视觉 API 错误码']] as const) {
      const page = await open(desktop, path);
      expect(await page.title()).toBe(title);
    }
  });
  it('an entry page title names the vendor, the code and its meaning, once each', async () => {
    const page = await open(desktop, '/zh-cn/baidu-face/222202/');
    expect(await page.title()).toBe('百度人脸识别 222202 · 图片中没有人脸 | 视觉 API 错误码');
    expect(await page.locator('h1').textContent()).toBe('222202 · 图片中没有人脸');
  });
  it('the home page links to the JSON guide; the contributor guide is apart from the readers\' guides', async () => {
    for (const prefix of ['', '/zh-cn']) {
      const page = await open(desktop, `${prefix}/`);
      expect(await page.locator(`main a[href="${prefix}/guides/json-api/"]`).count()).toBeGreaterThan(0);
      const groups = await page.locator('#starlight__sidebar details').evaluateAll((ds) =>
        ds.map((d) => ({ name: d.querySelector('summary')?.textContent?.trim(), links: [...d.querySelectorAll('a')].map((a) => a.getAttribute('href')) })),
      );
      const holding = (href: string) => groups.filter((g) => g.links.includes(href)).map((g) => g.name);
      expect(holding(`${prefix}/guides/adding-a-vendor/`)).toEqual([prefix ? '贡献者' : 'For contributors']);
      expect(holding(`${prefix}/guides/retry-strategy/`)).toEqual([prefix ? '指南' : 'Guides']);
    }
  });
  it('Chinese pages use Chinese punctuation between Chinese words (the vendors\' own text aside)', async () => {
    for (const path of ['/zh-cn/baidu-face/222202/', '/zh-cn/picwish/', '/zh-cn/categories/no-face/', '/zh-cn/guides/retry-strategy/']) {
      const page = await open(desktop, path);
      const text = await page.locator('main').evaluate((m) => {
        const copy = m.cloneNode(true) as HTMLElement;
        // The vendors' own text keeps its punctuation: messages, document titles, their words in tables.
        copy.querySelectorAll('pre, code, script, table.kb-entries, .kb-literal, [data-testid=source]').forEach((n) => n.remove());
        return copy.textContent ?? '';
      });
      expect(text.match(/[\u4e00-\u9fff][:;(]|\)[\u4e00-\u9fff]/g) ?? [], path).toEqual([]);
    }
  });
});
