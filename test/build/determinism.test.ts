/**
 * Determinism: the whole build (`astro build`, as `npm run build`, which also writes the artifact and
 * the search index) run twice from the same data into two different temporary folders gives the
 * same files, byte for byte: every HTML page, the JSON artifact (dist/api/), the search index, the
 * assets and the sitemap. No timestamp, no absolute path of the output folder, no order that
 * depends on timing. The second folder's artifact and index are rewritten by the standalone
 * build:api and build:search scripts, so those must agree with the build too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../support/links.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kb-determinism-'));

function build(name: string, { rerunScripts = false } = {}): string {
  const out = join(work, name);
  const env: NodeJS.ProcessEnv = { ...process.env, KB_OUT_DIR: out };
  delete env.KB_DATA_DIR;
  const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(join(root, 'node_modules/.bin/astro'), ['build', '--silent']);
  if (rerunScripts) {
    run(process.execPath, ['scripts/build-api.ts']);
    run(process.execPath, ['scripts/build-search.ts']);
  }
  return out;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two builds from the same data', () => {
  it('write the same files with the same bytes', () => {
    const a = build('first');
    const b = build('second-build-elsewhere', { rerunScripts: true });
    const filesA = listFiles(a, '');
    const filesB = listFiles(b, '');
    expect(filesB).toEqual(filesA);
    expect(filesA.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(1200);
    expect(filesA.filter((f) => f.startsWith('api/v1/')).length).toBeGreaterThan(600);
    const differ: string[] = [];
    for (const file of filesA) {
      const x = readFileSync(join(a, file));
      const y = readFileSync(join(b, file));
      if (!x.equals(y)) {
        let at = 0;
        while (at < x.length && x[at] === y[at]) at++;
        differ.push(`${file} (first difference at byte ${at}: ${JSON.stringify(x.subarray(Math.max(0, at - 40), at + 40).toString())} vs ${JSON.stringify(y.subarray(Math.max(0, at - 40), at + 40).toString())})`);
      }
    }
    expect(differ).toEqual([]);
    // Neither output folder's path leaks into what was written.
    const leaks = filesA.filter((f) => /\.(html|json|js|css|xml)$/.test(f) && readFileSync(join(a, f), 'utf8').includes(work));
    expect(leaks).toEqual([]);
  }, 600_000);
});
