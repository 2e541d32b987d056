/**
 * npm run validate                      validate data/ (or $KB_DATA_DIR)
 * npm run validate -- <data-dir>        validate another data folder (categories.yaml + vendors/)
 * npm run validate -- <file.yaml> ...   validate single vendor files against data/categories.yaml
 *
 * Prints every problem as `file:line:column field.path: what is wrong` and exits 1 if there are any.
 */
import { statSync } from 'node:fs';
import { validateDataDir, DEFAULT_DATA_DIR, readDataSources, readSourceFile, isProblem } from '../src/node/data-files.ts';
import { validateSources, type SourceFile } from '../src/core/validate.ts';
import { formatProblem } from '../src/core/yaml-source.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run validate [-- <data-dir> | <vendor-file.yaml> ...]');
  process.exit(0);
}

function run() {
  if (args.length === 0) return validateDataDir(DEFAULT_DATA_DIR);
  const missing = args.filter((a) => {
    try {
      statSync(a);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    console.error(`validate: no such file or folder: ${missing.join(', ')}`);
    process.exit(2);
  }
  if (args.length === 1 && statSync(args[0]!).isDirectory()) return validateDataDir(args[0]);
  const { categories, problems } = readDataSources(DEFAULT_DATA_DIR);
  if (!categories) return { ok: false as const, problems };
  const sources = args.map(readSourceFile);
  const unreadable = sources.filter(isProblem);
  if (unreadable.length > 0) return { ok: false as const, problems: unreadable };
  return validateSources(categories, sources.filter((s): s is SourceFile => !isProblem(s)));
}

const result = run();
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n✖ ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was built.`);
  process.exit(1);
}
const entries = result.kb.vendors.reduce((n, v) => n + v.entries.length, 0);
console.log(
  `✔ data is valid: ${result.kb.vendors.length} vendor${result.kb.vendors.length === 1 ? '' : 's'}, ${entries} entries, ${result.kb.categories.length} categories` +
    `\n  ${result.kb.vendors.map((v) => `${v.vendor.id} ${v.entries.length}`).join(', ')}`,
);
