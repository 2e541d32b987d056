/** `astro build` with KB_OUT_DIR never empties a folder it did not write (test/output-folders.test.ts has the other writers). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignFolder } from '../support/scratch-folder.ts';
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
