/** What every command gets: the data, the printer, the checked arguments and the ways to answer. */
import type { Lang } from '../../core/artifact-types.ts';
import type { Lookup } from '../../core/lookup.ts';
import { UsageError, type CheckedArgs, type Options } from '../args.ts';
import { escapeJson, escapeLine } from '../escape.ts';
import type { Printer } from '../print.ts';
import { translate } from '../../core/i18n.ts';

export interface CommandContext {
  readonly l: Lookup;
  readonly p: Printer;
  readonly lang: Lang;
  /** --json: machine-readable output instead of the printer's. */
  readonly json: boolean;
  readonly values: Options;
  readonly operands: string[];
  readonly checked: CheckedArgs;
}

/** A vendor named on the command line, as its id; an unknown one is a usage error. */
export function vendorArg(c: CommandContext, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const id = c.l.vendorId(name);
  if (!id) throw new UsageError(`unknown vendor "${name}"; the vendors are ${c.l.vendorIds().join(', ')}`);
  return id;
}

/** --json output: indented, with terminal control characters escaped. */
export function printJson(value: unknown): void {
  process.stdout.write(`${escapeJson(JSON.stringify(value, null, 2))}\n`);
}

export function printNotFound(c: CommandContext, what: string): void {
  process.stderr.write(`${translate(c.lang, 'cli.notFound')} ${escapeLine(what)}\n`);
}
