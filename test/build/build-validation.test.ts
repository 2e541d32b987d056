/** The site build runs the same validation as `npm run validate` and stops, before bundling anything, with its lines alone. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test/fixtures');

describe('astro build on bad data', () => {
  it('astro build stops on bad data with the same file:line:col message, and writes no pages', () => {
    const work = mkdtempSync(join(tmpdir(), 'kb-broken-'));
    mkdirSync(join(work, 'data/vendors'), { recursive: true });
    copyFileSync(join(root, 'data/categories.yaml'), join(work, 'data/categories.yaml'));
    copyFileSync(join(fixtures, 'broken/duplicate-code.yaml'), join(work, 'data/vendors/acme.yaml'));
    const out = join(work, 'dist');
    const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8', env: buildEnv({ KB_DATA_DIR: join(work, 'data'), KB_OUT_DIR: out }) });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`${join(work, 'data/vendors/acme.yaml')}:28:11 entries[1].code: duplicate code "1" (kind error)`);
    // The validator's lines alone: no stack trace, Astro's or ours.
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Stack trace/);
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
  }, 300_000);

});
