/**
 * What an output folder holds, compared with the artifacts it may hold: for the output writers'
 * process tests and scripts/fuzz-output.ts. A folder is "complete" when its files are exactly one
 * artifact's (byte for byte, the marker included); anything else is a mix, a part, or nothing.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArtifactForSite } from '../../src/node/artifact-files.ts';
import { loadKnowledgeBase, PROJECT_ROOT } from '../../src/node/data-files.ts';
import { decodedPath } from '../../src/core/model.ts';
import { OUTPUT_MARKER } from '../../src/node/write-files.ts';

/** Every regular file under `dir` (links and folders are not files): relative path → text. */
export function readTree(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = rel ? `${rel}/${name}` : name;
    const stat = lstatSync(join(dir, name));
    if (stat.isDirectory()) for (const [p, t] of readTree(join(dir, name), path)) out.set(p, t);
    else if (stat.isFile()) out.set(path, readFileSync(join(dir, name), 'utf8'));
  }
  return out;
}

/** The files build:api writes for a data folder (as the writer names them on disk), its marker included. */
export function expectedArtifact(dataDir: string, site: string): Map<string, string> {
  const artifact = buildArtifactForSite(loadKnowledgeBase(dataDir), site);
  const files = new Map([...artifact.files].map(([path, text]) => [decodedPath(path), text]));
  return new Map([...files, [OUTPUT_MARKER, `${[...files.keys()].sort().join('\n')}\n`]]);
}

export const sameFiles = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Which of the `known` artifacts `dir` holds, 'absent', or what is wrong (missing, extra and differing files). */
export function folderState(dir: string, known: Record<string, ReadonlyMap<string, string>>): string {
  if (!existsSync(dir)) return 'absent';
  const tree = readTree(dir);
  for (const [name, files] of Object.entries(known)) if (sameFiles(tree, files)) return name;
  // The closest one, for the message.
  const [name, files] = Object.entries(known).sort(([, a], [, b]) => differences(tree, a) - differences(tree, b))[0]!;
  const missing = [...files.keys()].filter((p) => !tree.has(p));
  const extra = [...tree.keys()].filter((p) => !files.has(p));
  const changed = [...files.keys()].filter((p) => tree.has(p) && tree.get(p) !== files.get(p));
  return `a mix (nearest ${name}: ${missing.length} missing, ${extra.length} extra, ${changed.length} differing: ${[...missing, ...extra, ...changed].slice(0, 4).join(', ')})`;
}

function differences(tree: ReadonlyMap<string, string>, files: ReadonlyMap<string, string>): number {
  return [...new Set([...tree.keys(), ...files.keys()])].filter((p) => tree.get(p) !== files.get(p)).length;
}

/**
 * Three small data folders under `dir` (a, b, c: different vendors and entries, 8 to 12 artifact
 * files each), so that a folder holding parts of two is told from one holding either.
 */
export function smallDataSets(dir: string): Record<'a' | 'b' | 'c', string> {
  const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'test/fixtures/valid', name), 'utf8');
  const sets = { a: ['minimal.yaml'], b: ['minimal.yaml', 'other.yaml'], c: ['other.yaml'] } as const;
  const out = {} as Record<'a' | 'b' | 'c', string>;
  for (const [name, vendors] of Object.entries(sets) as ['a' | 'b' | 'c', readonly string[]][]) {
    const data = join(dir, `data-${name}`);
    mkdirSync(join(data, 'vendors'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'data', 'categories.yaml'), join(data, 'categories.yaml'));
    for (const vendor of vendors) writeFileSync(join(data, 'vendors', vendor), fixture(vendor).replace('Something was bad.', `Something was bad (data set ${name}).`));
    out[name] = data;
  }
  return out;
}
