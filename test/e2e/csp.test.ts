/**
 * Content-Security-Policy (astro.config.mjs `security.csp`): every page carries a policy whose
 * script-src has no 'unsafe-inline' and hashes every inline script; injected inline script is
 * refused; and the site's own features all work under it without a single violation: home search,
 * the search dialog, the table filters, copy buttons (ours and Expressive Code's), the theme and
 * language selects, the mobile menu and the explain page. `npm test` builds dist/ first.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { sharedBrowser } from '../support/shared-browser.ts';
import { serveDir, type StaticServer } from '../support/static-server.ts';
import { listFiles, tags } from '../support/links.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
/** Every CSP violation and page error seen by the browser, from the console and from events. */
const violations: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await sharedBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await context.exposeBinding('__cspViolation', ({ page }, text: string) => violations.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const policyOf = (html: string) => html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i)?.[1];
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)]));

describe('the policy in the built pages', () => {
  it('every page has one, without unsafe-inline or unsafe-eval for scripts, and hashes each inline script', () => {
    const problems: string[] = [];
    const files = listFiles(DIST, '.html');
    for (const file of files) {
      const html = readFileSync(join(DIST, file), 'utf8');
      const policy = policyOf(html);
      if (!policy || html.match(/http-equiv="content-security-policy"/gi)!.length !== 1) {
        problems.push(`${file}: ${policy ? 'more than one policy' : 'no policy'}`);
        continue;
      }
      const d = directives(policy);
      const scriptSrc = d.get('script-src') ?? [];
      if (scriptSrc.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === '*' || s === 'data:')) problems.push(`${file}: script-src ${scriptSrc.join(' ')}`);
      if (d.has('script-src-elem') || d.has('script-src-attr')) problems.push(`${file}: script-src-elem/attr widen script-src`);
      if (d.get('object-src')?.join(' ') !== "'none'") problems.push(`${file}: object-src is not 'none'`);
      if (d.get('base-uri')?.join(' ') !== "'self'") problems.push(`${file}: base-uri is not 'self'`);
      for (const { name, attrs, text } of tags(html)) {
        if (name === 'script' && !attrs.has('src')) {
          const hash = `'sha256-${createHash('sha256').update(text ?? '').digest('base64')}'`;
          if (!scriptSrc.includes(hash)) problems.push(`${file}: inline script not hashed: ${text?.slice(0, 60)}`);
        }
        // No inline event handler attributes at all (they would need 'unsafe-hashes').
        for (const attr of attrs.keys()) if (attr.startsWith('on')) problems.push(`${file}: <${name} ${attr}>`);
      }
    }
    expect(files.length).toBeGreaterThan(1200);
    expect(problems).toEqual([]);
  });
});

describe('in Chromium, under the policy', () => {
  it('an injected inline script and an injected on* handler are refused', async () => {
    await page.goto(`${server.url}/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 1';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = 2');
      img.src = '/no-such-image.png';
      document.body.append(img);
    });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(violations.join('\n')).toMatch(/script-src/);
    violations.length = 0; // expected ones; from here on, none may occur
  });

  it('home, home search and the search dialog work', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#home-search-q').fill('222202');
    await expect.poll(() => page.locator('#home-search-results li').first().textContent()).toContain('222202');
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.locator('dialog.kb-search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.type('modelarts 4204');
    await expect.poll(() => page.locator('#site-search-results li').first().textContent()).toContain('ModelArts.4204');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/g42-image\/ModelArts\.4204\/$/);
  });

  it('the /search/ page with filters from the URL', async () => {
    await page.goto(`${server.url}/search/?q=429&vendor=picwish`);
    await expect.poll(() => page.locator('#page-search-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('#page-search-results a').first().getAttribute('href')).toMatch(/^\/picwish\//);
  });

  it('the vendor table filters', async () => {
    await page.goto(`${server.url}/g42-image/`);
    const rows = () => page.locator('table.kb-entries tbody tr:visible').count();
    expect(await rows()).toBe(73);
    await page.locator('form[data-kb-filters] select[name=kind]').selectOption('http-status');
    await expect.poll(rows).toBe(42);
    await page.locator('form[data-kb-filters] input[name=q]').fill('too many');
    await expect.poll(rows).toBe(1);
  });

  it('copy buttons: the literal message, the entry JSON and a code block in a guide', async () => {
    await page.goto(`${server.url}/baidu-face/222202/`);
    await page.locator('#literal-message + button.kb-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('pic not has face');
    await page.locator('details.kb-json summary').click();
    await page.locator('#entry-json + button.kb-copy').click();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).id).toBe('baidu-face/222202');
    await page.goto(`${server.url}/guides/adding-a-vendor/`);
    const copy = page.locator('.expressive-code .copy button').first();
    const code = await copy.getAttribute('data-code');
    await copy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code!.replace(/\u007f/g, '\n'));
  });

  it('the theme select and the language select', async () => {
    await page.goto(`${server.url}/baidu-face/222202/`);
    await page.locator('starlight-theme-select select').first().selectOption('light');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
    await page.waitForURL(/\/zh-cn\/baidu-face\/222202\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('the mobile menu', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      await page.goto(`${server.url}/categories/`);
      expect(await page.locator('#starlight__sidebar a[href="/explain/"]').isVisible()).toBe(false);
      await page.locator('button.sl-menu-button').click();
      await expect.poll(() => page.locator('#starlight__sidebar a[href="/explain/"]').isVisible()).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the explain page, with a pasted body, its examples and a copy button', async () => {
    await page.goto(`${server.url}/zh-cn/explain/`);
    await page.locator('form[data-kb-explain] textarea[name=body]').fill('{"error_code": 222202, "error_msg": "pic not has face"}');
    await page.locator('form[data-kb-explain] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=explain-entry]').getAttribute('href')).toBe('/zh-cn/baidu-face/222202/');
    // The examples: a ticket, a log (its table), a documented body.
    await page.locator('.kb-explain-example').nth(1).click();
    await expect.poll(() => page.locator('[data-testid=explain-log] tbody tr').count()).toBeGreaterThan(1);
    await page.locator('.kb-explain-example').nth(2).click();
    await expect.poll(() => page.locator('[data-testid=explain-log]').isVisible()).toBe(false);
    await page.locator('[data-part=user] button.kb-copy').click();
  });

  it('the 404 page search', async () => {
    await page.goto(`${server.url}/no/such/page/`);
    await page.locator('#not-found-search-q').fill('face');
    await expect.poll(() => page.locator('#not-found-search-results li').count()).toBeGreaterThan(0);
  });

  it('saw no CSP violation and no page error', () => {
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
