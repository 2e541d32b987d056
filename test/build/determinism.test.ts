/**
 * Determinism: the whole build (`astro build`, as `npm run build`, which also writes the artifact and
 * the search index) run again from the same data into a temporary folder gives the same files as
 * dist/ (the build `npm test` made first), byte for byte: every HTML page, the JSON artifact
 * (dist/api/), the search index, the assets and the sitemap. No timestamp, no absolute path of the
 * output folder, no order that depends on timing. The second folder's artifact and index are
 * rewritten by the standalone build:api and build:search scripts, so those must agree with the build too.
 * The second build runs with import.meta.env's names set in its environment, as a shell may have
 * them: the build ignores them, saying so (src/node/site-config.ts), and writes the same site.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';
import { listFiles } from '../support/links.ts';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-determinism-'));

/** What a shell may have set: each would change the pages (BASE_URL their links) or the build's speed (DEV) if read. */
const SHELL = { BASE_URL: '/elsewhere/', DEV: '1', PROD: '', MODE: 'development' };

function build(name: string): string {
  const out = join(work, name);
  const env = buildEnv({ KB_OUT_DIR: out });
  delete env.KB_DATA_DIR;
  const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const astro = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env: { ...env, ...SHELL }, encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(astro.status, astro.stderr.slice(-3000)).toBe(0);
  expect(astro.stderr).toContain('ignoring BASE_URL, MODE, DEV, PROD from the environment');
  run(process.execPath, ['scripts/build-api.ts']);
  run(process.execPath, ['scripts/build-search.ts']);
  return out;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two builds from the same data', () => {
  it('write the same files with the same bytes', () => {
    expect(existsSync(join(DIST, 'index.html')), 'dist/ is not built: run npm run build first (npm test does)').toBe(true);
    const a = DIST;
    const b = build('second-build-elsewhere');
    const filesA = listFiles(a, '');
    const filesB = listFiles(b, '');
    const [inA, inB] = [new Set(filesA), new Set(filesB)];
    expect({ onlyInDist: filesA.filter((f) => !inB.has(f)), onlyInSecond: filesB.filter((f) => !inA.has(f)) }).toEqual({ onlyInDist: [], onlyInSecond: [] });
    expect(filesA.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(1200);
    expect(filesA.filter((f) => f.startsWith('api/v1/')).length).toBeGreaterThan(600);
    const differ: string[] = [];
    for (const file of filesA) {
      const x = readFileSync(join(a, file));
      const y = readFileSync(join(b, file));
      if (!x.equals(y)) {
        let at = 0;
        while (at < x.length && x[at] === y[at]) at++;
        differ.push(`${file} (first difference at byte ${at}: ${JSON.stringify(x.subarray(Math.max(0, at - 40), at + 40).toString())} vs ${JSON.stringify(y.subarray(Math.max(0, at - 40), at + 40).toString())})`);
      }
    }
    expect(differ, 'dist/ must be the build of data/ with this source (npm run build)').toEqual([]);
    // Neither output folder's path leaks into what was written.
    const text = filesB.filter((f) => /\.(html|json|js|css|xml)$/.test(f));
    const leaks = text.filter((f) => readFileSync(join(b, f), 'utf8').includes(b) || readFileSync(join(a, f), 'utf8').includes(a));
    expect(leaks).toEqual([]);
  }, 600_000);
});
