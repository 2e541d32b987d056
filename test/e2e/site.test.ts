/**
 * End-to-end: the built site (dist/) served locally, driven in Debian's Chromium.
 * `npm test` builds dist/ first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = () => decodeURIComponent(new URL(page.url()).pathname);

describe('navigation', () => {
  it('home → vendor → code page → category → equivalent at another vendor', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.kb-vendor-cards a', { hasText: 'Baidu Face' }).click();
    expect(path()).toBe('/baidu-face/');
    await page.locator('table.kb-entries a', { hasText: /^222202$/ }).click();
    expect(path()).toBe('/baidu-face/222202/');
    await expect.poll(() => page.locator('#literal-message').textContent()).toBe('pic not has face');
    await page.locator('dl.kb-dl a', { hasText: 'No face detected' }).click();
    expect(path()).toBe('/categories/no-face/');
    // The URL changes when the navigation commits; the new page's table may still be parsing.
    await expect.poll(() => page.locator('table.kb-entries a', { hasText: 'ERROR_NO_FACE_IN_FILE' }).count()).toBe(1);
    await page.goto(`${server.url}/baidu-face/222202/`);
    await page.locator('details:has(#equivalents) summary').click();
    await page.locator('details:has(#equivalents) ul a', { hasText: 'ERROR_NO_FACE_IN_FILE' }).click();
    expect(path()).toBe('/ailabtools/ERROR_NO_FACE_IN_FILE/');
    expect(await page.locator('details:has(#equivalents) ul').textContent()).toContain('222202');
  });

  it('a reader who knows only a code reaches its remedy in two clicks from home', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.kb-vendor-cards a', { hasText: 'PicWish' }).click();
    await page.locator('table.kb-entries a', { hasText: /^-8$/ }).click();
    expect(path()).toBe('/picwish/state/-8/');
    expect(await page.locator('[data-testid=remedy]').textContent()).toContain('Create the task again');
  });

  it('the language switch on an entry page lands on the same entry in Chinese', async () => {
    await page.goto(`${server.url}/g42-image/ModelArts.4204/`);
    await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
    await page.waitForURL(/\/zh-cn\//);
    expect(path()).toBe('/zh-cn/g42-image/ModelArts.4204/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('[data-testid=verdict] .starlight-aside__title').textContent()).toBe('不要重试：需要账号所有者处理（充值、开通或授权）');
    expect(await page.locator('[data-testid=remedy]').textContent()).toContain('订阅该 API（在控制台开通服务）');
    expect(await page.locator('[data-testid=vendor-remedy]').textContent()).toContain('请订阅该API');
  });
});

describe('vendor table filters', () => {
  const visibleRows = () => page.locator('table.kb-entries tbody tr:visible').count();

  it('narrow the rows by text, category, HTTP status, retryable and kind', async () => {
    await page.goto(`${server.url}/g42-image/`);
    const all = await visibleRows();
    expect(all).toBe(73);
    await page.locator('form[data-kb-filters] select[name=kind]').selectOption('http-status');
    expect(await visibleRows()).toBe(42);
    await page.locator('form[data-kb-filters] select[name=http]').selectOption('429');
    expect(await visibleRows()).toBe(1);
    await page.locator('form[data-kb-filters] button[type=reset]').click();
    await expect.poll(visibleRows).toBe(73);
    await page.locator('form[data-kb-filters] input[name=q]').fill('modelarts.42');
    expect(await visibleRows()).toBe(4);
    await page.locator('form[data-kb-filters] input[name=q]').fill('');
    await page.locator('form[data-kb-filters] select[name=retryable]').selectOption('true');
    const retryable = await visibleRows();
    expect(retryable).toBeGreaterThan(0);
    expect(retryable).toBeLessThan(73);
    await page.locator('form[data-kb-filters] select[name=category]').selectOption('rate-limited');
    expect(await page.locator('table.kb-entries tbody tr:visible code').allTextContents()).toEqual(['APIG.0308', '429']);
  });

  it('the full table is in the HTML without JavaScript', () => {
    const html = readFileSync(join(DIST, 'softsugar/index.html'), 'utf8');
    expect(html.match(/<tr data-kind=/g)).toHaveLength(271);
  });

  it("says an example's unknown HTTP status in the middle of a sentence, not as a label", () => {
    // The source gives no HTTP status for 222028's example response.
    const html = readFileSync(join(DIST, 'baidu-face/222028/index.html'), 'utf8');
    expect(html).toContain('Its HTTP status: not stated by the source.');
    expect(readFileSync(join(DIST, 'zh-cn/baidu-face/222028/index.html'), 'utf8')).toContain('示例的 HTTP 状态码：原文未说明。');
  });
});

describe('copy buttons', () => {
  it('copy the literal message and the entry JSON', async () => {
    await page.goto(`${server.url}/softsugar/60102130/`);
    await page.locator('#literal-message + button.kb-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Failed to log in %s consecutive times, please try again after %s');
    await page.locator('#end-user-message + button.kb-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Too many failed sign-in attempts. Please wait a while and try again.');
    await page.locator('details.kb-json summary').click();
    await page.locator('#entry-json + button.kb-copy').click();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.id).toBe('softsugar/60102130');
    expect(copied.message_is_template).toBe(true);
  });
});

describe('every entry of the artifact has a page', () => {
  it('that answers 200 in both languages', async () => {
    const index = JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8'));
    const failures: string[] = [];
    for (const entry of index.entries as { url: string; url_zh: string }[]) {
      for (const url of [entry.url, entry.url_zh]) {
        const local = server.url + new URL(url).pathname;
        const response = await fetch(local);
        if (response.status !== 200) failures.push(`${response.status} ${url}`);
        await response.arrayBuffer();
      }
    }
    expect(index.entries).toHaveLength(618);
    expect(failures).toEqual([]);
  });
});
