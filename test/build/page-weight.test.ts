/**
 * An entry page must not grow with the number of codes in the knowledge base: build the site with
 * over 1.7 times the codes (synthetic entries appended to Baidu, up to 600 rows) and compare the pages of
 * baidu-face/222202 and others with the ones in dist/ (built from the real data by `npm test`).
 * Baidu's rows (over 500) are split over two list pages. That the split holds at every size (ten times the
 * codes, 50,000) is test/list-pages.test.ts's, a unit test of the rule; bench:scale builds the big sites.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
// Counted from dist/ (the real data), so the test follows the data as it grows.
const realEntries = (): { vendor: string }[] => JSON.parse(readFileSync(join(DIST, 'api/v1/index.json'), 'utf8')).entries;
const work = mkdtempSync(join(tmpdir(), 'kb-weight-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('entry page weight', () => {
  it('is the same with 1.7 times the codes, and the vendor list is split into pages of 500', () => {
    const REAL = realEntries().length;
    const BAIDU = realEntries().filter((e) => e.vendor === 'baidu-face').length;
    // Enough synthetic codes to take Baidu's list a hundred rows past one page of 500: over 1.7 times
    // the real codes. (The rule at every size is list-pages.test.ts's; bench:scale builds 50,000.)
    const EXTRA = 600 - BAIDU;
    expect(EXTRA, 'Baidu has fewer than 500 rows of its own').toBeGreaterThan(100);
    const data = join(work, 'data');
    const out = join(work, 'dist');
    execFileSync(process.execPath, ['scripts/generate-synthetic.ts', '--out', data, '--extra', String(EXTRA), '--mode', 'append', '--vendor', 'baidu-face'], { cwd: root, stdio: 'ignore' });
    execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env: buildEnv({ KB_DATA_DIR: data, KB_OUT_DIR: out }), stdio: ['ignore', 'ignore', 'inherit'] });
    // The bigger build really has the codes.
    expect(JSON.parse(readFileSync(join(out, 'api/v1/index.json'), 'utf8')).entries).toHaveLength(REAL + EXTRA);
    for (const page of ['baidu-face/222202/index.html', 'zh-cn/baidu-face/222202/index.html', 'g42-image/ModelArts.4204/index.html', 'picwish/state/-8/index.html']) {
      const real = statSync(join(DIST, page)).size;
      const bigger = statSync(join(out, page)).size;
      expect(bigger, `${page}: ${real} bytes with the real data, ${bigger} with ${EXTRA} more codes`).toBe(real);
    }
    // Baidu's table: 500 rows, then the rest, and the pages link each other.
    const rows = (page: string) => readFileSync(join(out, page), 'utf8').match(/<tr data-kind=/g)!.length;
    expect(['baidu-face/index.html', 'baidu-face/page/2/index.html'].map(rows)).toEqual([500, 100]);
    expect(existsSync(join(out, 'baidu-face/page/3/index.html'))).toBe(false);
    expect(readFileSync(join(out, 'baidu-face/index.html'), 'utf8')).toContain('href="/baidu-face/page/2/"');
    expect(readFileSync(join(out, 'zh-cn/baidu-face/page/2/index.html'), 'utf8')).toContain('href="/zh-cn/baidu-face/"');
  }, 600_000);
});
