/**
 * Text is escaped once. i18next escapes interpolated values and Astro escapes what it renders, so a
 * value with an apostrophe or quotes once reached readers as "vendor&#39;s" (src/middleware.ts turns
 * i18next's escaping off; Astro's stays). Reads every page of dist/ (built by `npm test`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { listFiles } from '../support/links.ts';

const DOUBLE = /&amp;(?:#\d+|#x[\da-f]+|quot|apos|lt|gt|amp);/gi;

describe('escaping', () => {
  it('never escapes a page text twice', () => {
    const pages = listFiles(DIST, '.html');
    expect(pages.length).toBeGreaterThan(1000);
    const found: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      for (const m of html.matchAll(DOUBLE)) found.push(`${page}: …${html.slice(Math.max(0, m.index - 40), m.index + 20)}…`);
    }
    expect(found.slice(0, 10), `${found.length} doubly escaped`).toEqual([]);
  });

  it('shows an interpolated apostrophe as one', () => {
    const html = readFileSync(join(DIST, 'baidu-face/222202/index.html'), 'utf8');
    expect(html).toMatch(/Built by us from the vendor(?:'|&#39;|&#x27;)s documented response format/);
  });
});
