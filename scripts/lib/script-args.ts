/**
 * The command line of the project's scripts (benchmarks, generators, measures): node's parseArgs, plus
 * what a stranger tries first. `--help` prints the script's own doc comment (the block at the top of
 * its file, which says how to run it) and exits 0; an unknown option, a missing value or a stray
 * argument is one line naming it, then how to get the help, exit 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The leading `/** … *\/` comment of a file, without its frame. */
export function docComment(source: string): string {
  const match = /^(?:#![^\n]*\n)?\s*\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!match) return '';
  return match[1]!
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/**
 * parseArgs over process.argv for the script at `scriptUrl` (its import.meta.url), with `--help`.
 * On a bad command line, prints why and exits 2.
 */
export function scriptArgs<T extends ParseArgsOptionsConfig>(scriptUrl: string, options: T, argv: string[] = process.argv.slice(2)) {
  const file = fileURLToPath(scriptUrl);
  const name = basename(file);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${docComment(readFileSync(file, 'utf8')) || `node scripts/${name}`}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    process.stderr.write(`${name}: ${message}\nRun node scripts/${name} --help for its options.\n`);
    process.exit(2);
  }
}
