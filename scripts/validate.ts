/**
 * npm run validate [-- <data-dir>]
 * Prints every problem as `file:line:column field.path: what is wrong` and exits 1 if there are any.
 */
import { validateDataDir, DEFAULT_DATA_DIR } from '../src/node/data-files.ts';
import { formatProblem } from '../src/core/yaml-source.ts';

const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR;
const result = validateDataDir(dataDir);
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n✖ ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was built.`);
  process.exit(1);
}
const entries = result.kb.vendors.reduce((n, v) => n + v.entries.length, 0);
console.log(
  `✔ data is valid: ${result.kb.vendors.length} vendors, ${entries} entries, ${result.kb.categories.length} categories` +
    `\n  ${result.kb.vendors.map((v) => `${v.vendor.id} ${v.entries.length}`).join(', ')}`,
);
