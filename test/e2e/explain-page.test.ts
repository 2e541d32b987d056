/**
 * End-to-end: the Explain page for tickets (issue 24), in Chromium over dist/. A ticket's words, a
 * Python repr and a log excerpt pasted as a support engineer would: the verdict comes first, entries
 * are named by code and meaning, the message shows once, a log shows its table; the JSON fetched for
 * one Baidu answer (every byte of every JSON response counted) stays under 400 KB and never includes
 * index.json or a vendor's file; Back brings the pasted text and its answer back (a short text from
 * the URL's fragment, a log from the history entry); what is pasted stays text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIST, launchBrowser } from '../support/browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every JSON response since the last reset: its path and its bytes (uncompressed, as received). */
let json: Promise<{ path: string; bytes: number }>[] = [];
const pageErrors: string[] = [];

const TICKET = '客户反馈：百度人脸返回 222202';
const REPR = "{'error_code': 18, 'error_msg': 'Open api qps request limit reached', 'log_id': 3141592653}";
const LOG = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'logs', 'mixed.log'), 'utf8').split('\n').slice(0, 13).join('\n');

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  page.on('response', (r) => {
    if (/\.json(?:$|\?)/.test(new URL(r.url()).pathname)) json.push(r.body().then((b) => ({ path: new URL(r.url()).pathname, bytes: b.length })));
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

beforeEach(() => {
  json = [];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(pageErrors).toEqual([]);
});

const result = () => page.locator('[data-explain-result]');
async function explainText(text: string): Promise<void> {
  await page.locator('form[data-kb-explain] textarea[name=body]').fill(text);
  await page.locator('form[data-kb-explain] button[type=submit]').click();
  await expect.poll(() => result().isVisible()).toBe(true);
}
/** The visible parts of the answer, in order, by their data-part (the heading is for screen readers). */
const visibleParts = () =>
  result().evaluate((r) => [...r.querySelectorAll<HTMLElement>(':scope > [data-part]')].filter((e) => e.checkVisibility()).map((e) => e.dataset.part));
/** No entry's id as link text: `baidu-face/18`, `picwish/state/-8`. */
const ID = /^[a-z0-9-]+\/(?:(?:http|state|sdk)\/)?\S+$/;

describe('the Explain page for tickets', () => {
  it('a ticket in Chinese: the verdict first, the entry by code and meaning; under 400 KB of JSON, never the whole index', async () => {
    await page.goto(`${server.url}/zh-cn/explain/`);
    expect(await Promise.all(json)).toEqual([]); // nothing fetched before the first use
    await explainText(TICKET);
    expect((await visibleParts())[0]).toBe('verdict');
    const verdict = page.locator('[data-testid=explain-verdict]');
    expect(await verdict.getAttribute('data-action')).toBe('fix-input');
    expect(await verdict.locator('aside').getAttribute('aria-label')).toBe('不要重试：请用户换一张照片、换个文件或重新输入');
    expect(await verdict.locator('.starlight-aside__title').textContent()).toBe('不要重试：请用户换一张照片、换个文件或重新输入');
    const entry = JSON.parse(readFileSync(join(DIST, 'api/v1/baidu-face/222202.json'), 'utf8')).entry;
    await expect.poll(() => page.locator('[data-testid=explain-advice]').textContent()).toBe(entry.remedy.zh);
    expect(await page.locator('[data-testid=explain-entry]').textContent()).toBe('222202 · 图片中没有人脸');
    expect(await page.locator('[data-testid=explain-entry]').getAttribute('href')).toBe('/zh-cn/baidu-face/222202/');
    expect(await page.locator('[data-testid=explain-end-user]').textContent()).toBe(entry.end_user_message.zh);

    const fetched = await Promise.all(json);
    const total = fetched.reduce((n, f) => n + f.bytes, 0);
    expect(total).toBeLessThan(400 * 1024);
    expect(fetched.map((f) => f.path).sort()).toEqual(
      ['/api/v1/baidu-face/222202.json', '/explain-index/v1/vendors.json', ...['ailabtools', 'baidu-face', 'g42-image', 'picwish', 'softsugar'].map((v) => `/explain-index/v1/zh/${v}.json`)].sort(),
    );
    // The page's data is fetched once: a second answer fetches only its entry's file.
    json = [];
    await explainText('{"error_code": 222207, "error_msg": "match user is not found"}');
    await expect.poll(() => page.locator('[data-testid=explain-entry]').getAttribute('href')).toBe('/zh-cn/baidu-face/222207/');
    expect((await Promise.all(json)).map((f) => f.path)).toEqual(['/api/v1/baidu-face/222207.json']);
  });

  it('a Python repr: the request id to quote and copy, the message once, the words for the user copyable', async () => {
    await page.goto(`${server.url}/explain/`);
    await explainText(REPR);
    expect((await visibleParts()).slice(0, 3)).toEqual(['verdict', 'entry', 'user']);
    expect(await page.locator('[data-testid=explain-verdict] .starlight-aside__title').textContent()).toBe('Retry after 1 s, up to 4 times');
    expect(await page.locator('[data-testid=explain-entry]').textContent()).toBe("18 · The app's QPS (queries per second) limit was exceeded");
    expect(await page.locator('[data-testid=explain-request-id]').textContent()).toBe('3141592653');
    expect((await result().textContent())!.split('Open api qps request limit reached')).toHaveLength(2);
    await page.locator('[data-part=request] button.kb-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('3141592653');
    await page.locator('[data-part=user] button.kb-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('[data-testid=explain-end-user]').textContent());
  });

  it('a log excerpt: its table by count, entries by code and meaning, each with what to do and its lines', async () => {
    await page.goto(`${server.url}/explain/`);
    await explainText(LOG);
    expect((await visibleParts()).slice(0, 3)).toEqual(['verdict', 'entry', 'log']);
    const rows = await page.locator('[data-testid=explain-log] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => [r[0]!.split(' · ')[0], r[1], r[4], r[5]])).toEqual([
      ['222202', '2', '3', '13'],
      ['-8', '1', '5', '5'],
      ['APIG.0308', '1', '7', '7'],
      ['18', '1', '11', '11'],
      ['89999999', '1', '12', '12'],
    ]);
    expect(rows[0]![2]).toBe('Do not retry: ask the user for another photo, file or input');
    for (const text of await page.locator('[data-explain-result] a').allTextContents()) expect(text).not.toMatch(ID);
    expect(await page.locator('[data-part=others]').isVisible()).toBe(false);
  });

  it('Back brings a short text back from the URL, and a log from the history entry', async () => {
    await page.goto(`${server.url}/zh-cn/explain/`);
    await explainText(TICKET);
    expect(new URL(page.url()).hash).toBe(`#text=${encodeURIComponent(TICKET).replace(/%20/g, '+')}`);
    await page.locator('[data-testid=explain-entry]').click();
    await page.waitForURL(/\/zh-cn\/baidu-face\/222202\/$/);
    await page.goBack();
    await expect.poll(() => page.locator('form[data-kb-explain] textarea[name=body]').inputValue()).toBe(TICKET);
    await expect.poll(() => page.locator('[data-testid=explain-entry]').textContent()).toBe('222202 · 图片中没有人脸');
    // Not only the back/forward cache: a reload renders the answer again from the kept text.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=explain-entry]').textContent()).toBe('222202 · 图片中没有人脸');

    await page.goto(`${server.url}/explain/`);
    const long = `${LOG}\n${'2026-12-07T09:00:14Z INFO  nothing to see here\n'.repeat(60)}`;
    await explainText(long);
    expect(new URL(page.url()).hash).toBe(''); // too long for a link
    await page.locator('[data-testid=explain-log] a').first().click();
    await page.waitForURL(/\/baidu-face\/222202\/$/);
    await page.goBack();
    await expect.poll(() => page.locator('form[data-kb-explain] textarea[name=body]').inputValue()).toBe(long);
    await expect.poll(() => page.locator('[data-testid=explain-log] tbody tr').count()).toBe(5);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=explain-log] tbody tr').count()).toBe(5);
    expect(await page.locator('form[data-kb-explain] textarea[name=body]').inputValue()).toBe(long);
  });

  it('a shared link with a text in its fragment explains it on opening', async () => {
    const link = `${server.url}/explain/#text=${encodeURIComponent(REPR)}&status=429&vendor=baidu-face`;
    const fresh = await context.newPage();
    await fresh.goto(link);
    await expect.poll(() => fresh.locator('[data-testid=explain-entry]').textContent()).toBe("18 · The app's QPS (queries per second) limit was exceeded");
    expect(await fresh.locator('form[data-kb-explain] input[name=status]').inputValue()).toBe('429');
    expect(await fresh.locator('form[data-kb-explain] select[name=vendor]').inputValue()).toBe('baidu-face');
    expect(await fresh.locator('[data-fact=status]').last().textContent()).toBe('429');
    await fresh.close();
  });

  it('nothing recognised: an honest verdict and a search for the words; pasted markup stays text', async () => {
    await page.goto(`${server.url}/explain/`);
    const hostile = 'help <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await explainText(hostile);
    expect(await page.locator('[data-testid=explain-verdict] .starlight-aside__title').textContent()).toBe('Do not retry: contact the vendor');
    const search = page.locator('[data-testid=explain-search]');
    expect(await search.textContent()).toBe(`Search the knowledge base for “${hostile}”`);
    expect(new URL((await search.getAttribute('href'))!, server.url).searchParams.get('q')).toBe(hostile);
    await explainText(JSON.stringify({ error_code: 222202, error_msg: hostile }));
    expect(await page.locator('[data-fact=message]').last().textContent()).toBe(hostile);
    expect(await result().locator('img').count()).toBe(0);
    // The only script in the answer is the page's own (the copy buttons'), none of what was pasted.
    expect(await result().locator('script').evaluateAll((list) => list.map((s) => s.textContent!.includes('__pwned')))).toEqual([false]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The fragment keeps it as text too: reopened from the URL, nothing runs.
    await page.goto(page.url());
    await page.reload();
    await expect.poll(() => page.locator('[data-fact=message]').last().textContent()).toBe(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
