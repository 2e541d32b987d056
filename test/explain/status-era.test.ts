/**
 * Explain accepts a status from either era (issue 23): AILabTools changed the HTTP status of 48 codes
 * on 2026-01-08 and the entries keep the earlier one as history. A response with the earlier status
 * is the same entry and says which era it is from; a status of neither era says so; the current
 * status says nothing more. In both languages.
 */
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/core/lookup.ts';
import { explain } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';
import { expectWellFormed } from '../support/explain.ts';

const index = realIndex();
const kb = createLookup(index);
const ERA_KEYS = ['explain.reason.statusEarlierEra', 'explain.reason.statusNeitherEra', 'explain.reason.statusDiffers'];

/** An AILabTools error body as its current page documents it (no status inside). */
const body = (code: string, message: string) => JSON.stringify({ request_id: 'r-1', log_id: 'l-1', error_detail: { code, code_message: message, message: '' } });
const eraReasons = (r: ReturnType<typeof explain>) => r.reasonKeys.filter((k) => ERA_KEYS.includes(k.key));

describe('a status from either era', () => {
  const entry = kb.entry('ailabtools/UNSUPPORTED_PARAMETER_VALUES')!;

  it('the data: 400 now, 422 until 2026-01-08', () => {
    expect(entry.http_status).toBe(400);
    expect(entry.history).toEqual([expect.objectContaining({ field: 'http_status', value: 422, until: '2026-01-08' })]);
  });

  it('the earlier status (the option) is the same entry, and the reason names both eras in English and Chinese', () => {
    const r = explain(body('UNSUPPORTED_PARAMETER_VALUES', 'Invalid parameter values.'), { httpStatus: 422 }, kb);
    expectWellFormed(r);
    expect(r.entry?.id).toBe('ailabtools/UNSUPPORTED_PARAMETER_VALUES');
    expect(r.outcome).toBe('failure');
    expect(eraReasons(r)).toEqual([{ key: 'explain.reason.statusEarlierEra', params: { status: 422, vendor: 'ailabtools', current: 400, until: '2026-01-08' } }]);
    expect(r.reasons).toContain('HTTP 422 is what AILabTools documented for this code until 2026-01-08; it documents 400 now. A response from either era is this entry.');
    expect(r.reasonsZh).toContain('HTTP 422 是 AILabTools 在 2026-01-08 之前为该错误码记录的状态码，现在的文档为 400。两个时期的响应都对应这个条目。');
  });

  it('the earlier status from a status line, and from the fields older responses carried (error_code, error_detail.status_code)', () => {
    const line = explain(`HTTP/1.1 422 Unprocessable Entity\n${body('UNSUPPORTED_PARAMETER_VALUES', 'Invalid parameter values.')}`, {}, kb);
    expect(line.entry?.id).toBe('ailabtools/UNSUPPORTED_PARAMETER_VALUES');
    expect(eraReasons(line).map((k) => k.key)).toEqual(['explain.reason.statusEarlierEra']);
    const old = explain({ error_code: 422, error_detail: { status_code: 422, code: 'UNSUPPORTED_PARAMETER_VALUES', code_message: 'Invalid parameter values.', message: '' } }, {}, kb);
    expect(old.entry?.id).toBe('ailabtools/UNSUPPORTED_PARAMETER_VALUES');
    expect(old.httpStatus).toBe(422);
    expect(eraReasons(old).map((k) => k.key)).toEqual(['explain.reason.statusEarlierEra']);
  });

  it('the current status says nothing about eras', () => {
    const r = explain(body('UNSUPPORTED_PARAMETER_VALUES', 'Invalid parameter values.'), { httpStatus: 400 }, kb);
    expect(r.entry?.id).toBe('ailabtools/UNSUPPORTED_PARAMETER_VALUES');
    expect(eraReasons(r)).toEqual([]);
    // Nor does a response without a status.
    expect(eraReasons(explain(body('UNSUPPORTED_PARAMETER_VALUES', 'Invalid parameter values.'), {}, kb))).toEqual([]);
  });

  it('a status of neither era keeps the entry and says it fits neither, naming both', () => {
    const r = explain(body('UNSUPPORTED_PARAMETER_VALUES', 'Invalid parameter values.'), { httpStatus: 500 }, kb);
    expect(r.entry?.id).toBe('ailabtools/UNSUPPORTED_PARAMETER_VALUES');
    expect(eraReasons(r)).toEqual([{ key: 'explain.reason.statusNeitherEra', params: { status: 500, vendor: 'ailabtools', current: 400, earlier: ['422'] } }]);
    expect(r.reasons).toContain('HTTP 500 is neither the status AILabTools documents for this code now (400) nor one it documented before (422); the code decides the entry.');
    expect(r.reasonsZh).toContain('HTTP 500 既不是 AILabTools 文档中该错误码现在的状态码（400），也不是以前记录过的状态码（422）；以错误码为准。');
  });

  it('an entry without history: a different status is named as such', () => {
    const plain = index.entries.find((e) => e.vendor === 'ailabtools' && e.kind === 'error' && e.history.length === 0 && e.http_status === 400 && !e.message_is_template)!;
    const r = explain(body(plain.code, plain.message!), { httpStatus: 418 }, kb);
    expect(r.entry?.id).toBe(plain.id);
    expect(eraReasons(r)).toEqual([{ key: 'explain.reason.statusDiffers', params: { status: 418, vendor: 'ailabtools', current: 400 } }]);
    expect(r.reasons).toContain('HTTP 418 is not the status AILabTools documents for this code (400); the code decides the entry.');
    expect(r.reasonsZh).toContain('HTTP 418 不是 AILabTools 文档中该错误码的状态码（400）；以错误码为准。');
  });

  it('every entry with status history is explained from either era, as itself', () => {
    const changed = index.entries.filter((e) => e.history.some((h) => h.field === 'http_status'));
    expect(changed).toHaveLength(48);
    for (const e of changed) {
      const before = e.history.find((h) => h.field === 'http_status')!.value as number;
      for (const status of [before, e.http_status!]) {
        const r = explain(body(e.code, e.message ?? ''), { httpStatus: status }, kb);
        expect(r.entry?.id, `${e.id} with ${status}`).toBe(e.id);
        expect(eraReasons(r).map((k) => k.key), `${e.id} with ${status}`).toEqual(status === before ? ['explain.reason.statusEarlierEra'] : []);
      }
    }
  });

  it('a vendor that documents no status (Baidu) and HTTP status entries get no such reason', () => {
    expect(eraReasons(explain('{"error_code": 222202, "error_msg": "pic not has face"}', { httpStatus: 200 }, kb))).toEqual([]);
    expect(eraReasons(explain('', { httpStatus: 429, vendor: 'picwish' }, kb))).toEqual([]);
  });
});
