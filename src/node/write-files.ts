/**
 * One folder writer for generated files. It never deletes what it did not write: a folder it writes
 * gets a marker file listing its files, and the next run removes only those. A folder that is not
 * empty and has no marker (a user's folder, `.`, the project root) is refused with a message.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Lists, one per line, the files a writer put in its folder (the folder's own proof of ownership). */
export const OUTPUT_MARKER = '.vision-errors-output';

export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

function isEmptyDir(dir: string): boolean {
  return readdirSync(dir).length === 0;
}

/** The files a previous run wrote into `dir`, from its marker (undefined: no marker). */
export function markedFiles(dir: string): string[] | undefined {
  const marker = join(dir, OUTPUT_MARKER);
  if (!existsSync(marker)) return undefined;
  return readFileSync(marker, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    // A marker is only read, never trusted to point outside its folder.
    .filter((line) => !isAbsolute(line) && !relative(dir, join(dir, line)).startsWith('..'));
}

/**
 * May a writer put files into `dir`? Yes when it does not exist, is empty, or carries the marker.
 * Otherwise throws OutputFolderError naming the folder.
 */
export function assertWritableOutput(dir: string, what = 'output'): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new OutputFolderError(`cannot write the ${what} to ${dir}: it is a file, not a folder`);
  if (isEmptyDir(dir) || markedFiles(dir) !== undefined) return;
  throw new OutputFolderError(
    `refusing to write the ${what} into ${dir}: the folder is not empty and was not written by this project ` +
      `(no ${OUTPUT_MARKER} file), so nothing in it is deleted. Choose a new or empty folder.`,
  );
}

/** Removes the files a previous run listed, then the folders they leave empty (never `dir` itself). */
function removePreviousFiles(dir: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    const path = join(dir, file);
    try {
      if (statSync(path).isFile()) unlinkSync(path);
    } catch {
      // already gone
    }
    for (let d = dirname(path); d !== dir && d.startsWith(dir + sep); d = dirname(d)) folders.add(d);
  }
  // Deepest first, so a parent is empty once its children are gone.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      if (isEmptyDir(folder)) rmdirSync(folder);
    } catch {
      // not there, or not empty: someone else's files stay
    }
  }
}

/**
 * Writes `files` (path relative to `outDir` → text) into `outDir`, replacing what this writer wrote
 * there before and nothing else. A file of someone else's at a path it needs is refused too.
 */
export function writeFiles(files: Map<string, string>, outDir: string, what = 'output'): void {
  const dir = resolve(outDir);
  assertWritableOutput(dir, what);
  const previous = existsSync(dir) ? (markedFiles(dir) ?? []) : [];
  const ours = new Set(previous);
  for (const path of files.keys()) {
    if (!ours.has(path) && existsSync(join(dir, path)))
      throw new OutputFolderError(`refusing to overwrite ${join(dir, path)}: this project did not write it. Move it away or choose another folder.`);
  }
  removePreviousFiles(dir, previous);
  mkdirSync(dir, { recursive: true });
  // The marker first: should a write fail half-way, the next run still knows which files are its own.
  const names = [...files.keys()].sort();
  writeFileSync(join(dir, OUTPUT_MARKER), `${names.join('\n')}\n`);
  for (const [path, text] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
