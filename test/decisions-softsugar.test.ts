/**
 * SoftSugar's decisions (issue 20): each defect the issue names for this vendor, checked by entry,
 * plus the per-vendor facts a regression in data/vendors/softsugar.yaml would break.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';
import { endUserMessageProblem } from '../src/core/decision.ts';

const index = realIndex();
const byId = new Map(index.entries.map((e) => [e.id, e]));
const softsugar = index.entries.filter((e) => e.vendor === 'softsugar');

function entry(code: string) {
  const e = byId.get(`softsugar/${code}`);
  if (!e) throw new Error(`softsugar/${code} is missing from the artifact`);
  return e;
}

/** The problem the validator's wording checks find in an entry's end-user message, if any. */
const messageProblem = (code: string) => endUserMessageProblem(entry(code).end_user_message, entry(code).action)?.problem;

describe('token refresh intervals are a long wait, not a retry loop', () => {
  it.each(['60112161', '84115955'])('softsugar/%s waits at least an hour, says why, and promises no quick retry', (code) => {
    const e = entry(code);
    expect(e.action).toBe('wait');
    expect(e.retryable).toBe(true);
    expect(e.retry).not.toBeNull();
    expect(e.retry!.base_delay_s).toBeGreaterThanOrEqual(3600);
    expect(e.retry!.reason?.en).toMatch(/hour/);
    expect(e.retry!.reason?.zh).toMatch(/小时/);
    expect(e.action_reason?.en).toBeTruthy();
    expect(e.end_user_message.source).toBe('entry');
    expect(e.end_user_message.en).not.toMatch(/in a moment/i);
    expect(e.end_user_message.zh).not.toMatch(/稍候|片刻/);
    expect(messageProblem(code)).toBeUndefined();
  });

  it('softsugar/60112161 follows the source: refreshes at least 3 hours apart, the vendor\'s schedule', () => {
    const retry = entry('60112161').retry!;
    expect(retry.base_delay_s).toBe(3 * 3600);
    expect(retry.source).toBe('vendor');
  });
});

// The sign-in and form codes whose value the person filling in the form must change.
const FORM_CODES = [
  '50102101', '50102102', '50102103', '50102104', '50102105', '50102106', '50102107', '50102108', '50102109',
  '50102110', '50102111', '50102112', '50102113', '50102114', '50102115', '50102116', '50102117', '50102119',
  '50102124', '60102101', '60102102', '60102103', '60102108', '60102112', '60102116', '60102119', '60102124',
  '60102126', '60102127', '60102138', '60102139', '60102153', '60102159',
];

describe('sign-in and form codes: the end user fixes the input', () => {
  it.each(FORM_CODES)('softsugar/%s is fix-input with its own message that puts no blame on us and promises no bare retry', (code) => {
    const e = entry(code);
    expect(e.action).toBe('fix-input');
    expect(e.retryable).toBe(false);
    expect(e.end_user_message.source).toBe('entry');
    expect(messageProblem(code)).toBeUndefined();
  });

  it.each(['60102138', '50102109'])('softsugar/%s (wrong password) never says the fault is on our side', (code) => {
    const { en, zh } = entry(code).end_user_message;
    expect(en).not.toMatch(/our side|our end/i);
    expect(zh).not.toMatch(/我们这边|我方/);
    expect(en).toMatch(/password/i);
    expect(zh).toMatch(/密码/);
  });

  it('each form message names what to change', () => {
    const says = (code: string, en: RegExp, zh: RegExp) => {
      expect(entry(code).end_user_message.en, code).toMatch(en);
      expect(entry(code).end_user_message.zh, code).toMatch(zh);
    };
    says('50102102', /11-digit/, /11 位/);
    says('50102105', /request a new one/i, /重新获取/);
    says('50102113', /6 to 16/, /6 到 16/);
    says('50102124', /different e-mail/i, /其他邮箱/);
    says('60102159', /2 to 8/, /2 到 8/);
  });
});

describe('digital humans, not photos', () => {
  // The avatar, package, task and storage errors that used to show a category message about a "photo".
  const FORMERLY_PHOTO = ['50105303', '80109833', '81114812', '81118829', '81118832', '90113806', '90113809', '90113811'];

  it.each(FORMERLY_PHOTO)('softsugar/%s has its own message', (code) => {
    expect(entry(code).end_user_message.source).toBe('entry');
  });

  it('no SoftSugar end-user message talks about a photo', () => {
    const photo = softsugar.filter((e) => /photo/i.test(e.end_user_message.en) || /照片/.test(e.end_user_message.zh)).map((e) => e.id);
    expect(photo).toEqual([]);
  });
});

describe('state conflicts', () => {
  it('softsugar/84115916 (already started) says the stream is running, with no promise of a retry', () => {
    const e = entry('84115916');
    expect(e.retryable).toBe(false);
    expect(e.end_user_message.en).not.toMatch(/try again/i);
    expect(e.end_user_message.zh).not.toMatch(/再试|重试/);
    expect(e.end_user_message.en).toMatch(/already running/);
  });

  it('no non-retryable state-conflict entry promises a retry', () => {
    const conflicts = softsugar.filter((e) => e.category === 'state-conflict' && !e.retryable);
    expect(conflicts.length).toBeGreaterThanOrEqual(20);
    const promising = conflicts.filter((e) => /try again|in a moment/i.test(e.end_user_message.en) || /稍后|再试|重试/.test(e.end_user_message.zh));
    expect(promising.map((e) => e.id)).toEqual([]);
  });
});

describe('remedies', () => {
  it('say what to do: none repeats the meaning, none is a "Fill in the X and submit again" template', () => {
    expect(softsugar.filter((e) => e.remedy.en === e.meaning.en).map((e) => e.id)).toEqual([]);
    expect(softsugar.filter((e) => /^Fill in the .+ and submit again\.?$/.test(e.remedy.en)).map((e) => e.id)).toEqual([]);
  });

  it('no two SoftSugar entries share a remedy, twins included', () => {
    for (const lang of ['en', 'zh'] as const) {
      const seen = new Map<string, string>();
      const shared: string[] = [];
      for (const e of softsugar) {
        const other = seen.get(e.remedy[lang]);
        if (other) shared.push(`${other} = ${e.id} (${lang})`);
        seen.set(e.remedy[lang], e.id);
      }
      expect(shared).toEqual([]);
    }
  });

  it.each([
    ['50102101', '60102101'], ['50102102', '60102102'], ['50102103', '60102103'], ['50102108', '60102108'], ['50102112', '60102112'],
    ['50102116', '60102116'], ['50102119', '60102119'], ['50102123', '60102123'], ['50102124', '60102124'],
  ])('the twins softsugar/%s and %s note that they are one failure in two services', (a, b) => {
    expect(entry(a).message).toBe(entry(b).message);
    expect(entry(a).remedy.en).not.toBe(entry(b).remedy.en);
    expect(entry(a).notes.some((n) => n.en.includes(b) && /two services/.test(n.en))).toBe(true);
    expect(entry(b).notes.some((n) => n.en.includes(a) && /two services/.test(n.en))).toBe(true);
  });

  it('never say "with backoff" without numbers', () => {
    const vague = softsugar.filter((e) => /backoff/i.test(e.remedy.en) && !/\d/.test(e.remedy.en)).map((e) => e.id);
    expect(vague).toEqual([]);
  });

  it('give the same schedule as the retry policy where they spell one out', () => {
    const delays = (p: { max_attempts: number; base_delay_s: number; max_delay_s: number }) =>
      Array.from({ length: p.max_attempts - 1 }, (_, n) => Math.min(p.max_delay_s, p.base_delay_s * 2 ** n));
    let spelt = 0;
    const problems: string[] = [];
    for (const e of softsugar) {
      const upTo = /up to (\d+) more times?([^;:.]*)/.exec(e.remedy.en);
      const once = /\bonce, after about (\d+) s\b/.exec(e.remedy.en);
      if (!upTo && !once) continue;
      spelt++;
      if (!e.retry) { problems.push(`${e.id}: a schedule in the remedy but no retry policy`); continue; }
      const said = upTo ? { extra: Number(upTo[1]), numbers: ((upTo[2] ?? "").match(/\d+/g) ?? []).map(Number) } : { extra: 1, numbers: [Number(once![1])] };
      if (said.extra + 1 !== e.retry.max_attempts) problems.push(`${e.id}: remedy says ${said.extra} more, policy ${e.retry.max_attempts} calls in all`);
      if (said.numbers.join(',') !== delays(e.retry).join(',')) problems.push(`${e.id}: remedy says ${said.numbers.join(', ')} s, policy ${delays(e.retry).join(', ')} s`);
    }
    expect(problems).toEqual([]);
    expect(spelt).toBeGreaterThanOrEqual(60);
  });
});

describe('decisions the lead made, kept', () => {
  it('softsugar/89999998 (rate-limit key missing) is a malformed request, not a server error', () => {
    expect(entry('89999998').category).toBe('bad-request-format');
    expect(entry('89999998').action).toBe('fix-request');
  });

  it('softsugar/50105303 (platform storage) is not in the URL-download group; 90114814 is in the unsupported-format group', () => {
    expect(entry('50105303').equivalence_group).not.toBe('download-failed');
    expect(entry('90114814').equivalence_group).toBe('unsupported-format');
  });

  it('softsugar/80109833 (abnormal task) is recreated', () => {
    expect(entry('80109833').action).toBe('recreate-task');
    expect(entry('80109833').retryable).toBe(true);
  });

  it.each(['80108801', '80117827', '81117828', '81118831', '84115967', '90113810', '90113815', '80109817'])(
    'softsugar/%s (a platform fault no retry clears) goes to the vendor, with a message that promises no retry',
    (code) => {
      expect(entry(code).action).toBe('contact-vendor');
      expect(entry(code).retryable).toBe(false);
      expect(messageProblem(code)).toBeUndefined();
    },
  );

  it.each(['50103209', '60102130', '84115957', '80115962', '80115963'])('softsugar/%s is a wait of at least a minute with its reason', (code) => {
    const e = entry(code);
    expect(e.action).toBe('wait');
    expect(e.retry!.base_delay_s).toBeGreaterThanOrEqual(60);
    expect(e.retry!.reason?.en).toBeTruthy();
    expect(messageProblem(code)).toBeUndefined();
  });

  it.each(['81117821', '83115977', '84115915', '84115922', '84115968'])('softsugar/%s (a state that clears by itself) is retried with a short backoff', (code) => {
    expect(entry(code).action).toBe('retry');
    expect(entry(code).retry!.base_delay_s).toBeLessThan(60);
  });
});

describe('SoftSugar as a whole', () => {
  it('gives possible causes for at least 85% of its errors and failed task states', () => {
    const eligible = softsugar.filter((e) => e.category !== 'success' && !(e.kind === 'task-state' && e.task_outcome !== 'failure'));
    const withCauses = eligible.filter((e) => e.possible_causes.length > 0);
    expect(eligible.length).toBe(270);
    expect(withCauses.length / eligible.length).toBeGreaterThanOrEqual(0.85);
  });

  it('gives every fix-input entry its own end-user message', () => {
    const fixInput = softsugar.filter((e) => e.action === 'fix-input');
    expect(fixInput.length).toBeGreaterThanOrEqual(40);
    expect(fixInput.filter((e) => e.end_user_message.source !== 'entry').map((e) => e.id)).toEqual([]);
  });

  it('keeps retryable and the action in agreement', () => {
    const sendsAgain = new Set(['poll', 'retry', 'wait', 'recreate-task']);
    expect(softsugar.filter((e) => e.retryable !== sendsAgain.has(e.action)).map((e) => e.id)).toEqual([]);
  });

  it('keeps the actions judged away from the category default', () => {
    const judged: Record<string, string> = {
      '50101503': 'fix-request', // a malformed Authorization header: a new token in the same header fails alike
      '50107603': 'fix-request', // a signature computed the same way fails the same way
      '50107605': 'fix-account', // no appKey issued: the operations team must issue it
      '60102134': 'refresh-credentials', // the key pair expired: a new public key makes the sign-in succeed
      '84115913': 'fix-request', // the avatar model zip comes from the integrator, not the end user
      '84115917': 'recreate-task', // an abnormal live task: a new one can start
      '84115919': 'none', // "no need to close": the goal is met
      '50103207': 'fix-input', // the person ordering removes discontinued effects
    };
    for (const [code, action] of Object.entries(judged)) {
      expect(entry(code).action, code).toBe(action);
      expect(entry(code).action_source, code).toBe('entry');
      expect(entry(code).action_reason?.en, code).toBeTruthy();
    }
  });
});
