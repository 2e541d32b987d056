/**
 * npm run bench:scale [-- --sizes 1k,10k,50k]
 *
 * Builds the site from synthetic data of each size and, in the same run, a plain Starlight site with
 * the same number of Markdown pages (the baseline). Reports build time per page, peak memory, output
 * size and file count, search bytes per query and the largest vendor page. Rewrites the "Scale"
 * section of BENCHMARKS.md. A benchmark: it prints figures and never fails on them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/node/data-files.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { replaceSection } from './lib/benchmarks-md.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1k,10k,50k' }, work: { type: 'string', default: '/tmp/kb-scale' } } });
const sizes = values.sizes!.split(',');
const work = values.work!;
const log = (m: string) => console.error(`[bench:scale] ${m}`);

interface Run {
  seconds: number;
  peakMb: number;
}

/** Runs a command under GNU time: wall time and the peak resident memory of its largest process. */
function timed(command: string, args: string[], cwd: string, env: Record<string, string>): Run {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-3000)}`);
  const kb = Number(result.stderr.trim().split('\n').pop());
  return { seconds, peakMb: kb / 1024 };
}

function walk(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) {
      const sub = walk(path);
      bytes += sub.bytes;
      files += sub.files;
      html += sub.html;
    } else {
      bytes += info.size;
      files++;
      if (name.endsWith('.html')) html++;
    }
  }
  return { bytes, files, html };
}

/** A plain Starlight project with `pages` Markdown pages of about an entry page's text. */
function baselineProject(pages: number): string {
  const dir = join(work, `baseline-${pages}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/content/docs/p'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) execFileSync('cp', ['-al', join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules')]);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'baseline', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Baseline', pagefind: false })] });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  for (let i = 0; i < pages; i++) {
    writeFileSync(
      join(dir, 'src/content/docs/p', `${i}.md`),
      `---\ntitle: Code ${90000000 + i}\ndescription: The request is invalid. Check the request and send it again.\n---\n\n## What to do\n\nCheck the request and send it again. Retrying unchanged will not help.\n\n## Meaning\n\nThe parameter is invalid.\n\n| HTTP status | Category |\n|---|---|\n| 400 | Bad parameter |\n`,
    );
  }
  return dir;
}

async function searchBytes(dist: string): Promise<number> {
  const root = join(dist, 'search-index', 'v1');
  const queries = ['222202', 'ModelArts.4204', 'NO_FACE', 'pic not has face', 'blurry face', 'token expired', '人脸模糊', '429'];
  let total = 0;
  for (const q of queries) {
    const client = new SearchClient(async (path) => {
      const text = readFileSync(join(root, path), 'utf8');
      total += Buffer.byteLength(text);
      return JSON.parse(text);
    });
    await client.search(q, { limit: 13 });
  }
  return total / queries.length;
}

const rows: string[] = [];
mkdirSync(work, { recursive: true });
for (const size of sizes) {
  const total = Number(size.replace(/k$/, '000'));
  const data = join(work, `data-${size}`);
  const dist = join(work, `site-${size}`);
  log(`${size}: generating data`);
  execFileSync(process.execPath, ['scripts/generate-synthetic.ts', '--out', data, '--total', String(total), '--mode', 'vendors'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  log(`${size}: building our site (validate + astro build + artifact + search index)`);
  const ours = timed('npm', ['run', '-s', 'build'], PROJECT_ROOT, { KB_DATA_DIR: data, KB_OUT_DIR: dist });
  const out = walk(dist);
  log(`${size}: ${out.html} pages; building the plain Starlight baseline with as many pages`);
  const baseDir = baselineProject(out.html);
  const base = timed(join(baseDir, 'node_modules/.bin/astro'), ['build', '--silent'], baseDir, {});
  const baseOut = walk(join(baseDir, 'dist'));
  const vendorPages = readdirSync(dist).filter((d) => existsSync(join(dist, d, 'index.html')) && existsSync(join(dist, 'api/v1', `${d}.json`)));
  const largestVendor = Math.max(...vendorPages.map((d) => statSync(join(dist, d, 'index.html')).size));
  const perPage = (run: Run, pages: number) => (run.seconds * 1000) / pages;
  rows.push(
    `| ${size} | ${out.html} | ${ours.seconds.toFixed(0)} s | ${perPage(ours, out.html).toFixed(2)} ms | ${base.seconds.toFixed(0)} s (${baseOut.html} pages) | ${perPage(base, baseOut.html).toFixed(2)} ms | ${(perPage(ours, out.html) / perPage(base, baseOut.html)).toFixed(2)}× | ${ours.peakMb.toFixed(0)} MB | ${base.peakMb.toFixed(0)} MB | ${(out.bytes / 2 ** 20).toFixed(0)} MB, ${out.files} files | ${((await searchBytes(dist)) / 1024).toFixed(0)} KB | ${(largestVendor / 1024).toFixed(0)} KB |`,
  );
  log(rows[rows.length - 1]!);
  rmSync(baseDir, { recursive: true, force: true });
}

const body = [
  `Measured by \`npm run bench:scale\` on ${new Date().toISOString().slice(0, 10)} (2 cores, 24 GiB). Synthetic vendors of up to 10,000 codes are added to the real data.`,
  'Our build is the whole `npm run build` (validation, Astro build, JSON artifact, search index); the baseline is `astro build` of a plain Starlight site with the same number of Markdown pages, run right after it.',
  'Peak memory is the largest process of each build (GNU time). Search bytes: the mean of what eight typical queries fetch from the index (the search code itself, ~40 KB once, excluded). The largest vendor page is page 1 of its list (lists are split into pages of 500 rows).',
  '',
  '| entries | pages built | our build | per page | plain Starlight | per page | ratio | our peak memory | baseline peak memory | output | search bytes/query | largest vendor page |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '', 'Scale', body));
console.log(body);
