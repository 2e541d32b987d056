/**
 * The refresh procedure's command line, as a function (scripts/refresh-source.ts runs it; tests call
 * it in-process): parse the arguments, read the document and the data, print the comparison.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase, DataValidationError } from '../../src/node/data-files.ts';
import { ENTRY_KINDS, type EntryKind } from '../../src/core/schema.ts';
import { compareWithDocument, formatComparison, type DocumentRow } from './compare-source.ts';
import { parseBaidu, parseG42, parseMarkdownCodeTables, parseSoftsugar } from './source-documents.ts';

/** Document layouts the script reads: Markdown tables (any vendor's current docs) and the PDF/web extractions of the first copies. */
const FORMATS: Record<string, (text: string) => DocumentRow[]> = {
  markdown: (text) => parseMarkdownCodeTables(text),
  'baidu-table': (text) => parseBaidu(text).map((r) => ({ code: r.code, message: r.message })),
  'softsugar-table': (text) => parseSoftsugar(text).map((r) => ({ code: r.code, message: r.description, line: r.line })),
  'g42-table': (text) => parseG42(text).errors.map((r) => ({ code: r.code, http_status: r.http_status, message: r.message })),
};

const usage = `usage: npm run refresh-source -- <vendor> <document> [--format ${Object.keys(FORMATS).join('|')}] [--kind ${ENTRY_KINDS.join('|')}] [--json] [--check]
  Compares the document's code table(s) with the vendor's entries of that kind (default: error) and
  lists codes added and removed, HTTP statuses and messages changed. --check exits 1 when anything
  differs. The data is never edited.`;

/** A refused invocation: its message is printed as one line, and the exit status is 2. */
class Refused extends Error {}
function fail(message: string): never {
  throw new Refused(message);
}

/** Runs the command with `argv` (without node and the script); returns the exit status. */
export function runRefresh(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  try {
    return refresh(argv, out);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    err(`refresh-source: ${error.message}`);
    return 2;
  }
}

function refresh(argv: string[], out: (line: string) => void): number {

  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, kind: { type: 'string', default: 'error' }, json: { type: 'boolean' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    out(usage);
    return 0;
  }
  const [vendorId, documentPath] = positionals;
  if (!vendorId || !documentPath || positionals.length > 2) fail(`expected a vendor id and a document path\n${usage}`);
  const format = values.format ?? (/\.mdx?$/i.test(documentPath) ? 'markdown' : undefined);
  if (!format) fail(`cannot tell the layout of ${documentPath} from its name: give --format (${Object.keys(FORMATS).join(', ')})`);
  const parse = FORMATS[format];
  if (!parse) fail(`unknown --format ${JSON.stringify(format)}: use one of ${Object.keys(FORMATS).join(', ')}`);
  const kind = values.kind as EntryKind;
  if (!ENTRY_KINDS.includes(kind)) fail(`unknown --kind ${JSON.stringify(values.kind)}: use one of ${ENTRY_KINDS.join(', ')}`);

  let text = '';
  try {
    text = readFileSync(documentPath, 'utf8');
  } catch (error) {
    fail(`cannot read ${documentPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let kb;
  try {
    kb = loadKnowledgeBase();
  } catch (error) {
    if (error instanceof DataValidationError) fail(`the data does not validate; fix it first:\n${error.message}`);
    throw error;
  }
  const vendor = kb.vendors.find((v) => v.vendor.id === vendorId);
  if (!vendor) fail(`no vendor ${JSON.stringify(vendorId)}; the vendors are ${kb.vendors.map((v) => v.vendor.id).join(', ')}`);

  let rows: DocumentRow[] = [];
  try {
    rows = parse(text);
  } catch (error) {
    fail(`${documentPath} is not a ${format} document: ${(error as Error).message}`);
  }
  if (rows.length === 0) fail(`${documentPath}: no code table found (format ${format})`);

  const comparison = compareWithDocument(vendor.entries.filter((e) => e.kind === kind), rows);
  const differs = comparison.added.length + comparison.removed.length + comparison.statusChanged.length + comparison.messageChanged.length > 0;
  if (values.json) out(JSON.stringify({ vendor: vendorId, document: documentPath, format, kind, rows: rows.length, ...comparison }, null, 2));
  else {
    out(`${vendorId} (${kind}) against ${documentPath}: ${rows.length} rows read as ${format}`);
    for (const line of formatComparison(comparison)) out(line);
    if (differs) out('\nNothing was changed. Review each difference, then record it in the data (docs/refreshing-sources.md).');
  }
  return values.check && differs ? 1 : 0;
}
