/**
 * Reads the data folder from disk. Node-only: src/core stays free of I/O so it runs in the browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSources, type KnowledgeBase, type SourceFile } from '../core/validate.ts';
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

export function readDataSources(dataDir = DEFAULT_DATA_DIR): { categories: SourceFile; vendors: SourceFile[]; groups?: SourceFile } {
  const read = (path: string): SourceFile => ({ path: display(path), text: readFileSync(path, 'utf8') });
  const paths = dataFilePaths(dataDir);
  return { categories: read(paths.categories), vendors: paths.vendors.map(read), ...(paths.groups ? { groups: read(paths.groups) } : {}) };
}

/** Changes when a data file is added, removed or saved (the dev server reloads the data then). */
export function dataFolderStamp(dataDir = DEFAULT_DATA_DIR): string {
  const paths = dataFilePaths(dataDir);
  return [paths.categories, ...paths.vendors, ...(paths.groups ? [paths.groups] : [])]
    .map((path) => {
      const stat = statSync(path);
      return `${path}:${stat.mtimeMs}:${stat.size}`;
    })
    .join('\n');
}

export function validateDataDir(dataDir = DEFAULT_DATA_DIR) {
  const { categories, vendors, groups } = readDataSources(dataDir);
  return validateSources(categories, vendors, groups);
}

// Astro's pages and the integration that writes the artifact run in one process but hold two
// copies of this module (Vite bundles one into the pages), so the cache lives on globalThis.
const LOADED = Symbol.for('vision-errors.loaded-data');
type LoadedCache = Map<string, { stamp: string; kb: KnowledgeBase }>;

/**
 * Load and validate; throws DataValidationError listing every problem. A folder whose files have
 * not changed since the last call in this process is not read again (the result is shared; treat
 * it as read-only).
 */
export function loadKnowledgeBase(dataDir = DEFAULT_DATA_DIR): KnowledgeBase {
  const cache: LoadedCache = ((globalThis as { [LOADED]?: LoadedCache })[LOADED] ??= new Map());
  const stamp = dataFolderStamp(dataDir);
  const hit = cache.get(dataDir);
  if (hit?.stamp === stamp) return hit.kb;
  const result = validateDataDir(dataDir);
  if (!result.ok) throw new DataValidationError(result.problems);
  cache.set(dataDir, { stamp, kb: result.kb });
  return result.kb;
}
