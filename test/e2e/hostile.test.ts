/**
 * Hostile data: test/fixtures/hostile/ puts <script>, <img onerror>, javascript: links, Markdown,
 * template syntax ({{x}}, ${x}, {x}), bidi overrides, a code full of markup and a 20 kB message into
 * every text field. It must pass the validator; one site is built from it into a temporary folder
 * (`astro build`, as `npm run build` does: pages, artifact and search index) and checked as files and in
 * Chromium: no dialog fires, no element or attribute comes from the data, the text appears literally.
 *
 * The browser context bypasses the site's Content-Security-Policy, so what is tested here is the
 * escaping itself, not the policy that would stop an injected script anyway (test/e2e/csp.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';
import { checkLinks, listFiles, tags } from '../support/links.ts';
import { loadKnowledgeBase, validateDataDir } from '../../src/node/data-files.ts';
import { entryPagePath, vendorLabel } from '../../src/core/model.ts';
import { titleMeaning } from '../../src/site/entry-title.ts';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const DATA = join(root, 'test', 'fixtures', 'hostile');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const MD = '**x** [a](javascript:alert(1))';
const TPL = '{{x}} ${x} {x}';
const RLO = '\u202e';

const kb = loadKnowledgeBase(DATA);
const vendor = kb.vendors[0]!;
const entry = (code: string) => vendor.entries.find((e) => e.code === code)!;
const MARKUP_CODE = `'"><svg_onload=alert(1)>`;

let out: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'kb-hostile-'));
  out = join(work, 'dist');
  const env = buildEnv({ KB_DATA_DIR: DATA, KB_OUT_DIR: out });
  const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(join(root, 'node_modules/.bin/astro'), ['build', '--silent']);
  server = await serveDir(out);
  browser = await sharedBrowser({ needsDist: false });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
});

/** Elements, attributes and links that only injected markup could have made. */
async function injected(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'marquee', 'svg_onload', 'iframe', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'script' && (el.textContent ?? '').includes('alert(1)')) found.push('<script>alert(1)');
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`<${tag} ${attr}>`);
      const href = el.getAttribute('href');
      if (href && /^\s*javascript:/i.test(href)) found.push(`<${tag} href=${href}>`);
    }
    // Markup that the data holds as text is never turned into <b>/<i> elements either.
    for (const el of document.querySelectorAll('main b, main i, main strong, main em')) found.push(`<${el.tagName.toLowerCase()}> ${el.textContent}`);
    return found;
  });
}

const mainText = () => page.locator('main').evaluate((m) => m.textContent ?? '');

async function visit(path: string) {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
}

async function expectClean() {
  expect(await injected(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

describe('the hostile data set', () => {
  it('passes the validator', () => {
    const result = validateDataDir(DATA);
    expect(result.problems).toEqual([]);
    expect(vendor.entries).toHaveLength(6);
    expect(entry('LONG_20K').message!.length).toBeGreaterThanOrEqual(20_000);
  });

  it('is escaped in every built page: no tag or on* attribute from the data, no broken link', () => {
    const problems: string[] = [];
    const pages = listFiles(out, '.html');
    for (const file of pages) {
      for (const { name, attrs, text } of tags(readFileSync(join(out, file), 'utf8'))) {
        if (name === 'script' && text?.includes('alert(')) problems.push(`${file}: <script>${text.slice(0, 40)}`);
        if (['img', 'marquee', 'svg_onload', 'b', 'i'].includes(name)) problems.push(`${file}: <${name}>`);
        for (const attr of attrs.keys()) if (attr.startsWith('on')) problems.push(`${file}: <${name} ${attr}>`);
        const href = attrs.get('href');
        if (href && /^\s*javascript:/i.test(href)) problems.push(`${file}: <${name} href="${href}">`);
      }
    }
    expect(pages.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
    const index = JSON.parse(readFileSync(join(out, 'api/v1/index.json'), 'utf8'));
    expect(checkLinks(out, index.site, ['/', '/zh-cn/']).broken).toEqual([]);
  });
});

describe('in Chromium, the hostile text is shown literally and nothing runs', () => {
  it('vendor page (both languages)', async () => {
    await visit('/hostile/');
    const text = await mainText();
    for (const s of [SCRIPT, IMG, MD, TPL, RLO, vendor.vendor.summary.en, vendor.envelope.example_error.body, vendor.envelope.example_success!.body, vendor.vendor.notes[0]!.en]) expect(text).toContain(s);
    expect(await page.locator('h1').textContent()).toBe(`${vendor.vendor.name.en}: ${vendor.vendor.product.en}`);
    // The source and docs URLs are attribute values, exactly as in the data; the javascript: endpoint is text in <code>.
    const external = await page.locator('main a[rel~=external]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(external.slice(0, 2)).toEqual([vendor.vendor.source.url, vendor.vendor.docs[0]!.url]);
    for (const s of [vendor.vendor.source.title, vendor.vendor.source.extra!.en]) expect(text).toContain(s);
    expect(await page.locator('main code', { hasText: 'javascript:alert(1)' }).count()).toBe(1);
    expect(await page.locator('table.kb-entries tbody tr').count()).toBe(6);
    await expectClean();
    await visit('/zh-cn/hostile/');
    expect(await page.locator('h1').textContent()).toBe(`${vendor.vendor.name.zh}：${vendor.vendor.product.zh}`);
    expect(await mainText()).toContain(vendor.vendor.summary.zh);
    await expectClean();
  });

  it('entry pages: markup message, markup code, template and the 20 kB message', async () => {
    const e = entry('XSS_SCRIPT');
    await visit('/hostile/XSS_SCRIPT/');
    // The vendor's short name holds "</title><script>…": the <title> stays one text.
    expect(await page.title()).toBe(`${vendorLabel(vendor.vendor, 'en')} XSS_SCRIPT · ${titleMeaning(e.meaning.en, 'en').text} | Vision API Error Codes`);
    expect(await page.locator('h1').textContent()).toBe(`XSS_SCRIPT · ${titleMeaning(e.meaning.en, 'en').text}`);
    expect(await page.locator('#literal-message').textContent()).toBe(SCRIPT);
    expect(await page.locator('[data-testid=remedy]').textContent()).toBe(e.remedy.en);
    expect(await mainText()).toContain(e.meaning.en);
    expect(await mainText()).toContain(e.notes[0]!.en);
    expect(JSON.parse((await page.locator('#entry-json').textContent())!).message).toBe(SCRIPT);
    await expectClean();

    await visit(entryPagePath({ vendor: 'hostile', kind: 'error', code: MARKUP_CODE }));
    const markup = vendor.entries.find((x) => x.code === MARKUP_CODE)!;
    expect(await page.locator('h1').textContent()).toBe(`${MARKUP_CODE} · ${titleMeaning(markup.meaning.en, 'en').text}`);
    expect(await page.locator('#literal-message').textContent()).toBe(IMG);
    await expectClean();

    await visit('/zh-cn/hostile/TEMPLATE_1/');
    expect(await page.locator('#literal-message').textContent()).toBe(entry('TEMPLATE_1').message);
    expect(await page.locator('[data-testid=remedy]').textContent()).toBe(entry('TEMPLATE_1').remedy.zh);
    await expectClean();

    await visit('/hostile/LONG_20K/');
    expect(await page.locator('#literal-message').textContent()).toBe(entry('LONG_20K').message);
    await expectClean();

    await visit(entryPagePath({ vendor: 'hostile', kind: 'task-state', code: '${x}' }, 'zh'));
    expect(await page.locator('[data-testid=remedy]').textContent()).toBe(entry('${x}').remedy.zh);
    await expectClean();
  });

  it('category page and category index', async () => {
    await visit('/categories/hostile-category/');
    const category = kb.categories.find((c) => c.id === 'hostile-category')!;
    expect(await page.locator('h1').textContent()).toBe(category.name.en);
    const text = await mainText();
    for (const s of [category.description.en, category.advice.en, SCRIPT, IMG]) expect(text).toContain(s);
    await expectClean();
    await visit('/zh-cn/categories/');
    expect(await mainText()).toContain(category.name.zh);
    await expectClean();
  });

  it('the search dialog finds the hostile entry and shows it as text', async () => {
    await visit('/hostile/');
    await page.keyboard.press('/');
    await page.keyboard.type('XSS_SCRIPT');
    await expect.poll(() => page.locator('#site-search-results li').count()).toBeGreaterThan(0);
    const first = page.locator('#site-search-results li').first();
    expect(await first.locator('.kb-hit-code').textContent()).toBe('XSS_SCRIPT');
    expect(await first.locator('.kb-hit-vendor').textContent()).toBe(vendorLabel(vendor.vendor, 'en'));
    expect(await first.locator('.kb-hit-meaning').textContent()).toBe(entry('XSS_SCRIPT').meaning.en);
    await expectClean();
    // A query made of the markup itself.
    await page.locator('#site-search-q').fill('onerror');
    await expect.poll(() => page.locator('#site-search-results li').count()).toBeGreaterThan(0);
    await expectClean();
    await page.locator('#site-search-q').fill(MARKUP_CODE);
    await expect.poll(() => page.locator('#site-search-results .kb-hit-code').first().textContent()).toBe(MARKUP_CODE);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/hostile/${MARKUP_CODE}/`);
    await expectClean();
  });

  it('the explain page with a hostile body, and its example buttons', async () => {
    await visit('/explain/');
    const body = JSON.stringify({ code: 'XSS_SCRIPT', msg: `${SCRIPT}${IMG}` });
    await page.locator('form[data-kb-explain] textarea[name=body]').fill(body);
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=explain-entry]').textContent()).toMatch(/^XSS_SCRIPT · /);
    const result = await page.locator('[data-explain-result]').textContent();
    expect(result).toContain(`${SCRIPT}${IMG}`);
    expect(result).toContain(entry('XSS_SCRIPT').remedy.en);
    await expectClean();
    await page.locator('form[data-kb-explain] textarea[name=body]').fill(JSON.stringify({ code: MARKUP_CODE, msg: IMG }));
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(async () => (await page.locator('[data-testid=explain-entry]').textContent())?.startsWith(`${MARKUP_CODE} · `)).toBe(true);
    expect(decodeURIComponent(new URL((await page.locator('[data-testid=explain-entry]').getAttribute('href'))!, server.url).pathname)).toBe(`/hostile/${MARKUP_CODE}/`);
    await expectClean();
    for (const button of await page.locator('.kb-explain-example').all()) {
      await button.click();
      await expect.poll(() => page.locator('textarea[name=body]').inputValue()).toBe(await button.getAttribute('data-body'));
      await expect.poll(() => page.locator('[data-explain-result]').isVisible()).toBe(true);
      await expectClean();
    }
    expect(await page.locator('textarea[name=body]').inputValue()).toBe(vendor.envelope.example_success!.body);
  });
});
