/**
 * The refresh procedure (scripts/refresh-source.ts): it compares a new copy of a vendor's document
 * with the data and reports what changed, never editing the data. Tested on the two AILabTools copies
 * of docs/response-description.mdx (KB_SOURCES_DIR), where commit b42b812 of 2026-01-08 changed the
 * HTTP status of 48 codes, and on a small fixture of our own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithDocument, formatComparison } from '../scripts/lib/compare-source.ts';
import { runRefresh } from '../scripts/lib/refresh-source.ts';
import { parseMarkdownCodeTables, readSource, SOURCE_FILES, SOURCES_DIR, SOURCES_UNAVAILABLE } from '../scripts/lib/source-documents.ts';

const root = join(import.meta.dirname, '..');
/** The command in-process (a child process costs seconds each); one test runs the real script. */
function refresh(...args: string[]): { status: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const status = runRefresh(args, (line) => out.push(line), (line) => err.push(line));
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.chdir(cwd);
  }
}
const dataBytes = () => readFileSync(join(root, 'data/vendors/ailabtools.yaml'), 'utf8');

describe('compareWithDocument', () => {
  it('reports added, removed, status and message changes, repeats, and what the history already keeps', () => {
    const entries = [
      { code: '1', http_status: 200, message: 'Success' },
      { code: '-8', http_status: 200, message: 'Timed out', history: [{ field: 'http_status', value: 408, until: '2025-01-01' }] },
      { code: '-5', http_status: 200, message: null },
    ];
    const c = compareWithDocument(entries, [
      { code: '1', http_status: 200, message: 'Success' },
      { code: '-8', http_status: 408, message: 'Timed out after 300 seconds', line: 7 },
      { code: '-99', http_status: 200, message: 'New' },
      { code: '-8', http_status: 200, message: 'again' },
    ]);
    expect(c.added.map((r) => r.code)).toEqual(['-99']);
    expect(c.removed.map((e) => e.code)).toEqual(['-5']);
    expect(c.statusChanged).toEqual([{ code: '-8', data: 200, document: 408, line: 7, historyUntil: '2025-01-01' }]);
    expect(c.messageChanged).toEqual([{ code: '-8', data: 'Timed out', document: 'Timed out after 300 seconds', line: 7 }]);
    expect(c.repeated.map((r) => r.code)).toEqual(['-8']);
    expect(c.unchanged).toBe(1);
    expect(formatComparison(c)).toContain('  -8  data 200 → document 408 (line 7)  [the data keeps 408 as history until 2025-01-01]');
  });

  it('a recorded message variant counts as the same message', () => {
    const c = compareWithDocument([{ code: 'A', http_status: null, message: 'Old text', message_variants: [{ message: 'New text.' }] }], [{ code: 'A', message: 'new text' }]);
    expect(c.messageChanged).toEqual([]);
    expect(c.unchanged).toBe(1);
  });
});

describe('the refresh script on a fixture', () => {
  it('reads a Markdown state table and lists the differences without touching the data', () => {
    const before = readFileSync(join(root, 'data/vendors/picwish.yaml'), 'utf8');
    const r = refresh('picwish', 'test/fixtures/refresh/picwish-states.md', '--kind', 'task-state', '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.added.map((x: { code: string }) => x.code)).toEqual(['-99']);
    expect(report.repeated.map((x: { code: string }) => x.code)).toEqual(['-8']);
    expect(report.messageChanged.map((x: { code: string }) => x.code)).toContain('-8');
    expect(report.removed.length).toBeGreaterThan(10); // the fixture lists 3 of PicWish's 21 states
    expect(readFileSync(join(root, 'data/vendors/picwish.yaml'), 'utf8')).toBe(before);
  });

  it('--check exits 1 when anything differs, as a real command', () => {
    const r = spawnSync(process.execPath, ['scripts/refresh-source.ts', 'picwish', 'test/fixtures/refresh/picwish-states.md', '--kind', 'task-state', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^added \(1\):\n  -99/m);
  });

  it('says what is wrong with bad arguments, in one line, with exit status 2', () => {
    const cases: [string[], RegExp][] = [
      [['nobody', 'test/fixtures/refresh/picwish-states.md'], /no vendor "nobody"; the vendors are ailabtools, /],
      [['picwish', 'test/fixtures/refresh/missing.md'], /cannot read test\/fixtures\/refresh\/missing\.md: ENOENT/],
      [['picwish', 'package.json'], /cannot tell the layout of package\.json .*give --format/],
      [['picwish', 'README.md', '--format', 'pdf'], /unknown --format "pdf"/],
      [['picwish', 'test/fixtures/refresh/picwish-states.md', '--kind', 'nonsense'], /unknown --kind "nonsense"/],
      [['picwish', 'LICENSE', '--format', 'markdown'], /no code table found/],
      [['picwish'], /expected a vendor id and a document path/],
    ];
    for (const [args, message] of cases) {
      const r = refresh(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

describe(`the refresh script on the two AILabTools copies${SOURCES_UNAVAILABLE ? ` (skipped: ${SOURCES_UNAVAILABLE})` : ''}`, { skip: !!SOURCES_UNAVAILABLE }, () => {
  it('finds the 48 status changes of 2026-01-08 between the copies, and no code added or removed', () => {
    const before = parseMarkdownCodeTables(readSource(SOURCE_FILES.ailabtoolsDocs20251217));
    const after = parseMarkdownCodeTables(readSource(SOURCE_FILES.ailabtoolsDocs20260401));
    const c = compareWithDocument(before.map((r) => ({ code: r.code, http_status: r.http_status, message: r.message })), after);
    expect(c.statusChanged).toHaveLength(48);
    expect(c.statusChanged.find((s) => s.code === 'UNSUPPORTED_PARAMETER_VALUES')).toMatchObject({ data: 422, document: 400 });
    expect({ added: c.added, removed: c.removed, messages: c.messageChanged, unchanged: c.unchanged }).toEqual({ added: [], removed: [], messages: [], unchanged: 78 });
  });

  it('reports the current page as matching the data, and the older copy as 48 statuses the data keeps as history', () => {
    const data = dataBytes();
    const current = refresh('ailabtools', `${SOURCES_DIR}${SOURCE_FILES.ailabtoolsDocs20260401}`, '--check');
    expect(current.status, current.stdout + current.stderr).toBe(0);
    expect(current.stdout).toMatch(/status changed \(0\)[\s\S]*unchanged: 126/);
    const older = refresh('ailabtools', `${SOURCES_DIR}${SOURCE_FILES.ailabtoolsDocs20251217}`, '--json');
    const report = JSON.parse(older.stdout);
    expect(report.statusChanged).toHaveLength(48);
    expect(report.statusChanged.every((s: { historyUntil?: string }) => s.historyUntil === '2026-01-08')).toBe(true);
    expect(dataBytes()).toBe(data);
  });
});
