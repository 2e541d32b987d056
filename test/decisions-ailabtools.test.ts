/**
 * AILabTools' decisions (issue 20): the defects the issue names for this vendor stay fixed, and the
 * per-vendor facts a regression would break (who acts, when to send again, what the end user reads,
 * what causes the code) hold in the built artifact.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';

const index = realIndex();
const byId = new Map(index.entries.map((e) => [e.id, e]));
const ailab = index.entries.filter((e) => e.vendor === 'ailabtools');
const entry = (code: string) => {
  const e = byId.get(`ailabtools/${code}`);
  if (!e) throw new Error(`ailabtools/${code} is missing`);
  return e;
};
const RETRYING = new Set(['poll', 'retry', 'wait', 'recreate-task']);

/** The delays a policy gives before calls 2..max_attempts: min(max, base × 2^(n−1)). */
const delays = (p: { max_attempts: number; base_delay_s: number; max_delay_s: number }) =>
  Array.from({ length: p.max_attempts - 1 }, (_, n) => Math.min(p.max_delay_s, p.base_delay_s * 2 ** n));

/** The seconds a remedy lists, in order: "2, 4, 8 and 16 s", "5 s, then 10 s, then 20 s", "after 2 s". */
function statedDelays(text: string): number[] {
  const list = /((?:\d+(?: s)?(?:, (?:then )?| and ))*\d+) s\b/.exec(text);
  return list ? [...list[1]!.matchAll(/\d+/g)].map((m) => Number(m[0])) : [];
}

describe('ailabtools: the defects issue 20 names', () => {
  it('FILE_DECODING_FAILURE is in the invalid-file group, beside ERROR_INVALID_FILE', () => {
    const e = entry('FILE_DECODING_FAILURE');
    expect(e.equivalence_group).toBe('invalid-file');
    expect(e.equivalents).toContain('ailabtools/ERROR_INVALID_FILE');
    expect(entry('ERROR_INVALID_FILE').equivalents).toContain('ailabtools/FILE_DECODING_FAILURE');
  });

  it('the three self-ending states are retried on their own schedule, with a message that fits a retry', () => {
    for (const code of ['ERROR_CLEANING_USER_GROUP_DATA', 'ERROR_RESOURCE_IN_TRANSIT', 'ERROR_RESOURCE_IN_USE']) {
      const e = entry(code);
      expect(e.category, code).toBe('state-conflict');
      expect(e.action, code).toBe('retry');
      expect(e.action_source, code).toBe('entry');
      expect(e.retryable, code).toBe(true);
      expect(e.retry, code).not.toBeNull();
      expect(e.end_user_message.source, code).toBe('entry');
      expect(e.end_user_message.en, code).not.toBe("This can't be done in the current state.");
    }
    // The cleanup of a deleted group is the slowest of the three; the current page gives 503 for it and for the transfer.
    expect(entry('ERROR_CLEANING_USER_GROUP_DATA').retry!.base_delay_s).toBeGreaterThanOrEqual(5);
    expect(entry('ERROR_CLEANING_USER_GROUP_DATA').retry!.honour_retry_after).toBe(true);
    expect(entry('ERROR_RESOURCE_IN_TRANSIT').retry!.honour_retry_after).toBe(true);
  });

  it('ERROR_FACE_BLENDING_FAILED asks the user for other photos instead of resending the same ones', () => {
    const e = entry('ERROR_FACE_BLENDING_FAILED');
    expect(e.action).toBe('fix-input');
    expect(e.retryable).toBe(false);
    expect(e.retry).toBeNull();
    expect(e.end_user_message.source).toBe('entry');
    expect(e.end_user_message.en).toMatch(/other photos/);
  });

  it('the fix-input messages the lead wrote say what to change, never that the fault is ours', () => {
    const lead = ['FILE_DECODING_FAILURE', 'ERROR_ILLEGAL_FILE', 'FILE_SIZE_EXCEEDS_LIMIT', 'UNSUPPORTED_FILE_TYPES', 'ERROR_INVALID_FILE',
      'FILE_CONTENT_NON_COMPLIANCE', 'ERROR_NO_FACE_IN_FILE', 'ERROR_FACE_COPY_SCENE_MISMATCH', 'ERROR_FACE_UNRECOGNIZABLE',
      'ERROR_SCENE_TYPE_MISMATCH', 'ERROR_TEMPLATE_IMAGE_QUALITY_TOO_LOW', 'ERROR_LIVENESS_DETECTION_FAILED', 'ERROR_CONTENT_NON_COMPLIANCE'];
    for (const code of lead) {
      const e = entry(code);
      expect(e.action, code).toBe('fix-input');
      expect(e.end_user_message.source, code).toBe('entry');
      expect(e.end_user_message.en, code).toMatch(/\bPlease (?:upload|save|choose|check|take)\b/);
      expect(e.end_user_message.en, code).not.toMatch(/on our side/i);
      expect(e.end_user_message.zh, code).not.toMatch(/我们这边/);
    }
  });
});

describe('ailabtools: who acts', () => {
  it('no code asks for a credential refresh: AILabTools authenticates with a fixed API key', () => {
    expect(ailab.filter((e) => e.action === 'refresh-credentials').map((e) => e.id)).toEqual([]);
    for (const code of ['ERROR_USER_NOT_EXISTS', 'ERROR_APPLICATIONS_NOT_EXISTS']) {
      const e = entry(code);
      expect(e.category, code).toBe('auth-failed');
      expect(e.action, code).toBe('fix-request');
      expect(e.action_reason?.en, code).toMatch(/API key/);
    }
    expect(entry('ERROR_USER_NOT_EXISTS').remedy.en).toMatch(/ailabapi-api-key/);
  });

  it('credits are the account owner\'s to top up, although they come with HTTP 429', () => {
    const e = entry('ERROR_NOT_ENOUGH_CREDITS');
    expect(e.http_status).toBe(429);
    expect(e.action).toBe('fix-account');
    expect(e.retryable).toBe(false);
    expect(e.retry).toBeNull();
  });

  it('the rate limit (HTTP 503) and every other 503 or unavailability honour Retry-After', () => {
    const flow = entry('AI_SERVICE_FLOW_RESTRICTION');
    expect(flow.http_status).toBe(503);
    expect(flow.action).toBe('retry');
    const mayComeBack = ailab.filter((e) => e.http_status === 429 || e.http_status === 503 || ['rate-limited', 'service-unavailable'].includes(e.category));
    expect(mayComeBack.length).toBeGreaterThanOrEqual(7);
    for (const e of mayComeBack) if (e.retry) expect(e.retry.honour_retry_after, e.id).toBe(true);
  });

  it('a stopped task is created again once; a revoked one is not', () => {
    const stopped = entry('ERROR_TASK_STOPPED_PROCESSING');
    expect(stopped.action).toBe('recreate-task');
    expect(stopped.retryable).toBe(true);
    expect(stopped.retry?.max_attempts).toBe(2);
    expect(entry('ERROR_TASK_REVOKED').action).toBe('fix-request');
  });

  it('a forwarded upstream reason (FILE_CONTENT_NON_COMPLIANCE) points to the forwarded code', () => {
    const e = entry('FILE_CONTENT_NON_COMPLIANCE');
    expect(e.remedy.en).toMatch(/error_detail\.message/);
    expect(e.possible_causes.some((c) => c.source === 'vendor' && c.en.includes('222202'))).toBe(true);
  });
});

describe('ailabtools: retry schedules in words and numbers', () => {
  const retrying = ailab.filter((e) => RETRYING.has(e.action));

  it('every entry that sends again has a policy, and its remedy lists the same delays', () => {
    expect(retrying.length).toBeGreaterThanOrEqual(20);
    const problems: string[] = [];
    for (const e of retrying) {
      if (!e.retry) { problems.push(`${e.id}: no retry policy`); continue; }
      const stated = statedDelays(e.remedy.en);
      const policy = delays(e.retry);
      if (JSON.stringify(stated) !== JSON.stringify(policy)) problems.push(`${e.id}: remedy says ${stated.join(', ') || 'no delays'} s, policy gives ${policy.join(', ')} s`);
    }
    expect(problems).toEqual([]);
  });

  it('reads the delays a remedy lists', () => {
    expect(statedDelays('retry up to 4 more times, 2, 4, 8 and 16 s apart')).toEqual([2, 4, 8, 16]);
    expect(statedDelays('Retry after a pause (for example 5 s, then 10 s, then 20 s)')).toEqual([5, 10, 20]);
    expect(statedDelays('retry once after 2 s; HTTP 400')).toEqual([2]);
    expect(statedDelays('Retry with backoff')).toEqual([]);
    expect(delays({ max_attempts: 5, base_delay_s: 5, max_delay_s: 60 })).toEqual([5, 10, 20, 40]);
  });
});

describe('ailabtools: what the end user reads and what causes a code', () => {
  it('every fix-input entry has its own end-user message in both languages', () => {
    const fixInput = ailab.filter((e) => e.action === 'fix-input');
    expect(fixInput.length).toBeGreaterThanOrEqual(40);
    expect(fixInput.filter((e) => e.end_user_message.source !== 'entry' || !e.end_user_message.zh.trim()).map((e) => e.id)).toEqual([]);
  });

  it('at least 85% of the errors list possible causes, each 1 to 4 and distinct from the meaning', () => {
    const errors = ailab.filter((e) => e.kind === 'error');
    const withCauses = errors.filter((e) => e.possible_causes.length > 0);
    expect(withCauses.length / errors.length).toBeGreaterThanOrEqual(0.85);
    for (const e of withCauses) {
      expect(e.possible_causes.length, e.id).toBeLessThanOrEqual(4);
      for (const c of e.possible_causes) expect(c.en, e.id).not.toBe(e.meaning.en);
    }
  });

  it('the seven occlusion codes each name their own part of the face, with the vendor\'s quality_control thresholds', () => {
    const parts = { LEFT_EYE: 'left eye', RIGHT_EYE: 'right eye', LEFT_FACE: 'left cheek', RIGHT_FACE: 'right cheek', CHIN: 'chin', NOSE: 'nose', MOUTH: 'mouth' };
    const remedies = new Set<string>();
    for (const [code, part] of Object.entries(parts)) {
      const e = entry(`ERROR_${code}_OCCLUSION_TOO_HIGH`);
      remedies.add(e.remedy.en);
      expect(e.remedy.en, code).toContain(part);
      expect(e.possible_causes.some((c) => c.source === 'vendor' && c.en.includes(`0.2 of the ${part}`)), code).toBe(true);
    }
    expect(remedies.size).toBe(7);
  });
});
