/** No circular imports in src/: every module can be read, and loaded, after the ones it imports. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './support/import-graph.ts';

const root = join(import.meta.dirname, '..');

describe('import cycles', () => {
  it('src/ has none (type imports included)', () => {
    const graph = importGraph(join(root, 'src'));
    expect(graph.size, 'the walk found the source files').toBeGreaterThan(100);
    expect(graph.get('core/validate.ts'), 'the walk reads imports').toContain('core/yaml-source.ts');
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const files = (tree: Record<string, string>) => {
    const dir = mkdtempSync(join(scratch, 'case-'));
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('finds a cycle closed by a type import, a dynamic import or an .astro frontmatter import', () => {
    const dir = files({
      'a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
      'b.ts': "export { a } from './c.ts';\nexport type B = string;\n",
      'c.ts': "export const a = () => import('./a.ts');\n",
      'd.ts': "import { x } from './lib/e.ts';\n",
      'lib/e.ts': "export const x = 1;\n",
      'Page.astro': "---\nimport { y } from './f.ts';\n---\n<p>{y}</p>\n",
      'f.ts': "import Page from './Page.astro';\nexport const y = Page;\n",
    });
    expect(findCycles(importGraph(dir))).toEqual([
      ['Page.astro', 'f.ts', 'Page.astro'],
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
    ]);
  });

  it('finds none in an acyclic tree and ignores packages and files outside the folder', () => {
    const dir = files({ 'a.ts': "import { z } from 'zod';\nimport { b } from './b.ts';\nimport '../outside.ts';\n", 'b.ts': 'export const b = 1;\n' });
    expect(findCycles(importGraph(dir))).toEqual([]);
  });
});
