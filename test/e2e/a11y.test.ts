/**
 * Accessibility: axe-core (every rule of its default set, WCAG 2.x A/AA and best practices) on every
 * page type of the built site in English, a sample of them in Chinese (every type with KB_A11Y_ALL=1),
 * both colour themes, including what is folded (entry pages and the retry guide with every fold open)
 * and the states that only exist after JavaScript ran (search results, the search dialog, an explained
 * body, the 404 page's search); then the keyboard-only paths through search and the vendor table filters.
 *
 * No axe rule is disabled: every rule runs in the light theme; in the dark theme, on the same DOM, the
 * rules that read colours run again (COLOUR_RULES). (axe 4.x no longer runs its duplicate-id rules by default, so ids used twice
 * are checked separately, here in the live DOM and in test/links.test.ts for every built page.)
 * `npm test` builds dist/ first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';
import { AXE_FILES, axeViolations, COLOUR_RULES, duplicateIds } from '../support/axe.ts';
import { Tab } from '../support/tab.ts';

let server: StaticServer;
let browser: Browser;
let desktop: Tab;
let phone: Tab;

beforeAll(async () => {
  server = await serveDir(DIST, {}, { extra: AXE_FILES });
  browser = await sharedBrowser();
  // bypassCSP: axe is loaded from the test server (support/axe.ts), and a change to the site's policy must not silently stop it.
  desktop = new Tab(await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', bypassCSP: true }), server.url);
  phone = new Tab(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true }), server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What to do on the page after it loaded, before axe runs. */
type Setup = (page: Page) => Promise<void>;

const searchResults = (id: string): Setup => async (page) => {
  await expect.poll(() => page.locator(`#${id}-results li`).count()).toBeGreaterThan(0);
};
/** Every fold of the page's main part open: what is folded is checked too (axe skips hidden content). */
const openFolds: Setup = async (page) => {
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
};

/**
 * `zh`: also checked in Chinese in `npm test`. Every page type shares its components across the two
 * languages; the Chinese sample covers each component once (the home page, a vendor table, an entry,
 * the search dialog, Explain's answer, the 404 page; a task state's folds). KB_A11Y_ALL=1 checks every type in both
 * (`KB_A11Y_ALL=1 npx vitest run --project build test/e2e/a11y.test.ts`, about twice as long).
 */
const PAGE_TYPES: { name: string; path: string; setup?: Setup; zh?: true }[] = [
  { name: 'home', zh: true, path: '/' },
  { name: 'vendor page', zh: true, path: '/baidu-face/' },
  { name: 'entry: error code, folds open', zh: true, path: '/baidu-face/222202/', setup: openFolds },
  { name: 'entry: HTTP status, folds open', path: '/g42-image/http/429/', setup: openFolds },
  { name: 'entry: task state, folds open', zh: true, path: '/picwish/state/-8/', setup: openFolds },
  { name: 'category page', path: '/categories/no-face/' },
  { name: 'category index', path: '/categories/' },
  { name: 'guide: reading responses', path: '/guides/reading-responses/' },
  { name: 'guide: retry strategy, folds open', path: '/guides/retry-strategy/', setup: openFolds },
  { name: 'guide: JSON artifact', path: '/guides/json-api/' },
  { name: 'guide: adding a vendor', path: '/guides/adding-a-vendor/' },
  { name: 'search page with results', path: '/search/?q=face', setup: searchResults('page-search') },
  {
    name: 'search dialog open with results',
    zh: true,
    path: '/picwish/',
    setup: async (page) => {
      await page.locator('button[data-open-search]').click();
      await page.keyboard.type('429');
      await searchResults('site-search')(page);
      await page.keyboard.press('ArrowDown');
    },
  },
  {
    name: 'explain page with a result',
    zh: true,
    path: '/explain/',
    setup: async (page) => {
      await page.locator('form[data-kb-explain] textarea[name=body]').fill('{"error_code": 222202, "error_msg": "pic not has face", "log_id": 1}');
      await page.locator('form[data-kb-explain] button[type=submit]').click();
      await expect.poll(() => page.locator('[data-explain-result]').isVisible()).toBe(true);
    },
  },
  {
    name: 'explain page with a log (its table)',
    path: '/explain/',
    setup: async (page) => {
      await page.locator('.kb-explain-example').nth(1).click();
      await expect.poll(() => page.locator('[data-testid=explain-log] tbody tr').count()).toBeGreaterThan(1);
    },
  },
  { name: '404 page, with its search for the mistyped code', zh: true, path: '/baidu-face/22220/', setup: searchResults('not-found-search') },
];

const ALL = process.env.KB_A11Y_ALL === '1';
const LANGS = [
  { lang: 'en', prefix: '' },
  { lang: 'zh', prefix: '/zh-cn' },
] as const;

describe('axe-core finds no violation, in the light and the dark theme', () => {
  for (const { lang, prefix } of LANGS) {
    describe(lang, () => {
      for (const { name, path, setup, zh } of PAGE_TYPES) {
        if (lang === 'zh' && !zh && !ALL) continue;
        const url = `${prefix}${path}`;
        it(`${name} (${url})`, async () => {
          const { page, status } = await desktop.visit(url);
          expect(status).toBe(name.startsWith('404 page') ? 404 : 200);
          await setup?.(page);
          expect(await duplicateIds(page), 'ids used twice').toEqual([]);
          // Starlight's default theme is 'auto': it follows prefers-color-scheme, also when it
          // changes, so the same page state is checked in both themes without reloading: every
          // rule in the light theme, then the rules that read colours in the dark one.
          for (const theme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: theme });
            await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
            expect(await axeViolations(page, theme === 'dark' ? COLOUR_RULES : undefined), `${theme} theme`).toEqual([]);
          }
        });
      }
    });
  }
});

describe('axe-core finds no violation on a phone (390 px: entry tables as cards, full-screen search)', () => {
  // The vendor tables as cards: G42's has every column but the task outcome (HTTP status and message
  // beside the code), PicWish's the outcome; between them every kind of cell, in 143 rows where
  // SoftSugar's, checked before, had 308 and neither column (axe's time grows with the rows).
  const PHONE_PAGES = ['/', '/g42-image/', '/picwish/state/-8/', '/categories/no-face/', '/guides/retry-strategy/', 'search dialog'];
  // In Chinese: the table as cards and the full-screen search (every page with KB_A11Y_ALL=1).
  const PHONE_PAGES_ZH = ['/picwish/', 'search dialog'];
  for (const { lang, prefix } of LANGS) {
    for (const path of lang === 'zh' && !ALL ? PHONE_PAGES_ZH : PHONE_PAGES) {
      const url = path === 'search dialog' ? `${prefix}/baidu-face/` : `${prefix}${path}`;
      it(`${path === 'search dialog' ? 'search dialog open with results' : url} at 390 px`, async () => {
        const page = await phone.open(url);
        if (path === 'search dialog') {
          await page.locator('button[data-open-search]').click();
          await page.keyboard.type('face');
          await expect.poll(() => page.locator('#site-search-results li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
        }
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await expect.poll(() => page.locator('html').getAttribute('data-theme'), { timeout: 10_000 }).toBe(theme);
          expect(await axeViolations(page, theme === 'dark' ? COLOUR_RULES : undefined), `${theme} theme`).toEqual([]);
        }
      });
    }
  }
});

describe('keyboard only', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  /** Presses Tab until the focused element matches `selector` (at most `limit` times). */
  async function tabTo(selector: string, limit = 60): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('Tab to the search button, open it, type, ArrowDown, Enter lands on the chosen entry', async () => {
    await page.goto(`${server.url}/`);
    const presses = await tabTo('button[data-open-search]');
    expect(presses).toBeLessThan(10); // right after the skip link and the site title
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('modelarts 4204');
    await expect.poll(() => page.locator('#site-search-results li').first().textContent()).toContain('ModelArts.4204');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#site-search-results a[aria-selected=true]').getAttribute('href');
    expect(chosen).toBe('/g42-image/ModelArts.4204/');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === chosen);
  });

  it('Escape closes the dialog and focus returns to the search button', async () => {
    await page.goto(`${server.url}/`);
    await tabTo('button[data-open-search]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('button[data-open-search]'))).toBe(true);
  });

  it('Tab through the vendor table filters and narrow the rows without a mouse', async () => {
    const visibleRows = () => page.locator('table.kb-entries tbody tr:visible').count();
    await page.goto(`${server.url}/g42-image/`);
    expect(await visibleRows()).toBe(73);
    await tabTo('form[data-kb-filters] input[name=q]');
    await page.keyboard.type('modelarts.42');
    await expect.poll(visibleRows).toBe(4);
    // Clear the text with the keyboard, then go on to the selects.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect.poll(visibleRows).toBe(73);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('category');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('http');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('retryable');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('kind');
    // A focused closed <select> changes its value with the arrow keys (no popup, no mouse).
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('form[data-kb-filters] select[name=kind]').inputValue()).toBe('error');
    await expect.poll(visibleRows).toBe(31);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('form[data-kb-filters] select[name=kind]').inputValue()).toBe('http-status');
    await expect.poll(visibleRows).toBe(42);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('http');
    await page.keyboard.press('End');
    const last = await page.locator('form[data-kb-filters] select[name=http]').inputValue();
    expect(last).not.toBe('');
    await expect.poll(visibleRows).toBe(1);
    expect(await page.locator(`table.kb-entries tbody tr:visible`).getAttribute('data-http')).toBe(last);
    // The reset button is reachable too, and Enter on it brings every row back.
    await tabTo('form[data-kb-filters] button[type=reset]', 5);
    await page.keyboard.press('Enter');
    await expect.poll(visibleRows).toBe(73);
    expect(await page.locator('form[data-kb-filters] output').textContent()).toContain('73 / 73');
  });
});
