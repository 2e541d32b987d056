/**
 * One site built from changed data, read for two properties (one build, not two: builds share a lock
 * and are the suite's longest chain). The data: PicWish and AILabTools copied under new ids in place of
 * the originals (test/support/cloned-vendors.ts), and synthetic entries appended to Baidu up to 600 rows.
 *
 * - A vendor is data (test/sixth-vendor.test.ts has the rest): the clones' pages say exactly what the
 *   originals' pages in dist/ say, in both languages, with only the ids in links changed.
 * - An entry page does not grow with the number of codes: with over 1.7 times the codes, entry pages are
 *   the same size as in dist/ (the clones' ids are as long as the originals', so links keep their length),
 *   and Baidu's table is split over two pages of at most 500 rows. That the split holds at every size
 *   (ten times the codes, 50,000) is test/list-pages.test.ts's, a unit test of the rule; bench:scale
 *   builds the big sites.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { CLONES, renamedDataDir, ROOT } from '../support/cloned-vendors.ts';
import { buildEnv } from '../support/build-env.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-changed-site-'));
const out = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Counted from dist/ (the real data), so the test follows the data as it grows.
const realEntries: { vendor: string }[] = JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8')).entries;
const REAL = realEntries.length;
// Enough synthetic codes to take Baidu's list a hundred rows past one page of 500.
const EXTRA = 600 - realEntries.filter((e) => e.vendor === 'baidu-face').length;

beforeAll(() => {
  const data = join(work, 'data');
  execFileSync(process.execPath, ['scripts/generate-synthetic.ts', '--data', renamedDataDir(), '--out', data, '--extra', String(EXTRA), '--mode', 'append', '--vendor', 'baidu-face'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: ROOT, env: buildEnv({ KB_DATA_DIR: data, KB_OUT_DIR: out }), stdio: ['ignore', 'ignore', 'inherit'] });
}, 900_000);

/** A page's path with the originals' ids replaced by the clones'. */
const asCloned = (page: string): string => Object.entries(CLONES).reduce((path, [from, to]) => path.replace(new RegExp(`(^|/)${from}/`), `$1${to}/`), page);

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
  });
});

describe('entry page weight', () => {
  it('is the same with 1.7 times the codes', () => {
    expect(EXTRA, 'Baidu has fewer than 500 rows of its own').toBeGreaterThan(100);
    // The bigger build really has the codes.
    expect(JSON.parse(readFileSync(join(out, 'api/v1/index.json'), 'utf8')).entries).toHaveLength(REAL + EXTRA);
    for (const page of ['baidu-face/222202/index.html', 'zh-cn/baidu-face/222202/index.html', 'g42-image/ModelArts.4204/index.html', 'picwish/state/-8/index.html']) {
      const real = statSync(join(DIST, page)).size;
      const bigger = statSync(join(out, asCloned(page))).size;
      expect(bigger, `${page}: ${real} bytes with the real data, ${bigger} with ${EXTRA} more codes`).toBe(real);
    }
  });

  it('keeps the vendor list to pages of 500 rows that link each other', () => {
    const rows = (page: string) => readFileSync(join(out, page), 'utf8').match(/<tr data-kind=/g)!.length;
    expect(['baidu-face/index.html', 'baidu-face/page/2/index.html'].map(rows)).toEqual([500, 100]);
    expect(existsSync(join(out, 'baidu-face/page/3/index.html'))).toBe(false);
    expect(readFileSync(join(out, 'baidu-face/index.html'), 'utf8')).toContain('href="/baidu-face/page/2/"');
    expect(readFileSync(join(out, 'zh-cn/baidu-face/page/2/index.html'), 'utf8')).toContain('href="/zh-cn/baidu-face/"');
  });
});
