/**
 * `astro build` with KB_OUT_DIR never empties a folder it did not write (test/process/output-folders.test.ts
 * has the other writers); no vendor id can take a name the build writes at the top (issue 25).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignFolder } from '../support/scratch-folder.ts';
import { reservedVendorId } from '../../src/core/model.ts';
import { id as idSchema } from '../../src/core/schema.ts';
import { loadKnowledgeBase } from '../../src/node/data-files.ts';
import { outDir } from '../../src/node/site-config.ts';
import { buildEnv } from '../support/build-env.ts';
import { assertWritableOutput, OUTPUT_MARKER } from '../../src/node/write-files.ts';
import { acquireLock, currentHolder, holderAlive } from '../../src/node/output-lock.ts';
import { realFs } from '../../src/node/output-fs.ts';
import { BUILD_LOCK } from '../../src/node/site-outputs.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-out-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scratch = (name: string): string => foreignFolder(work, name);

describe('astro build with KB_OUT_DIR', () => {
  it('refuses a non-empty folder that is not an earlier build, before emptying it', () => {
    const dir = scratch('site');
    const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, encoding: 'utf8', env: buildEnv({ KB_OUT_DIR: dir }) });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`refusing to write the site into ${dir}`);
    expect(readFileSync(join(dir, 'data', 'keep.yaml'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine too\n');
  }, 120_000);

  it('refuses a folder holding a .git (Astro would delete it), an earlier build\'s too, and keeps it', () => {
    const dir = join(work, 'published');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(dir, OUTPUT_MARKER), '');
    const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, encoding: 'utf8', env: buildEnv({ KB_OUT_DIR: dir }) });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`refusing to build the site into ${dir}: it holds ${join(dir, '.git')}`);
    expect(readFileSync(join(dir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
  }, 120_000);

  it('marks the folder before it writes into it: a build killed halfway leaves a folder the next build accepts', async () => {
    const dir = join(work, 'killed');
    const child = spawn(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env: buildEnv({ KB_OUT_DIR: dir }), stdio: 'ignore', detached: true });
    const exited = new Promise((done) => child.once('exit', done));
    // The first file of the build's own (not the marker) shows it has started writing.
    let seen: string[] = [];
    while (child.exitCode === null && (seen = existsSync(dir) ? readdirSync(dir).filter((n) => n !== OUTPUT_MARKER) : []).length === 0) await new Promise((r) => setTimeout(r, 20));
    const markedThen = existsSync(join(dir, OUTPUT_MARKER));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    // The killed build's lock is left behind, as after any kill. Taken over and given back as the next
    // build would, so that tests placing a lock of their own (edge-data-site) do not wait on it.
    acquireLock(BUILD_LOCK, root, 'site', { fs: realFs, waitMs: 600_000, holder: currentHolder(), isAlive: holderAlive, onWait: () => {} })();
    expect(seen.length, 'the build wrote nothing before it ended').toBeGreaterThan(0);
    expect(markedThen, `files ${seen.join(', ')} were written before the marker`).toBe(true);
    expect(() => assertWritableOutput(dir, 'site')).not.toThrow();
  }, 120_000);
});

describe('the names a build writes at the top of dist/ and of dist/api/v1/', () => {
  it('are each a vendor of the data or reserved, so no vendor id can take one', () => {
    const dist = outDir(root);
    const vendors = new Set(loadKnowledgeBase().vendors.map((v) => v.vendor.id));
    const names = [...readdirSync(dist), ...readdirSync(join(dist, 'api', 'v1'))].map((n) => n.replace(/\.[a-z]+$/, ''));
    expect(names).toContain('index');
    const free = names.filter((n) => idSchema.safeParse(n).success && !vendors.has(n) && reservedVendorId(n) === undefined);
    expect(free, 'top-level names a vendor id could take').toEqual([]);
  });
});
