/**
 * vision-errors: the knowledge base on the command line. Compiled to lib/cli/main.js (npm run
 * build:lib) and started by bin/vision-errors.mjs (or directly: node src/cli/main.ts …). Run with
 * --help for the commands.
 *
 * Data: the JSON artifact. In order: --index <file> or $VISION_ERRORS_INDEX; else
 * dist/api/v1/index.json (a checkout's build) or lib/data/index.json (an installed package), unless
 * data/ is newer or $KB_DATA_DIR is set; else the artifact is built in memory from data/ (src/node,
 * which needs the dev dependencies zod and yaml: a repository checkout).
 *
 * Exit status: 0 found / explained, 1 nothing found / not explained, 2 usage error or no data.
 *
 *   args.ts          the command line, checked before any data is loaded
 *   load-index.ts    the data (see there for where it comes from)
 *   print.ts         terminal output; help.ts the --help text; escape.ts untrusted text made safe
 *   commands/*.ts    one module per command
 */
import { checkArgs, commandOf, langOf, parseCommandLine, UsageError, type Command } from './args.ts';
import type { CommandContext } from './commands/context.ts';
import { explain } from './commands/explain.ts';
import { find } from './commands/find.ts';
import { lookup } from './commands/lookup.ts';
import { search } from './commands/search.ts';
import { triage } from './commands/triage.ts';
import { vendors } from './commands/vendors.ts';
import { escapeLine, escapeText } from './escape.ts';
import { helpText } from './help.ts';
import { DataError, loadIndex, openLookup, packageVersion } from './load-index.ts';
import { Printer, style } from './print.ts';
import type { KbIndex } from '../core/lookup.ts';

const RUN: Record<Exclude<Command, 'help'>, (c: CommandContext) => number | Promise<number>> = { find, lookup, explain, search, vendors, triage };

/** Help with the vendors and examples of the data at hand; generic when no data can be read. */
async function printHelp(indexArg: string | undefined): Promise<number> {
  let index: KbIndex | undefined;
  try {
    index = await loadIndex(indexArg ?? process.env.VISION_ERRORS_INDEX);
  } catch {
    // help must work without data
  }
  process.stdout.write(helpText(index));
  return 0;
}

/** The tool's version, and the data's when there is data. */
async function printVersion(indexArg: string | undefined): Promise<number> {
  let data = '';
  try {
    const index = await loadIndex(indexArg ?? process.env.VISION_ERRORS_INDEX);
    data = escapeLine(` (artifact ${index.artifact_version ?? '?'}, data ${index.data_version ?? '?'}, ${index.entries.length} entries)`);
  } catch {
    // the version of the tool is still worth printing
  }
  process.stdout.write(`vision-errors ${packageVersion()}${data}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, args } = parseCommandLine(argv);
  if (values.help) return printHelp(values.index);
  const lang = langOf(values);
  const json = values.json === true;
  if (values.version) return printVersion(values.index);

  const { command, operands } = commandOf(args);
  if (command === 'help') return printHelp(values.index);
  const checked = checkArgs(command, values, operands, process.stdin.isTTY === true);

  const l = await openLookup(values.index ?? process.env.VISION_ERRORS_INDEX);
  const p = new Printer(l, lang, style(!json && values['no-color'] !== true));
  return RUN[command]({ l, p, lang, json, values, operands, checked });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`vision-errors: ${escapeLine(error.message)}\nRun vision-errors --help for the commands and examples.\n`);
    process.exitCode = 2;
  } else if (error instanceof DataError) {
    process.stderr.write(`vision-errors: ${escapeText(error.message)}\n`);
    process.exitCode = 2;
  } else throw error;
}
