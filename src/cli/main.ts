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
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, styleText } from 'node:util';
import { createLookup, InvalidIndexError, type ArtifactEntry, type KbIndex, type Lookup } from '../core/lookup.ts';
import { explain, EXPLAIN_LIMITS, type ExplainResult } from '../core/explain.ts';
import { searchEntries } from '../core/simple-search.ts';
import { translate } from '../core/i18n.ts';
import { provenanceKey } from '../core/provenance.ts';
import { vendorLabel } from '../core/model.ts';
import { helpText } from './help.ts';
import type { EntryKind, Lang } from '../core/artifact-types.ts';
import { escapeJson, escapeLine, escapeText } from './escape.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// A checkout's build writes dist/api/v1/; an installed package carries lib/data/ (npm pack writes it).
const BUILT_INDEX = [join(ROOT, 'dist', 'api', 'v1', 'index.json'), join(ROOT, 'lib', 'data', 'index.json')].find((p) => existsSync(p)) ?? join(ROOT, 'dist', 'api', 'v1', 'index.json');


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

class UsageError extends Error {}
class DataError extends Error {}

// ── Data ────────────────────────────────────────────────────────────────────

function readIndexFile(path: string): KbIndex {
  let index: unknown;
  try {
    index = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Its shape is checked by createLookup (InvalidIndexError), like any index given to the library.
  return index as KbIndex;
}

/**
 * In a repository checkout: is any data file newer than the built artifact? (Then the artifact is
 * stale: build in memory.) An installed package (under node_modules) is never stale: unpacking
 * gives its files arbitrary modification times.
 */
function dataIsNewer(than: string): boolean {
  const dataDir = join(ROOT, 'data');
  if (ROOT.split(sep).includes('node_modules') || !existsSync(join(dataDir, 'vendors'))) return false;
  const built = statSync(than).mtimeMs;
  const files = [join(dataDir, 'categories.yaml'), ...readdirSync(join(dataDir, 'vendors')).map((n) => join(dataDir, 'vendors', n))];
  return files.some((f) => existsSync(f) && statSync(f).mtimeMs > built);
}

async function loadIndex(explicit: string | undefined): Promise<KbIndex> {
  if (explicit) return readIndexFile(explicit);
  if (!process.env.KB_DATA_DIR && existsSync(BUILT_INDEX) && !dataIsNewer(BUILT_INDEX)) return readIndexFile(BUILT_INDEX);
  // src/node is TypeScript that only a checkout has (with zod and yaml): imported by a computed path
  // so that the compiled CLI (lib/cli/main.js) neither contains nor requires it.
  let node: [NodeDataFiles, NodeArtifactFiles];
  try {
    const source = (name: string) => pathToFileURL(join(ROOT, 'src', 'node', name)).href;
    node = (await Promise.all([import(source('data-files.ts')), import(source('artifact-files.ts'))])) as [NodeDataFiles, NodeArtifactFiles];
  } catch (error) {
    throw new DataError(
      `no data: ${BUILT_INDEX} is missing and the data cannot be built here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n` +
        'Run `npm run build:api` in the repository, or point --index (or $VISION_ERRORS_INDEX) at an index.json.',
    );
  }
  const [{ loadKnowledgeBase, DataValidationError }, { buildArtifactForSite }] = node;
  try {
    const artifact = buildArtifactForSite(loadKnowledgeBase() as never);
    return JSON.parse(artifact.files.get('index.json')!) as KbIndex;
  } catch (error) {
    if (error instanceof DataValidationError) throw new DataError(error.message);
    throw new DataError(error instanceof Error ? error.message : String(error));
  }
}

/** What the CLI uses of src/node/data-files.ts and src/node/artifact-files.ts. */
interface NodeDataFiles {
  loadKnowledgeBase(): unknown;
  DataValidationError: new (...args: never[]) => Error;
}
interface NodeArtifactFiles {
  buildArtifactForSite(kb: never): { files: Map<string, string> };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Beyond this explain() reads nothing anyway: reading stops there, and the input stays recognisably too large. */
const READ_CAP_BYTES = EXPLAIN_LIMITS.maxBodyChars * 2;

/** A file argument, read with the same cap as stdin (`explain /dev/zero` must end). */
function readFileCapped(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    while (size <= READ_CAP_BYTES) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      size += n;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > READ_CAP_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

// ── Output ──────────────────────────────────────────────────────────────────

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

/** Colours through node:util styleText, which asks stdout: a terminal, NO_COLOR, FORCE_COLOR, TERM=dumb. */
function style(color: boolean): Style {
  const wrap = (format: Parameters<typeof styleText>[0]) => (s: string) => (color ? styleText(format, s, { stream: process.stdout }) : s);
  return { bold: wrap('bold'), dim: wrap('dim'), red: wrap('red'), green: wrap('green'), yellow: wrap('yellow') };
}

const FIELD_LABELS = ['entry.message', 'entry.meaning', 'entry.whatToDo', 'cli.vendorAdvice', 'cli.tellUser', 'entry.category', 'col.retryable', 'entry.httpStatus', 'entry.source', 'explain.page', 'explain.code', 'explain.message'] as const;

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return width;
}

class Printer {
  readonly lines: string[] = [];
  readonly lang: Lang;
  readonly s: Style;
  readonly l: Lookup;

  constructor(l: Lookup, lang: Lang, s: Style) {
    this.l = l;
    this.lang = lang;
    this.s = s;
    this.column = Math.max(...FIELD_LABELS.map((k) => displayWidth(translate(lang, k))));
  }

  line(text = ''): void {
    this.lines.push(text);
  }

  vendorName(id: string): string {
    const v = this.l.vendor(id);
    return escapeLine(v ? vendorLabel(v, this.lang) : id);
  }

  /** Labels line up in one column, as wide as the widest label of the language. */
  readonly column: number;

  field(label: string, value: string): void {
    this.line(`  ${this.s.dim(label + ' '.repeat(Math.max(0, this.column - displayWidth(label))))}  ${escapeLine(value)}`);
  }

  entry(e: ArtifactEntry): void {
    const { lang, s } = this;
    const outcome = e.task_outcome ? ` · ${translate(lang, `outcome.${e.task_outcome}`)}` : '';
    this.line(`${s.bold(escapeLine(e.id))}  ${this.vendorName(e.vendor)} · ${translate(lang, `kindOne.${e.kind}`)}${outcome}`);
    if (e.message) this.field(translate(lang, 'entry.message'), e.message);
    this.field(translate(lang, 'entry.meaning'), e.meaning[lang]);
    this.field(translate(lang, 'entry.whatToDo'), e.remedy[lang]);
    if (e.vendor_remedy) this.field(translate(lang, 'cli.vendorAdvice'), e.vendor_remedy[lang]);
    if (e.end_user_message) this.field(translate(lang, 'cli.tellUser'), e.end_user_message[lang]);
    const category = this.l.category(e.category);
    this.field(translate(lang, 'entry.category'), category ? category.name[lang] : e.category);
    const retry = e.retryable ? s.green(translate(lang, 'yes')) : s.yellow(translate(lang, 'no'));
    const source = translate(lang, e.retryable_source === 'vendor' ? 'entry.retrySourceVendor' : 'entry.retrySourceOurs').replace(/[.。]$/, '');
    this.field(translate(lang, 'col.retryable'), translate(lang, 'cli.retryWithSource', { retry, source: `${source.charAt(0).toLowerCase()}${source.slice(1)}` }));
    this.field(translate(lang, 'entry.httpStatus'), e.http_status === null ? translate(lang, 'entry.httpUnknown') : String(e.http_status));
    if (e.meaning.vendor_text !== 'none' || e.remedy.vendor_text !== 'none')
      this.field(translate(lang, 'entry.source'), translate(lang, provenanceKey(e.meaning.vendor_text, lang)));
    this.field(translate(lang, 'explain.page'), lang === 'zh' ? e.url_zh : e.url);
  }

  brief(e: ArtifactEntry): void {
    const text = e.message ?? e.meaning[this.lang];
    const short = text.length > 90 ? `${text.slice(0, 89)}…` : text;
    this.line(`  ${this.s.bold(escapeLine(e.id))}  ${escapeLine(short)}`);
  }

  explanation(r: ExplainResult): void {
    const { lang, s } = this;
    const label = r.outcome === 'unknown' ? translate(lang, 'outcome.unknown') : translate(lang, `outcome.${r.outcome}`);
    const colored = r.outcome === 'success' ? s.green(label) : r.outcome === 'failure' ? s.red(label) : s.yellow(label);
    const heading = `${translate(lang, 'explain.outcome')}${translate(lang, 'punct.colon')}`;
    this.line(`${s.dim(heading)}${s.bold(colored)}${r.vendor ? ` · ${this.vendorName(r.vendor)}` : ''}`);
    if (r.code !== undefined) this.field(translate(lang, 'explain.code'), r.code);
    if (r.message !== undefined) this.field(translate(lang, 'explain.message'), r.message.length > 200 ? `${r.message.slice(0, 199)}…` : r.message);
    if (r.httpStatus !== undefined) this.field(translate(lang, 'entry.httpStatus'), String(r.httpStatus));
    this.line();
    if (r.entry) this.entry(r.entry);
    else {
      this.field(translate(lang, 'entry.whatToDo'), r.advice[lang]);
      if (r.retryable !== undefined) this.field(translate(lang, 'col.retryable'), r.retryable ? translate(lang, 'yes') : translate(lang, 'no'));
    }
    const reasons = lang === 'zh' ? r.reasonsZh : r.reasons;
    if (reasons.length > 0) {
      this.line();
      this.line(s.dim(translate(lang, 'explain.why')));
      for (const reason of reasons) this.line(`  - ${escapeLine(reason)}`);
    }
    if (r.candidates.length > 0) {
      this.line();
      this.line(s.dim(translate(lang, 'explain.candidates')));
      for (const e of r.candidates) this.brief(e);
    }
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

// ── Commands ────────────────────────────────────────────────────────────────

const KINDS: Record<string, EntryKind> = { error: 'error', 'http-status': 'http-status', http: 'http-status', 'task-state': 'task-state', state: 'task-state' };

/** `-8` is a PicWish state, not an option: hide negative numbers from the option parser. */
const NEGATIVE = /^-\d+$/;
const MARK = '\u0000neg';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.map((a) => (NEGATIVE.test(a) ? MARK + a : a)),
      allowPositionals: true,
      strict: true,
      options: {
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
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const unmark = (a: string) => (a.startsWith(MARK) ? a.slice(MARK.length) : a);
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, typeof v === 'string' ? unmark(v) : v])) as typeof parsed.values;
  const args = parsed.positionals.map(unmark);

  if (values.help) return printHelp(values.index);

  const langArg = (values.lang ?? 'en').toLowerCase();
  const lang: Lang | undefined = langArg === 'en' ? 'en' : ['zh', 'zh-cn', 'zh-hans', 'cn'].includes(langArg) ? 'zh' : undefined;
  if (!lang) throw new UsageError(`--lang must be en or zh, not "${values.lang}"`);
  const json = values.json === true;
  const s = style(!json && values['no-color'] !== true);

  if (values.version) {
    let data = '';
    try {
      const index = await loadIndex(values.index ?? process.env.VISION_ERRORS_INDEX);
      data = escapeLine(` (artifact ${index.artifact_version ?? '?'}, data ${index.data_version ?? '?'}, ${index.entries.length} entries)`);
    } catch {
      // the version of the tool is still worth printing
    }
    process.stdout.write(`vision-errors ${packageVersion()}${data}\n`);
    return 0;
  }

  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('nothing to do: give a code or a command');
  const command = ['find', 'lookup', 'explain', 'search', 'vendors', 'help'].includes(first) ? first : 'find';
  const operands = command === 'find' && first !== 'find' ? args : rest;
  if (command === 'help') return printHelp(values.index);

  const only = (allowed: string[]) => {
    const given = ['status', 'vendor', 'kind', 'limit'].filter((k) => values[k as keyof typeof values] !== undefined && !allowed.includes(k));
    if (given.length > 0) throw new UsageError(`--${given[0]} does not apply to ${command}`);
  };
  const needs = (n: number, what: string) => {
    if (operands.length !== n) throw new UsageError(`${command} takes ${what}`);
  };

  // Check the arguments before loading any data.
  let status: number | undefined;
  let kind: EntryKind | undefined;
  let limit = 20;
  switch (command) {
    case 'find':
      only([]);
      needs(1, 'one code');
      break;
    case 'lookup':
      only(['kind']);
      needs(2, 'a vendor and a code');
      if (values.kind !== undefined) {
        kind = KINDS[values.kind];
        if (!kind) throw new UsageError(`--kind must be error, http-status or task-state, not "${values.kind}"`);
      }
      break;
    case 'explain':
      only(['status', 'vendor']);
      if (operands.length > 1) throw new UsageError('explain takes at most one file (or reads stdin)');
      if (values.status !== undefined) {
        status = /^\d{3}$/.test(values.status) ? Number(values.status) : NaN;
        if (!(status >= 100 && status <= 599)) throw new UsageError(`--status must be an HTTP status between 100 and 599, not "${values.status}"`);
      }
      if (operands.length === 0 && process.stdin.isTTY) throw new UsageError('explain reads the body from stdin: pipe it in (… | vision-errors explain) or give a file');
      break;
    case 'search':
      only(['limit', 'vendor']);
      if (operands.length === 0) throw new UsageError('search takes words to search for');
      if (values.limit !== undefined) {
        limit = /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
        if (!(limit >= 1 && limit <= 500)) throw new UsageError(`--limit must be a number from 1 to 500, not "${values.limit}"`);
      }
      break;
    case 'vendors':
      only([]);
      needs(0, 'no arguments');
      break;
  }

  const indexPath = values.index ?? process.env.VISION_ERRORS_INDEX;
  let l: Lookup;
  try {
    l = createLookup(await loadIndex(indexPath));
  } catch (error) {
    // A hand-made or truncated index: one line, exit 2, like an index that is not JSON at all.
    if (error instanceof InvalidIndexError) throw new DataError(`${indexPath ?? BUILT_INDEX}: ${error.message}`);
    throw error;
  }
  const vendorArg = (name: string | undefined) => {
    if (name === undefined) return undefined;
    const id = l.vendorId(name);
    if (!id) throw new UsageError(`unknown vendor "${name}"; the vendors are ${l.vendorIds().join(', ')}`);
    return id;
  };
  const p = new Printer(l, lang, s);
  const out = (value: unknown) => process.stdout.write(`${escapeJson(JSON.stringify(value, null, 2))}\n`);
  const notFound = (what: string) => process.stderr.write(`${translate(lang, 'cli.notFound')} ${escapeLine(what)}\n`);

  switch (command) {
    case 'find': {
      const code = operands[0]!;
      const entries = l.find(code);
      if (json) out({ query: code, entries });
      else if (entries.length === 0) notFound(JSON.stringify(code));
      else {
        entries.forEach((e, i) => {
          if (i > 0) p.line();
          p.entry(e);
        });
        process.stdout.write(p.toString());
      }
      return entries.length > 0 ? 0 : 1;
    }
    case 'lookup': {
      const vendor = vendorArg(operands[0])!;
      const code = operands[1]!;
      const entry = l.lookup(vendor, code, kind);
      if (json) out({ vendor, code, kind: kind ?? null, entry: entry ?? null });
      else if (!entry) notFound(`${vendor} ${JSON.stringify(code)}`);
      else {
        p.entry(entry);
        process.stdout.write(p.toString());
      }
      return entry ? 0 : 1;
    }
    case 'explain': {
      const vendor = vendorArg(values.vendor);
      let body: string;
      try {
        body = operands[0] === undefined || operands[0] === '-' ? await readStdin() : readFileCapped(operands[0]);
      } catch (error) {
        throw new UsageError(`cannot read ${operands[0]}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = explain(body, { ...(status !== undefined ? { httpStatus: status } : {}), ...(vendor ? { vendor } : {}) }, l);
      if (json) out(result);
      else {
        p.explanation(result);
        process.stdout.write(p.toString());
      }
      return result.entry || result.outcome === 'success' || result.outcome === 'pending' ? 0 : 1;
    }
    case 'search': {
      const query = operands.join(' ');
      const vendor = vendorArg(values.vendor);
      const entries = searchEntries(l, query, { limit, ...(vendor ? { vendor } : {}) });
      if (json) out({ query, entries });
      else if (entries.length === 0) notFound(JSON.stringify(query));
      else {
        for (const e of entries) p.brief(e);
        process.stdout.write(p.toString());
      }
      return entries.length > 0 ? 0 : 1;
    }
    case 'vendors': {
      const vendors = l.vendorIds().map((id) => ({ id, name: p.vendorName(id), entries: l.entriesOf(id).length }));
      if (json) out(vendors);
      else {
        for (const v of vendors) p.line(`${s.bold(escapeLine(v.id).padEnd(12))} ${v.name} (${v.entries})`);
        process.stdout.write(p.toString());
      }
      return 0;
    }
  }
  return 2;
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
