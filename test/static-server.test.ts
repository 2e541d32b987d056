/**
 * The browser tests' static server sends what public/_headers asks hosts to send, as a host that
 * reads the file would (test/support/static-server.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, readHeaderRules, serveDir } from './support/static-server.ts';

const rules = readHeaderRules(readFileSync(join(import.meta.dirname, '..', 'public', '_headers'), 'utf8'));

describe('the _headers rules', () => {
  it('give hashed assets a year, the search index five minutes, and pages nothing', () => {
    expect(headersFor(rules, '/_astro/Badge.CHP2gxDO.css')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/search-index/v1/manifest.json')['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(headersFor(rules, '/baidu-face/222202/')).toEqual({});
    // `*` is the only wildcard: a dot in a pattern is a dot.
    expect(headersFor(rules, '/api/v1/entriesXcsv')['content-type']).toBeUndefined();
  });

  it('add up: a file under /api/* gets the API rule and its own type', () => {
    const csv = headersFor(rules, '/api/v1/entries.csv');
    expect(csv['access-control-allow-origin']).toBe('*');
    expect(csv['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('name the line of a header with no path above it', () => {
    expect(() => readHeaderRules('# comment\n  Cache-Control: no-store\n')).toThrow('_headers:2:');
    expect(() => readHeaderRules('/a/*\n  not a header\n')).toThrow('_headers:2:');
  });
});

describe("a test's own files beside the site", () => {
  it('are served, cached as immutable, without shadowing a file of the site', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-static-'));
    try {
      mkdirSync(join(root, 'a'));
      writeFileSync(join(root, 'a', 'index.html'), '<p>site</p>');
      writeFileSync(join(root, '404.html'), 'missing');
      const own = { body: 'window.own = 1;', type: 'text/javascript' };
      await expect(serveDir(root, {}, { extra: { '/a/index.html': own } })).rejects.toThrow('/a/index.html is a file of');
      const server = await serveDir(root, {}, { extra: { '/__test__/own.js': own } });
      try {
        const served = await fetch(`${server.url}/__test__/own.js`);
        expect([served.status, await served.text(), served.headers.get('cache-control')]).toEqual([200, 'window.own = 1;', 'public, max-age=31536000, immutable']);
        expect((await fetch(`${server.url}/a/`)).status).toBe(200);
        expect((await fetch(`${server.url}/__test__/other.js`)).status).toBe(404);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
