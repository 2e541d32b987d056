/**
 * Compares the code rows of a vendor document with the vendor's entries: what the refresh procedure
 * reports (scripts/refresh-source.ts). Pure; the rows come from scripts/lib/source-documents.ts.
 */
import { normalizeCode, normalizeMessage } from '../../src/core/normalize.ts';

/** A code as a document gives it: the status and message are undefined where the document has no such column. */
export interface DocumentRow {
  code: string;
  http_status?: number | null;
  message?: string | null;
  line?: number;
}

/** What the comparison needs of an entry (an artifact entry or a data entry fits). */
export interface ComparedEntry {
  code: string;
  http_status: number | null;
  message: string | null;
  message_variants?: readonly { message: string }[];
  history?: readonly { field: string; value: unknown; until: string }[];
}

export interface Change<T> {
  code: string;
  data: T;
  document: T;
  line?: number;
  /** The document's value is one the data keeps as history (documented until this day). */
  historyUntil?: string;
}

export interface SourceComparison {
  added: DocumentRow[];
  removed: ComparedEntry[];
  statusChanged: Change<number | null>[];
  messageChanged: Change<string | null>[];
  /** The document lists a code twice; the first row is compared. */
  repeated: DocumentRow[];
  unchanged: number;
}

export function compareWithDocument(entries: readonly ComparedEntry[], rows: readonly DocumentRow[]): SourceComparison {
  const byCode = new Map(entries.map((e) => [normalizeCode(e.code), e]));
  const seen = new Set<string>();
  const result: SourceComparison = { added: [], removed: [], statusChanged: [], messageChanged: [], repeated: [], unchanged: 0 };
  for (const row of rows) {
    const key = normalizeCode(row.code);
    if (seen.has(key)) {
      result.repeated.push(row);
      continue;
    }
    seen.add(key);
    const entry = byCode.get(key);
    if (!entry) {
      result.added.push(row);
      continue;
    }
    let changed = false;
    if (row.http_status !== undefined && row.http_status !== entry.http_status) {
      changed = true;
      const earlier = entry.history?.find((h) => h.field === 'http_status' && h.value === row.http_status);
      result.statusChanged.push({ code: entry.code, data: entry.http_status, document: row.http_status, line: row.line, ...(earlier ? { historyUntil: earlier.until } : {}) });
    }
    if (row.message !== undefined && !sameMessage(row.message, entry)) {
      changed = true;
      const earlier = entry.history?.find((h) => h.field === 'message' && h.value === row.message);
      result.messageChanged.push({ code: entry.code, data: entry.message, document: row.message, line: row.line, ...(earlier ? { historyUntil: earlier.until } : {}) });
    }
    if (!changed) result.unchanged++;
  }
  result.removed = entries.filter((e) => !seen.has(normalizeCode(e.code)));
  return result;
}

/** The document's message is the entry's, or one of its recorded variants (compared as lookup compares messages). */
function sameMessage(message: string | null, entry: ComparedEntry): boolean {
  if (message === null || entry.message === null) return message === entry.message;
  const key = normalizeMessage(message);
  return key === normalizeMessage(entry.message) || (entry.message_variants ?? []).some((v) => normalizeMessage(v.message) === key);
}

/** The comparison as a reviewable list, one line per difference. */
export function formatComparison(c: SourceComparison): string[] {
  const at = (line?: number) => (line ? ` (line ${line})` : '');
  const status = (s: number | null | undefined) => (s === null || s === undefined ? 'none' : String(s));
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    lines.push(`${title} (${items.length})${items.length ? ':' : ''}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  section('added', c.added.map((r) => `${r.code}  status ${status(r.http_status)}  ${JSON.stringify(r.message ?? null)}${at(r.line)}`));
  section('removed', c.removed.map((e) => `${e.code}  (in the data, not in the document)`));
  section(
    'status changed',
    c.statusChanged.map((s) => `${s.code}  data ${status(s.data)} → document ${status(s.document)}${at(s.line)}${s.historyUntil ? `  [the data keeps ${status(s.document)} as history until ${s.historyUntil}]` : ''}`),
  );
  section(
    'message changed',
    c.messageChanged.map((m) => `${m.code}  data ${JSON.stringify(m.data)} → document ${JSON.stringify(m.document)}${at(m.line)}${m.historyUntil ? `  [kept as history until ${m.historyUntil}]` : ''}`),
  );
  if (c.repeated.length) section('listed twice in the document', c.repeated.map((r) => `${r.code}${at(r.line)}`));
  lines.push(`unchanged: ${c.unchanged}`);
  return lines;
}
