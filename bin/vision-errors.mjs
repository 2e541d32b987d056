#!/usr/bin/env node
/**
 * Launcher of the vision-errors CLI: runs the compiled CLI, lib/cli/main.js (built from
 * src/cli/main.ts by `npm run build:lib`, which `npm install` in a checkout and `npm pack` run).
 *
 * - Node 22.12 or newer (package.json "engines"): imports it, with Node's compile cache on.
 * - An older Node in a checkout (e.g. a system Node 20): runs it with the project's own Node 24,
 *   the `node` dev dependency.
 * - Otherwise: says which Node is needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const MINIMUM = [22, 12]; // keep in step with "engines" in package.json
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const supported = major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
const main = new URL('../lib/cli/main.js', import.meta.url);

if (supported) {
  // V8's code cache for the CLI's modules (in the OS temp folder; Node 22.1+): later starts skip compiling.
  module.enableCompileCache?.();
  try {
    await import(main.href);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(main))) throw error;
    console.error(`vision-errors: ${fileURLToPath(main)} is missing. In a checkout, run \`npm run build:lib\` (\`npm install\` runs it).`);
    process.exitCode = 2;
  }
} else {
  const projectNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules') && existsSync(projectNode)) {
    const result = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    if (result.error) console.error(`vision-errors: cannot start ${projectNode}: ${result.error.message}`);
    process.exitCode = result.status ?? 2;
  } else {
    console.error(
      `vision-errors needs Node.js ${MINIMUM.join('.')} or newer; this is Node ${process.version}.\n` +
        'Install a current Node.js (https://nodejs.org), then run vision-errors again.',
    );
    process.exitCode = 2;
  }
}
