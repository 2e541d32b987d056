/** `vision-errors triage [file]`: every vendor response in a log, counted by entry, from a file or stdin. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from '../support/cli.ts';

const file = join(root, 'test', 'fixtures', 'logs', 'mixed.log');

describe('triage', () => {
  it('prints a table sorted by count: entry, count, action, retry, first and last line', () => {
    const r = cli(['triage', file]);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n');
    expect(rows[0]).toMatch(/^Entry\s+Count\s+Action\s+Retry\?\s+First line\s+Last line$/);
    expect(rows[1]).toMatch(/^baidu-face\/222202\s+3\s+fix-input\s+no\s+3\s+18$/);
    expect(rows[2]).toMatch(/^baidu-face\/18\s+2\s+retry\s+yes\s+11\s+16$/);
    expect(r.stdout).toContain('18 lines: 9 vendor responses with an entry, 1 unrecognised.');
    expect(cli(['triage', file, '--lang', 'zh']).stdout).toMatch(/^条目\s+次数\s+处理\s+可重试/);
    const one = cli(['triage'], { input: 'x {"error_code":18,"error_msg":"Open api qps request limit reached"}\n' });
    expect(one.stdout).toContain('1 line: 1 vendor response with an entry, 0 unrecognised.');
  });

  it('--json from stdin gives lines, found, unrecognised and the entries', () => {
    const r = cli(['triage', '--json'], { input: readFileSync(file, 'utf8') });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['lines', 'found', 'unrecognised', 'entries']);
    expect(report).toMatchObject({ lines: 18, found: 9, unrecognised: 1 });
    expect(report.entries[0]).toEqual({ id: 'baidu-face/222202', count: 3, action: 'fix-input', retryable: false, first_line: 3, last_line: 18 });
    expect(r.stderr).toBe('');
  });

  it('exits 1 when the log holds no vendor response, 2 for a usage error', () => {
    const none = cli(['triage'], { input: 'worker started with 4 threads\n' });
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('No vendor response found.');
    expect(cli(['triage', join(root, 'no-such.log')]).status).toBe(2);
    expect(cli(['triage', 'a.log', 'b.log']).status).toBe(2);
    expect(cli(['triage', '--status', '400'], { input: '' }).status).toBe(2);
    expect(cli(['triage', '--vendor', 'nobody'], { input: '' }).status).toBe(2);
  });
});
