/** Data at the edges (test/fixtures/edge/: a 198-byte code, messages named `constructor`, `__proto__`…) builds a whole site. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const EDGE = join(root, 'test/fixtures/edge');
const work = mkdtempSync(join(tmpdir(), 'kb-edge-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const LONG_CODE = '错'.repeat(66);

describe('data at the edges', () => {
  it('astro build writes every page, the artifact and the search index', () => {
    const out = join(work, 'site');
    const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, encoding: 'utf8', env: buildEnv({ KB_DATA_DIR: EDGE, KB_OUT_DIR: out }) });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(existsSync(join(out, 'edge', LONG_CODE, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'api/v1/edge', `${LONG_CODE}.json`), 'utf8')).entry.message).toBe('__proto__');
    expect(existsSync(join(out, 'api/v1/edge/__proto__.json'))).toBe(true);
    expect(existsSync(join(out, 'search-index/v1/manifest.json'))).toBe(true);
  }, 300_000);
});
