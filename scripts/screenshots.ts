/**
 * npm run screenshots [-- out-dir]: full-page PNGs of every page type of the built site (dist/), in
 * English and Chinese, at 1280 px and 390 px, light and dark, so that anyone can look before a
 * release. Default folder: bench/out/screenshots/ (ignored by git). Needs `npm run build` first.
 *
 * Names: <lang>-<page>-<width>-<theme>.png, e.g. zh-vendor-390-dark.png. States that exist only
 * after JavaScript ran (search dialog with results, an explained body) are shot too.
 *
 * `--sweep`: no screenshots; every page of the sitemap (and the 404 pages) opened at 390 px, and the
 * ones wider than the screen listed with the elements that stick out. The test suite samples pages
 * (test/e2e/answer-first.test.ts); this is the full sweep, for before a release.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, launchBrowser } from '../test/support/browser.ts';
import { serveDir } from '../test/support/static-server.ts';

type Setup = (page: Page) => Promise<void>;

const openSearch = (query: string): Setup => async (page) => {
  await page.locator('button[data-open-search]').click();
  await page.keyboard.type(query);
  await page.locator('#site-search-results li').first().waitFor({ timeout: 10_000 });
};

/** The Explain page after explaining a text (the answer scrolled into view), or one of its examples (a ticket, a log). */
const explained = async (page: Page) => {
  await page.locator('[data-explain-result]').waitFor({ state: 'visible' });
  await page.waitForTimeout(600); // the smooth scroll to the answer
};
const explainText = (text: string): Setup => async (page) => {
  await page.locator('form[data-kb-explain] textarea[name=body]').fill(text);
  await page.locator('form[data-kb-explain] button[type=submit]').click();
  await explained(page);
};
const explainExample = (n: number): Setup => async (page) => {
  await page.locator('.kb-explain-example').nth(n).click();
  await explained(page);
  await page.evaluate(() => scrollTo(0, 0)); // a full page, shot from its top
};

const PAGES: { name: string; path: string; setup?: Setup; fullPage?: boolean }[] = [
  { name: 'home', path: '/' },
  { name: 'vendor', path: '/baidu-face/' },
  { name: 'vendor-long', path: '/softsugar/' },
  { name: 'entry-error', path: '/baidu-face/222202/' },
  { name: 'entry-long-code', path: '/ailabtools/ERROR_QUALITY_SCORE_NOT_MEET_REQUIREMENTS/' },
  { name: 'entry-wait', path: '/baidu-face/17/' },
  { name: 'entry-http', path: '/g42-image/http/429/' },
  { name: 'entry-state', path: '/picwish/state/-8/' },
  { name: 'category', path: '/categories/no-face/' },
  { name: 'categories', path: '/categories/' },
  { name: 'guide-reading', path: '/guides/reading-responses/' },
  { name: 'guide-retry', path: '/guides/retry-strategy/' },
  { name: 'guide-json', path: '/guides/json-api/' },
  { name: 'guide-adding', path: '/guides/adding-a-vendor/' },
  { name: 'changelog', path: '/changelog/' },
  // Every result of the page drawn (data-ready), not only the first, which comes ahead of the rest.
  { name: 'search', path: '/search/?q=face', setup: async (page) => void (await page.locator('#page-search[data-ready]').waitFor({ timeout: 10_000 })) },
  { name: 'search-dialog', path: '/picwish/', setup: openSearch('face'), fullPage: false },
  { name: 'explain', path: '/explain/', fullPage: false, setup: explainText('{"error_code": 222202, "error_msg": "pic not has face", "log_id": 1}') },
  { name: 'explain-ticket', path: '/explain/', setup: explainExample(0) },
  { name: 'explain-log', path: '/explain/', setup: explainExample(1) },
  { name: '404', path: '/baidu-face/22220/', setup: async (page) => void (await page.locator('#not-found-search-results li').first().waitFor({ timeout: 10_000 })) },
];
const LANGS = [{ lang: 'en', prefix: '' }, { lang: 'zh', prefix: '/zh-cn' }] as const;
const WIDTHS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }] as const;
const THEMES = ['light', 'dark'] as const;
// Full pages of thousands of pixels make huge files: cap the height (the top is what matters most).
const MAX_HEIGHT = 6000;

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const outDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '..', 'bench', 'out', 'screenshots'));
mkdirSync(outDir, { recursive: true });

const server = await serveDir(DIST);
const browser = await launchBrowser();
let count = 0;
if (args.includes('--sweep')) {
  await sweep();
  process.exit(0);
}
try {
  for (const viewport of WIDTHS) {
    for (const theme of THEMES) {
      const context = await browser.newContext({ viewport, colorScheme: theme, deviceScaleFactor: 1, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
      for (const { lang, prefix } of LANGS) {
        for (const { name, path, setup, fullPage = true } of PAGES) {
          if (only && !only.includes(name)) continue;
          const page = await context.newPage();
          await page.goto(`${server.url}${prefix}${path}`, { waitUntil: 'load' });
          await setup?.(page);
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const file = join(outDir, `${lang}-${name}-${viewport.width}-${theme}.png`);
          await page.screenshot({
            path: file,
            fullPage,
            ...(fullPage && height > MAX_HEIGHT ? { clip: { x: 0, y: 0, width: viewport.width, height: MAX_HEIGHT } } : {}),
            animations: 'disabled',
          });
          count++;
          await page.close();
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in ${outDir}`);

/** Every page of the sitemap, and the 404 pages, at 390 px: the ones wider than the screen. */
async function sweep(): Promise<void> {
  const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).concat(['/no-such-page/', '/zh-cn/no-such-page/']);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const wide: string[] = [];
  try {
    for (const path of paths) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      const found = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        out: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('dialog:not([open])')).slice(-3).map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`),
      }));
      if (found.width > 390) wide.push(`${path}: ${found.width} px (${found.out.join(' ')})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${paths.length} pages at 390 px, ${wide.length} wider than the screen${wide.length ? ':' : '.'}`);
  for (const line of wide) console.log(`  ${line}`);
  if (wide.length) process.exitCode = 1;
}
