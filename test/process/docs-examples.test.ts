/**
 * The runnable code blocks of README.md and docs/*.md (```js runnable, ```ts runnable) run against this
 * checkout, and what their value comments say holds (test/support/doc-blocks.ts says how).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentValue, runnableBlocks, writeBlocks, type DocBlock } from '../support/doc-blocks.ts';
import { realIndexFile } from '../support/real-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'doc-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'package.json'), '{"type":"module"}');

function run(path: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', path], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const blocks = runnableBlocks();
const paths = writeBlocks(blocks, dir, realIndexFile());

describe('runnable examples in README.md and docs/*.md', () => {
  it('are there: docs/integrating.md has its examples marked runnable', () => {
    expect(blocks.filter((b) => b.where.startsWith('docs/integrating.md')).length).toBeGreaterThanOrEqual(7);
  });

  it.concurrent.each(blocks.map((b, i) => [b.where, paths[i]!] as const))('%s runs, and its value comments hold', async (_where, path) => {
    const r = await run(path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a value comment that does not hold fails the block, naming the line and both values', async () => {
    const wrong: DocBlock = { where: 'docs/x.md:10', lang: 'js', code: "const sum = 1 + 1; // 3: wrong on purpose\n['a'].map((x) => x + 'b'); // ['ab']" };
    const [path] = writeBlocks([wrong], join(dir, 'wrong'), realIndexFile());
    writeFileSync(join(dir, 'wrong', 'package.json'), '{"type":"module"}');
    const r = await run(path!);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('docs/x.md:11: the comment says 3: wrong on purpose, the code gives 2');
  });

  it('reads a literal at the start of a comment, and nothing from a comment of words', () => {
    expect(commentValue("'baidu-face/111': the site's search engine")).toEqual({ value: 'baidu-face/111' });
    expect(commentValue('[500, 1000] (in ms)')).toEqual({ value: [500, 1000] });
    expect(commentValue('{ a: 1, b: [2] }')).toEqual({ value: { a: 1, b: [2] } });
    expect(commentValue('undefined: none')).toEqual({ value: undefined });
    expect(commentValue('attempt 1 = the call that just failed')).toBeUndefined();
    expect(commentValue("or, for 'retry': wait")).toBeUndefined();
  });
});
