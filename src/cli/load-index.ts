/**
 * The data the CLI answers from: the JSON artifact. In order: --index <file> or $VISION_ERRORS_INDEX;
 * else dist/api/v1/index.json (a checkout's build) or lib/data/index.json (an installed package),
 * unless data/ is newer or $KB_DATA_DIR is set; else the artifact is built in memory from data/
 * (src/node, which needs the dev dependencies zod and yaml: a repository checkout).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLookup, InvalidIndexError, type KbIndex, type Lookup } from '../core/lookup.ts';
import { useSearchFiles, type SearchFileReader } from '../core/search/prebuilt-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// A checkout's build writes dist/api/v1/; an installed package carries lib/data/ (npm pack writes it).
const BUILT_INDEX = [join(ROOT, 'dist', 'api', 'v1', 'index.json'), join(ROOT, 'lib', 'data', 'index.json')].find((p) => existsSync(p)) ?? join(ROOT, 'dist', 'api', 'v1', 'index.json');

/** No data, or data that cannot be read: exit status 2, the message as it is. */
export class DataError extends Error {}

function readIndexFile(path: string): KbIndex {
  let index: unknown;
  try {
    index = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Its shape is checked by createLookup (InvalidIndexError), like any index given to the library.
  return index as KbIndex;
}

/**
 * In a repository checkout: is any data file newer than the built artifact? (Then the artifact is
 * stale: build in memory.) An installed package (under node_modules) is never stale: unpacking
 * gives its files arbitrary modification times.
 */
function dataIsNewer(than: string): boolean {
  const dataDir = join(ROOT, 'data');
  if (ROOT.split(sep).includes('node_modules') || !existsSync(join(dataDir, 'vendors'))) return false;
  const built = statSync(than).mtimeMs;
  const files = [join(dataDir, 'categories.yaml'), ...readdirSync(join(dataDir, 'vendors')).map((n) => join(dataDir, 'vendors', n))];
  return files.some((f) => existsSync(f) && statSync(f).mtimeMs > built);
}

export async function loadIndex(explicit: string | undefined): Promise<KbIndex> {
  return (await loadIndexFrom(explicit)).index;
}

/** The index, and the file it was read from (none when it was built in memory from data/). */
async function loadIndexFrom(explicit: string | undefined): Promise<{ index: KbIndex; file?: string }> {
  if (explicit) return { index: readIndexFile(explicit), file: explicit };
  if (!process.env.KB_DATA_DIR && existsSync(BUILT_INDEX) && !dataIsNewer(BUILT_INDEX)) return { index: readIndexFile(BUILT_INDEX), file: BUILT_INDEX };
  // src/node is TypeScript that only a checkout has (with zod and yaml): imported by a computed path
  // so that the compiled CLI (lib/cli/main.js) neither contains nor requires it.
  let node: [NodeDataFiles, NodeArtifactFiles];
  try {
    const source = (name: string) => pathToFileURL(join(ROOT, 'src', 'node', name)).href;
    node = (await Promise.all([import(source('data-files.ts')), import(source('artifact-files.ts'))])) as [NodeDataFiles, NodeArtifactFiles];
  } catch (error) {
    throw new DataError(
      `no data: ${BUILT_INDEX} is missing and the data cannot be built here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n` +
        'Run `npm run build:api` in the repository, or point --index (or $VISION_ERRORS_INDEX) at an index.json.',
    );
  }
  const [{ loadKnowledgeBase, DataValidationError }, { buildArtifactForSite }] = node;
  try {
    const artifact = buildArtifactForSite(loadKnowledgeBase() as never);
    return { index: JSON.parse(artifact.files.get('index.json')!) as KbIndex };
  } catch (error) {
    if (error instanceof DataValidationError) throw new DataError(error.message);
    throw new DataError(error instanceof Error ? error.message : String(error));
  }
}

/** What the CLI uses of src/node/data-files.ts and src/node/artifact-files.ts. */
interface NodeDataFiles {
  loadKnowledgeBase(): unknown;
  DataValidationError: new (...args: never[]) => Error;
}
interface NodeArtifactFiles {
  buildArtifactForSite(kb: never): { files: Map<string, string> };
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The prebuilt search files in the folder `search/` beside an index file (the package's
 * lib/data/search/, beside lib/data/index.json): a file's parsed JSON; undefined for a missing manifest
 * (no prebuilt files there), a DataError for any other file missing or unreadable.
 * Only the index's own file names are read: a path that could leave the folder is none.
 */
function searchFilesBeside(indexFile: string): SearchFileReader {
  const dir = join(dirname(indexFile), 'search');
  return (path) => {
    if (!/^(?:[a-z]+\/)?[\w-]+\.json$/.test(path)) return undefined;
    const file = join(dir, path);
    // No manifest: no prebuilt files (the index is built). A file its manifest names is missing: an error.
    if (!existsSync(file)) {
      if (path === 'manifest.json') return undefined;
      throw new DataError(`the search file ${file} is missing: its folder is incomplete (delete ${dir} to search without it, or reinstall the package)`);
    }
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      throw new DataError(`cannot read the search file ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** The lookup over the index at `indexPath` (else the default one); a malformed index is a DataError. */
export async function openLookup(indexPath: string | undefined): Promise<Lookup> {
  try {
    const { index, file } = await loadIndexFrom(indexPath);
    const l = createLookup(index);
    if (file) useSearchFiles(l, searchFilesBeside(file));
    return l;
  } catch (error) {
    // A hand-made or truncated index: one line, exit 2, like an index that is not JSON at all.
    if (error instanceof InvalidIndexError) throw new DataError(`${indexPath ?? BUILT_INDEX}: ${error.message}`);
    throw error;
  }
}
