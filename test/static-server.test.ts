/**
 * The browser tests' static server sends what public/_headers asks hosts to send, as a host that
 * reads the file would (test/support/static-server.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, readHeaderRules } from './support/static-server.ts';

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
