/**
 * Links: every internal link, asset and #fragment of every HTML page in dist/ resolves (offline,
 * test/support/links.ts); every page is reachable from the two home pages; every URL in the JSON
 * artifact and the sitemap is a built page or file. `npm test` builds dist/ first.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { checkLinks, fileFor, listFiles, pageInfo } from '../support/links.ts';

const index = JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8')) as {
  site: string;
  categories: { id: string; url: string; url_zh: string }[];
  vendors: { id: string; url: string; url_zh: string; api_url: string }[];
  entries: { id: string; url: string; url_zh: string; api_url: string }[];
};

describe('the link checker itself', () => {
  it('finds broken links, missing anchors and javascript: URLs', () => {
    const info = pageInfo('<a href="/x/#a" id="b">x</a><script>var s = "<a href=\\"/nope/\\">"</script><a name="c"></a><img src="/i.png" srcset="/j.png 2x">', 'p.html');
    expect([...info.ids]).toEqual(['b', 'c']);
    expect(info.refs.map((r) => r.url)).toEqual(['/x/#a', '/i.png', '/j.png']);
    const root = mkdtempSync(join(tmpdir(), 'kb-links-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'index.html'), '<a href="/a/#here">ok</a> <a href="a/#gone">anchor</a> <a href="/b/">page</a> <a href="javascript:alert(1)">js</a> <a href="http://localhost:4321/c.css">own origin</a> <a href="https://example.org/x">external</a>');
    writeFileSync(join(root, 'a', 'index.html'), '<h2 id="here">x</h2>');
    writeFileSync(join(root, 'orphan.html'), '');
    const report = checkLinks(root, 'http://localhost:4321');
    expect(report.broken).toEqual([
      'index.html: <a href="a/#gone"> — a/index.html has no id "gone"',
      'index.html: <a href="/b/"> — no file for /b/',
      'index.html: <a href="javascript:alert(1)"> — javascript: URL',
      'index.html: <a href="http://localhost:4321/c.css"> — no file for /c.css',
    ]);
    expect(report.unreachable).toEqual(['orphan.html']);
  });
});

describe('every HTML page in dist/', () => {
  const report = checkLinks(DIST, index.site, ['/', '/zh-cn/']);

  it('has no broken internal link, asset or #fragment', () => {
    expect(report.pages).toBeGreaterThan(1200);
    expect(report.references).toBeGreaterThan(50_000);
    expect(report.broken).toEqual([]);
  });

  it('has no id used twice', () => {
    expect(report.duplicateIds).toEqual([]);
  });

  it('is reachable by links from the home pages (except the 404 pages)', () => {
    expect(report.unreachable).toEqual(['404.html', 'zh-cn/404.html']);
  });
});

describe('URLs in the JSON artifact (dist/api/v1/index.json)', () => {
  const page = (url: string) => {
    const u = new URL(url);
    return u.origin === index.site ? fileFor(DIST, u.pathname) : undefined;
  };

  it('every url and url_zh of entries, vendors and categories is a built page', () => {
    const missing: string[] = [];
    for (const item of [...index.entries, ...index.vendors, ...index.categories]) {
      for (const url of [item.url, item.url_zh]) if (!page(url)?.endsWith('index.html')) missing.push(`${item.id}: ${url}`);
    }
    expect(index.entries.length + index.vendors.length + index.categories.length).toBeGreaterThan(600);
    expect(missing).toEqual([]);
  });

  it('every api_url is a built JSON file', () => {
    const missing = [...index.entries, ...index.vendors].filter((item) => !page(item.api_url)?.endsWith('.json')).map((item) => `${item.id}: ${item.api_url}`);
    expect(missing).toEqual([]);
  });
});

describe('other references', () => {
  it('every <loc> in the sitemap is a built page', () => {
    const locs = listFiles(DIST, '.xml')
      .filter((f) => f.startsWith('sitemap-') && f !== 'sitemap-index.xml')
      .flatMap((f) => [...readFileSync(join(DIST, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    expect(locs.length).toBeGreaterThan(1200);
    expect(locs.filter((loc) => !fileFor(DIST, new URL(loc).pathname)?.endsWith('index.html'))).toEqual([]);
  });

  it('every page in the sitemap names its English and Chinese versions, and both are built pages', () => {
    const urls = listFiles(DIST, '.xml')
      .filter((f) => f.startsWith('sitemap-') && f !== 'sitemap-index.xml')
      .flatMap((f) => [...readFileSync(join(DIST, f), 'utf8').matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!));
    const problems: string[] = [];
    for (const url of urls) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(url)![1]!;
      const alternates = [...url.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!] as const);
      if (alternates.map(([lang]) => lang).join(',') !== 'en,zh-CN') problems.push(`${loc}: alternates ${alternates.map(([lang]) => lang).join(',')}`);
      if (!alternates.some(([, href]) => href === loc)) problems.push(`${loc}: not among its own alternates`);
      for (const [, href] of alternates) if (!fileFor(DIST, new URL(href).pathname)?.endsWith('index.html')) problems.push(`${loc}: alternate ${href} is not a built page`);
    }
    expect(urls.length).toBeGreaterThan(1200);
    expect(problems).toEqual([]);
  });

  it('every url(…) in the built CSS is a data: URL or an existing file', () => {
    const missing: string[] = [];
    for (const css of listFiles(join(DIST, '_astro'), '.css')) {
      for (const m of readFileSync(join(DIST, '_astro', css), 'utf8').matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
        const url = m[2]!;
        if (url.startsWith('data:') || url.startsWith('#')) continue;
        const resolved = new URL(url, `http://x/_astro/${css}`).pathname;
        if (!existsSync(join(DIST, decodeURIComponent(resolved)))) missing.push(`${css}: ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
