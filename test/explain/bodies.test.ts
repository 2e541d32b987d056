/**
 * explain() on real bodies: the example bodies of every vendor's envelope, the bodies quoted in vendor
 * notes, and a corpus of real-looking bodies (test/fixtures/bodies/<vendor>/, answers in _expected.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/core/lookup.ts';
import { explain } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';
import { expectWellFormed } from '../support/explain.ts';

const index = realIndex();
const kb = createLookup(index);
const ids = (list: { id: string }[]) => list.map((e) => e.id);

/** The test's own reading of a documentation body: the JSON object in it, without // comments. */
function parseDocBody(text: string): unknown {
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1).replace(/\s\/\/[^\n"]*$/gm, '');
  return JSON.parse(json);
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
}

describe('the example bodies of every vendor explain to the right entry and outcome', () => {
  for (const v of index.vendors) {
    const { example_error: error, example_success: success, code_field } = v.envelope;
    it(`${v.id}: example error`, () => {
      const code = String(at(parseDocBody(error.body), code_field));
      const expected = kb.lookup(v.id, code);
      expect(expected, `${v.id} ${code} is an entry`).toBeDefined();
      for (const options of [{}, { vendor: v.id }, ...(error.http_status ? [{ httpStatus: error.http_status }] : [])]) {
        const r = explain(error.body, options, index);
        expectWellFormed(r);
        expect(r.vendor, JSON.stringify(options)).toBe(v.id);
        expect(r.entry?.id, JSON.stringify(options)).toBe(expected!.id);
        expect(r.outcome).toBe('failure');
        expect(r.advice.en).toBe(expected!.remedy.en);
      }
    });
    if (success)
      it(`${v.id}: example success`, () => {
        for (const options of [{}, { vendor: v.id }, ...(success.http_status ? [{ httpStatus: success.http_status }] : [])]) {
          const r = explain(success.body, options, index);
          expectWellFormed(r);
          expect(r.outcome, JSON.stringify(options)).toBe('success');
          expect(r.vendor, JSON.stringify(options)).toBe(v.id);
        }
      });
  }
});

describe('bodies quoted in vendor notes', () => {
  /** Every JSON object in a note, and `"error_msg": "…"` fragments as the body they come from. */
  const quoted = index.vendors.flatMap((v) =>
    v.notes.flatMap((n) => {
      const bodies: string[] = [];
      for (const m of n.en.matchAll(/\{[^{}]*\}/g)) bodies.push(m[0]);
      for (const m of n.en.matchAll(/"error_msg": "[^"]*"/g)) if (!bodies.some((b) => b.includes(m[0]))) bodies.push(`{${m[0]}}`);
      return bodies
        .filter((body) => {
          try {
            return typeof JSON.parse(body) === 'object';
          } catch {
            return false; // `{token}` and the like
          }
        })
        .map((body) => ({ vendor: v.id, body }));
    }),
  );
  const expected: Record<string, { status?: number; vendor: string; outcome: string; entry?: string; candidates?: string[] }[]> = {
    'AS.0001': [{ vendor: 'g42-image', outcome: 'failure' }],
    'AIS.0005': [{ vendor: 'g42-image', outcome: 'failure' }, { status: 400, vendor: 'g42-image', outcome: 'failure', entry: 'g42-image/http/400' }],
    forwarded: [{ vendor: 'ailabtools', outcome: 'failure', entry: 'ailabtools/FILE_CONTENT_NON_COMPLIANCE', candidates: ['baidu-face/222202'] }],
  };
  const keyOf = (body: string) => (body.includes('222202') ? 'forwarded' : /"error_code"\s*:\s*"([^"]+)"/.exec(body)?.[1] ?? body);

  it('are all covered by this test', () => {
    expect(new Set(quoted.map((q) => keyOf(q.body)))).toEqual(new Set(Object.keys(expected)));
  });

  for (const q of quoted)
    it(`${q.vendor}: ${keyOf(q.body)}`, () => {
      for (const e of expected[keyOf(q.body)] ?? []) {
        const r = explain(q.body, e.status ? { httpStatus: e.status } : {}, index);
        expectWellFormed(r);
        expect(r.vendor).toBe(e.vendor);
        expect(r.outcome).toBe(e.outcome);
        expect(r.entry?.id).toBe(e.entry);
        if (e.candidates) expect(ids(r.candidates)).toEqual(e.candidates);
        if (!e.entry) expect(r.reasons.join(' ')).toMatch(/not in .* table/);
      }
    });
});

describe('a corpus of real-looking bodies', () => {
  const root = join(import.meta.dirname, '..', 'fixtures', 'bodies');
  interface Expected {
    status?: number;
    vendorHint?: string;
    outcome: string;
    vendor?: string;
    entry?: string;
    candidates?: string[];
    candidatesInclude?: string[];
    retryable?: boolean;
    httpStatus?: number;
  }
  for (const dir of readdirSync(root).sort()) {
    const expected = JSON.parse(readFileSync(join(root, dir, '_expected.json'), 'utf8')) as Record<string, Expected>;
    const files = readdirSync(join(root, dir)).filter((f) => f !== '_expected.json').sort();
    it(`${dir}: every body has an expected answer and every answer a body`, () => {
      expect(files).toEqual(Object.keys(expected).sort());
    });
    for (const file of files)
      it(`${dir}/${file}`, () => {
        const e = expected[file]!;
        const body = readFileSync(join(root, dir, file), 'utf8');
        const r = explain(body, { ...(e.status ? { httpStatus: e.status } : {}), ...(e.vendorHint ? { vendor: e.vendorHint } : {}) }, index);
        expectWellFormed(r);
        const got = { outcome: r.outcome, vendor: r.vendor, entry: r.entry?.id };
        expect(got, r.reasons.join('\n')).toEqual({ outcome: e.outcome, vendor: e.vendor, entry: e.entry });
        if (e.candidates) expect(ids(r.candidates)).toEqual(e.candidates);
        if (e.candidatesInclude) expect(ids(r.candidates)).toEqual(expect.arrayContaining(e.candidatesInclude));
        if (e.retryable !== undefined) expect(r.retryable).toBe(e.retryable);
        if (e.httpStatus !== undefined) expect(r.httpStatus).toBe(e.httpStatus);
        // Parsed and unparsed bodies give the same answer.
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          return;
        }
        const again = explain(parsed, { ...(e.status ? { httpStatus: e.status } : {}), ...(e.vendorHint ? { vendor: e.vendorHint } : {}) }, index);
        expect({ outcome: again.outcome, vendor: again.vendor, entry: again.entry?.id }).toEqual(got);
      });
  }
});
