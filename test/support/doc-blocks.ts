/**
 * The runnable code blocks of README.md and docs/*.md, so that examples and what their comments say
 * stay true. A block is runnable when its info string says so:
 *
 *   ```ts runnable                     (or js; `name=vision-client.ts` writes it under that name,
 *   const x = f(); // 'expected'        so another block, or a test, can import it)
 *   ```
 *
 * Each block is written to a folder of its own module, imports of the package pointed at this
 * checkout (`vision-error-codes` → src/core/index.ts, `…/index.json` → the real index, `…/vendors/<id>.json`
 * and `…/decisions/<id>.json` → built from it). A line at the top level of a block that ends in a
 * comment starting with a literal (`expr; // ['a', 'b']`, `const n = f(); // 3: prose`) asserts that
 * value: arrays and primitives exactly, objects by the keys the comment names. Blocks run as they are
 * otherwise; each must stand on its own.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decisionTable } from '../../src/core/decision-table.ts';
import type { ArtifactIndex, ArtifactVendorFile } from '../../src/core/artifact-types.ts';

export const root = join(import.meta.dirname, '..', '..');

export interface DocBlock {
  /** Where the block starts (its fence), as `docs/integrating.md:12`. */
  where: string;
  lang: 'js' | 'ts';
  name?: string;
  code: string;
}

/** README.md and docs/*.md, as paths from the project root. */
export function documentationFiles(): string[] {
  const docs = join(root, 'docs');
  let names: string[] = [];
  try {
    names = readdirSync(docs).filter((n) => n.endsWith('.md')).sort();
  } catch {
    // no docs/ yet
  }
  return ['README.md', ...names.map((n) => `docs/${n}`)];
}

const FENCE = /^(\s*)(`{3,})(.*)$/;

export function runnableBlocks(files: string[] = documentationFiles()): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const file of files) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = FENCE.exec(lines[i]!);
      if (!open) continue;
      const [lang, ...flags] = open[3]!.trim().split(/\s+/);
      const end = lines.findIndex((l, j) => j > i && l.trim() === open[2]);
      const close = end === -1 ? lines.length : end;
      if ((lang === 'js' || lang === 'ts' || lang === 'mjs') && flags.includes('runnable')) {
        const name = flags.find((f) => f.startsWith('name='))?.slice(5);
        const indent = open[1]!.length;
        const code = lines.slice(i + 1, close).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
        blocks.push({ where: `${file}:${i + 1}`, lang: lang === 'ts' ? 'ts' : 'js', ...(name ? { name } : {}), code });
      }
      i = close;
    }
  }
  return blocks;
}

/** The value a comment starts with, if it starts with a literal: `['a', 'b']`, `'x': prose`, `3 (prose)`. */
export function commentValue(comment: string): { value: unknown } | undefined {
  const text = comment.trim();
  if (!/^(?:[[{'"`\d-]|true\b|false\b|null\b|undefined\b)/.test(text)) return undefined;
  // The longest prefix that is a literal, cut before a colon, a parenthesis, a comma or a semicolon.
  const cuts = [text.length, ...[...text.matchAll(/[:(,;]|\s[—–-]\s/g)].map((m) => m.index!)].sort((a, b) => b - a);
  for (const cut of cuts) {
    const candidate = text.slice(0, cut).trim();
    if (!candidate) continue;
    try {
      const value: unknown = new Function(`"use strict"; return (${candidate});`)();
      return { value };
    } catch {
      // not a literal up to here
    }
  }
  return undefined;
}

const ASSERTED = /^(?:(const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*)?(\S.*?);\s*\/\/\s*(.+)$/;

/** The block with its value comments turned into checks. */
export function withChecks(block: DocBlock): string {
  const lines = block.code.split('\n').map((line, n) => {
    if (/^\s/.test(line)) return line;
    const m = ASSERTED.exec(line);
    if (!m || /^(?:import|export|return|if|for|while|throw)\b/.test(m[3]!)) return line;
    const expected = commentValue(m[4]!);
    if (!expected) return line;
    const where = JSON.stringify(`${block.where.split(':')[0]}:${Number(block.where.split(':')[1]) + n + 1}`);
    const literal = m[4]!.trim();
    const value = JSON.stringify(expected.value) ?? 'undefined';
    return m[1]
      ? `${m[1]} ${m[2]} = ${m[3]}; __check(${m[2]}, ${value}, ${where}, ${JSON.stringify(literal)});`
      : `__check(${m[3]}, ${value}, ${where}, ${JSON.stringify(literal)});`;
  });
  return `${lines.join('\n')}\n${CHECK}`;
}

const CHECK = `
function __matches(actual, expected) {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => __matches(actual[i], e));
  if (expected && typeof expected === 'object') return actual !== null && typeof actual === 'object' && Object.keys(expected).every((k) => __matches(actual[k], expected[k]));
  return Object.is(actual, expected);
}
function __check(actual, expected, where, comment) {
  if (!__matches(actual, expected)) throw new Error(\`\${where}: the comment says \${comment}, the code gives \${JSON.stringify(actual)}\`);
}
`;

/**
 * Writes every block into `dir` (as its `name`, else block-<n>.<ext>) with the package's imports
 * pointed at this checkout, and the data files they import. Returns each block's path.
 */
export function writeBlocks(blocks: DocBlock[], dir: string, indexFile: string): string[] {
  mkdirSync(join(dir, 'data', 'vendors'), { recursive: true });
  mkdirSync(join(dir, 'data', 'decisions'), { recursive: true });
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as ArtifactIndex;
  for (const v of index.vendors) {
    const entries = index.entries.filter((e) => e.vendor === v.id);
    const used = new Set(entries.map((e) => e.category));
    const file: ArtifactVendorFile = { artifact_version: index.artifact_version, data_version: index.data_version, site: index.site, vendor: v, categories: index.categories.filter((c) => used.has(c.id)), entries };
    writeFileSync(join(dir, 'data', 'vendors', `${v.id}.json`), JSON.stringify(file));
    writeFileSync(join(dir, 'data', 'decisions', `${v.id}.json`), JSON.stringify(decisionTable(file)));
  }
  const library = pathToFileURL(join(root, 'src', 'core', 'index.ts')).href;
  const local = (path: string) => `./${relative(dir, join(dir, path))}`;
  return blocks.map((block, n) => {
    const code = withChecks(block)
      .replace(/(['"])vision-error-codes\1/g, JSON.stringify(library))
      .replace(/(['"])vision-error-codes\/index\.json\1/g, JSON.stringify(pathToFileURL(indexFile).href))
      .replace(/(['"])vision-error-codes\/(vendors|decisions)\/([\w-]+)\.json\1/g, (_m, _q, kind: string, id: string) => JSON.stringify(local(`data/${kind}/${id}.json`)));
    const path = join(dir, block.name ?? `block-${n + 1}.${block.lang === 'ts' ? 'ts' : 'mjs'}`);
    writeFileSync(path, code);
    return path;
  });
}
