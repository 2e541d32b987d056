/**
 * Data at the edges (test/fixtures/edge/: a 198-byte code, messages named `constructor`, `__proto__`…)
 * builds a whole site. Builds of the project share Astro's working folder (.astro/.prerender/ for an
 * output folder outside the project), so a build holds a lock (src/node/site-outputs.ts): one held by
 * a live process makes the next build wait (here refuse, with no time to wait), one left by a killed
 * build is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../support/build-env.ts';
import { BUILD_LOCK } from '../../src/node/site-outputs.ts';

const root = join(import.meta.dirname, '..', '..');
const EDGE = join(root, 'test/fixtures/edge');
const work = mkdtempSync(join(tmpdir(), 'kb-edge-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const LONG_CODE = '错'.repeat(66);

const build = (out: string, extra: Record<string, string> = {}) =>
  spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, encoding: 'utf8', env: buildEnv({ KB_DATA_DIR: EDGE, KB_OUT_DIR: out, ...extra }) });

/** Writes the lock as output-lock.ts does, once another test's build has given it back. */
function placeLock(pid: number, started: number): void {
  const text = `${JSON.stringify({ pid, started: new Date(started).toISOString(), host: hostname(), command: 'astro build', nonce: 'test' })}\n`;
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      return writeFileSync(BUILD_LOCK, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || i > 1200) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

describe('data at the edges', () => {
  it('astro build writes every page, the artifact and the search index, taking over a killed build\'s lock', () => {
    // The lock of a build that was killed: its process is gone.
    const DEAD = 2 ** 22 + 12345;
    placeLock(DEAD, Date.now());
    const out = join(work, 'site');
    const r = build(out);
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(existsSync(join(out, 'edge', LONG_CODE, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'api/v1/edge', `${LONG_CODE}.json`), 'utf8')).entry.message).toBe('__proto__');
    expect(existsSync(join(out, 'api/v1/edge/__proto__.json'))).toBe(true);
    expect(existsSync(join(out, 'search-index/v1/manifest.json'))).toBe(true);
    // The dead holder's lock is gone (another test's build may hold a lock of its own by now).
    const after = existsSync(BUILD_LOCK) ? readFileSync(BUILD_LOCK, 'utf8') : '';
    expect(after).not.toContain(`"pid":${DEAD},`);
    // Given back: no lock, or one of a build still running.
    if (after) expect(() => process.kill(JSON.parse(after).pid, 0), 'a lock left by a process that has ended').not.toThrow();
  }, 300_000);

  it('refuses, naming the other build, while a live one holds the lock and there is no time to wait', () => {
    // This test's own process plays the other build: it is alive (and started when it says).
    placeLock(process.pid, performance.timeOrigin);
    try {
      const r = build(join(work, 'refused'), { KB_BUILD_WAIT_S: '0' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`another writer (pid ${process.pid}, astro build, started`);
      expect(r.stderr).toContain('vision-errors-build.lock');
      expect(existsSync(join(work, 'refused'))).toBe(false);
    } finally {
      rmSync(BUILD_LOCK, { force: true });
    }
  }, 60_000);
});
