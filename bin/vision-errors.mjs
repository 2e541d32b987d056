#!/usr/bin/env node
/**
 * Launcher of the vision-errors CLI (src/cli/main.ts, TypeScript run by Node's type stripping).
 *
 * - In a repository checkout (or `npm install -g .`, which links to it) on a Node that strips
 *   types (22.18+, 23.6+, 24): imports main.ts.
 * - Installed under node_modules (`npm install -g <tarball>`): Node refuses to strip types there,
 *   so this launcher strips the package's own .ts files itself (module.registerHooks +
 *   module.stripTypeScriptTypes: Node 22.15+, 23.5+, 24).
 * - An older Node in a checkout: runs main.ts with the project's own Node 24 (node_modules/node),
 *   or with --experimental-strip-types on Node 22.6+.
 * - Otherwise: says which Node is needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(realpathSync(fileURLToPath(import.meta.url))), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const args = process.argv.slice(2);
const underNodeModules = root.split(sep).includes('node_modules');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

function run(node, flags) {
  const result = spawnSync(node, [...flags, main, ...args], { stdio: 'inherit' });
  if (result.error) {
    console.error(`vision-errors: cannot start ${node}: ${result.error.message}`);
    process.exit(2);
  }
  process.exit(result.status ?? 2);
}

if (!underNodeModules && process.features.typescript) {
  await import(pathToFileURL(main).href);
} else if (underNodeModules && typeof module.registerHooks === 'function' && typeof module.stripTypeScriptTypes === 'function') {
  const prefix = pathToFileURL(root).href;
  module.registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith(prefix) || !url.endsWith('.ts')) return nextLoad(url, context);
      const loaded = nextLoad(url, { ...context, format: 'module' });
      const source = typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
      // stripTypeScriptTypes is marked experimental: keep its one-time warning off the user's terminal.
      const emitWarning = process.emitWarning;
      process.emitWarning = () => {};
      try {
        return { format: 'module', source: module.stripTypeScriptTypes(source), shortCircuit: true };
      } finally {
        process.emitWarning = emitWarning;
      }
    },
  });
  await import(pathToFileURL(main).href);
} else if (!underNodeModules && existsSync(join(root, 'node_modules', 'node', 'bin', 'node'))) {
  run(join(root, 'node_modules', 'node', 'bin', 'node'), []);
} else if (!underNodeModules && major === 22 && minor >= 6) {
  run(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning']);
} else {
  console.error(
    `vision-errors needs Node.js 22.18 or newer (22.15 or newer when installed with npm install -g); this is Node ${process.version}.\n` +
      'Install a current Node.js (https://nodejs.org), then run vision-errors again.',
  );
  process.exit(2);
}
