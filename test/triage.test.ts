/**
 * triage(): every vendor response in a log, counted by entry, streaming. A mixed log written by us
 * (test/fixtures/logs/mixed.log: bodies after log prefixes, a repr, a body over four lines, two
 * bodies on one line, an unknown code, a JSON log line, an access log, numbers in noise) is counted
 * exactly, whatever the chunks it arrives in. The 1 GB run is scripts/bench-triage.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLookup } from '../src/core/lookup.ts';
import { Triage, triage, TRIAGE_LIMITS } from '../src/core/triage.ts';
import { realIndex } from './support/real-index.ts';

const kb = createLookup(realIndex());
const log = readFileSync(join(import.meta.dirname, 'fixtures', 'logs', 'mixed.log'), 'utf8');

const EXPECTED = {
  lines: 18,
  found: 9,
  unrecognised: 1,
  entries: [
    { id: 'baidu-face/222202', count: 3, action: 'fix-input', retryable: false, first_line: 3, last_line: 18 },
    { id: 'baidu-face/18', count: 2, action: 'retry', retryable: true, first_line: 11, last_line: 16 },
    { id: 'softsugar/89999999', count: 2, action: 'retry', retryable: true, first_line: 12, last_line: 18 },
    { id: 'picwish/state/-8', count: 1, action: 'recreate-task', retryable: true, first_line: 5, last_line: 5 },
    { id: 'g42-image/APIG.0308', count: 1, action: 'retry', retryable: true, first_line: 7, last_line: 7 },
  ],
};

describe('triage', () => {
  it('counts a mixed log exactly: each response once, on the line it begins on, most frequent first', () => {
    expect(triage(log, kb)).toEqual(EXPECTED);
  });

  it('gives the same report whatever the chunks (one character at a time, odd sizes, CRLF line ends)', () => {
    for (const size of [1, 7, 64, 1000]) {
      const t = new Triage(kb);
      for (let i = 0; i < log.length; i += size) t.write(log.slice(i, i + size));
      expect(t.end(), `chunks of ${size}`).toEqual(EXPECTED);
    }
    expect(triage(log.replace(/\n/g, '\r\n'), kb)).toEqual(EXPECTED);
  });

  it('never counts a line without a vendor response, nor numbers in log noise', () => {
    const noise = ['worker started with 4 threads', '127.0.0.1 - - "GET / HTTP/1.1" 200 18', 'retry 17 of 18', '{"level":"info","msg":"ok","status":200}', 'wrote 222202 bytes', 'function f() {', '}'].join('\n');
    expect(triage(noise, kb)).toEqual({ lines: 7, found: 0, unrecognised: 0, entries: [] });
  });

  it('reads an unclosed brace line by line, and cuts an overlong line (bounded memory)', () => {
    const unclosed = `{ not json\n${'x\n'.repeat(TRIAGE_LIMITS.blockLines + 5)}{"error_code": 222202, "error_msg": "pic not has face"}\n`;
    const r = triage(unclosed, kb);
    expect(r.entries).toEqual([{ id: 'baidu-face/222202', count: 1, action: 'fix-input', retryable: false, first_line: TRIAGE_LIMITS.blockLines + 7, last_line: TRIAGE_LIMITS.blockLines + 7 }]);
    const long = `${'y'.repeat(TRIAGE_LIMITS.lineChars * 3)} {"error_code": 222202}\n{"error_code": 222202, "error_msg": "pic not has face"}`;
    expect(triage(long, kb)).toMatchObject({ lines: 2, found: 1 });
  });

  it('takes the vendor when the whole log is one vendor’s', () => {
    expect(triage('{"error_code": 110}\n', kb).found).toBe(0);
    expect(triage('{"error_code": 110}\n', kb, { vendor: 'baidu' }).entries.map((e) => e.id)).toEqual(['baidu-face/110']);
  });

  it('streams a few megabytes of log in chunks', () => {
    const t = new Triage(kb);
    const rounds = 400; // about 0.9 MB
    const start = performance.now();
    for (let i = 0; i < rounds; i++) t.write(log);
    const r = t.end();
    expect(r.lines).toBe(rounds * 18);
    expect(r.found).toBe(rounds * 9);
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});
