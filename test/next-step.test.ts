/**
 * nextStep(): the action, the delay (backoff with jitter, or Retry-After exactly), the attempts left
 * and what follows when they run out, the fallback on the HTTP status when no entry matches, the
 * request id from body or headers; explain()'s headers option; VisionApiError.
 */
import { describe, expect, it } from 'vitest';
import { createLookup, explain, isVisionApiError, nextStep, VisionApiError, type DecisionEntry, type NextStepInput } from '../src/core/index.ts';
import { FALLBACK_RETRY } from '../src/core/next-step.ts';
import { realIndex } from './support/real-index.ts';

const kb = createLookup(realIndex());
const half = () => 0.5;

function entry(action: DecisionEntry['action'], retry: DecisionEntry['retry'] = null, id = 'v/1'): DecisionEntry {
  return { id, vendor: 'v', kind: 'error', code: id.split('/').pop()!, category: 'c', action, retry, end_user_message: { en: `message of ${id}`, zh: `${id} 的消息` } };
}
const policy = { max_attempts: 4, base_delay_s: 2, max_delay_s: 5, honour_retry_after: true };
const failed = (e?: DecisionEntry, more: Partial<NextStepInput<DecisionEntry>> = {}): NextStepInput<DecisionEntry> => ({ outcome: 'failure', ...(e ? { entry: e } : {}), ...more });

describe('nextStep: its input', () => {
  it('is what explain() or decide() returns; an entry, or anything without an outcome, is a TypeError that says what to pass', () => {
    const anEntry = kb.lookup('baidu-face', '222202')!;
    // Read as an answer with no entry, an entry came back as "contact the vendor" (plain JavaScript has no types to stop it).
    expect(() => nextStep(anEntry as unknown as NextStepInput, { attempt: 1 })).toThrow(new TypeError("nextStep() takes what explain() or decide() returns (an object with an outcome: success, pending, failure, unknown), not an entry: pass { outcome: 'failure', entry }"));
    expect(nextStep({ outcome: 'failure', entry: anEntry }, { attempt: 1 }).action).toBe(anEntry.action);
    for (const [bad, said] of [[undefined, 'undefined'], [null, 'null'], ['{"error_code": 18}', 'string'], [[], 'an array'], [{ outcome: 'failed' }, 'an object without one']] as const)
      expect(() => nextStep(bad as unknown as NextStepInput, { attempt: 1 }), String(bad)).toThrow(`, not ${said}`);
  });
});

describe('nextStep: the entry decides', () => {
  it('retry: base × 2^(n−1) capped at max_delay_s, jitter between half and all of it, attempts left', () => {
    const r = failed(entry('retry', policy));
    expect(nextStep(r, { attempt: 1, random: () => 0 })).toMatchObject({ action: 'retry', delayMs: 1000, attemptsLeft: 3, delayFrom: 'policy', basis: 'entry' });
    expect(nextStep(r, { attempt: 1, random: () => 0.999999 }).delayMs).toBe(2000);
    expect(nextStep(r, { attempt: 2, random: half }).delayMs).toBe(3000); // 4 s, jittered to 3
    expect(nextStep(r, { attempt: 3, random: () => 1 }).delayMs).toBe(5000); // 8 s capped at 5
    // Without an injected source the jitter stays within its bounds.
    for (let i = 0; i < 50; i++) expect(nextStep(r, { attempt: 2 }).delayMs).toSatisfy((ms: number) => ms >= 2000 && ms <= 4000);
  });

  it('after max_attempts calls the action changes, and the message no longer promises a retry', () => {
    const r = failed(entry('retry', policy));
    const step = nextStep(r, { attempt: 4 });
    expect(step).toMatchObject({ action: 'contact-vendor', exhausted: 'retry', attemptsLeft: 0, delayMs: 0 });
    expect(step.userMessage.en).not.toBe(r.entry!.end_user_message.en);
    expect(step.reason.en).toContain('Call 4 of 4: no retry is left, so contact-vendor.');
    expect(nextStep(failed(entry('poll', { ...policy, max_attempts: 2 })), { attempt: 2 })).toMatchObject({ action: 'recreate-task', exhausted: 'poll' });
    // A fix of its own first (a new token, a new task), then one call: the client counts its fixes.
    for (const action of ['refresh-credentials', 'recreate-task'] as const)
      expect(nextStep(failed(entry(action)), { attempt: 7 })).toMatchObject({ action, attemptsLeft: 1, delayMs: 0, delayFrom: 'none' });
    // …unless the entry gives it a policy: then its tasks (fixes) are counted, not the calls: a task
    // polled ten times is one task.
    const twoTasks = failed(entry('recreate-task', { ...policy, max_attempts: 2 }));
    expect(nextStep(twoTasks, { attempt: 10, random: () => 0 })).toMatchObject({ action: 'recreate-task', attemptsLeft: 1, delayMs: 1000 });
    expect(nextStep(twoTasks, { attempt: 10, fixes: 0, random: () => 0 })).toMatchObject({ action: 'recreate-task', attemptsLeft: 1, delayMs: 1000 });
    expect(nextStep(twoTasks, { attempt: 1, fixes: 1 })).toMatchObject({ action: 'contact-vendor', exhausted: 'recreate-task' });
  });

  it('actions that do not send again: no delay, no attempts, the entry\'s own message', () => {
    for (const action of ['fix-input', 'fix-request', 'fix-account', 'contact-vendor', 'none'] as const) {
      const step = nextStep(failed(entry(action)), { attempt: 1 });
      expect(step).toMatchObject({ action, delayMs: 0, attemptsLeft: 0, userMessage: { en: 'message of v/1' } });
    }
  });

  it('Retry-After wins where the policy honours it: seconds or an HTTP date, exactly, no jitter, no cap', () => {
    const r = failed(entry('retry', policy));
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(nextStep(r, { attempt: 1, headers: { 'retry-after': '120' } })).toMatchObject({ delayMs: 120_000, delayFrom: 'retry-after' });
    expect(nextStep(r, { attempt: 1, now, headers: new Headers({ 'Retry-After': 'Mon, 07 Dec 2026 10:00:07 GMT' }) }).delayMs).toBe(7000);
    expect(nextStep(r, { attempt: 1, now, headers: { 'Retry-After': 'Mon, 07 Dec 2026 09:59:00 GMT' } }).delayMs).toBe(0); // already past
    // Unreadable: the policy's delay.
    expect(nextStep(r, { attempt: 1, random: half, headers: { 'retry-after': 'soon' } })).toMatchObject({ delayMs: 1500, delayFrom: 'policy' });
    // Not honoured: the policy's delay.
    const notHonoured = failed(entry('retry', { ...policy, honour_retry_after: false }));
    expect(nextStep(notHonoured, { attempt: 1, random: half, headers: { 'retry-after': '120' } })).toMatchObject({ delayMs: 1500, delayFrom: 'policy' });
    // Given to explain (result.retryAfter), unless nextStep is given its own.
    expect(nextStep({ ...r, retryAfter: '9' }, { attempt: 1 }).delayMs).toBe(9000);
    expect(nextStep({ ...r, retryAfter: '9' }, { attempt: 1, headers: [['Retry-After', '3']] }).delayMs).toBe(3000);
  });
});

describe('nextStep: no entry', () => {
  it('the HTTP status decides as RFC 9110 and the cloud SDKs do, and says so', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      const step = nextStep(failed(undefined, { httpStatus: status }), { attempt: 1, random: half });
      expect(step, String(status)).toMatchObject({ action: 'retry', basis: 'http-status', policy: FALLBACK_RETRY, delayMs: 750, attemptsLeft: 2 });
      expect(step.reason.en).toContain(`HTTP ${status} is transient`);
    }
    for (const status of [400, 401, 404, 413, 422]) expect(nextStep(failed(undefined, { httpStatus: status }), { attempt: 1 }).action, String(status)).toBe('fix-request');
    expect(nextStep(failed(undefined, { httpStatus: 501 }), { attempt: 1 }).action).toBe('contact-vendor');
    expect(nextStep(failed(), { attempt: 1 })).toMatchObject({ action: 'contact-vendor', basis: 'unknown' });
    expect(nextStep({ outcome: 'success' }, { attempt: 1 })).toMatchObject({ action: 'none', basis: 'outcome' });
    expect(nextStep({ outcome: 'pending' }, { attempt: 1 })).toMatchObject({ action: 'poll', basis: 'outcome' });
    expect(nextStep(failed(undefined, { httpStatus: 503 }), { attempt: 1, headers: { 'Retry-After': '2' } }).delayMs).toBe(2000);
  });

  it("candidates decide only when they are the known vendor's and agree", () => {
    const a = entry('retry', policy, 'v/1');
    const b = entry('retry', policy, 'v/2');
    expect(nextStep(failed(undefined, { vendor: 'v', candidates: [a, b], httpStatus: 400 }), { attempt: 1 })).toMatchObject({ action: 'retry', basis: 'candidates' });
    expect(nextStep(failed(undefined, { vendor: 'v', candidates: [a, entry('fix-input', null, 'v/3')], httpStatus: 400 }), { attempt: 1 }).basis).toBe('http-status');
    expect(nextStep(failed(undefined, { vendor: 'v', candidates: [a, { ...b, retry: { ...policy, max_attempts: 9 } }], httpStatus: 400 }), { attempt: 1 }).basis).toBe('http-status');
    expect(nextStep(failed(undefined, { vendor: 'w', candidates: [a, b], httpStatus: 400 }), { attempt: 1 }).action).toBe('fix-request');
    expect(nextStep(failed(undefined, { candidates: [a, b], httpStatus: 400 }), { attempt: 1 }).action).toBe('fix-request');
  });

  it("a Baidu 502 HTML page (no entry: Baidu documents no HTTP statuses) is retried on its status", () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
    for (const options of [{ httpStatus: 502, vendor: 'baidu-face' }, { httpStatus: 502 }]) {
      const r = explain(html, options, kb);
      expect(r.entry).toBeUndefined();
      expect(nextStep(r, { attempt: 1 })).toMatchObject({ action: 'retry', basis: 'http-status' });
    }
  });
});

describe('nextStep over explain(): the real data', () => {
  it('Baidu 18 is retried; 110 and 111 refresh the token; the log_id is the request id', () => {
    const r18 = explain('{"error_code": 18, "error_msg": "Open api qps request limit reached", "log_id": 3141592653}', {}, kb);
    expect(nextStep(r18, { attempt: 1 })).toMatchObject({ action: 'retry', requestId: '3141592653', entry: { id: 'baidu-face/18' } });
    for (const [code, message] of [[110, 'Access token invalid or no longer valid'], [111, 'Access token expired']] as const) {
      const r = explain(`{"error_code": ${code}, "error_msg": "${message}", "log_id": "abc"}`, {}, kb);
      expect(nextStep(r, { attempt: 1 })).toMatchObject({ action: 'refresh-credentials', requestId: 'abc', delayMs: 0 });
    }
  });

  it('AILabTools: request_id, else log_id; PicWish: the task id', () => {
    const body = (fields: string) => `{${fields}"error_code": 422, "error_detail": {"status_code": 422, "code": "ERROR_NO_FACE_IN_FILE", "code_message": "No face detected in the file.", "message": ""}}`;
    expect(explain(body('"request_id": "r-1", "log_id": "l-1", '), {}, kb)).toMatchObject({ requestId: 'r-1', requestIdFrom: 'body' });
    expect(explain(body('"log_id": "l-1", '), {}, kb).requestId).toBe('l-1');
    expect(explain('{"status": 200, "data": {"task_id": "t-9", "state": -8}}', {}, kb).requestId).toBe('t-9');
  });

  it('G42: X-Request-Id from the headers, given to explain or to nextStep (which wins)', () => {
    const text = '{"error_code": "APIG.0308", "error_msg": "The request is throttled."}';
    const viaExplain = explain(text, { httpStatus: 400, headers: { 'x-request-id': ['req-1'] } }, kb);
    expect(viaExplain).toMatchObject({ requestId: 'req-1', requestIdFrom: 'header', requestIdHeaders: ['x-request-id'] });
    expect(nextStep(viaExplain, { attempt: 1 }).requestId).toBe('req-1');
    expect(nextStep(viaExplain, { attempt: 1, headers: new Map([['X-Request-ID', 'req-2']]) }).requestId).toBe('req-2');
    const later = explain(text, { httpStatus: 400 }, kb);
    expect(later.requestId).toBeUndefined();
    expect(nextStep(later, { attempt: 1, headers: new Headers({ 'X-Request-Id': 'req-3' }) }).requestId).toBe('req-3');
  });

  it('explain() never throws on hostile headers', () => {
    const hostile = { get: () => { throw new Error('boom'); } };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    for (const headers of [hostile, proxy, 42 as never, null as never]) {
      const r = explain('{"error_code": 18, "error_msg": "Open api qps request limit reached"}', { headers }, kb);
      expect(r.entry?.id).toBe('baidu-face/18');
      expect(r.retryAfter).toBeUndefined();
    }
  });
});

describe('VisionApiError', () => {
  const text = '{"error_code": 222202, "error_msg": "pic not has face", "log_id": 77}';
  const result = explain(text, { httpStatus: 200 }, kb);

  it('made with new from a result, not from(), is a TypeError that names from()', () => {
    const from = /call VisionApiError\.from\(result, \{ body, attempt, headers \}\)$/;
    expect(() => new (VisionApiError as unknown as new (r: unknown) => VisionApiError)(result)).toThrow(from);
    expect(() => new VisionApiError('m', undefined as never)).toThrow(from);
    expect(new VisionApiError('m', { result, step: nextStep(result, { attempt: 1 }) }).action).toBe('fix-input');
  });

  it('from(result) carries vendor, code, status, action, entry, request id, body and cause', () => {
    const cause = new Error('the fetch');
    const error = VisionApiError.from(result, { body: text, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'VisionApiError', vendor: 'baidu-face', code: '222202', httpStatus: 200, action: 'fix-input', requestId: '77', body: text, outcome: 'failure' });
    expect(error.entry?.id).toBe('baidu-face/222202');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('baidu-face 222202: pic not has face (next step: fix-input; request id 77)');
    expect(error.userMessage).toEqual(error.step.userMessage);
    expect(String(error.stack)).toContain('VisionApiError');
    expect('cause' in VisionApiError.from(result)).toBe(false);
  });

  it('isVisionApiError narrows, also for a copy of the class from another instance of the package', () => {
    const error: unknown = VisionApiError.from(result);
    expect(isVisionApiError(error)).toBe(true);
    if (isVisionApiError(error)) expect(error.action).toBe('fix-input');
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('vision-error-codes.VisionApiError'), { value: true });
    expect(isVisionApiError(foreign)).toBe(true);
    for (const other of [new Error('x'), null, undefined, 'VisionApiError', { name: 'VisionApiError' }]) expect(isVisionApiError(other)).toBe(false);
  });
});
