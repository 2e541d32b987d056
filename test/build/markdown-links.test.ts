/**
 * starlight-links-validator runs in every build. In a copy of the project with one more Markdown
 * guide, the build must fail on a link to a page that does not exist and on a link to a heading
 * that a Markdown page does not have, naming each, and must accept links to the site's existing
 * Astro pages (of the edge fixture's data, test/fixtures/edge/) (which the validator cannot read; test/links.test.ts checks their anchors) and to a
 * heading's explicit id (`## 按类别 {#by-category}`) in the Chinese page of an MDX guide.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../support/build-env.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-md-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GUIDE = `---
title: Link check
description: A guide with good and broken links.
---

Good: [a vendor](/edge/), [an entry](/edge/toString/), [a Markdown guide](/guides/adding-a-vendor/),
[one of its headings](/guides/adding-a-vendor/#7-look-at-it), [an MDX guide](/guides/retry-strategy/),
[an explicit heading id](/zh-cn/guides/retry-strategy/#by-category).

Broken: [no such guide](/guides/no-such-guide/), [no such heading](/guides/adding-a-vendor/#no-such-heading),
[no such vendor](/no-such-vendor/).
`;

describe('links in Markdown pages', () => {
  it('a broken one fails the build and is named; links to existing pages pass', () => {
    const project = join(work, 'project');
    for (const item of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public']) cpSync(join(root, item), join(project, item), { recursive: true });
    // Hard links, not a symlink: Vite resolves a symlinked node_modules outside the project.
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(project, 'node_modules')]);
    writeFileSync(join(project, 'src/content/docs/guides/link-check.md'), GUIDE);
    // The five entries of the edge fixture: the validator reads the guides, not the data, and a small
    // site builds in a few seconds where the real one takes half a minute.
    const env = buildEnv({ KB_DATA_DIR: join(root, 'test/fixtures/edge'), KB_OUT_DIR: join(work, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0' });
    const r = spawnSync(join(project, 'node_modules/.bin/astro'), ['build'], { cwd: project, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    const output = r.stdout + r.stderr;
    expect(r.status, output.slice(-3000)).not.toBe(0);
    const report = output.slice(output.indexOf('validating links'));
    expect(report).toMatch(/\/guides\/no-such-guide\/\s*\n.*invalid link/);
    expect(report).toMatch(/\/guides\/adding-a-vendor\/#no-such-heading\s*\n.*invalid hash/);
    expect(report).toMatch(/\/no-such-vendor\/\s*\n.*invalid link/);
    expect(report).toContain('Found 3 invalid links in 1 file');
  }, 300_000);
});
