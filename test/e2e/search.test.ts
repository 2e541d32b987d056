/** End-to-end search: the header dialog, keyboard use, deep links in both languages, inert text. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = () => decodeURIComponent(new URL(page.url()).pathname);
const results = (id: string) => page.locator(`#${id}-results li`);

describe('the search dialog', () => {
  it('opens with /, finds a code as you type, and Enter lands on the entry page', async () => {
    await page.goto(`${server.url}/picwish/`);
    await page.keyboard.press('/');
    await expect.poll(() => page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.type('modelarts 4204');
    await expect.poll(() => results('site-search').first().textContent()).toContain('ModelArts.4204');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.includes('ModelArts.4204'));
    expect(path()).toBe('/g42-image/ModelArts.4204/');
  });

  it('opens with Ctrl+K; arrow keys choose a result', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('429');
    await expect.poll(() => results('site-search').count()).toBeGreaterThan(2);
    // At 1280 px the results scroll under the dialog's search box (a box of their own).
    expect(await page.locator('#site-search-results').evaluate((list) => getComputedStyle(list).overflowY)).toBe('auto');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await results('site-search').nth(1).locator('a').getAttribute('href');
    expect(await results('site-search').nth(1).locator('a').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === second);
  });

  it('loads nothing until it is opened, and only a few files per query', async () => {
    server.sent.clear();
    await page.goto(`${server.url}/baidu-face/222202/`);
    expect([...server.sent.keys()].filter((p) => p.includes('search-index'))).toEqual([]);
    await page.keyboard.press('/');
    await page.keyboard.type('222202');
    await expect.poll(() => results('site-search').first().textContent()).toContain('222202');
    const fetched = [...server.sent.keys()].filter((p) => p.includes('search-index'));
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.length).toBeLessThan(20);
  });

  it('finds what people type (token过期) and shows rows as a person reads them, no match labels', async () => {
    // The Chinese search page (the header dialog's language on /zh-cn/ pages is issue 13's).
    await page.goto(`${server.url}/zh-cn/search/`);
    await page.locator('#page-search-q').fill('token过期');
    await expect.poll(() => results('page-search').first().locator('a').getAttribute('href')).toBe('/zh-cn/baidu-face/111/');
    const row = results('page-search').first();
    expect(await row.locator('.kb-hit-code').textContent()).toBe('111');
    expect(await row.locator('.kb-hit-vendor').textContent()).toBe('百度人脸识别');
    expect(await row.locator('.kb-hit-category').textContent()).toBe('鉴权失败');
    expect(await row.locator('.kb-hit-meaning').textContent()).toContain('access token 已过期');
    expect(await row.locator('.kb-hit-message').textContent()).toBe('“Access token expired”');
    expect(await page.locator('#page-search-results .kb-hit-reason').count()).toBe(0);
    expect(await row.textContent()).not.toMatch(/words|part of code|文字|代码片段/i);
  });

  it('keeps and searches what was typed on the search page before the search had loaded', async () => {
    // Hold the manifest back until the text is in: the race the autofocused field invites on a slow network.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/search-index/v1/manifest.json', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.url}/zh-cn/search/`);
      await page.locator('#page-search-q').fill('token过期');
      release();
      await expect.poll(() => results('page-search').first().locator('a').getAttribute('href')).toBe('/zh-cn/baidu-face/111/');
      expect(await page.locator('#page-search-q').inputValue()).toBe('token过期');
      // The query goes into the URL once all the results are in, a moment after the first is shown.
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('token过期');
    } finally {
      release();
      await page.unroute('**/search-index/v1/manifest.json');
    }
  });

  it('a later query reuses the rows it already built', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('blurry face');
    await expect.poll(() => results('site-search').first().locator('a').getAttribute('href')).toBe('/ailabtools/ERROR_BLURRY_FACE/');
    await page.evaluate(() => ((document.querySelector('#site-search-results li') as HTMLElement & { mark?: number }).mark = 1));
    // data-ready is the number of the last query answered: wait for 'blurry' itself to be shown.
    const answered = await page.locator('#site-search').getAttribute('data-ready');
    await page.locator('#site-search-q').fill('blurry');
    await expect.poll(() => page.locator('#site-search').getAttribute('data-ready')).not.toBe(answered);
    expect(await results('site-search').count()).toBeGreaterThan(1);
    await page.locator('#site-search-q').fill('blurry face');
    await expect.poll(() => results('site-search').first().locator('a').getAttribute('href')).toBe('/ailabtools/ERROR_BLURRY_FACE/');
    expect(await page.evaluate(() => (document.querySelector('#site-search-results li') as HTMLElement & { mark?: number }).mark)).toBe(1);
  });

  it('renders hostile queries as text', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('<img src=x onerror="window.__pwned=1"> face');
    await expect.poll(() => results('site-search').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#site-search-results img').count()).toBe(0);
  });
});

describe('the search dialog on Chinese pages', () => {
  it('is in Chinese (button, placeholder, filters, Close, results) and Enter opens the /zh-cn/ entry', async () => {
    await page.goto(`${server.url}/zh-cn/picwish/`);
    expect(await page.locator('button[data-open-search]').getAttribute('aria-label')).toBe('搜索错误码和页面');
    await page.locator('button[data-open-search]').click();
    const dialog = page.locator('dialog.kb-search-dialog');
    expect(await dialog.getAttribute('aria-label')).toBe('搜索');
    expect(await page.locator('#site-search-q').getAttribute('placeholder')).toContain('错误码');
    expect(await dialog.locator('[data-close-search]').textContent()).toContain('关闭');
    expect(await dialog.locator('select[name=vendor] option').first().textContent()).toBe('全部');
    await page.keyboard.type('222202');
    await expect.poll(() => results('site-search').first().textContent()).toContain('222202');
    expect(await results('site-search').first().textContent()).toContain('图片中没有人脸');
    expect(await page.locator('#site-search [data-status]').textContent()).toContain('条结果');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.includes('222202'));
    expect(path()).toBe('/zh-cn/baidu-face/222202/');
  });

  it('stays English on English pages', async () => {
    await page.goto(`${server.url}/picwish/`);
    expect(await page.locator('button[data-open-search]').getAttribute('aria-label')).toBe('Search codes and pages');
    expect(await page.locator('#site-search-q').getAttribute('placeholder')).toContain('A code');
  });
});

describe('"More results"', () => {
  const more = () => page.locator('#site-search [data-more]');
  it('shows only when there are more results, and loads them', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('face');
    await expect.poll(() => results('site-search').count()).toBe(12);
    expect(await more().isVisible()).toBe(true);
    // The count says there are more than it shows.
    expect(await page.locator('#site-search [data-status]').textContent()).toBe('12+ results');
    await more().click();
    await expect.poll(() => results('site-search').count()).toBeGreaterThan(12);
    const afterOne = await results('site-search').count();
    // The first new result is the chosen one, so the reader goes on from where they were.
    expect(await results('site-search').nth(12).locator('a').getAttribute('aria-selected')).toBe('true');
    if (afterOne === 32) {
      await more().click();
      await expect.poll(() => results('site-search').count()).toBeGreaterThan(32);
    } else {
      expect(await more().isVisible()).toBe(false);
      expect(await page.locator('#site-search [data-status]').textContent()).toBe(`${afterOne} results`);
    }
  });

  it('is not shown when nothing is found or everything fits', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('zzqqxxnothing');
    await expect.poll(() => page.locator('#site-search [data-status]').textContent()).toContain('Nothing found');
    expect(await more().isVisible()).toBe(false);
    expect(await page.locator('#site-search-results').isVisible()).toBe(false);
    await page.locator('#site-search-q').fill('222202');
    await expect.poll(() => results('site-search').count()).toBeGreaterThan(0);
    expect(await results('site-search').count()).toBeLessThan(12);
    expect(await more().isVisible()).toBe(false);
    // Everything is shown: the count is the whole count, with no "+".
    await expect.poll(() => page.locator('#site-search [data-status]').textContent()).toBe(`${await results('site-search').count()} results`);
  });
});

describe('deep links', () => {
  it('/search/?q= shows the same results and keeps the query in the URL', async () => {
    await page.goto(`${server.url}/search/?q=NO_FACE`);
    await expect.poll(() => results('page-search').first().textContent()).toContain('ERROR_NO_FACE_IN_FILE');
    await page.locator('#page-search-q').fill('blurry face');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('blurry face');
  });

  it('/zh-cn/search/?q= works in Chinese, with filters from the URL', async () => {
    await page.goto(`${server.url}/zh-cn/search/?q=429&vendor=g42-image`);
    await expect.poll(() => results('page-search').count()).toBeGreaterThan(0);
    const links = await results('page-search').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.every((href) => href!.startsWith('/zh-cn/g42-image/'))).toBe(true);
    expect(await page.locator('#page-search select[name=vendor]').inputValue()).toBe('g42-image');
    expect(await results('page-search').first().textContent()).toContain('429');
  });

  it('the home search form works without JavaScript (plain GET to /search/)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}/`);
    await noJs.locator('#home-search-q').fill('222202');
    await noJs.locator('#home-search-q').press('Enter');
    await noJs.waitForURL(/\/search\/\?q=222202/);
    await context.close();
  });
});

describe('no page errors', () => {
  it('while searching', () => expect(errors).toEqual([]));
});
void DIST;
