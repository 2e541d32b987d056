/**
 * What people paste, one input class per test, written by us from the vendors' documented envelopes
 * (data/vendors/*.yaml): Python and JS reprs, fragments without braces, bodies nested in other
 * objects or strings, HTTP log lines, several bodies in one text, free text with a code or message,
 * vendor hints, and the honesty rules (an unknown code never gets another code's entry; a code in a
 * shape other APIs share is a candidate unless something confirms it).
 */
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/core/lookup.ts';
import { explain } from '../../src/core/explain.ts';
import { realIndex } from '../support/real-index.ts';
import { expectWellFormed } from '../support/explain.ts';

const kb = createLookup(realIndex());
const ids = (list: { id: string }[]) => list.map((e) => e.id);
const run = (text: string, options = {}) => {
  const r = explain(text, options, kb);
  expectWellFormed(r);
  return r;
};

const AILAB = '{"request_id": "r-1", "log_id": "l-1", "error_code": 422, "error_detail": {"status_code": 422, "code": "ERROR_NO_FACE_IN_FILE", "code_message": "No face detected in the file.", "message": "pic not has face"}}';

describe('reading what people paste', () => {
  it('a Python dict repr (single quotes, None, a log_id too long for a double)', () => {
    const r = run("{'error_code': 18, 'error_msg': 'Open api qps request limit reached', 'log_id': 1368654424876672171, 'result': None}");
    expect(r.entry?.id).toBe('baidu-face/18');
    expect(r.reasons.join(' ')).toMatch(/Python or JavaScript literal/);
  });

  it('a JS object literal (unquoted keys, single quotes, a trailing comma) and a Ruby hash', () => {
    expect(run("{ error_code: 222202, error_msg: 'pic not has face', }").entry?.id).toBe('baidu-face/222202');
    expect(run('{"code"=>89999999, "message"=>"Your access is too frequent, please try again later"}').entry?.id).toBe('softsugar/89999999');
  });

  it('fields copied without their braces', () => {
    const r = run('"error_code":"ModelArts.4204","error_msg":"The API is not subscribed to."');
    expect(r.entry?.id).toBe('g42-image/ModelArts.4204');
    expect(r.reasons.join(' ')).toMatch(/without their braces/);
  });

  it('a vendor body nested in the caller’s own error object, at any depth', () => {
    const r = run(`{"error": "Bad request", "detail": ${AILAB}}`);
    expect(r.entry?.id).toBe('ailabtools/ERROR_NO_FACE_IN_FILE');
    expect(r.reasons.join(' ')).toMatch(/at detail inside/);
    expect(run(`{"a": {"b": [{"c": ${AILAB}}]}}`, { vendor: undefined }).entry?.id).toBe('ailabtools/ERROR_NO_FACE_IN_FILE');
  });

  it('a body escaped inside a string of another, with the status named before it', () => {
    const inner = JSON.stringify({ error_code: 'APIG.0308', error_msg: 'The request is sent too fast and exceeds the default rate limit of the service.' });
    const r = run(JSON.stringify({ error: { message: `upstream failed with status code 429: ${inner}` } }));
    expect(r.entry?.id).toBe('g42-image/APIG.0308');
    expect(r.httpStatus).toBe(429);
  });

  it('an HTTP log line: the body after the request, the API host as a hint', () => {
    const r = run('2026-12-07T10:00:00Z POST https://aip.baidubce.com/rest/2.0/face/v3/detect 200 {"error_code":223114,"error_msg":"face is fuzzy","log_id":42}');
    expect(r.entry?.id).toBe('baidu-face/223114');
    expect(r.reasons.join(' ')).toMatch(/names Baidu Face \("aip\.baidubce\.com"\)/);
  });

  it('several bodies in one text: the first is explained, the others are listed', () => {
    const r = run('{"error_code": 222202, "error_msg": "pic not has face"}\n{"code": 89999999, "message": "Your access is too frequent, please try again later", "data": null}');
    expect(r.entry?.id).toBe('baidu-face/222202');
    expect(r.others?.map((o) => o.entry?.id)).toEqual(['softsugar/89999999']);
    expect(r.reasons.join(' ')).toMatch(/holds 2 responses/);
    expect(run('{"error_code": 222202, "error_msg": "pic not has face"}').others).toBeUndefined();
  });

  it('free text with a code in it, the vendor named nearby in either language', () => {
    for (const text of ['百度人脸返回 222202', 'customer gets 222202 from Baidu', '客户反馈：错误码222202，照片里明明有人']) expect(run(text).entry?.id, text).toBe('baidu-face/222202');
    expect(run('G42 image tagging keeps answering AIS.0503 for this file').entry?.id).toBe('g42-image/AIS.0503');
    expect(run('PicWish task stuck at state 4 for an hour').entry?.id).toBe('picwish/state/4');
  });

  it('free text with a message in it (a log line, a traceback)', () => {
    expect(run('[WARN] 2026-12-07 ocr failed: Open api daily request limit reached, retrying').entry?.id).toBe('baidu-face/17');
    expect(run('Traceback (most recent call last):\nRuntimeError: Access token invalid or no longer valid').entry?.id).toBe('baidu-face/110');
  });
});

describe('honest when unsure', () => {
  it('an unknown code whose message resembles another code’s gets that code only as a candidate', () => {
    const r = run('{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}');
    expect(r.entry).toBeUndefined();
    expect(r.vendor).toBe('g42-image');
    expect(ids(r.candidates)).toContain('g42-image/AIS.0501');
    expect(r.reasons.join(' ')).toMatch(/"AIS\.0101" is an unknown code; its message resembles that of g42-image\/AIS\.0501/);
    // In free text too: a code of a vendor's shape it does not have makes any message only a candidate.
    expect(run('error code "ModelArts.0212": The token is invalid.').entry).toBeUndefined();
  });

  it('a short number other APIs send too needs its message or its vendor', () => {
    expect(run('{"code": 400, "message": "Error", "data": null}').entry?.id).toBe('softsugar/400');
    const other = run('{"code": 400, "message": "Bad parameter: name"}');
    expect(other.entry).toBeUndefined();
    expect(ids(other.candidates)).toContain('softsugar/400');
  });

  it('a task-state body: PicWish’s documented envelope, or a PicWish host, or only a candidate', () => {
    expect(run('{"status": 200, "data": {"state": -8, "task_id": "5f461cfc-ec4b-446b-aa31-57afa8fb5256"}}').entry?.id).toBe('picwish/state/-8');
    const other = run('{"status": 200, "data": {"state": -8, "url": "https://example.com/a.png"}}');
    expect(other.entry).toBeUndefined();
    expect(ids(other.candidates)).toEqual(['picwish/state/-8']);
    expect(run('GET https://techsz.aoscdn.com/api/tasks/x {"status": 200, "data": {"state": -8, "url": "u"}}').entry?.id).toBe('picwish/state/-8');
  });

  it('a PicWish host makes a bare {status, message} PicWish’s; without it the status stays ambiguous', () => {
    expect(run('404 {"status":404,"message":"wxtech.aoscdn.com not found"}').entry?.id).toBe('picwish/http/404');
    const bare = run('{"status":404,"message":"not found"}');
    expect(bare.entry).toBeUndefined();
    expect(ids(bare.candidates)).toEqual(['g42-image/http/404', 'picwish/http/404']);
  });

  it('numbers in log noise are never codes', () => {
    for (const text of ['worker started with 4 threads', '127.0.0.1 - - [07/Dec/2026:10:00:00 +0000] "GET /health HTTP/1.1" 200 18', 'retry 17 of 18, pid 222202x']) {
      const r = run(text);
      expect(r.entry, text).toBeUndefined();
      expect(r.candidates, text).toEqual([]);
    }
  });

  it('stays bounded: many braces and a deep nest read quickly', () => {
    const t = performance.now();
    run('{'.repeat(5000) + '"error_code": 222202');
    run(`x ${'{"a": '.repeat(200)}1${'}'.repeat(200)} {"error_code": 222202}`);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
