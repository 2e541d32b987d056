/**
 * The site half of "a vendor is data" (test/sixth-vendor.test.ts has the rest): built from data where
 * PicWish and AILabTools are copied under new ids, the clones' pages say exactly what the originals'
 * pages in dist/ say, in both languages, with only the ids in links changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { CLONES, renamedDataDir, ROOT } from '../support/cloned-vendors.ts';
import { buildEnv } from '../support/build-env.ts';

/** The page's <main>, with the originals' ids in links, ids and JSON mapped to the clones'. */
function mainOf(html: string, mapIds: boolean): string {
  let main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  if (mapIds)
    for (const [from, to] of Object.entries(CLONES))
      main = main.replace(new RegExp(`(?<![\\w.-])${from}(?=/|\\.json|&quot;|"|\\s)`, 'g'), to);
  return main;
}

describe('pages of vendors copied under new ids', () => {
  it('say what the originals\' pages say', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kb-clones-site-')), 'dist');
    execFileSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: ROOT,
      env: buildEnv({ KB_DATA_DIR: renamedDataDir(), KB_OUT_DIR: out }),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const pages = ['{v}/', 'zh-cn/{v}/', '{v}/state/-8/', 'zh-cn/{v}/state/-8/', '{v}/http/429/', '{v}/ERROR_NO_FACE_IN_FILE/', 'zh-cn/{v}/ERROR_NO_FACE_IN_FILE/'];
    let compared = 0;
    for (const [from, to] of Object.entries(CLONES)) {
      for (const page of pages) {
        let original: string;
        try {
          original = readFileSync(join(DIST, page.replace('{v}', from), 'index.html'), 'utf8');
        } catch {
          continue; // the page is another vendor's kind (PicWish has no ERROR_NO_FACE_IN_FILE)
        }
        const clone = readFileSync(join(out, page.replace('{v}', to), 'index.html'), 'utf8');
        expect(mainOf(clone, false), page.replace('{v}', to)).toBe(mainOf(original, true));
        expect(mainOf(clone, false).length).toBeGreaterThan(1000);
        compared++;
      }
    }
    expect(compared).toBe(9);
  }, 900_000);
});
