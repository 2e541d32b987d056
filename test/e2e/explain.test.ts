/**
 * End-to-end: the "Explain a response" page (/explain/, /zh-cn/explain/) in Chromium, over dist/: its
 * fields, examples and undecided answers. Tickets, logs, bytes and Back: test/e2e/explain-page.test.ts.
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
const requests: string[] = [];

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const result = () => page.locator('[data-explain-result]');

const verdictTitle = () => page.locator('[data-testid=explain-verdict] .starlight-aside__title').textContent();
/** Candidates' links as path segments after the language: ['g42-image/http/429', …]. */
const candidatePaths = () => page.locator('[data-testid=explain-candidates] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\/(zh-cn\/)?|\/$/g, '')));

describe('explain page', () => {
  it('loads its data only on first use (never index.json), explains a pasted body, and links the entry', async () => {
    requests.length = 0;
    await page.goto(`${server.url}/explain/`);
    expect(requests.some((u) => u.includes('/explain-index/') || u.endsWith('.json'))).toBe(false);
    await page.locator('form[data-kb-explain] textarea[name=body]').fill('{"error_code": 222202, "error_msg": "pic not has face", "log_id": 1}');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => result().isVisible()).toBe(true);
    await expect.poll(verdictTitle).toBe('Do not retry: ask the user for another photo, file or input');
    expect(await page.locator('[data-testid=explain-advice]').textContent()).toMatch(/^Use a photo in which a face is clearly visible: /);
    // The entry's own end-user message (its category's default when it has none), as the artifact resolves it.
    const entry = JSON.parse(readFileSync(join(DIST, 'api/v1/baidu-face/222202.json'), 'utf8')).entry;
    expect(await page.locator('[data-testid=explain-end-user]').textContent()).toBe(entry.end_user_message.en);
    expect(entry.end_user_message.en).toMatch(/^We couldn't find a face/);
    // Everything stayed on this origin: the page, its assets and its data, fetched once.
    expect(requests.every((u) => u.startsWith(server.url))).toBe(true);
    expect(requests.some((u) => u.endsWith('/api/v1/index.json') || u.endsWith('/api/v1/baidu-face.json'))).toBe(false);
    await page.locator('form[data-kb-explain] textarea[name=body]').fill('{"error_code": "AIS.0014"}');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=explain-entry]').textContent()).toMatch(/^AIS\.0014 · /);
    expect(requests.filter((u) => u.endsWith('/explain-index/v1/vendors.json'))).toHaveLength(1);
    await page.locator('[data-testid=explain-entry]').click();
    await page.waitForURL(/\/g42-image\/AIS\.0014\/$/);
  });

  it('the HTTP status and vendor fields, the examples, and undecided answers with candidates', async () => {
    await page.goto(`${server.url}/explain/`);
    await page.locator('form[data-kb-explain] input[name=status]').fill('429');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(candidatePaths).toEqual(['g42-image/http/429', 'picwish/http/429']);
    expect(await page.locator('[data-testid=explain-candidates] a').first().textContent()).toMatch(/^429 · /);
    expect(await verdictTitle()).toMatch(/^Retry /);
    await page.locator('form[data-kb-explain] select[name=vendor]').selectOption('picwish');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=explain-entry]').getAttribute('href')).toBe('/picwish/http/429/');
    await page.locator('.kb-explain-example', { hasText: 'PicWish ✓' }).click();
    await expect.poll(verdictTitle).toBe('Success: nothing to do');
    expect(await page.locator('[data-testid=explain-verdict]').getAttribute('data-action')).toBe('none');
  });

  it('in Chinese, with a sidebar link in both languages', async () => {
    await page.goto(`${server.url}/zh-cn/explain/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('form[data-kb-explain] textarea[name=body]').fill('{"status": 200, "data": {"state": -8}}');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=explain-entry]').getAttribute('href')).toBe('/zh-cn/picwish/state/-8/');
    expect(await page.locator('[data-testid=explain-entry]').textContent()).toMatch(/^-8 · /);
    expect(await result().textContent()).toContain('判断依据');
    expect(await page.locator('nav a[href="/zh-cn/explain/"]').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/picwish/`);
    await page.locator('nav a[href="/explain/"]').first().click();
    await page.waitForURL(/\/explain\/$/);
  });

  it('after Explain, the verdict is in view and the answer\'s heading has focus (1280×800)', async () => {
    const small = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    await small.goto(`${server.url}/explain/`);
    await small.locator('form[data-kb-explain] textarea[name=body]').fill('{"error_code": 222202, "error_msg": "pic not has face"}');
    await small.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => small.evaluate(() => document.activeElement?.id)).toBe('explain-answer');
    await expect.poll(() => small.locator('[data-testid=explain-verdict]').evaluate((v) => {
      const r = v.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
    await small.close();
  });

  it('a bare "Internal Server Error" lists candidates from several vendors, not one vendor\'s answer', async () => {
    await page.goto(`${server.url}/explain/`);
    await page.locator('form[data-kb-explain] textarea[name=body]').fill('Internal Server Error');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-part=entry]').textContent()).toBe('No single entry matches.');
    const candidates = await candidatePaths();
    expect(new Set(candidates.map((id) => id.split('/')[0])).size).toBeGreaterThan(2);
  });
});
