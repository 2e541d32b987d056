/**
 * Data at the edges (test/fixtures/edge/: a 198-byte code, messages named `constructor`, `__proto__`…)
 * builds a whole site. Two builds of it start at once, into two folders outside the project: they
 * share Astro's working folder (.astro/.prerender/), so the second waits for the first
 * (src/node/site-outputs.ts) instead of deleting its chunks mid-build.
 */
import { spawn } from 'node:child_process';
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

function build(out: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env: buildEnv({ KB_DATA_DIR: EDGE, KB_OUT_DIR: out }), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stderr }));
  });
}

describe('data at the edges', () => {
  it('astro build writes every page, the artifact and the search index, also with another build running', async () => {
    const outs = [join(work, 'site-1'), join(work, 'site-2')];
    const results = await Promise.all(outs.map(build));
    for (const [i, out] of outs.entries()) {
      expect(results[i]!.status, results[i]!.stderr.slice(-2000)).toBe(0);
      expect(existsSync(join(out, 'edge', LONG_CODE, 'index.html'))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, 'api/v1/edge', `${LONG_CODE}.json`), 'utf8')).entry.message).toBe('__proto__');
      expect(existsSync(join(out, 'api/v1/edge/__proto__.json'))).toBe(true);
      expect(existsSync(join(out, 'search-index/v1/manifest.json'))).toBe(true);
    }
    // One of them said it waited, and for whom.
    expect(results.map((r) => r.stderr).join('\n')).toMatch(/waiting for another writer of .+ \(pid \d+/);
    expect(existsSync(join(root, '.astro', 'vision-errors-build.lock'))).toBe(false);
  }, 300_000);
});
