/** explain()'s options: the HTTP status and the vendor a caller gives, and what it does with wrong ones. */
import { describe, expect, it } from 'vitest';
import { createLookup, lookup } from '../../src/core/lookup.ts';
import { explain } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';

const index = realIndex();
const ids = (list: { id: string }[]) => list.map((e) => e.id);

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
    const r = explain('{"error_code": 110, "error_msg": "Access token invalid or no longer valid"}', { vendor: 'nobody', httpStatus: 99 }, index);
    expect(r.entry?.id).toBe('baidu-face/110');
    expect(r.reasons.join(' ')).toMatch(/Ignored the vendor "nobody"/);
    expect(r.reasons.join(' ')).toMatch(/Ignored the HTTP status 99/);
  });

  it('a short number other APIs send too is its entry only with its message or the vendor named; else a candidate', () => {
    const bare = explain('{"error_code": 110}', {}, index);
    expect(bare.entry).toBeUndefined();
    expect(ids(bare.candidates)).toEqual(['baidu-face/110']);
    expect(bare.outcome).toBe('failure');
    expect(bare.reasons.join(' ')).toMatch(/other APIs send codes like "110" too/);
    expect(explain('{"error_code": 110}', { vendor: 'baidu' }, index).entry?.id).toBe('baidu-face/110');
    expect(explain('Baidu face API returned {"error_code": 110}', {}, index).entry?.id).toBe('baidu-face/110');
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
    expect(explain('{"error_code": 110, "error_msg": "Access token invalid or no longer valid"}', {}, l).entry?.id).toBe('baidu-face/110');
    expect(explain('{"error_detail": {"code": "ERROR_BLURRY_FACE"}}', {}, frozen).entry?.id).toBe('ailabtools/ERROR_BLURRY_FACE');
  });
});
