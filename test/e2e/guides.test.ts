/**
 * End-to-end: the guides (/guides/<slug>/ and /zh-cn/guides/<slug>/) in the built site, driven in
 * Debian's Chromium. The data-driven guides are checked against the built artifact (dist/api/v1/),
 * so a guide that drifts from the data fails here. `npm test` builds dist/ first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';
import { GUIDES } from '../../src/site/guides.ts';
import type { ArtifactEntry } from '../../src/core/artifact.ts';
import { translate as t } from '../../src/core/i18n.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

interface IndexFile {
  site: string;
  artifact_version: string;
  categories: { id: string; retryable_default: boolean }[];
  vendors: {
    id: string;
    envelope: { success_test: { en: string; zh: string }; code_field: string; message_field: string | null; example_error: { origin: string; body: string } };
  }[];
  entries: ArtifactEntry[];
}
const index: IndexFile = JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8'));

/** The entry named by the first vendor's documented error example that is JSON (what the JS example demonstrates). */
function documentedExample(): ArtifactEntry {
  for (const v of index.vendors) {
    let body: unknown;
    try {
      body = JSON.parse(v.envelope.example_error.body);
    } catch {
      continue;
    }
    const code = v.envelope.code_field.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), body);
    const entry = index.entries.find((e) => e.vendor === v.id && e.kind !== 'http-status' && e.code === String(code));
    if (entry) return entry;
  }
  throw new Error('no vendor has a documented JSON error example that names one of its entries');
}

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LANGS = [
  { lang: 'en', prefix: '', htmlLang: 'en' },
  { lang: 'zh', prefix: '/zh-cn', htmlLang: 'zh-CN' },
] as const;
const path = () => decodeURIComponent(new URL(page.url()).pathname);
const open = async (url: string) => {
  const response = await page.goto(`${server.url}${url}`);
  expect(response?.status(), url).toBe(200);
};

describe('every guide', () => {
  it('answers 200 in both languages, with its title as heading and as the current sidebar link; the data-driven guides are Markdown pages with their generated tables in them, and the same heading ids in both languages', async () => {
    expect(GUIDES.map((g) => g.slug)).toEqual(['reading-responses', 'retry-strategy', 'json-api', 'adding-a-vendor']);
    const ids: Record<string, string[]> = { 'reading-responses': ['envelopes', 'policies', 'examples'], 'retry-strategy': ['by-action', 'by-category', 'exceptions', 'vendor-advice', 'contradictions', 'recipe', 'polling'], 'json-api': ['files', 'header', 'fields', 'stability', 'examples', 'curl', 'javascript', 'command-line'] };
    for (const { lang, prefix, htmlLang } of LANGS) {
      for (const guide of GUIDES) {
        const url = `${prefix}/guides/${guide.slug}/`;
        await open(url);
        expect(await page.locator('html').getAttribute('lang')).toBe(htmlLang);
        expect((await page.locator('main h1').first().textContent())?.trim(), url).toBe(guide.title[lang]);
        const current = page.locator('#starlight__sidebar a[aria-current="page"]');
        expect(await current.count(), url).toBe(1);
        expect((await current.textContent())?.trim()).toBe(guide.title[lang]);
        expect(await current.getAttribute('href')).toBe(url);
        const headings = ids[guide.slug];
        if (!headings) continue;
        // Starlight wraps a Markdown heading with its anchor link: these headings are the MDX's, not a component's.
        expect(await page.locator('.sl-markdown-content .sl-heading-wrapper > :is(h2, h3)').evaluateAll((hs) => hs.map((h) => h.id)), url).toEqual(headings);
        for (const id of headings) expect(await page.locator(`a.sl-anchor-link[href="#${id}"]`).count(), `${url}#${id}`).toBe(1);
        // Starlight's table of contents links the same ids (the retry guide lists them above its content instead).
        if (guide.slug === 'json-api') expect(await page.locator('starlight-toc a[href="#command-line"]').count()).toBe(1);
        if (guide.slug === 'retry-strategy') {
          expect(await page.locator('starlight-toc').count()).toBe(0);
          expect(await page.locator('nav.kb-page-index a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(headings.map((id) => `#${id}`));
        }
      }
    }
    expect(readFileSync(join(DIST, 'guides/reading-responses/index.html'), 'utf8')).toContain('id="envelope-table"');
  });

  it('is listed in the sidebar of other pages', async () => {
    for (const { lang, prefix } of LANGS) {
      await open(`${prefix}/picwish/`);
      for (const guide of GUIDES) {
        const link = page.locator(`#starlight__sidebar a[href="${prefix}/guides/${guide.slug}/"]`);
        expect((await link.textContent())?.trim()).toBe(guide.title[lang]);
      }
    }
  });

  it('the language switcher keeps the reader on the same guide', async () => {
    for (const guide of GUIDES) {
      await open(`/guides/${guide.slug}/`);
      await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
      await page.waitForURL(/\/zh-cn\//);
      expect(path()).toBe(`/zh-cn/guides/${guide.slug}/`);
      await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
      await page.waitForURL((url) => !url.pathname.startsWith('/zh-cn/'));
      expect(path()).toBe(`/guides/${guide.slug}/`);
    }
  });
});

describe('reading error responses', () => {
  const expectedCodeFields = {
    ailabtools: 'error_detail.code',
    'baidu-face': 'error_code',
    'g42-image': 'error_code',
    picwish: 'data.state',
    softsugar: 'code',
  };

  it('compares every vendor envelope in one table, linked to the vendor page', async () => {
    for (const { lang, prefix } of LANGS) {
      await open(`${prefix}/guides/reading-responses/`);
      const rows = page.locator('#envelope-table tbody[data-vendor]');
      expect(await rows.count()).toBe(index.vendors.length); // 5 today; test/validate.test.ts pins the list
      const codeFields: Record<string, string> = {};
      for (const vendor of index.vendors) {
        const row = page.locator(`#envelope-table tbody[data-vendor="${vendor.id}"]`);
        codeFields[vendor.id] = (await row.locator('td[data-field=code]').textContent()) ?? '';
        expect(await row.locator('td[data-field=message]').textContent()).toBe(vendor.envelope.message_field ?? '—');
        expect(await row.locator('th a').getAttribute('href')).toBe(`${prefix}/${vendor.id}/#reading`);
        expect(await row.locator('td[data-field=success]').textContent()).toContain(vendor.envelope.success_test[lang]);
      }
      expect(codeFields).toEqual(Object.fromEntries(index.vendors.map((v) => [v.id, v.envelope.code_field])));
      expect(codeFields).toMatchObject(expectedCodeFields);
    }
  });

  it('shows each vendor example error body verbatim, marked source or constructed', async () => {
    for (const { lang, prefix } of LANGS) {
      await open(`${prefix}/guides/reading-responses/`);
      for (const vendor of index.vendors) {
        const section = page.locator(`section[data-example="${vendor.id}"]`);
        // Expressive Code renders one element per line: the lines, joined, are the body.
        expect((await section.locator('pre .ec-line').allTextContents()).join('\n')).toBe(vendor.envelope.example_error.body.replace(/\n$/, ''));
        expect(await section.getAttribute('data-origin')).toBe(vendor.envelope.example_error.origin);
        const mark = vendor.envelope.example_error.origin === 'source' ? 'vendor.fromSource' : 'vendor.constructed';
        expect(await section.locator('.sl-badge').textContent()).toBe(t(lang, mark));
      }
    }
  });

  it('the reading link lands on the vendor page section', async () => {
    await open('/guides/reading-responses/');
    await page.locator('#envelope-table tbody[data-vendor=picwish] th a').click();
    await page.waitForURL(/\/picwish\//);
    expect(path()).toBe('/picwish/');
    expect(new URL(page.url()).hash).toBe('#reading');
    expect(await page.locator('#reading').count()).toBe(1);
  });
});

describe('retry strategy', () => {
  const category = new Map(index.categories.map((c) => [c.id, c]));
  const contradictions = index.entries.filter((e) => e.notes.some((n) => n.kind === 'contradiction'));

  it('counts retryable and non-retryable entries per category as the data does', async () => {
    await open('/guides/retry-strategy/');
    for (const c of index.categories) {
      const entries = index.entries.filter((e) => e.category === c.id);
      const row = page.locator(`#retry-by-category tr[data-category="${c.id}"]`);
      if (entries.length === 0) {
        expect(await row.count()).toBe(0);
        continue;
      }
      expect(await row.getAttribute('data-retryable'), c.id).toBe(String(entries.filter((e) => e.retryable).length));
      expect(await row.getAttribute('data-not-retryable'), c.id).toBe(String(entries.filter((e) => !e.retryable).length));
    }
  });

  it('lists, linked, every entry that differs from its category default and every vendor-stated one', async () => {
    for (const { prefix } of LANGS) {
      await open(`${prefix}/guides/retry-strategy/`);
      const exceptions = index.entries.filter((e) => e.retryable !== category.get(e.category)!.retryable_default);
      expect(exceptions.length).toBeGreaterThan(0);
      expect(await page.locator('section[data-exceptions] tbody tr').count()).toBe(exceptions.length);
      for (const e of exceptions) {
        const href = new URL(prefix === '' ? e.url : e.url_zh).pathname;
        expect(await page.locator(`section[data-exceptions="${e.category}"] a[href="${href}"]`).count(), e.id).toBe(1);
      }
      const vendorStated = index.entries.filter((e) => e.retryable_source === 'vendor');
      expect(await page.locator('#vendor-advice-table tbody tr').count()).toBe(vendorStated.length);
    }
  });

  it('lists every contradiction, e.g. G42 HTTP 503, linked to its page', async () => {
    expect(contradictions.map((e) => e.id)).toContain('g42-image/http/503');
    for (const { prefix } of LANGS) {
      await open(`${prefix}/guides/retry-strategy/`);
      const rows = page.locator('#contradiction-table tbody tr');
      expect(await rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-ref')))])).toEqual(contradictions.map((e) => e.id));
      const row = page.locator('#contradiction-table tr[data-ref="g42-image/http/503"]');
      expect(await row.locator(`a[href="${prefix}/g42-image/http/503/"]`).count()).toBe(1);
      const note = index.entries.find((e) => e.id === 'g42-image/http/503')!.notes.find((n) => n.kind === 'contradiction')!;
      expect(await row.locator('td').last().textContent()).toBe(prefix === '' ? note.en : note.zh);
    }
    await page.locator('#contradiction-table a[href="/zh-cn/g42-image/http/503/"]').click();
    expect(path()).toBe('/zh-cn/g42-image/http/503/');
  });

  it('has the backoff recipe and the pending task states in both languages', async () => {
    for (const { prefix } of LANGS) {
      await open(`${prefix}/guides/retry-strategy/`);
      const recipe = (await page.locator('.sl-heading-wrapper:has(> #recipe) ~ ol').first().textContent()) ?? '';
      for (const word of ['Retry-After', '30', '5']) expect(recipe).toContain(word);
      expect(await page.locator('#retry-code').textContent()).toContain('max_attempts: 5');
      const pending = index.entries.filter((e) => e.task_outcome === 'pending');
      expect(await page.locator('#pending-states li').count()).toBe(pending.length);
    }
  });
});

/** The text of an Expressive Code block, as its copy button holds it (lines joined by U+007F). */
const codeOf = async (selector: string) => ((await page.locator(`${selector} .copy button`).getAttribute('data-code')) ?? '').replace(/\u007f/g, '\n');

describe('using the JSON artifact', () => {
  // One with every optional field (keywords are absent from entries that have none).
  const entry = index.entries.find((e) => e.keywords)!;

  it('lists every top-level field of an entry and of the file header, each with a meaning', async () => {
    for (const { lang, prefix } of LANGS) {
      await open(`${prefix}/guides/json-api/`);
      const fields = await page.locator('#entry-fields tr[data-depth="0"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')));
      expect(fields).toEqual(Object.keys(entry));
      for (const nested of ['meaning.vendor_text', 'remedy.en', 'notes[].kind']) {
        expect(await page.locator(`#entry-fields tr[data-field="${nested}"]`).count(), nested).toBe(1);
      }
      const meanings = await page.locator('#entry-fields tbody tr td:last-child').allTextContents();
      for (const [i, text] of meanings.entries()) {
        expect(text.trim().length, `field ${i}`).toBeGreaterThan(3);
        if (lang === 'zh') expect(text, `field ${i} has Chinese text`).toMatch(/[\u4e00-\u9fff]/);
      }
      const header = await page.locator('#header-fields tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')));
      expect(header).toEqual(['artifact_version', 'data_version', 'site']);
    }
  });

  it('shows an entry file like the published one and links every file that exists', async () => {
    await open('/guides/json-api/');
    const shown = JSON.parse(await codeOf('#example-file'));
    const published = JSON.parse(readFileSync(join(DIST, 'api/v1', `${shown.entry.id}.json`), 'utf8'));
    expect(shown).toEqual(published);
    expect(Object.keys(shown)).toEqual(Object.keys(published));
    for (const href of await page.locator('#api-files a, #api-paths a[href^="/api/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const response = await fetch(server.url + href);
      expect(response.status, href).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('states the stability rules and leaves a Command line section for the CLI', async () => {
    await open('/guides/json-api/');
    const rules = (await page.locator('#stability-rules').textContent()) ?? '';
    for (const word of ['/api/v2/', 'artifact_version', 'data_version']) expect(rules).toContain(word);
    expect(await page.locator('h2#command-line').textContent()).toBe('Command line');
    expect(await page.locator('#cli p').textContent()).toContain('README');
    expect(await codeOf('#example-curl')).toContain('| jq ');
  });

  it('the JavaScript example maps a vendor error body to its page', async () => {
    for (const { prefix } of LANGS) {
      await open(`${prefix}/guides/json-api/`);
      const pre = page.locator('#example-js');
      const api = (await pre.getAttribute('data-api'))!;
      const expected = (await pre.getAttribute('data-expected'))!;
      expect(expected).toBe(prefix ? documentedExample().url_zh : documentedExample().url);
      const code = (await codeOf('#example-js')).replace(`const API = '${api}'`, `const API = '${server.url}/api/v1/'`);
      const logged = await page.evaluate(async (source) => {
        const lines: string[] = [];
        const original = console.log;
        console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
        try {
          const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<void>;
          await new AsyncFunction(source)();
        } finally {
          console.log = original;
        }
        return lines;
      }, code);
      expect(logged).toEqual([expected]);
    }
  });
});

describe('adding a vendor', () => {
  it('gives the steps, the schema line and an example of the validator output in both languages', async () => {
    for (const { prefix } of LANGS) {
      await open(`${prefix}/guides/adding-a-vendor/`);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const needle of [
        'cp data/vendors/picwish.yaml',
        '# yaml-language-server: $schema=../schema/vendor.schema.json',
        'npm run validate',
        'data/vendors/acme-vision.yaml:25:15 entries[0].category: unknown category "file-to-large"',
        'test/sources.test.ts',
        'vendor_text',
        'vendor_remedy',
        'equivalence-groups.yaml',
        'example_bodies',
      ]) {
        expect(text, needle).toContain(needle);
      }
    }
  });
});
