/**
 * npm run build:lib — compiles the package's JavaScript into lib/ (run by `prepare`, so `npm install`
 * in a checkout builds it, and by `npm test` and `npm pack`):
 *
 *   lib/core/*.js, *.d.ts   the library (exports["."]): ESM, standalone declarations; FlexSearch's
 *                           compact build bundled under lib/core/search/vendor/ (no dependencies)
 *   lib/cli/*.js            the CLI (bin/vision-errors.mjs imports lib/cli/main.js)
 *   lib/core/explain/i18n/*.json  explain's strings (its reasons and advice), part of the library
 *   lib/content/i18n/*.json the CLI's translation files (src/core/i18n.ts imports them)
 *   lib/json/*.d.ts         types of the JSON exports (index.json, vendors/<id>.json, decisions/<id>.json)
 *
 * tsc does the compiling (see docs/library.md, "How it is built", for why tsc). It rewrites `.ts` import paths to `.js`
 * in JavaScript but keeps them in declaration files, which a consumer's tsc may reject (TS5097):
 * they are rewritten here, and the result is checked for anything a consumer could not resolve.
 *
 * tsc writes into a temporary folder; only files whose content changed are copied into lib/, so a
 * CLI running from lib/ meanwhile (the test suite packs the project while other tests run it)
 * never reads a half-written file.
 *
 * When nothing tsc reads has changed since the last build (a hash of src/core, src/cli, src/content/i18n,
 * the tsconfigs, this script and the versions of TypeScript, FlexSearch and @types/node, kept in
 * lib/.inputs-hash), lib/ is left as it is: `npm install`, `npm test` and every `npm pack` of the suite
 * would otherwise compile the same sources again (5 s of CPU each). `--force` compiles anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = join(root, 'lib');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesIn(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Everything the compiled lib/ depends on, hashed (paths and contents, in a fixed order). */
function inputsHash(): string {
  const hash = createHash('sha256');
  const packageJson = (name: string) => join(root, 'node_modules', name, 'package.json');
  const inputs = [
    ...['src/core', 'src/cli', 'src/content/i18n'].flatMap((dir) => filesIn(join(root, dir))),
    ...['tsconfig.json', 'tsconfig.lib.json', 'tsconfig.cli.json', 'scripts/build-lib.ts'].map((f) => join(root, f)),
    ...['typescript', 'flexsearch', '@types/node'].map(packageJson),
  ].sort();
  for (const file of inputs) hash.update(`${relative(root, file)}\u0000`).update(readFileSync(file)).update('\u0000');
  return hash.digest('hex');
}

const HASH_FILE = join(lib, '.inputs-hash');
const hash = inputsHash();
const OUTPUTS = ['core/index.js', 'core/index.d.ts', 'cli/main.js', 'json/index.d.ts', 'json/vendor.d.ts'];
if (!process.argv.includes('--force') && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash && OUTPUTS.every((f) => existsSync(join(lib, f)))) {
  console.log('build:lib: lib/ is up to date with its sources (nothing compiled; --force to compile anyway)');
  process.exit(0);
}
rmSync(HASH_FILE, { force: true });
const out = mkdtempSync(join(tmpdir(), 'vision-errors-lib-'));

for (const project of ['tsconfig.lib.json', 'tsconfig.cli.json']) {
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, project), '--outDir', out], { stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    console.error(`build:lib: tsc -p ${project} failed`);
    process.exit(1);
  }
}

/** Write `text` to lib/<path> unless it holds exactly that already (write aside, then rename). */
function update(path: string, text: string): void {
  const target = join(lib, path);
  if (existsSync(target) && readFileSync(target, 'utf8') === text) return;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
}

const RELATIVE_TS = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g;

// FlexSearch (Apache-2.0) ships inside the package, so the library needs no dependency: its compact
// ES module (the one the site's browser build uses) and licence go to lib/core/search/vendor/, and
// the one module that imports 'flexsearch' is pointed at that copy.
const FLEXSEARCH = dirname(dirname(createRequire(import.meta.url).resolve('flexsearch'))); // its main file is dist/…
const FLEXSEARCH_IMPORTER = join('core', 'search', 'flexsearch.js');
update(join('core', 'search', 'vendor', 'flexsearch.js'), readFileSync(join(FLEXSEARCH, 'dist', 'flexsearch.compact.module.min.js'), 'utf8'));
update(join('core', 'search', 'vendor', 'flexsearch.LICENSE'), readFileSync(join(FLEXSEARCH, 'LICENSE'), 'utf8'));

const problems: string[] = [];
for (const file of filesIn(out)) {
  const text = readFileSync(file, 'utf8');
  let rewritten = file.endsWith('.d.ts') ? text.replace(RELATIVE_TS, '$1$2.js$3') : text;
  if (relative(out, file) === FLEXSEARCH_IMPORTER) {
    rewritten = rewritten.replace(/from 'flexsearch';/, "from './vendor/flexsearch.js';");
    if (rewritten === text) problems.push(`lib/${FLEXSEARCH_IMPORTER}: no import of 'flexsearch' to point at the bundled copy`);
  }
  const name = join('lib', relative(out, file));
  update(relative(out, file), rewritten);
  if (RELATIVE_TS.test(rewritten)) problems.push(`${name}: still imports a .ts path`);
  RELATIVE_TS.lastIndex = 0;
  // The library's own files must not need any package at run time or for their types.
  if (name.startsWith(join('lib', 'core')) && /^(?:import|export)\b[^\n]*\bfrom\s+['"](?![./])/m.test(rewritten)) problems.push(`${name}: imports a package`);
}

// Types of the JSON exports: `import index from 'vision-error-codes/index.json' with { type: 'json' }`
// is an ArtifactIndex, a vendor's file an ArtifactVendorFile (package.json maps them by "types").
rmSync(out, { recursive: true, force: true });
const jsonTypes = (type: string, what: string, from = 'artifact-types') =>
  `/** ${what} */\nimport type { ${type} } from '../core/${from}.js';\ndeclare const data: ${type};\nexport default data;\n`;
update(join('json', 'index.d.ts'), jsonTypes('ArtifactIndex', 'vision-error-codes/index.json: every category, vendor and entry.'));
update(join('json', 'vendor.d.ts'), jsonTypes('ArtifactVendorFile', 'vision-error-codes/vendors/<id>.json: one vendor, its categories and entries.'));
update(join('json', 'decisions.d.ts'), jsonTypes('DecisionTable', "vision-error-codes/decisions/<id>.json: one vendor's decision table (decide(), nextStep()).", 'decision-table'));

if (problems.length) {
  console.error(`build:lib:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(HASH_FILE, hash);
console.log('build:lib: lib/core (library + declarations), lib/cli (CLI), lib/json (types of the JSON exports)');
