/** explain() under hostile input: whatever the body, it answers within its limits and never throws. */
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/core/lookup.ts';
import { explain, EXPLAIN_LIMITS, type ExplainResult } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';
import { expectWellFormed } from '../support/explain.ts';

const index = realIndex();
const kb = createLookup(index);

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
