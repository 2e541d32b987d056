/**
 * Small, independent parsers for the vendors' source documents (the folder KB_SOURCES_DIR names; see its README.md).
 * They share no code with the data or the build: test/sources.test.ts checks the knowledge base
 * against what these parsers read. Each parser is written for one messy extraction; the quirks of
 * each source are noted on its parser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * The folder of the vendors' source documents, from KB_SOURCES_DIR. The documents are an input of
 * these tests, never part of the repository; CI sets the variable (.ci/run).
 */
const configured = process.env.KB_SOURCES_DIR?.trim();
export const SOURCES_DIR = configured ? resolve(configured) + sep : undefined;

/** Each vendor's source document in that folder. This mapping lives here and nowhere else. */
export const SOURCE_FILES = {
  ailabtools: '000_10710d4fb451b689.txt',
  /** AILabTools' docs repository, docs/response-description.mdx at commit 39aea2c (2025-12-17). */
  ailabtoolsDocs20251217: 'ailabtools-docs_response-description_2025-12-17.mdx',
  /** …at commit f4c5c9a (2026-04-01): the current page, after commit b42b812 of 2026-01-08 changed 48 statuses. */
  ailabtoolsDocs20260401: 'ailabtools-docs_response-description_2026-04-01.mdx',
  baidu: '001_517a5598b799e9bb.txt',
  picwish: '002_ed69b8039f93a7c9.txt',
  softsugar: '003_f72c3be2ab66c01b.txt',
  g42: '004_7051585fc007fd58.txt',
  readme: 'README.md',
} as const;

/** Which vendor id each document is for. */
export const VENDOR_OF_SOURCE = {
  ailabtools: 'ailabtools',
  baidu: 'baidu-face',
  picwish: 'picwish',
  softsugar: 'softsugar',
  g42: 'g42-image',
} as const;

/** Why the source tests cannot run here, or undefined when they can. */
export const SOURCES_UNAVAILABLE: string | undefined = !SOURCES_DIR
  ? 'KB_SOURCES_DIR is not set'
  : !existsSync(SOURCES_DIR)
    ? `KB_SOURCES_DIR is ${SOURCES_DIR}, which does not exist`
    : undefined;

/** Reads a source file; throws when it is missing (the folder itself was checked before the tests ran). */
export function readSource(name: string): string {
  if (!SOURCES_DIR) throw new Error('KB_SOURCES_DIR is not set');
  const path = join(SOURCES_DIR, name);
  if (!existsSync(path)) throw new Error(`Source document ${path} is missing from KB_SOURCES_DIR.`);
  return readFileSync(path, 'utf8');
}

/** The lines of `text` after the first line starting with `start` (indentation ignored), up to the next one starting with `end`. */
function section(text: string, start: string, end?: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.trim().startsWith(start));
  if (from < 0) throw new Error(`section start "${start}" not found`);
  const to = end === undefined ? lines.length : lines.findIndex((l, i) => i > from && l.trim().startsWith(end));
  if (to < 0) throw new Error(`section end "${end}" not found`);
  return lines.slice(from + 1, to);
}

// ── AILabTools ───────────────────────────────────────────────────────────────────────────────
export interface AilabRow {
  http_status: number;
  /** Code and message run together, e.g. `PROCESSING_FAILUREProcessing failed.` */
  codeAndMessage: string;
  line: string;
}

/**
 * AILabTools (000): the HTML table under "Parsing of error_detail.code" lost its cell borders, so a
 * row reads `400PROCESSING_FAILUREProcessing failed.` (indented by four spaces). The status is always
 * three digits, but the code/message boundary is ambiguous (`ERROR_AI_NOT_EXISTSAI does not exist…`),
 * so the parser keeps code and message together; the test matches them against `code + message`.
 */
export function parseAilabtools(text: string): AilabRow[] {
  return section(text, 'Parsing of error_detail.code')
    .map((l) => l.trim())
    .filter((l) => /^\d{3}[A-Z]/.test(l))
    .map((line) => ({ http_status: Number(line.slice(0, 3)), codeAndMessage: line.slice(3), line }));
}

/** A row of a code table in a Markdown document: the code, and the HTTP status and message where the table has them. */
export interface MarkdownCodeRow {
  code: string;
  http_status: number | null;
  message: string | null;
  /** 1-based line in the document. */
  line: number;
}

/** Header names (lower case) of the columns a Markdown code table may have. */
const CODE_HEADERS = ['value', 'code', 'error code', 'error_code', '错误码', 'state', 'status code'];
const STATUS_HEADERS = ['http status', 'http status code', 'status', 'http 状态码', '状态码'];
const MESSAGE_HEADERS = ['description', 'message', 'error message', 'error_msg', '描述', '描述信息', 'code_message'];

const cellsOf = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
const unquote = (cell: string) => cell.replace(/^`+|`+$/g, '').trim();

/**
 * Every Markdown table (`| a | b |` with a `|:---|` rule) whose header has a code column, read as
 * code rows; the HTTP status and message columns are read where present. Generic on purpose: vendors'
 * current docs are mostly Markdown, so a new copy of any vendor's page can be compared with the data.
 */
export function parseMarkdownCodeTables(text: string): MarkdownCodeRow[] {
  const lines = text.split('\n');
  const rows: MarkdownCodeRow[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\s*\|/.test(lines[i]!) || !/^\s*\|\s*:?-{3,}/.test(lines[i + 1]!)) continue;
    const header = cellsOf(lines[i]!).map((h) => unquote(h).toLowerCase());
    const col = (names: string[]) => header.findIndex((h) => names.includes(h));
    const [codeCol, statusCol, messageCol] = [col(CODE_HEADERS), col(STATUS_HEADERS), col(MESSAGE_HEADERS)];
    if (codeCol < 0 || codeCol === statusCol) continue;
    let j = i + 2;
    for (; j < lines.length && /^\s*\|/.test(lines[j]!); j++) {
      const cells = cellsOf(lines[j]!);
      const code = unquote(cells[codeCol] ?? '');
      if (!code) continue;
      const status = statusCol >= 0 ? Number(unquote(cells[statusCol] ?? '')) : NaN;
      rows.push({
        code,
        http_status: Number.isInteger(status) && status >= 100 && status <= 599 ? status : null,
        // A message cell is Markdown: `mask` renders as mask, which is what the API returns.
        message: messageCol >= 0 ? (cells[messageCol] ?? '').replace(/`/g, '').trim() || null : null,
        line: j + 1,
      });
    }
    i = j - 1;
  }
  return rows;
}

// ── Baidu Face Recognition ───────────────────────────────────────────────────────────────────
export interface BaiduRow {
  code: string;
  /** English error_msg: the cell's lines trimmed and joined with one space. */
  message: string;
  meaningZh: string;
  remedyZh: string;
}

/**
 * Baidu (001): a table flattened to one cell per block, each cell followed by a line holding only
 * `|`; a record is four cells: code | error_msg | 中文含义 | 中文处理. Cells wrap over several lines
 * (`param[start] format` / `error`), so English cells are joined with one space; Chinese cells are
 * returned raw (the test compares them with all white space removed).
 */
export function parseBaidu(text: string): BaiduRow[] {
  const cells: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '|') {
      cells.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.join('').trim() !== '') cells.push(current.join('\n'));
  if (cells.length % 4 !== 0) throw new Error(`Baidu: ${cells.length} cells is not a whole number of 4-cell records`);
  const rows: BaiduRow[] = [];
  for (let i = 0; i < cells.length; i += 4) {
    const [code, msg, meaning, remedy] = cells.slice(i, i + 4).map((c) => c.trim()) as [string, string, string, string];
    if (!/^\d+$/.test(code)) throw new Error(`Baidu: record ${i / 4 + 1} does not start with a numeric code: ${JSON.stringify(code)}`);
    const message = msg.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    rows.push({ code, message, meaningZh: meaning, remedyZh: remedy });
  }
  return rows;
}

export interface ReadmeRow {
  code: string;
  message: string;
}

/**
 * Sources README: the Baidu rate-limit/auth table the copy lacks, rows like
 * `| 4 | \`Open api request limit reached\` | … |`; the message is the back-quoted cell.
 */
export function parseBaiduReadme(text: string): ReadmeRow[] {
  return [...text.matchAll(/^\| (\d+) \| `([^`]+)` \|/gm)].map((m) => ({ code: m[1]!, message: m[2]! }));
}

// ── PicWish ──────────────────────────────────────────────────────────────────────────────────
export interface PicwishRow {
  kind: 'http-status' | 'task-state';
  code: string;
  /** The definition cell, white space as extracted. */
  definition: string;
}

/**
 * PicWish (002): two two-column tables ("…CodeDefinitions" header) whose cells ran together:
 * `-17Processing failed because…`, `401Unauthorized API Key. …`. Some rows put the code alone on
 * a line and the definition after a blank line (`400`, `-7`).
 */
export function parsePicwish(text: string): PicwishRow[] {
  const table = (kind: PicwishRow['kind'], lines: string[]): PicwishRow[] => {
    const rows: PicwishRow[] = [];
    for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
      const m = /^(-?\d+)(.*)$/.exec(line);
      if (m) rows.push({ kind, code: m[1]!, definition: m[2]!.trim() });
      else if (rows.length > 0 && rows.at(-1)!.definition === '') rows.at(-1)!.definition = line;
      else throw new Error(`PicWish: unexpected line ${JSON.stringify(line)}`);
    }
    return rows;
  };
  return [
    ...table('http-status', section(text, 'HTTP Response Status CodeDefinitions', 'Task Status Code')),
    ...table('task-state', section(text, 'Task Status CodeDefinitions')),
  ];
}

// ── SenseTime SoftSugar ──────────────────────────────────────────────────────────────────────
export interface SoftsugarRow {
  code: string;
  description: string;
  line: number;
}

/**
 * SoftSugar (003): a markdown table `| Error Code | Description |` under "# Error Code
 * Descriptions". It lists 84115975 and 84115976 twice with identical text (returned as is).
 */
export function parseSoftsugar(text: string): SoftsugarRow[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('# Error Code Descriptions'));
  if (start < 0) throw new Error('SoftSugar: "# Error Code Descriptions" not found');
  const rows: SoftsugarRow[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^\| (\d+) \| (.*) \|$/.exec(lines[i]!);
    if (m) rows.push({ code: m[1]!, description: m[2]!, line: i + 1 });
  }
  return rows;
}

// ── G42 Cloud Image Recognition ──────────────────────────────────────────────────────────────
export interface G42StatusRow {
  status: number;
  /** 编码: the reason phrase, e.g. `Bad Request`. */
  phrase: string;
  /** 错误码说明 */
  descriptionZh: string;
}

export interface G42ErrorRow {
  http_status: number;
  /** The code after the repair, e.g. ModelArts.4101. */
  code: string;
  /** The code as printed, e.g. `ModelArt s.4101`. */
  printedCode: string;
  repaired: boolean;
  /** 描述信息: the English error_msg. */
  message: string;
  meaningZh: string;
  remedyZh: string;
}

const tabRows = (lines: string[], cols: number) =>
  lines.filter((l) => /^\d{3}\t/.test(l)).map((l) => {
    const cells = l.split('\t');
    if (cells.length < cols) throw new Error(`G42: row with ${cells.length} cells, expected ${cols}: ${JSON.stringify(l)}`);
    return cells;
  });

/**
 * G42 (004): a PDF extraction with tab-separated tables that repeat their header on each page.
 * 表 6-1 状态码: 状态码 \t 编码 \t 错误码说明. 6.2 错误码: 状态码 \t 错误码 \t 描述信息 \t 说明 \t 处理措施.
 * Quirks: `ModelArt s.NNNN` is ModelArts.NNNN split by the extraction (repaired here, see README);
 * the error table ends with a catch-all row `400 其他 …` that is not a code (skipped).
 */
export function parseG42(text: string): { statuses: G42StatusRow[]; errors: G42ErrorRow[] } {
  const statuses = tabRows(section(text, '表 6-1 状态码', '## 6.2'), 3).map(([status, phrase, description]) => ({
    status: Number(status),
    phrase: phrase!,
    descriptionZh: description!,
  }));
  const errors = tabRows(section(text, '## 6.2 错误码'), 5)
    .filter(([, code]) => code !== '其他')
    .map(([status, printedCode, message, meaning, remedy]) => {
      const code = printedCode!.replace(/^ModelArt s\./, 'ModelArts.');
      return {
        http_status: Number(status),
        code,
        printedCode: printedCode!,
        repaired: code !== printedCode,
        message: message!,
        meaningZh: meaning!,
        remedyZh: remedy!,
      };
    });
  return { statuses, errors };
}

// ── Text comparison ──────────────────────────────────────────────────────────────────────────
/** Chinese cells: line breaks inside a cell were joined, so compare with all white space removed. */
export const squashZh = (s: string) => s.replace(/\s+/g, '');
/** English cells: compare with runs of white space collapsed to one space. */
export const squashEn = (s: string) => s.replace(/\s+/g, ' ').trim();
