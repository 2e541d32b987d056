/**
 * The command line: options and operands (negative numbers such as PicWish's `-8` are operands),
 * the language, the command, and each command's arguments checked before any data is loaded.
 */
import { parseArgs } from 'node:util';
import type { EntryKind, Lang } from '../core/artifact-types.ts';

/** A mistake in the command line: exit status 2, with a pointer to --help. */
export class UsageError extends Error {}

/**
 * The named commands. A new command is a name here, its checks in checkArgs, its module under
 * commands/ registered in commands/index.ts and a line in help.ts (as `triage` came).
 */
export const COMMANDS = ['find', 'lookup', 'explain', 'search', 'vendors', 'triage', 'help'] as const;
/** `pasted`: no command named: whatever the user pasted (a code, a message, a body, or stdin). */
export type Command = (typeof COMMANDS)[number] | 'pasted';

const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  status: { type: 'string' },
  vendor: { type: 'string' },
  kind: { type: 'string' },
  limit: { type: 'string' },
  index: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export interface Options {
  json?: boolean;
  lang?: string;
  status?: string;
  vendor?: string;
  kind?: string;
  limit?: string;
  index?: string;
  'no-color'?: boolean;
  help?: boolean;
  version?: boolean;
}

const KINDS: Record<string, EntryKind> = { error: 'error', 'http-status': 'http-status', http: 'http-status', 'task-state': 'task-state', state: 'task-state', 'sdk-error': 'sdk-error', sdk: 'sdk-error' };

/** `-8` is a PicWish state, not an option: hide negative numbers from the option parser. */
const NEGATIVE = /^-\d+$/;
const MARK = '\u0000neg';

/** The options and the positional arguments. */
export function parseCommandLine(argv: string[]): { values: Options; args: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv.map((a) => (NEGATIVE.test(a) ? MARK + a : a)), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const unmark = (a: string) => (a.startsWith(MARK) ? a.slice(MARK.length) : a);
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, typeof v === 'string' ? unmark(v) : v])) as Options;
  return { values, args: parsed.positionals.map(unmark) };
}

/**
 * --lang: en or zh, in the spellings people use. Without it, the locale: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set (POSIX order) gives zh when it is a Chinese one (zh_CN.UTF-8, zh_TW…);
 * anything else (C, en_US.UTF-8, unset) gives en.
 */
export function langOf(values: Options, env: Record<string, string | undefined> = {}): Lang {
  if (values.lang === undefined) {
    const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
    return locale !== undefined && /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh' : 'en';
  }
  const langArg = values.lang.toLowerCase();
  const lang: Lang | undefined = langArg === 'en' ? 'en' : ['zh', 'zh-cn', 'zh-hans', 'cn'].includes(langArg) ? 'zh' : undefined;
  if (!lang) throw new UsageError(`--lang must be en or zh, not "${values.lang}"`);
  return lang;
}

/** The command and its operands; anything else (a code, a message, a body) is `pasted`, and so is nothing when stdin is piped. */
export function commandOf(args: string[], stdinIsTTY: boolean): { command: Command; operands: string[] } {
  const [first, ...rest] = args;
  if (first === undefined) {
    if (stdinIsTTY) throw new UsageError('nothing to do: give a code, a message, a response body or a command');
    return { command: 'pasted', operands: [] };
  }
  if ((COMMANDS as readonly string[]).includes(first)) return { command: first as Command, operands: rest };
  return { command: 'pasted', operands: args };
}

export interface CheckedArgs {
  status?: number;
  kind?: EntryKind;
  limit: number;
}

/** The command's options and operands, checked before any data is loaded. */
export function checkArgs(command: Command, values: Options, operands: string[], stdinIsTTY: boolean): CheckedArgs {
  const only = (allowed: string[]) => {
    const given = (['status', 'vendor', 'kind', 'limit'] as const).filter((k) => values[k] !== undefined && !allowed.includes(k));
    if (given.length > 0) throw new UsageError(`--${given[0]} does not apply to ${command === 'pasted' ? 'a code, message or body' : command}`);
  };
  const needs = (n: number, what: string) => {
    if (operands.length !== n) throw new UsageError(`${command} takes ${what}`);
  };
  const checked: CheckedArgs = { limit: 20 };
  switch (command) {
    case 'find':
      only([]);
      needs(1, 'one code');
      break;
    case 'lookup':
      only(['kind']);
      // One operand is most often a code alone: say how to look it up at every vendor.
      if (operands.length === 1) throw new UsageError(`lookup takes a vendor and a code (vision-errors lookup baidu-face 222202); for a code at every vendor: vision-errors find ${operands[0]}`);
      needs(2, 'a vendor and a code');
      if (values.kind !== undefined) {
        checked.kind = KINDS[values.kind];
        if (!checked.kind) throw new UsageError(`--kind must be error, http-status, task-state or sdk-error, not "${values.kind}"`);
      }
      break;
    case 'explain':
      only(['status', 'vendor']);
      if (operands.length > 1) throw new UsageError('explain takes at most one file (or reads stdin)');
      checked.status = statusArg(values);
      if (operands.length === 0 && stdinIsTTY) throw new UsageError('explain reads the body from stdin: pipe it in (… | vision-errors explain) or give a file');
      break;
    case 'pasted':
      only(['status', 'vendor', 'limit']);
      checked.status = statusArg(values);
      checked.limit = limitArg(values, 5);
      break;
    case 'search':
      only(['limit', 'vendor']);
      if (operands.length === 0) throw new UsageError('search takes words to search for');
      checked.limit = limitArg(values, 20);
      break;
    case 'vendors':
      only([]);
      needs(0, 'no arguments');
      break;
    case 'triage':
      only(['vendor']);
      if (operands.length > 1) throw new UsageError('triage takes at most one log file (or reads stdin)');
      if (operands.length === 0 && stdinIsTTY) throw new UsageError('triage reads the log from stdin: pipe it in (… | vision-errors triage) or give a file');
      break;
    case 'help':
      break;
  }
  return checked;
}

function statusArg(values: Options): number | undefined {
  if (values.status === undefined) return undefined;
  const status = /^\d{3}$/.test(values.status) ? Number(values.status) : NaN;
  if (!(status >= 100 && status <= 599)) throw new UsageError(`--status must be an HTTP status between 100 and 599, not "${values.status}"`);
  return status;
}

function limitArg(values: Options, fallback: number): number {
  if (values.limit === undefined) return fallback;
  const limit = /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
  if (!(limit >= 1 && limit <= 500)) throw new UsageError(`--limit must be a number from 1 to 500, not "${values.limit}"`);
  return limit;
}
