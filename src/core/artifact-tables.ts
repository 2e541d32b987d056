/**
 * The entries as tables, for spreadsheets and line-oriented tools: entries.csv and entries.jsonl in
 * dist/api/v1/. Same entries, same order as index.json. Pure: the caller writes the files.
 */
import type { ArtifactEntry } from './artifact-types.ts';

/** The CSV's columns, in order: the header row. */
export const CSV_COLUMNS = [
  'id',
  'vendor',
  'kind',
  'code',
  'http_status',
  'message',
  'meaning_en',
  'meaning_zh',
  'remedy_en',
  'remedy_zh',
  'category',
  'retryable',
  'action',
  'end_user_message_en',
  'end_user_message_zh',
  'url',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * entries.csv: UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese columns as
 * UTF-8), CRLF line ends (RFC 4180), a header row, one row per entry. Empty cell: null.
 */
export function entriesCsv(entries: readonly ArtifactEntry[]): string {
  const rows = entries.map((e) =>
    [e.id, e.vendor, e.kind, e.code, e.http_status, e.message, e.meaning.en, e.meaning.zh, e.remedy.en, e.remedy.zh, e.category, e.retryable, e.action, e.end_user_message.en, e.end_user_message.zh, e.url]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('')}`;
}

/** entries.jsonl: one entry (exactly as in index.json) per line, UTF-8 without BOM. */
export function entriesJsonl(entries: readonly ArtifactEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}
