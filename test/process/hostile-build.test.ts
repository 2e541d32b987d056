/**
 * Data that validates builds, and a broken data folder is a one-line message (issue 15, items 4, 6
 * and 9's cache): test/fixtures/edge/ (a 198-byte code, messages named `constructor`, `__proto__`…)
 * builds the artifact, the search index and the site; folders without categories.yaml or vendors/,
 * with a folder or a dangling link among the vendor files, stop every command with the path.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editKeepingSizeAndTime } from '../support/same-size-edit.ts';
import { loadKnowledgeBase, validateDataDir, DataValidationError } from '../../src/node/data-files.ts';
import { buildArtifactForSite } from '../../src/node/artifact-files.ts';
import { buildSearchFiles } from '../../src/node/search-files.ts';
import { SearchClient } from '../../src/core/search/query.ts';
import { formatProblem } from '../../src/core/yaml-source.ts';

const root = join(import.meta.dirname, '..', '..');
const EDGE = join(root, 'test/fixtures/edge');
const work = mkdtempSync(join(tmpdir(), 'kb-hostile-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const LONG_CODE = '错'.repeat(66);

describe('data at the edges (test/fixtures/edge/) validates and builds', () => {
  it('validates', () => {
    const result = validateDataDir(EDGE);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('gives a search index where `constructor` and `__proto__` are messages like any other', async () => {
    const kb = loadKnowledgeBase(EDGE);
    const artifact = buildArtifactForSite(kb, 'https://example.org');
    const empty = join(work, 'no-pages');
    mkdirSync(empty);
    const files = buildSearchFiles(kb, artifact, empty);
    const client = new SearchClient(async (path) => JSON.parse(files.get(path) ?? 'null'));
    const byMessage = [['__proto__', LONG_CODE], ['hasOwnProperty', 'constructor'], ['constructor', '__proto__'], ['isPrototypeOf', 'toString']];
    for (const [message, code] of byMessage) {
      const hits = await client.search(message);
      expect(hits.filter((h) => h.reason === 'message').map((h) => (h.doc.t === 'e' ? h.doc.c : undefined)), message).toEqual([code]);
    }
  });

});

/** A data folder broken in one way; the rest copied from data/. */
function brokenFolder(name: string, breakIt: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(join(root, 'data'), dir, { recursive: true });
  breakIt(dir);
  return dir;
}

const folders: [string, (dir: string) => void, (dir: string) => string][] = [
  ['no-categories', (d) => rmSync(join(d, 'categories.yaml')), (d) => `${join(d, 'categories.yaml')}: missing: a data folder needs categories.yaml`],
  ['no-vendors', (d) => rmSync(join(d, 'vendors'), { recursive: true }), (d) => `${join(d, 'vendors')}: missing: a data folder needs a vendors/ folder`],
  ['folder-as-vendor', (d) => mkdirSync(join(d, 'vendors', 'x.yaml')), (d) => `${join(d, 'vendors', 'x.yaml')}: is a folder, not a data file`],
  ['dangling-link', (d) => symlinkSync('gone.yaml', join(d, 'vendors', 'link.yaml')), (d) => `${join(d, 'vendors', 'link.yaml')}: is a symbolic link to gone.yaml, which does not exist`],
];

/** The three commands that read a data folder: each prints its problems, one line each, and exits with its status. */
const COMMANDS: { name: string; args: (name: string) => string[]; status: number }[] = [
  { name: 'npm run validate', args: () => ['scripts/validate.ts'], status: 1 },
  { name: 'npm run build:api', args: (name) => ['scripts/build-api.ts', join(work, `${name}-api`)], status: 1 },
  { name: 'vision-errors', args: () => ['bin/vision-errors.mjs', '222202'], status: 2 },
];

describe('a broken data folder is one line with its path, never a stack trace', () => {
  // Every way of breaking it is read in-process (where the message is made); the commands that print
  // it take turns, one child process per folder rather than three (a child process costs a second of CPU).
  for (const [i, [name, breakIt, message]] of folders.entries()) {
    const command = COMMANDS[i % COMMANDS.length]!;
    it(`${name} (and ${command.name} says so)`, () => {
      const dir = brokenFolder(name, breakIt);
      const result = validateDataDir(dir);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems.map(formatProblem).join('\n')).toContain(message(dir));
      expect(() => loadKnowledgeBase(dir)).toThrow(DataValidationError);
      const env: NodeJS.ProcessEnv = { ...process.env, KB_DATA_DIR: dir };
      delete env.VISION_ERRORS_INDEX;
      const r = spawnSync(process.execPath, command.args(name), { cwd: root, encoding: 'utf8', env });
      expect(r.status, command.name).toBe(command.status);
      expect(r.stderr, command.name).toContain(message(dir));
      expect(r.stderr, command.name).not.toMatch(/\n\s+at /);
    });
  }
});

describe('the data cache is keyed on content', () => {
  it('sees a same-size edit whose time stamp was put back', () => {
    const dir = brokenFolder('same-size', () => {});
    const file = join(dir, 'vendors/picwish.yaml');
    const first = loadKnowledgeBase(dir);
    editKeepingSizeAndTime(file, 'Processing. Internal loop processing is in progress.', 'Processing. Internal loop processing is in PROGRESS.');
    const second = loadKnowledgeBase(dir);
    expect(second).not.toBe(first);
    expect(JSON.stringify(second)).toContain('in PROGRESS.');
  });
});
