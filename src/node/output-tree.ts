/**
 * Walking and removing output folders without ever leaving them: every entry is looked at with
 * lstat, a symbolic link is an entry like any other (removed, copied or refused, never followed),
 * and a relative path is used only after each of its folders was seen to be a real folder inside.
 */
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { OutputFs } from './output-fs.ts';

/** lstat, or undefined when nothing is there. */
export function lstatOrNone(fs: OutputFs, path: string): Stats | undefined {
  try {
    return fs.lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** What stands between `root` and the relative path `rel`, if anything does. */
export type ReachProblem = { kind: 'outside' } | { kind: 'link'; at: string; to: string } | { kind: 'file'; at: string };

/**
 * Can `rel` (`/`-separated) be reached inside `root` through real folders only? Undefined when it
 * can (its last part may be anything, or missing); otherwise the first thing in the way: `..` or an
 * absolute path, a symbolic link, or a file where a folder should be.
 */
export function reachProblem(fs: OutputFs, root: string, rel: string): ReachProblem | undefined {
  if (rel === '' || isAbsolute(rel) || rel.includes('\0') || normalize(rel).split(sep).some((part) => part === '..')) return { kind: 'outside' };
  const parts = rel.split('/');
  let at = root;
  for (const part of parts.slice(0, -1)) {
    if (part === '' || part === '.') return { kind: 'outside' };
    at = join(at, part);
    const stat = lstatOrNone(fs, at);
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) return { kind: 'link', at, to: fs.readlinkSync(at, 'utf8') };
    if (!stat.isDirectory()) return { kind: 'file', at };
  }
  return undefined;
}

/** Makes the folders of `rel` inside `root`, each a real folder; false when a link or a file is in the way. */
export function makeRealFolders(fs: OutputFs, root: string, rel: string): boolean {
  let at = root;
  for (const part of rel === '.' || rel === '' ? [] : rel.split('/')) {
    at = join(at, part);
    const stat = lstatOrNone(fs, at);
    if (!stat) fs.mkdirSync(at);
    else if (stat.isSymbolicLink() || !stat.isDirectory()) return false;
  }
  return true;
}

/** Removes `path` and everything under it; a link is removed, never what it points to. */
export function removeTree(fs: OutputFs, path: string): void {
  const stat = lstatOrNone(fs, path);
  if (!stat) return;
  if (!stat.isDirectory()) return fs.unlinkSync(path);
  for (const name of fs.readdirSync(path)) removeTree(fs, join(path, name));
  fs.rmdirSync(path);
}

/** Every entry under `dir` (a folder before what it holds), as a `/`-separated relative path with its lstat; links are not followed. */
export function entriesUnder(fs: OutputFs, dir: string, rel = ''): { rel: string; stat: Stats }[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const path = rel ? `${rel}/${name}` : name;
    const stat = fs.lstatSync(join(dir, name));
    return stat.isDirectory() ? [{ rel: path, stat }, ...entriesUnder(fs, join(dir, name), path)] : [{ rel: path, stat }];
  });
}

/** The folders a list of relative paths lives in (`a/b/c.json` → a, a/b). */
export function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) for (let d = dirname(path); d !== '.' && d !== '' && !folders.has(d); d = dirname(d)) folders.add(d);
  return folders;
}
