/**
 * One writer for generated folders (the JSON artifact, the search index, the package data), after
 * what trusted build tools do: the new files are written into a temporary folder beside the output
 * folder, which is then swapped in by two renames; one writer at a time holds a lock; nothing is
 * ever reached through a symbolic link. docs/output-safety.md states the guarantee exactly.
 *
 * Ownership: a folder this writer made carries a marker file listing its files. A folder that is
 * not empty and has no marker (a user's folder, `.`, the project root) is refused; files someone
 * added to a marked folder are not the writer's, and are kept (linked into the new folder).
 */
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { acquireLock, currentHolder, holderAlive, type Holder } from './output-lock.ts';
import { errnoCode, faultMessage, OutputFolderError, OutputWriteError, realFs, type OutputFs } from './output-fs.ts';
import { entriesUnder, foldersOf, lstatOrNone, makeRealFolders, reachProblem, removeTree } from './output-tree.ts';

export { OutputFolderError, OutputWriteError } from './output-fs.ts';

/** Lists, one per line, the files a writer put in its folder (the folder's own proof of ownership). */
export const OUTPUT_MARKER = '.vision-errors-output';
/** Beside the output folder `<name>`: `.<name>.vision-errors-lock`, `-tmp-…` (being written), `-old-…` (being replaced). */
const SIBLING = '.vision-errors-';

export interface WriteOptions {
  /** The file system calls (tests fail one of them). */
  fs?: OutputFs;
  /** How long to wait for another writer of the same folder; default $KB_LOCK_WAIT_S seconds, or 60. */
  lockWaitMs?: number;
  onWait?: (message: string) => void;
  /** Something left behind that the next run cleans up (the artifact itself is in place). */
  onWarning?: (message: string) => void;
  /** Make the parent folder when it is missing (for the project's own dist/api/, dist/search-index/, lib/); otherwise a missing parent is refused. */
  makeParent?: boolean;
  /** Who writes (tests play other processes). */
  holder?: Holder;
  isAlive?: (holder: Pick<Holder, 'pid' | 'started' | 'host'>) => boolean;
}

interface Context {
  fs: OutputFs;
  dir: string;
  parent: string;
  name: string;
  what: string;
  holder: Holder;
  isAlive: NonNullable<WriteOptions['isAlive']>;
  warn: (message: string) => void;
}

const siblingName = (c: Context, kind: 'tmp' | 'old', n = 0) => `.${c.name}${SIBLING}${kind}-${c.holder.pid}-${Date.parse(c.holder.started).toString(36)}-${c.holder.nonce}-${n}`;

function refuseForeign(dir: string, what: string): never {
  throw new OutputFolderError(
    `refusing to write the ${what} into ${dir}: the folder is not empty and was not written by this project ` +
      `(no ${OUTPUT_MARKER} file), so nothing in it is deleted. Choose a new or empty folder.`,
  );
}

/**
 * The files a marked folder lists as its writer's. A listed path that is not inside the folder, or
 * is reached through a symbolic link, stops the writer: nothing is deleted on its word.
 */
function readMarker(fs: OutputFs, dir: string, what: string): string[] {
  const marker = join(dir, OUTPUT_MARKER);
  if (!fs.lstatSync(marker).isFile()) throw new OutputFolderError(`refusing to write the ${what} into ${dir}: its marker ${marker} is not a regular file (a link?). Remove it, or choose another folder.`);
  const lines = fs.readFileSync(marker, 'utf8').split('\n').filter((line) => line !== '');
  for (const line of lines) {
    const problem = reachProblem(fs, dir, line);
    if (problem?.kind === 'outside')
      throw new OutputFolderError(`refusing to write the ${what} into ${dir}: its marker ${marker} lists "${line}", which is outside the folder. Nothing was deleted; remove that line and run again.`);
    if (problem?.kind === 'link')
      throw new OutputFolderError(
        `refusing to write the ${what} into ${dir}: its marker ${marker} lists "${line}", which is reached through the symbolic link ${problem.at} (to ${problem.to}), outside the folder. Nothing was deleted; remove the link or that line and run again.`,
      );
  }
  return lines;
}

/** The output folder as it is: absent, or a folder this writer may replace (with the files it wrote there). */
function inspect(fs: OutputFs, dir: string, what: string): { exists: boolean; ours: Set<string> } {
  const stat = lstatOrNone(fs, dir);
  if (!stat) return { exists: false, ours: new Set() };
  if (stat.isSymbolicLink())
    throw new OutputFolderError(`refusing to write the ${what} to ${dir}: it is a symbolic link (to ${fs.readlinkSync(dir, 'utf8')}): an output folder is never written through a link. Give the folder it points to, or remove the link.`);
  if (!stat.isDirectory()) throw new OutputFolderError(`cannot write the ${what} to ${dir}: it is a file, not a folder`);
  const names = fs.readdirSync(dir);
  if (names.includes(OUTPUT_MARKER)) return { exists: true, ours: new Set(readMarker(fs, dir, what)) };
  if (names.length > 0) refuseForeign(dir, what);
  return { exists: true, ours: new Set() };
}

/**
 * May a writer put files into `dir`? Yes when it does not exist, is empty, or carries the marker.
 * Otherwise throws OutputFolderError naming the folder.
 */
export function assertWritableOutput(dir: string, what = 'output'): void {
  inspect(realFs, resolve(dir), what);
}

/** The files a previous run wrote into `dir`, from its marker (undefined: no marker); throws on a marker that points outside. */
export function markedFiles(dir: string): string[] | undefined {
  return lstatOrNone(realFs, join(dir, OUTPUT_MARKER)) ? readMarker(realFs, dir, 'output') : undefined;
}

/** A new file may not take the place of, or be reached through, something this writer did not make. */
function checkNewPaths(c: Context, files: ReadonlyMap<string, string>, ours: ReadonlySet<string>): void {
  const ourFolders = foldersOf(ours);
  for (const path of files.keys()) {
    const target = join(c.dir, path);
    const problem = reachProblem(c.fs, c.dir, path);
    if (problem?.kind === 'outside') throw new OutputFolderError(`cannot write ${path} into ${c.dir}: not a path inside the folder`);
    if (problem?.kind === 'link') throw new OutputFolderError(`refusing to write ${target}: ${problem.at} is a symbolic link (to ${problem.to}) this project did not make. Move it away or choose another folder.`);
    if (problem?.kind === 'file' && !ours.has(problem.at.slice(c.dir.length + 1).split('\\').join('/')))
      throw new OutputFolderError(`refusing to write ${target}: ${problem.at} is a file this project did not write. Move it away or choose another folder.`);
    const there = lstatOrNone(c.fs, target);
    if (!there || ours.has(path)) continue;
    const onlyOurs = there.isDirectory() && !there.isSymbolicLink() && ourFolders.has(path) && entriesUnder(c.fs, target, path).every((e) => e.stat.isDirectory() || ours.has(e.rel));
    if (!onlyOurs) throw new OutputFolderError(`refusing to overwrite ${target}: this project did not write it. Move it away or choose another folder.`);
  }
}

function sameFiles(c: Context, files: ReadonlyMap<string, string>, ours: ReadonlySet<string>): boolean {
  if (ours.size !== files.size) return false;
  for (const [path, text] of files) {
    if (!ours.has(path) || !lstatOrNone(c.fs, join(c.dir, path))?.isFile()) return false;
    if (c.fs.readFileSync(join(c.dir, path), 'utf8') !== text) return false;
  }
  return true;
}

/**
 * Files someone else put in the old folder go into the new one (hard links: the old folder keeps its
 * own until retired). The marker is read again: a writer that ignored the lock may have replaced
 * the folder since it was inspected, and its files are a writer's, not someone else's.
 */
function carryForeign(c: Context, tmp: string, step: (doing: string) => void): void {
  if (!lstatOrNone(c.fs, join(c.dir, OUTPUT_MARKER))) return;
  const ours = new Set(readMarker(c.fs, c.dir, c.what));
  const ourFolders = foldersOf(ours);
  for (const { rel, stat } of entriesUnder(c.fs, c.dir)) {
    if (rel === OUTPUT_MARKER || ours.has(rel) || (stat.isDirectory() && ourFolders.has(rel))) continue;
    step(`keeping ${rel}, which this project did not write`);
    if (!makeRealFolders(c.fs, tmp, stat.isDirectory() ? rel : dirname(rel)) || stat.isDirectory() || lstatOrNone(c.fs, join(tmp, rel))) continue;
    if (stat.isSymbolicLink()) c.fs.symlinkSync(c.fs.readlinkSync(join(c.dir, rel), 'utf8'), join(tmp, rel));
    else {
      try {
        c.fs.linkSync(join(c.dir, rel), join(tmp, rel));
      } catch (error) {
        // A file system without hard links: retire() moves the file over once the new folder is in place.
        if (!['EPERM', 'EXDEV', 'ENOTSUP', 'EMLINK', 'EOPNOTSUPP'].includes(errnoCode(error) ?? '')) throw error;
      }
    }
  }
}

/**
 * Removes a replaced folder: its writer's files go; anything else is moved into the new folder when
 * it is not already there (a file added during the build), or kept, with a warning, when it cannot be.
 */
function retire(c: Context, old: string): void {
  const ours = new Set(lstatOrNone(c.fs, join(old, OUTPUT_MARKER))?.isFile() ? c.fs.readFileSync(join(old, OUTPUT_MARKER), 'utf8').split('\n') : []);
  const ourFolders = foldersOf(ours);
  const kept: string[] = [];
  const visit = (rel: string) => {
    const abs = rel ? join(old, rel) : old;
    for (const name of c.fs.readdirSync(abs)) {
      const path = rel ? `${rel}/${name}` : name;
      const stat = c.fs.lstatSync(join(abs, name));
      if (path === OUTPUT_MARKER) continue; // last: should this be interrupted, the next run still knows what was ours
      if (ours.has(path) && !stat.isDirectory()) {
        c.fs.unlinkSync(join(abs, name));
        continue;
      }
      const there = lstatOrNone(c.fs, join(c.dir, path));
      const same = there && (stat.isSymbolicLink() ? there.isSymbolicLink() && c.fs.readlinkSync(join(c.dir, path), 'utf8') === c.fs.readlinkSync(join(abs, name), 'utf8') : there.ino === stat.ino && there.dev === stat.dev);
      if (stat.isDirectory() && (ourFolders.has(path) || (there?.isDirectory() && !there.isSymbolicLink()))) {
        visit(path);
        try {
          c.fs.rmdirSync(join(abs, name));
        } catch {
          // something kept inside
        }
      } else if (same) c.fs.unlinkSync(join(abs, name));
      else if (!there && makeRealFolders(c.fs, c.dir, dirname(path))) c.fs.renameSync(join(abs, name), join(c.dir, path));
      else kept.push(path);
    }
  };
  visit('');
  try {
    if (lstatOrNone(c.fs, join(old, OUTPUT_MARKER))) c.fs.unlinkSync(join(old, OUTPUT_MARKER));
    c.fs.rmdirSync(old);
  } catch (error) {
    c.warn(
      kept.length > 0
        ? `kept ${old}: it holds ${kept.join(', ')}, which this project did not write and could not put back into ${c.dir}`
        : `${old} could not be removed (${errnoCode(error) ?? String(error)}); the next run removes it`,
    );
  }
}

/** What an interrupted writer left beside the folder (its process is gone): a temporary folder goes; a replaced folder goes back if the folder is missing, else it is retired. */
function recover(c: Context): void {
  const prefix = `.${c.name}${SIBLING}`;
  for (const entry of c.fs.readdirSync(c.parent)) {
    if (!entry.startsWith(prefix)) continue;
    const path = join(c.parent, entry);
    const rest = entry.slice(prefix.length);
    // A dead holder's lock moved aside by a writer taking it over (output-lock.ts), or a temporary or replaced folder.
    const m = /^(?:lock\.(stale)|(tmp|old))-(\d+)-([0-9a-z]+)-[0-9a-z]+(?:-\d+)?$/.exec(rest);
    if (!m) continue;
    const [, stale, kind, pid, started36] = m;
    const started = new Date(parseInt(started36!, 36)).toISOString();
    // This process's own (an earlier write that failed): finished, since this one holds the lock now.
    const own = Number(pid) === c.holder.pid && started === new Date(Date.parse(c.holder.started)).toISOString();
    if (!own && c.isAlive({ pid: Number(pid), started, host: hostname() })) continue;
    try {
      if (stale || kind === 'tmp') removeTree(c.fs, path);
      else if (!lstatOrNone(c.fs, c.dir)) c.fs.renameSync(path, c.dir); // killed between the two renames of a swap: put the old folder back
      else retire(c, path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error; // gone meanwhile: nothing left to do
    }
  }
}

/**
 * Puts `tmp` in the place of the folder: two renames (the old folder aside, the new one in). Should
 * another writer put a folder there in between (one that ignored the lock), that one is moved aside
 * too. Returns the folders moved aside.
 */
function swapIn(c: Context, tmp: string, step: (doing: string) => void): string[] {
  const olds: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const old = join(c.parent, siblingName(c, 'old', attempt));
    step(`moving the previous ${c.what} aside to ${old}`);
    try {
      c.fs.renameSync(c.dir, old);
      olds.push(old);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
    step(`moving the new ${c.what} into place`);
    try {
      c.fs.renameSync(tmp, c.dir);
      return olds;
    } catch (error) {
      if (['ENOTEMPTY', 'EEXIST'].includes(errnoCode(error) ?? '') && attempt < 10) continue;
      const last = olds.at(-1);
      if (last && !lstatOrNone(c.fs, c.dir)) {
        try {
          c.fs.renameSync(last, c.dir);
        } catch {
          (error as { leftAt?: string }).leftAt = last;
        }
      }
      throw error;
    }
  }
}

/**
 * Writes `files` (path relative to `outDir` → text) as the whole content of `outDir`, replacing what
 * this writer wrote there before (and keeping anything someone else added). Returns 'unchanged'
 * when the folder already holds exactly these files. Throws OutputFolderError (a folder it may not
 * use, another writer) or OutputWriteError (a failed write: one line; the folder is unchanged).
 */
export function writeFiles(files: ReadonlyMap<string, string>, outDir: string, what = 'output', options: WriteOptions = {}): 'written' | 'unchanged' {
  const fs = options.fs ?? realFs;
  const dir = resolve(outDir);
  const parent = dirname(dir);
  const c: Context = {
    fs,
    dir,
    parent,
    name: basename(dir),
    what,
    holder: options.holder ?? currentHolder(),
    isAlive: options.isAlive ?? holderAlive,
    warn: options.onWarning ?? ((m) => console.error(m)),
  };
  if (dir === parent) throw new OutputFolderError(`cannot write the ${what} to ${dir}: a root folder cannot be replaced`);
  let parentStat: import('node:fs').Stats | undefined;
  try {
    if (options.makeParent) fs.mkdirSync(parent, { recursive: true });
    parentStat = fs.statSync(parent);
  } catch (error) {
    const code = errnoCode(error) ?? 'error';
    if (options.makeParent || !['ENOENT', 'ENOTDIR'].includes(code)) throw new OutputWriteError(faultMessage(what, dir, error, `making its parent folder ${parent}`), code);
  }
  if (!parentStat) throw new OutputWriteError(`cannot write the ${what} to ${dir}: its parent folder ${parent} does not exist. Create it first, or choose another folder.`, 'ENOENT');
  if (!parentStat.isDirectory()) throw new OutputWriteError(`cannot write the ${what} to ${dir}: ${parent} is a file, not a folder. Choose another folder.`, 'ENOTDIR');

  let doing = `taking the lock ${join(parent, `.${c.name}${SIBLING}lock`)}`;
  const step = (now: string) => void (doing = now);
  let tmp: string | undefined;
  let release: (() => void) | undefined;
  try {
    const waitMs = options.lockWaitMs ?? Number(process.env.KB_LOCK_WAIT_S || 60) * 1000;
    release = acquireLock(join(parent, `.${c.name}${SIBLING}lock`), dir, what, { fs, waitMs, holder: c.holder, isAlive: c.isAlive, onWait: options.onWait ?? ((m) => console.error(m)) });
    step('cleaning up after an interrupted earlier run');
    recover(c);
    step(`reading ${dir}`);
    const current = inspect(fs, dir, what);
    checkNewPaths(c, files, current.ours);
    if (current.exists && sameFiles(c, files, current.ours)) return 'unchanged';

    tmp = join(parent, siblingName(c, 'tmp'));
    step(`creating ${tmp}`);
    fs.mkdirSync(tmp);
    const names = [...files.keys()].sort();
    step(`writing ${OUTPUT_MARKER}`);
    fs.writeFileSync(join(tmp, OUTPUT_MARKER), names.length > 0 ? `${names.join('\n')}\n` : '');
    const made = new Set<string>();
    for (const path of names) {
      const folder = dirname(path);
      // One level at a time, never `recursive`: should the temporary folder vanish (a writer that
      // wrongly thought this one dead cleaned it up), this write fails instead of making it again.
      const missing: string[] = [];
      for (let d = folder; d !== '.' && !made.has(d); d = dirname(d)) missing.unshift(d);
      for (const d of missing) {
        step(`creating the folder ${d}`);
        fs.mkdirSync(join(tmp, d));
        made.add(d);
      }
      step(`writing ${path}`);
      fs.writeFileSync(join(tmp, path), files.get(path)!);
    }
    carryForeign(c, tmp, step);
    const olds = swapIn(c, tmp, step);
    tmp = undefined;
    step('removing the previous files');
    for (const old of olds) {
      try {
        retire(c, old);
      } catch (error) {
        c.warn(`the ${what} is in place in ${dir}, but ${old} could not be removed (${errnoCode(error) ?? String(error)}); the next run removes it`);
      }
    }
    return 'written';
  } catch (error) {
    const code = errnoCode(error);
    let left = '';
    if (tmp) {
      try {
        removeTree(fs, tmp);
      } catch {
        left = ` (the temporary folder ${tmp} could not be removed; the next run removes it)`;
      }
    }
    if (!code || error instanceof OutputFolderError) throw error;
    const leftAt = (error as { leftAt?: string }).leftAt;
    const outcome = leftAt ? `the previous ${what} is in ${leftAt}, and the next run puts it back` : `${dir} is unchanged${left}`;
    throw new OutputWriteError(faultMessage(what, dir, error, doing, outcome), code);
  } finally {
    try {
      release?.();
    } catch {
      // a lock left behind is taken over by the next run (its holder, this process, is gone by then)
    }
  }
}
