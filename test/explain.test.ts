/**
 * Lookup and explain over the artifact built from the real data: the example bodies of every
 * vendor's envelope, the bodies quoted in vendor notes, a corpus of real-looking bodies
 * (test/fixtures/bodies/<vendor>/, answers in _expected.json), and hostile input that must never
 * make explain() throw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { createLookup, find, lookup, type ArtifactIndex } from '../src/core/lookup.ts';
import { explain, EXPLAIN_LIMITS, type ExplainResult } from '../src/core/explain.ts';
import { compactCode, normalizeCode } from '../src/core/normalize.ts';
import * as library from '../src/core/index.ts';

const index = JSON.parse(buildArtifactForSite(loadKnowledgeBase(), 'https://errors.example.org').files.get('index.json')!) as ArtifactIndex;
const kb = createLookup(index);
const ids = (list: { id: string }[]) => list.map((e) => e.id);

/** Every result, whatever the input, has this shape. */
function expectWellFormed(r: ExplainResult): void {
  expect(['success', 'pending', 'failure', 'unknown']).toContain(r.outcome);
  expect(Array.isArray(r.candidates)).toBe(true);
  expect(r.candidates.length).toBeLessThanOrEqual(EXPLAIN_LIMITS.maxCandidates);
  expect(typeof r.advice.en).toBe('string');
  expect(typeof r.advice.zh).toBe('string');
  expect(r.advice.en.length).toBeGreaterThan(0);
  expect(r.reasons.length).toBe(r.reasonsZh.length);
  if (r.entry) expect(r.candidates).not.toContain(r.entry);
  if (r.vendor) expect(kb.vendorIds()).toContain(r.vendor);
  expect(r.reasons.join(' ')).not.toMatch(/Internal error/);
}

describe('lookup', () => {
  it('finds a code at every vendor that has it, in any accepted spelling', () => {
    expect(ids(kb.find('222202'))).toEqual(['baidu-face/222202']);
    expect(ids(kb.find(' 222202 '))).toEqual(['baidu-face/222202']);
    expect(ids(kb.find(222202))).toEqual(['baidu-face/222202']);
    for (const spelling of ['ModelArts.4204', 'modelarts.4204', 'ModelArts 4204', ' MODELARTS.4204 ', 'modelarts4204', 'ModelArts_4204'])
      expect(ids(kb.find(spelling)), spelling).toEqual(['g42-image/ModelArts.4204']);
    expect(ids(kb.find('ModelArt s.4101'))).toEqual(['g42-image/ModelArts.4101']);
    expect(ids(kb.find('error_no_face_in_file'))).toEqual(['ailabtools/ERROR_NO_FACE_IN_FILE']);
    expect(ids(kb.find('400'))).toEqual(['g42-image/http/400', 'picwish/http/400', 'softsugar/400']);
    expect(kb.find('nonexistent')).toEqual([]);
  });

  it('finds entry ids, and resolves vendors by id, prefix or name', () => {
    expect(ids(kb.find('picwish/state/-8'))).toEqual(['picwish/state/-8']);
    expect(ids(kb.find('Baidu-Face/222202'))).toEqual(['baidu-face/222202']);
    expect(kb.vendorId('baidu')).toBe('baidu-face');
    expect(kb.vendorId('PicWish')).toBe('picwish');
    expect(kb.vendorId('佐糖')).toBe('picwish');
    expect(kb.vendorId('nobody')).toBeUndefined();
  });

  it('looks up one vendor: errors first, then task states, then HTTP statuses, or the kind asked for', () => {
    expect(kb.lookup('baidu-face', '222202')?.id).toBe('baidu-face/222202');
    expect(kb.lookup('picwish', '-8')?.id).toBe('picwish/state/-8');
    expect(kb.lookup('picwish', 429)?.id).toBe('picwish/http/429');
    expect(kb.lookup('picwish', '1', 'task-state')?.id).toBe('picwish/state/1');
    expect(kb.lookup('picwish', '1', 'http-status')).toBeUndefined();
    expect(kb.lookup('softsugar', '400')?.kind).toBe('error');
    expect(kb.lookup('nobody', '400')).toBeUndefined();
    expect(lookup(index, 'g42-image', 'modelarts 4204')?.id).toBe('g42-image/ModelArts.4204');
    expect(ids(find(index, 'AIS.0014'))).toEqual(['g42-image/AIS.0014']);
  });

  it('no two codes of one vendor and kind share a comparison key, so lookups are unambiguous', () => {
    for (const key of [normalizeCode, compactCode]) {
      const seen = new Map<string, string>();
      for (const e of index.entries) {
        const k = `${e.vendor} ${e.kind} ${key(e.code)}`;
        expect(seen.get(k), `${e.id} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, e.id);
      }
    }
  });

  it('matches literal messages and filled-in templates', () => {
    expect(ids(kb.matchMessage('pic not has face'))).toEqual(['baidu-face/222202']);
    expect(ids(kb.matchMessage('  PIC NOT HAS FACE. '))).toEqual(['baidu-face/222202']);
    expect(ids(kb.matchMessage('Refresh token too frequent, limited to 3 hour intervals'))).toEqual(['softsugar/60112161']);
    expect(kb.matchMessage('system busy')).toHaveLength(17);
    expect(kb.matchMessage('system busy', 'softsugar')).toEqual([]);
  });

  it('the library entry point exports lookup, find, explain and normalizeCode', () => {
    for (const name of ['createLookup', 'lookup', 'find', 'explain', 'normalizeCode', 'searchEntries'])
      expect(typeof (library as Record<string, unknown>)[name], name).toBe('function');
  });
});

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
  const root = join(import.meta.dirname, 'fixtures', 'bodies');
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

describe('options', () => {
  it('an HTTP status alone, with or without the vendor', () => {
    const r = explain('', { httpStatus: 429 }, index);
    expect(r.outcome).toBe('failure');
    expect(r.entry).toBeUndefined();
    expect(ids(r.candidates)).toEqual(['g42-image/http/429', 'picwish/http/429']);
    expect(r.retryable).toBe(true);
    expect(explain('', { httpStatus: 429, vendor: 'picwish' }, index).entry?.id).toBe('picwish/http/429');
  });

  it('the vendor option decides between vendors; an unknown vendor or status is ignored with a reason', () => {
    expect(explain('400', { vendor: 'softsugar' }, index).entry?.id).toBe('softsugar/400');
    const r = explain('{"error_code": 110}', { vendor: 'nobody', httpStatus: 99 }, index);
    expect(r.entry?.id).toBe('baidu-face/110');
    expect(r.reasons.join(' ')).toMatch(/Ignored the vendor "nobody"/);
    expect(r.reasons.join(' ')).toMatch(/Ignored the HTTP status 99/);
  });

  it('says when the message differs from the documented one', () => {
    const r = explain('{"error_code": 222202, "error_msg": "something else"}', {}, index);
    expect(r.entry?.id).toBe('baidu-face/222202');
    expect(r.reasons.join(' ')).toMatch(/differs from the documented "pic not has face"/);
  });

  it('works with a lookup instead of the index, and never writes into the index', () => {
    const frozen = structuredClone(index);
    const deepFreeze = (o: unknown): void => {
      if (o && typeof o === 'object') {
        Object.freeze(o);
        for (const v of Object.values(o)) deepFreeze(v);
      }
    };
    deepFreeze(frozen);
    const l = createLookup(frozen);
    expect(explain('{"error_code": 110}', {}, l).entry?.id).toBe('baidu-face/110');
    expect(explain('{"error_detail": {"code": "ERROR_BLURRY_FACE"}}', {}, frozen).entry?.id).toBe('ailabtools/ERROR_BLURRY_FACE');
  });
});

describe('hostile input never makes explain throw', () => {
  const never = (body: unknown, options: object = {}) => {
    let r: ExplainResult | undefined;
    expect(() => (r = explain(body, options as never, index))).not.toThrow();
    expectWellFormed(r!);
    return r!;
  };

  it('invalid JSON, empty input, non-object JSON, arrays, odd types', () => {
    for (const body of ['{', '{"error_code": ', '}{', '[', 'null', 'true', '0', '-1', '""', '"x"', '[]', '[{"error_code": 110}]', '{}', ' ', '\uFEFF', 'NaN', '1e999', '{"error_code": 1e999}', '{"error_code": 110.5}', '{"error_code": null}', '{"error_code": [110]}', '{"error_code": {"code": 110}}', '{"data": {"state": "x"}}'])
      never(body);
    for (const body of [undefined, null, 0, NaN, Infinity, -0, true, false, 10n, Symbol('x'), () => 1, [], [1, 2], new Date(0), new Map(), /re/, new Uint8Array([0xff, 0xfe, 0x7b]), Object.create(null)])
      never(body);
    for (const options of [null, undefined, 'x', 1, { httpStatus: 'x' }, { httpStatus: 1e9 }, { httpStatus: -1 }, { vendor: 1 }, { vendor: {} }, { vendor: '__proto__' }, { vendor: 'constructor' }])
      never('{"error_code": 110}', options as object);
  });

  it('a 10 MB body, valid or not, in bounded time', () => {
    const started = performance.now();
    never('x'.repeat(10 * 1024 * 1024));
    never(`{"error_code": 110, "junk": "${'a'.repeat(10 * 1024 * 1024)}"}`);
    const big = never(`{"code": 0, "message": "success", "data": {"image": "${'A'.repeat(10 * 1024 * 1024)}"}}`);
    expect(big.outcome).toBe('success');
    never(`{"error_msg": "${'system busy '.repeat(900_000)}"}`);
    never('{'.repeat(200_000));
    const tooLarge = never('x'.repeat(EXPLAIN_LIMITS.maxBodyChars + 1));
    expect(tooLarge.reasons.join(' ')).toMatch(/too large/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('100 000 levels of nesting', () => {
    never('['.repeat(100_000) + ']'.repeat(100_000));
    never('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    never('{"error_code": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
    never('['.repeat(100_000));
    // An already-parsed deep value.
    let deep: unknown = { error_code: 110 };
    for (let i = 0; i < 100_000; i++) deep = { data: deep };
    never(deep);
  });

  it('__proto__ and constructor keys neither pollute nor match', () => {
    const r = never('{"__proto__": {"polluted": 1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.outcome).toBe('unknown');
    never('{"__proto__": {"error_code": 110}, "constructor": {"prototype": {"polluted": 1}}}');
    never(JSON.parse('{"__proto__": {"polluted": 1}, "error_code": "__proto__"}'));
    never('{"error_detail": {"__proto__": {"code": "ERROR_BLURRY_FACE"}}}');
    never('{"error_code": "constructor", "error_msg": "toString"}');
    never('{"data": {"state": "__proto__"}}');
    expect(never('{"__proto__": {"error_code": 110}}').entry).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('error_code');
  });

  it('objects that throw when read are answered, not thrown', () => {
    const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); }, has() { throw new Error('trap'); } });
    const r = explain(trap, {}, index);
    expect(r.outcome).toBe('unknown');
    const getter = { get error_code(): number { throw new Error('getter'); } };
    expect(() => explain(getter, {}, index)).not.toThrow();
  });

  it('a few thousand random and mutated bodies', () => {
    // Deterministic PRNG (mulberry32), so a failure can be replayed.
    let seed = 0x5eed;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const alphabet = ['{', '}', '[', ']', '"', ':', ',', '\\', '/', '*', ' ', '\n', '-', '.', '0', '1', '9', 'e', 'a', 'Z', '_', '%s', '中', '\uD800', '\uDC00', '\u0000', 'error_code', 'error_msg', 'code', 'message', 'data', 'state', 'error_detail', '__proto__', '222202', 'AIS.0014', '-8', 'null', 'true'];
    const seeds = [...index.vendors.flatMap((v) => [v.envelope.example_error.body, v.envelope.example_success?.body ?? '{}']), ...index.entries.slice(0, 50).map((e) => JSON.stringify({ error_code: e.code, error_msg: e.message, code: e.code, data: { state: e.code } }))];
    for (let i = 0; i < 4000; i++) {
      let body: string;
      if (i % 2 === 0) {
        body = Array.from({ length: Math.floor(random() * 40) }, () => pick(alphabet)).join('');
      } else {
        body = pick(seeds);
        for (let m = 0, n = 1 + Math.floor(random() * 4); m < n; m++) {
          const at = Math.floor(random() * (body.length + 1));
          body = random() < 0.5 ? body.slice(0, at) + pick(alphabet) + body.slice(at) : body.slice(0, at) + body.slice(at + 1 + Math.floor(random() * 5));
        }
      }
      const options = random() < 0.3 ? { httpStatus: pick([200, 400, 401, 422, 429, 500, 503, 0, 1000]) } : random() < 0.2 ? { vendor: pick(kb.vendorIds()) } : {};
      let r: ExplainResult | undefined;
      expect(() => (r = explain(body, options, index)), JSON.stringify(body)).not.toThrow();
      expectWellFormed(r!);
    }
  });
});

describe('answers that must not be overconfident or repeat themselves (issue 13)', () => {
  it('a bare "Internal Server Error" is HTTP 500 at any vendor: candidates from every vendor that documents it', () => {
    const r = explain('Internal Server Error', {}, index);
    expectWellFormed(r);
    expect(r.outcome).toBe('failure');
    expect(r.vendor).toBeUndefined();
    expect(r.entry).toBeUndefined();
    expect(r.httpStatus).toBe(500);
    const vendors = new Set(r.candidates.map((c) => c.vendor));
    expect(vendors).toEqual(new Set(index.entries.filter((e) => e.http_status === 500 || e.code === '500').map((e) => e.vendor)));
    expect(vendors.size).toBeGreaterThan(2);
    expect(r.reasons.join(' ')).toContain('reason phrase of HTTP 500');
  });

  it('with the vendor chosen, the same text is that vendor\'s entry', () => {
    const r = explain('Internal Server Error', { vendor: 'g42-image' }, index);
    expect(r.entry?.id).toBe('g42-image/http/500');
  });

  it('a message forwarded in two fields gives its reason once', () => {
    const body = JSON.stringify({
      error_code: 422,
      error_msg: 'pic not has face',
      error_detail: { status_code: 422, code: 'ERROR_NO_FACE_IN_FILE', code_message: 'No face detected in the file.', message: 'pic not has face' },
    });
    const r = explain(body, {}, index);
    expect(r.entry?.id).toBe('ailabtools/ERROR_NO_FACE_IN_FILE');
    expect(r.candidates.map((c) => c.id)).toEqual(['baidu-face/222202']);
    expect(r.reasons.filter((x) => x.includes('forwarded'))).toHaveLength(1);
    expect(r.reasonsZh.filter((x) => x.includes('转发'))).toHaveLength(1);
    expect(new Set(r.reasons).size).toBe(r.reasons.length);
  });
});
