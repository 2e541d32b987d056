/**
 * An entry page must not grow with the number of codes in the knowledge base: build the site with
 * ten times the codes (synthetic ones appended to the real vendors) and compare the page of
 * baidu-face/222202 with the one in dist/ (built from the real data by `npm test`). Long vendor
 * tables are split into pages, so no vendor page grows without bound either.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';

const root = join(import.meta.dirname, '..', '..');

describe('entry page weight', () => {
  it('is the same with 10x the codes', () => {
    const work = mkdtempSync(join(tmpdir(), 'kb-weight-'));
    const data = join(work, 'data');
    const out = join(work, 'dist');
    execFileSync(process.execPath, ['scripts/generate-synthetic.ts', '--out', data, '--extra', String(602 * 9), '--mode', 'append'], { cwd: root, stdio: 'ignore' });
    execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env: { ...process.env, KB_DATA_DIR: data, KB_OUT_DIR: out }, stdio: ['ignore', 'ignore', 'inherit'] });
    for (const page of ['baidu-face/222202/index.html', 'zh-cn/baidu-face/222202/index.html', 'g42-image/ModelArts.4204/index.html']) {
      const real = statSync(join(DIST, page)).size;
      const tenfold = statSync(join(out, page)).size;
      expect(tenfold, `${page}: ${real} bytes with the real data, ${tenfold} with 10x codes`).toBe(real);
    }
    // The 10x build really had more codes, and the vendor's table is split into pages of at most
    // 500 rows that together list every one of them.
    const rows = (page: string) => readFileSync(join(out, page), 'utf8').match(/<tr data-kind=/g)!.length;
    const pages = ['baidu-face/index.html', 'baidu-face/page/2/index.html', 'baidu-face/page/3/index.html'];
    expect(pages.map(rows)).toEqual([500, 500, 120 + Math.ceil((602 * 9 - 1) / 5) - 1000]);
    expect(existsSync(join(out, 'baidu-face/page/4/index.html'))).toBe(false);
    expect(readFileSync(join(out, 'baidu-face/index.html'), 'utf8')).toContain('href="/baidu-face/page/3/"');
  }, 1_800_000);
});
