/**
 * Reads the data folder from disk. Node-only: src/core stays free of I/O so it runs in the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

export function readDataSources(dataDir = DEFAULT_DATA_DIR): { categories: SourceFile; vendors: SourceFile[] } {
  const read = (path: string): SourceFile => ({ path: display(path), text: readFileSync(path, 'utf8') });
  const vendorDir = join(dataDir, 'vendors');
  const names = readdirSync(vendorDir)
    .filter((name) => !name.startsWith('.'))
    .sort();
  return {
    categories: read(join(dataDir, 'categories.yaml')),
    vendors: names.map((name) => read(join(vendorDir, name))),
  };
}

export function validateDataDir(dataDir = DEFAULT_DATA_DIR) {
  const { categories, vendors } = readDataSources(dataDir);
  return validateSources(categories, vendors);
}

/** Load and validate; throws DataValidationError listing every problem. */
export function loadKnowledgeBase(dataDir = DEFAULT_DATA_DIR): KnowledgeBase {
  const result = validateDataDir(dataDir);
  if (!result.ok) throw new DataValidationError(result.problems);
  return result.kb;
}
