/**
 * Reads the data folder from disk. Node-only: src/core stays free of I/O so it runs in the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSources, type KnowledgeBase, type SourceFile, type ValidationResult } from '../core/validate.ts';
import { formatProblem, type Problem } from '../core/yaml-source.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** KB_DATA_DIR points the build at another data set (synthetic, hostile or broken fixtures). */
export const DEFAULT_DATA_DIR = process.env.KB_DATA_DIR ? resolve(process.env.KB_DATA_DIR) : join(PROJECT_ROOT, 'data');

export class DataValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const lines = problems.map(formatProblem);
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the data:\n${lines.join('\n')}`);
    this.name = 'DataValidationError';
    this.problems = problems;
  }
}

/** Paths in messages are relative to the working directory, so they are clickable in a terminal. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** categories.yaml, then every vendor file in name order, and equivalence-groups.yaml if the folder has one. */
export function dataFilePaths(dataDir = DEFAULT_DATA_DIR): { categories: string; vendors: string[]; groups?: string } {
  const vendorDir = join(dataDir, 'vendors');
  const names = readdirSync(vendorDir)
    .filter((name) => !name.startsWith('.'))
    .sort();
  const groups = join(dataDir, 'equivalence-groups.yaml');
  return {
    categories: join(dataDir, 'categories.yaml'),
    vendors: names.map((name) => join(vendorDir, name)),
    ...(existsSync(groups) ? { groups } : {}),
  };
}

/** A problem with the folder itself (no line to point at): printed as `path: message`. */
function folderProblem(path: string, message: string): Problem {
  return { file: display(path), line: 0, column: 0, path: '', message };
}

/** One data file as text and bytes (checked to be UTF-8 by the validator), or why it cannot be read. */
export function readSourceFile(path: string): SourceFile | Problem {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      try {
        return folderProblem(path, `is a symbolic link to ${readlinkSync(path)}, which does not exist`);
      } catch {
        return folderProblem(path, 'does not exist');
      }
    }
    return folderProblem(path, `cannot be read (${code ?? String(error)})`);
  }
  if (stat.isDirectory()) return folderProblem(path, 'is a folder, not a data file (move it out of the data folder)');
  if (!stat.isFile()) return folderProblem(path, 'is not a regular file');
  try {
    const bytes = readFileSync(path);
    return { path: display(path), text: bytes.toString('utf8'), bytes };
  } catch (error) {
    return folderProblem(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

export const isProblem = (x: SourceFile | Problem): x is Problem => 'message' in x;

export interface DataSources {
  /** Undefined when categories.yaml is missing or unreadable (then `problems` says so). */
  categories?: SourceFile;
  vendors: SourceFile[];
  /** data/equivalence-groups.yaml, when the folder has one. */
  groups?: SourceFile;
  /** What is wrong with the folder itself: missing parts, folders or broken links among the files. */
  problems: Problem[];
  /** Vendor files that could not be read (each has a problem): the validator knows their vendors exist. */
  unreadVendors: string[];
}

/** Reads the data folder. Never throws: every way a folder can be broken is a one-line problem with its path. */
export function readDataSources(dataDir = DEFAULT_DATA_DIR): DataSources {
  const problems: Problem[] = [];
  let isDir = false;
  try {
    isDir = statSync(dataDir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) return { vendors: [], problems: [folderProblem(dataDir, 'no such data folder (it needs categories.yaml and vendors/)')], unreadVendors: [] };
  const categories = readSourceFile(join(dataDir, 'categories.yaml'));
  if (isProblem(categories)) problems.push(existsSync(join(dataDir, 'categories.yaml')) ? categories : folderProblem(join(dataDir, 'categories.yaml'), 'missing: a data folder needs categories.yaml (the categories every entry refers to)'));
  const vendorDir = join(dataDir, 'vendors');
  let paths: string[] = [];
  try {
    if (!statSync(vendorDir).isDirectory()) throw new Error('not a folder');
    paths = dataFilePaths(dataDir).vendors;
  } catch {
    problems.push(folderProblem(vendorDir, 'missing: a data folder needs a vendors/ folder with one <vendor-id>.yaml per vendor'));
  }
  const vendors: SourceFile[] = [];
  const unreadVendors: string[] = [];
  for (const path of paths) {
    const source = readSourceFile(path);
    if (isProblem(source)) {
      problems.push(source);
      unreadVendors.push(path);
    } else vendors.push(source);
  }
  const groupsPath = join(dataDir, 'equivalence-groups.yaml');
  const groups = existsSync(groupsPath) ? readSourceFile(groupsPath) : undefined;
  if (groups && isProblem(groups)) problems.push(groups);
  return { ...(isProblem(categories) ? {} : { categories }), vendors, ...(groups && !isProblem(groups) ? { groups } : {}), problems, unreadVendors };
}

/** The content of the data folder, hashed: changes when a file is added, removed or its bytes change (not its time stamp). */
function contentStamp(sources: DataSources): string {
  const hash = createHash('sha256');
  for (const source of [sources.categories, ...sources.vendors, sources.groups]) {
    if (!source) continue;
    hash.update(`${source.path}\u0000${source.bytes?.byteLength ?? source.text.length}\u0000`);
    hash.update(source.bytes ?? source.text);
  }
  for (const problem of sources.problems) hash.update(formatProblem(problem));
  return hash.digest('hex');
}

function validateSourcesRead(sources: DataSources): ValidationResult {
  if (!sources.categories) return { ok: false, problems: sources.problems };
  const result = validateSources(sources.categories, sources.vendors, sources.groups, sources.unreadVendors);
  if (sources.problems.length === 0) return result;
  const problems = [...sources.problems, ...result.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}

export function validateDataDir(dataDir = DEFAULT_DATA_DIR): ValidationResult {
  return validateSourcesRead(readDataSources(dataDir));
}

// Astro's pages and the integration that writes the artifact run in one process but hold two
// copies of this module (Vite bundles one into the pages), so the cache lives on globalThis.
const LOADED = Symbol.for('vision-errors.loaded-data');
type LoadedCache = Map<string, { stamp: string; kb: KnowledgeBase }>;

/**
 * Load and validate; throws DataValidationError listing every problem. A folder whose content has
 * not changed since the last call in this process is not validated again (the files are read and
 * hashed: an edit that keeps the size and restores the time stamp is still seen). The result is
 * shared; treat it as read-only.
 */
export function loadKnowledgeBase(dataDir = DEFAULT_DATA_DIR): KnowledgeBase {
  const cache: LoadedCache = ((globalThis as { [LOADED]?: LoadedCache })[LOADED] ??= new Map());
  const sources = readDataSources(dataDir);
  const stamp = contentStamp(sources);
  const hit = cache.get(dataDir);
  if (hit?.stamp === stamp) return hit.kb;
  const result = validateSourcesRead(sources);
  if (!result.ok) throw new DataValidationError(result.problems);
  cache.set(dataDir, { stamp, kb: result.kb });
  return result.kb;
}
