/**
 * The writers never delete what they did not write (issue 15, item 1): build:api, build:search and
 * `astro build` with KB_OUT_DIR refuse a folder that is not empty and has no marker, and a second
 * run replaces only the files the first one listed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignFolder } from '../support/scratch-folder.ts';
import { OUTPUT_MARKER, OutputFolderError, writeFiles } from '../../src/node/write-files.ts';
import { otherFilesystem } from '../../src/node/site-outputs.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-out-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scratch = (name: string): string => foreignFolder(work, name);

describe('writeFiles', () => {
  it('refuses a non-empty folder it did not write, and leaves it as it was', () => {
    const dir = scratch('foreign');
    expect(() => writeFiles(new Map([['a.json', '{}']]), dir)).toThrow(OutputFolderError);
    expect(() => writeFiles(new Map([['a.json', '{}']]), dir)).toThrow(/not empty and was not written by this project/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine too\n');
    expect(readFileSync(join(dir, 'data', 'keep.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('replaces its own files on the next run and keeps files someone added since', () => {
    const dir = join(work, 'ours');
    writeFiles(new Map([['a/x.json', '1'], ['b.json', '2']]), dir);
    expect(readFileSync(join(dir, OUTPUT_MARKER), 'utf8')).toBe('a/x.json\nb.json\n');
    writeFileSync(join(dir, 'added-by-hand.txt'), 'keep');
    writeFiles(new Map([['b.json', '3'], ['c.json', '4']]), dir);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('3');
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe('4');
    expect(readFileSync(join(dir, 'added-by-hand.txt'), 'utf8')).toBe('keep');
  });

  it('refuses to overwrite a file it did not write, even in its own folder', () => {
    const dir = join(work, 'collide');
    writeFiles(new Map([['a.json', '1']]), dir);
    writeFileSync(join(dir, 'b.json'), 'hand-written');
    expect(() => writeFiles(new Map([['b.json', '2']]), dir)).toThrow(/refusing to overwrite .*b\.json/);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('hand-written');
  });

  it('refuses a marker that points outside its folder, saying which line, and deletes nothing (issue 25)', () => {
    const victim = join(work, 'victim.txt');
    writeFileSync(victim, 'keep');
    const markers: [string, string][] = [['evil-marker', '../victim.txt'], ['evil-absolute', victim]];
    for (const [name, line] of markers) {
      const dir = join(work, name);
      mkdirSync(dir);
      writeFileSync(join(dir, OUTPUT_MARKER), `${line}\n`);
      expect(() => writeFiles(new Map([['a.json', '1']]), dir)).toThrow(new RegExp(`^refusing to write the output into .*: its marker .* lists "${line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}", which is outside the folder\\. Nothing was deleted; [^\\n]*$`));
      expect(readFileSync(victim, 'utf8')).toBe('keep');
      expect(existsSync(join(dir, 'a.json'))).toBe(false);
    }
  });
});

describe('npm run build:api -- <dir>', () => {
  it('run with . in a folder holding data/ refuses and deletes nothing', () => {
    const dir = scratch('dot');
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-api.ts'), '.'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`build:api: refusing to write the JSON artifact into ${dir}`);
    expect(readFileSync(join(dir, 'data', 'keep.yaml'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine too\n');
  });

  it('writes a new folder, and rewrites it on the next run', () => {
    const dir = join(work, 'api');
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, [join(root, 'scripts/build-api.ts'), dir], { cwd: root, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).entries.length).toBeGreaterThan(500);
  });
});

describe('otherFilesystem (astro build with KB_OUT_DIR)', () => {
  const project = statSync(root).dev;
  const onDevice = (devices: Record<string, number>) => (path: string) => ({ dev: devices[path] ?? project });

  it('accepts a folder on the project\'s file system, new or not', () => {
    expect(otherFilesystem(join(work, 'new', 'deeper'))).toBeUndefined();
    expect(otherFilesystem(work)).toBeUndefined();
  });

  it('refuses one on another file system, judged by its nearest existing parent when it does not exist yet', () => {
    const message = otherFilesystem(join(work, 'not-yet', 'site'), onDevice({ [work]: project + 1 }));
    expect(message).toContain(`cannot build the site into ${join(work, 'not-yet', 'site')}: it is on another file system than the project`);
    expect(message).toContain('Build into a folder on the same file system, then copy it.');
  });
});
