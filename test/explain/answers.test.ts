/** explain()'s answers must not be overconfident or repeat themselves (issue 13). */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';
import { expectWellFormed } from '../support/explain.ts';

const index = realIndex();

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
