/**
 * `astro build` with KB_OUT_DIR never empties a folder it did not write (test/process/output-folders.test.ts
 * has the other writers); no vendor id can take a name the build writes at the top (issue 25).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignFolder } from '../support/scratch-folder.ts';
import { reservedVendorId } from '../../src/core/model.ts';
import { id as idSchema } from '../../src/core/schema.ts';
import { loadKnowledgeBase } from '../../src/node/data-files.ts';
import { outDir } from '../../src/node/site-config.ts';
import { buildEnv } from '../support/build-env.ts';

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
