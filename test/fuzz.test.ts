/**
 * Property-based tests (fast-check) over hostile and random input (issue 15): explain, code
 * normalisation, the search query path and YAML's raw nesting check never throw, stay within a time
 * bound, and round-trip where they should. The seed is fixed unless FUZZ_SEED says otherwise
 * (test/support/fuzz-seed.ts); a failure prints its seed and the shrunk counterexample. Budget: a few seconds.
 */
import fc from 'fast-check';
import './support/fuzz-seed.ts';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { createLookup, type ArtifactIndex } from '../src/core/lookup.ts';
import { explain, type ExplainResult } from '../src/core/explain.ts';
import { cleanText, compactCode, httpStatusQuery, normalizeCode, normalizeMessage } from '../src/core/normalize.ts';
import { searchIndexOf } from '../src/node/search-files.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { queryTokens } from '../src/core/search/tokenize.ts';
import { rawNestingExceeds } from '../src/core/yaml-depth.ts';
import { parseYaml, YAML_LIMITS } from '../src/core/yaml-source.ts';

const kb = loadKnowledgeBase();
const artifact = buildArtifactForSite(kb, 'https://errors.example.org');
const index = JSON.parse(artifact.files.get('index.json')!) as ArtifactIndex;
const l = createLookup(index);
const files = searchIndexOf(kb, artifact);
const client = new SearchClient(async (path) => JSON.parse(files.get(path) ?? 'null'));
/** Per call. Typical calls take well under a millisecond; the bound is what "never hangs" means on a busy CI machine. */
const BOUND_MS = 1000;
// Warm-up: the first calls build lookup tables and compile; they are not what is measured.
explain('{"error_code": 110}', {}, l);
await client.search('222202');

/** Characters that break naive code: controls, bidi, zero-width, surrogates, quotes, separators, CJK. */
const nasty = fc.constantFrom('\u0000', '\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u200b', '\ufeff', '\ud800', '\udc00', '"', "'", '\\', '/', '.', '_', '-', ' ', '\t', '\n', '%s', '%d', '{', '}', '[', ']', ':', ',', '错', 'é', 'İ', 'ß', 'ﬁ', '０', '𝟘');
const hostileString = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: nasty, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
const realCode = fc.constantFrom(...index.entries.map((e) => e.code));
const realMessage = fc.constantFrom(...index.entries.flatMap((e) => (e.message ? [e.message] : [])));
const field = fc.constantFrom('error_code', 'error_msg', 'code', 'message', 'msg', 'status', 'error_detail', 'data', 'state', 'task_id', 'result', '__proto__', 'constructor', 'error_code_str');
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, realCode, realMessage, hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(field, tie('v'), { maxKeys: 4 })),
})).v;
const body = fc.dictionary(field, value, { maxKeys: 6 });

function wellFormed(r: ExplainResult): void {
  expect(['success', 'pending', 'failure', 'unknown']).toContain(r.outcome);
  expect(r.reasons.length).toBe(r.reasonsZh.length);
  expect(r.advice.en.length).toBeGreaterThan(0);
  expect(r.reasons.join(' ')).not.toMatch(/Internal error/);
}

function timed<T>(f: () => T, ms: number): T {
  const started = performance.now();
  const result = f();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

describe('explain', () => {
  it('never throws on random bodies, text or parsed, and answers within the bound each', () => {
    fc.assert(
      fc.property(body, fc.option(fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.constant(Number.NaN))), fc.option(fc.oneof(hostileString, fc.constantFrom(...l.vendorIds()))), (b, status, vendor) => {
        const options = { ...(status !== null ? { httpStatus: status } : {}), ...(vendor !== null ? { vendor } : {}) };
        wellFormed(timed(() => explain(b, options, l), BOUND_MS));
        wellFormed(timed(() => explain(JSON.stringify(b), options, l), BOUND_MS));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for a JSON text and the object it parses to', () => {
    fc.assert(
      fc.property(body, (b) => {
        const fromText = explain(JSON.stringify(b), {}, l);
        const fromObject = explain(JSON.parse(JSON.stringify(b)), {}, l);
        expect(fromText.outcome).toBe(fromObject.outcome);
        expect(fromText.entry?.id).toBe(fromObject.entry?.id);
        expect(fromText.reasons).toEqual(fromObject.reasons);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text, with status lines, comments and garbage around JSON', () => {
    const wrapped = fc.tuple(fc.constantFrom('', 'HTTP/1.1 429 Too Many\n', 'STATUS CODE 400\n', '// x\n', '\uFEFF', '{'.repeat(50)), body, fc.constantFrom('', ',', '\n// end', '}}}', '/*'), hostileString);
    fc.assert(
      fc.property(wrapped, ([pre, b, post, junk]) => {
        wellFormed(timed(() => explain(`${pre}${JSON.stringify(b, null, 1)}${post}${junk}`, {}, l), BOUND_MS));
        wellFormed(timed(() => explain(junk, {}, l), BOUND_MS));
      }),
      { numRuns: 300 },
    );
  });

  it('explains every real code in a body shaped like its vendor’s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...index.entries.filter((e) => e.kind === 'error')), (e) => {
        const codeField = index.vendors!.find((v) => v.id === e.vendor)!.envelope.code_field;
        const b = codeField.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), e.code);
        const r = explain(b, { vendor: e.vendor }, l);
        expect(r.entry?.id).toBe(e.id);
      }),
      { numRuns: 200 },
    );
  });
});

describe('code normalisation', () => {
  it('never throws, is idempotent, and leaves no control, bidi or outer separator', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.anything()), (x) => {
        const n = normalizeCode(x);
        expect(normalizeCode(n)).toBe(n);
        expect(compactCode(compactCode(x))).toBe(compactCode(x));
        expect(n).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]|^\.|\.$/);
        expect(cleanText(x).length).toBeLessThanOrEqual(500);
        expect(normalizeMessage(normalizeMessage(x))).toBe(normalizeMessage(x));
        const status = httpStatusQuery(x);
        if (status !== undefined) expect(status >= 100 && status <= 599).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes values that cannot become strings (found by the property above: { toString: null })', () => {
    for (const x of [{ toString: null }, Object.create(null), { [Symbol.toPrimitive]: () => { throw new Error('no'); } }]) {
      expect(normalizeCode(x)).toBe('');
      expect(cleanText(x)).toBe('');
      expect(normalizeMessage(x)).toBe('');
    }
  });

  it('finds a real code however it is spelled: case, separators, outer space', () => {
    const spelling = fc.tuple(fc.constantFrom(...index.entries.filter((e) => e.kind !== 'http-status')), fc.constantFrom('.', '_', ' ', '/'), fc.boolean(), fc.constantFrom('', ' ', '\t', '  '));
    fc.assert(
      fc.property(spelling, ([e, sep, upper, pad]) => {
        const respelled = e.code.replace(/[._]/g, sep);
        const cased = upper ? respelled.toUpperCase() : respelled.toLowerCase();
        // `/` separates an entry id (`picwish/state/-8`) in find; lookup takes it as a separator.
        if (sep !== '/') expect(l.find(`${pad}${cased}${pad}`).map((x) => x.id)).toContain(e.id);
        expect(l.lookup(e.vendor, `${pad}${cased}${pad}`, e.kind)?.id).toBe(e.id);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the search query path', () => {
  it('never throws and answers within the bound whatever is typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, realCode, realMessage, fc.anything()), async (q) => {
        expect(Array.isArray(queryTokens(q))).toBe(true);
        const started = performance.now();
        const hits = await client.search(q, { limit: 10 });
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        expect(hits.length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a real code and a real literal message as typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...index.entries), async (e) => {
        const byCode = await client.search(e.code, { limit: 200 });
        expect(byCode.some((h) => h.doc.t === 'e' && h.doc.v === e.vendor && h.doc.c === e.code)).toBe(true);
        if (e.message && !e.message_is_template && e.message.length >= 2) {
          const byMessage = await client.search(e.message, { limit: 200 });
          expect(byMessage.some((h) => h.doc.t === 'e' && h.doc.v === e.vendor && h.doc.c === e.code)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('YAML nesting is checked on the raw text', () => {
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'medium', maxDepth: 20 }, hostileString, fc.integer(), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie('node'), { maxKeys: 3 })),
  })).node;

  it('never refuses what YAML writes for data nested less than the limit, in block or flow style', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (value, flow) => {
        const text = stringify({ root: value }, { flow, aliasDuplicateObjects: false });
        expect(rawNestingExceeds(text, YAML_LIMITS.maxDepth)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses nesting past the limit quickly, however it is written', () => {
    const deep = fc.tuple(fc.integer({ min: YAML_LIMITS.maxDepth + 1, max: 3000 }), fc.constantFrom('[', '{a: ', '- ', 'indented', 'mixed'));
    fc.assert(
      fc.property(deep, ([n, how]) => {
        const lines = (f: (i: number) => string) => Array.from({ length: Math.min(n, 1000) }, (_, i) => f(i)).join('\n') + ' x\n';
        const text =
          how === 'indented' ? lines((i) => `${' '.repeat(i)}k:`)
          : how === 'mixed' ? lines((i) => `${' '.repeat(i * 2)}${i % 2 ? '- k:' : 'k:'}`)
          : how === '- ' ? `${'- '.repeat(n)}x\n`
          : `${how.repeat(n)}x`;
        const parsed = timed(() => parseYaml('deep.yaml', text), 500);
        expect(parsed.problems.map((p) => p.message)).toEqual([`nesting deeper than ${YAML_LIMITS.maxDepth} levels`]);
      }),
      { numRuns: 40 },
    );
  });
});
