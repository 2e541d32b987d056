/**
 * `triage [file]` (else stdin) `[--vendor …] [--json]`: every vendor response in a log, counted by
 * entry: a table sorted by count (entry, count, action, retry, first and last line), or with --json
 * `{ lines, found, unrecognised, entries: [{ id, count, action, first_line, last_line }] }`.
 * Streams: a 1 GB log is read in 1 MB chunks, in bounded memory (src/core/triage.ts); on a terminal
 * the progress is shown on stderr.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { Triage, type TriageReport } from '../../core/triage.ts';
import { UsageError } from '../args.ts';
import { escapeLine } from '../escape.ts';
import { printJson, vendorArg, type CommandContext } from './context.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const LABELS = {
  en: { entry: 'Entry', count: 'Count', action: 'Action', retry: 'Retry?', first: 'First line', last: 'Last line', yes: 'yes', no: 'no',
    summary: (r: TriageReport) => `${plural(r.lines, 'line')}: ${plural(r.found, 'vendor response')} with an entry, ${r.unrecognised} unrecognised.`,
    none: 'No vendor response found.' },
  zh: { entry: '条目', count: '次数', action: '处理', retry: '可重试', first: '首次行号', last: '末次行号', yes: '是', no: '否',
    summary: (r: TriageReport) => `共 ${r.lines} 行：${r.found} 个能对应到条目的厂商响应，${r.unrecognised} 个未能识别。`,
    none: '未找到厂商响应。' },
};

export async function triage(c: CommandContext): Promise<number> {
  const vendor = vendorArg(c, c.values.vendor);
  const file = c.operands[0];
  let input: Readable;
  let size: number | undefined;
  try {
    if (file === undefined || file === '-') input = process.stdin;
    else {
      size = statSync(file).size;
      input = createReadStream(file, { highWaterMark: 1024 * 1024 });
    }
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const t = new Triage(c.l, vendor ? { vendor } : {});
  const decoder = new TextDecoder('utf-8');
  const progress = process.stderr.isTTY === true && !c.json;
  let read = 0;
  let shown = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      read += chunk.length;
      t.write(decoder.decode(chunk, { stream: true }));
      if (progress && performance.now() - shown > 250) {
        shown = performance.now();
        const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
        process.stderr.write(`\rtriage: ${mb(read)}${size !== undefined ? ` of ${mb(size)}` : ''} MB read`);
      }
    }
  } catch (error) {
    throw new UsageError(`cannot read ${file ?? 'stdin'}: ${error instanceof Error ? error.message : String(error)}`);
  }
  t.write(decoder.decode());
  if (progress && shown > 0) process.stderr.write('\r\u001b[K');
  const report = t.end();
  if (c.json) printJson(report);
  else process.stdout.write(table(report, c.lang));
  return report.found > 0 ? 0 : 1;
}

function table(r: TriageReport, lang: 'en' | 'zh'): string {
  const L = LABELS[lang];
  if (r.entries.length === 0) return `${L.none}\n${L.summary(r)}\n`;
  const rows = [
    [L.entry, L.count, L.action, L.retry, L.first, L.last],
    ...r.entries.map((e) => [e.id, String(e.count), e.action ?? '—', e.retryable ? L.yes : L.no, String(e.first_line), String(e.last_line)]),
  ].map((row) => row.map((cell) => escapeLine(cell)));
  // Widths by display width: a CJK character takes two columns.
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i]!))));
  const numeric = new Set([1, 4, 5]);
  const line = (row: string[]) =>
    row.map((cell, i) => (numeric.has(i) ? ' '.repeat(widths[i]! - width(cell)) + cell : cell + ' '.repeat(widths[i]! - width(cell)))).join('  ').trimEnd();
  return `${rows.map(line).join('\n')}\n\n${L.summary(r)}\n`;
}
