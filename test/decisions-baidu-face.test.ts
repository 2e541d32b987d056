/**
 * Baidu Face's decisions (issue 20): the token codes refresh, the quota codes say whether to wait, buy
 * or slow down, the remedies that were one template repeated ×25 (parameter format), ×14 (occlusion)
 * and ×16 ("system busy") say what is specific to their code, and every retry schedule a remedy
 * spells out is the entry's policy.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';

const entries = realIndex().entries.filter((e) => e.vendor === 'baidu-face');
const byId = new Map(entries.map((e) => [e.id, e]));
const get = (code: string) => {
  const e = byId.get(`baidu-face/${code}`);
  if (!e) throw new Error(`baidu-face/${code} is missing`);
  return e;
};

/** The delays before the 2nd, 3rd… call: min(max, base × 2^(n−1)). */
function delays(p: { max_attempts: number; base_delay_s: number; max_delay_s: number }): number[] {
  return Array.from({ length: p.max_attempts - 1 }, (_, i) => Math.min(p.max_delay_s, p.base_delay_s * 2 ** i));
}

const PARAMETER = /^(?:param\[(\w+)\]|(\w+)) format error$/;
const parameterErrors = entries.filter((e) => PARAMETER.test(e.message ?? ''));
const paramName = (message: string) => {
  const [, inBrackets, bare] = PARAMETER.exec(message)!;
  return inBrackets ?? bare!;
};

describe('baidu-face: the access token codes', () => {
  it('100, 110 and 111 tell the client to fetch a new token and send again', () => {
    for (const code of ['100', '110', '111']) {
      const e = get(code);
      expect(e.action, code).toBe('refresh-credentials');
      expect(e.retryable, code).toBe(false);
      expect(e.retry, code).toBeNull();
      expect(e.remedy.en, code).toMatch(/new (?:access_)?token/);
    }
    expect(get('111').possible_causes.some((c) => c.source === 'vendor' && c.en.includes('30 days'))).toBe(true);
  });

  it('6 (a valid token without permission) is for the account owner, not a refresh', () => {
    const e = get('6');
    expect(e.action).toBe('fix-account');
    expect(e.possible_causes.filter((c) => c.source === 'vendor').map((c) => c.en).join(' ')).toMatch(/V2 endpoint.*enterprise verification/s);
  });
});

describe('baidu-face: the quota and rate-limit codes', () => {
  it('17 (daily quota) waits for the next day, hour by hour, and says why', () => {
    const e = get('17');
    expect(e.action).toBe('wait');
    expect(e.retryable).toBe(true);
    expect(e.retry!.base_delay_s).toBeGreaterThanOrEqual(3600);
    expect(delays(e.retry!).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * 3600);
    expect(e.retry!.reason!.en).toMatch(/next day/);
    expect(e.end_user_message).toMatchObject({ source: 'entry' });
    expect(e.end_user_message.en).toMatch(/tomorrow/);
  });

  it('19 (total quota) must be bought, 4 (cluster) and 18 (QPS) are retried honouring Retry-After', () => {
    expect(get('19').action).toBe('fix-account');
    expect(get('19').retryable).toBe(false);
    for (const code of ['4', '18']) {
      const e = get(code);
      expect(e.action, code).toBe('retry');
      expect(e.retry!.honour_retry_after, code).toBe(true);
    }
  });
});

describe('baidu-face: actions judged away from the category default', () => {
  it.each([
    ['222022', 'fix-input'], // ID card number from the end user's form
    ['222023', 'fix-input'], // name from the end user's form
    ['222304', 'fix-request'], // the integrator's code can scale any photo below 1920x1080
    ['222212', 'fix-input'], // Baidu: change the input images
    ['223128', 'retry'], // group cleanup ends by itself
  ])('%s is %s, with the reason', (code, action) => {
    const e = get(code);
    expect(e.action).toBe(action);
    expect(e.action_source).toBe('entry');
    expect(e.action_reason!.en.length).toBeGreaterThan(20);
  });
});

describe('baidu-face: parameter-format remedies say what is specific to their parameter', () => {
  it('none is the old template any more', () => {
    expect(parameterErrors.length).toBeGreaterThanOrEqual(31);
    const templated = parameterErrors.filter((e) => /rejected the format of its value|认为其取值格式不正确/.test(e.remedy.en + e.remedy.zh)).map((e) => e.id);
    expect(templated).toEqual([]);
  });

  it('with the parameter name blanked out, no two remedies read the same', () => {
    const seen = new Map<string, string>();
    const twins: string[] = [];
    for (const e of parameterErrors) {
      const name = paramName(e.message!);
      const text = e.remedy.en.split(name).join('X');
      if (seen.has(text)) twins.push(`${seen.get(text)} and ${e.id}`);
      seen.set(text, e.id);
    }
    expect(twins).toEqual([]);
  });

  it('documented formats and limits are in the remedies, in both languages', () => {
    const says: [string, string[]][] = [
      ['222005', ['10', '223104']], // group_id_list: at most 10 ids
      ['222006', ['48']], // group_id: at most 48 bytes
      ['222010', ['256']], // user_info: at most 256 bytes
      ['222013', ['2 MB', 'data:image']], // image: base64 without its header
      ['222015', ['BASE64', 'URL', 'FACE_TOKEN']],
      ['222019', ['NONE', 'LOW', 'NORMAL', 'HIGH', '223118']],
      ['222020', ['NONE', 'LOW', 'NORMAL', 'HIGH', '223119']],
      ['222024', ['LIVE', 'IDCARD', 'WATERMARK', 'CERT']],
      ['222030', ['0', '100', '80']],
    ];
    for (const [code, facts] of says) for (const fact of facts) for (const lang of ['en', 'zh'] as const) expect(get(code).remedy[lang], `${code} ${lang}`).toContain(fact);
  });

  it('the two whose value the end user types have their own message, saying what to change', () => {
    expect(get('222022').end_user_message).toMatchObject({ source: 'entry' });
    expect(get('222022').end_user_message.en).toMatch(/18 characters/);
    expect(get('222023').end_user_message.en).toMatch(/ID card/);
  });
});

describe('baidu-face: occlusion entries name the covered part', () => {
  const parts: [string, string, string][] = [
    ['223121', 'left eye', '左眼'],
    ['223122', 'right eye', '右眼'],
    ['223123', 'left cheek', '左脸颊'],
    ['223124', 'right cheek', '右脸颊'],
    ['223125', 'chin', '下巴'],
    ['223126', 'nose', '鼻子'],
    ['223127', 'mouth', '嘴巴'],
  ];

  it.each(parts)('%s: remedy and end-user message both say "%s"', (code, en, zh) => {
    const e = get(code);
    expect(e.action).toBe('fix-input');
    expect(e.remedy.en).toContain(en);
    expect(e.remedy.zh).toContain(zh);
    expect(e.end_user_message.source).toBe('entry');
    expect(e.end_user_message.en.toLowerCase()).toContain(en);
    expect(e.end_user_message.zh).toContain(zh);
    expect(e.possible_causes.length).toBeGreaterThanOrEqual(2);
  });

  it('with the part blanked out, the remedies say different things (what usually covers it)', () => {
    const texts = parts.map(([code, en]) => get(code).remedy.en.split(en).join('X'));
    expect(new Set(texts).size).toBe(parts.length);
  });

  it('every end-user message of a face problem is different', () => {
    const faceProblems = entries.filter((e) => ['face-quality', 'no-face', 'liveness-failed'].includes(e.category));
    expect(new Set(faceProblems.map((e) => e.end_user_message.en)).size).toBe(faceProblems.length);
  });
});

describe("baidu-face: the 17 'system busy' codes", () => {
  const busy = entries.filter((e) => e.message === 'system busy');
  // What the source's Chinese meaning says is busy, and the word the remedy must use for it.
  const service: Record<string, RegExp> = {
    '222901': /parameters/, '222902': /parameters/, '222903': /parameters/, '222904': /parameters/,
    '222905': /initialised/, '222906': /initialised/, '222913': /initialised/, '222914': /initialised/,
    '222907': /cache/, '222908': /cache/, '222909': /cache/,
    '222910': /storage/, '222911': /storage/, '222912': /storage/,
    '222915': /backend/, '222916': /backend/,
    '222361': /public security/,
  };

  it('are all here, retried, and each remedy names what is busy', () => {
    expect(busy.map((e) => e.code).sort()).toEqual(Object.keys(service).sort());
    for (const e of busy) {
      expect(e.action, e.id).toBe('retry');
      expect(e.remedy.en, e.id).toMatch(service[e.code]!);
      expect(e.remedy.en, e.id).toContain(e.code);
    }
  });

  it('spell out the schedule of their own policy, attempts and delays', () => {
    for (const e of busy) {
      const d = delays(e.retry!);
      expect(e.remedy.en, e.id).toContain(`up to ${d.length} times`);
      expect(e.remedy.en, e.id).toContain(`all ${e.retry!.max_attempts} calls`);
      for (const s of d) expect(e.remedy.en, `${e.id}: ${s} s`).toMatch(new RegExp(`\\b${s}\\b`));
    }
  });
});

describe('baidu-face: every entry', () => {
  it('whose remedy counts retries counts those of its policy', () => {
    const problems: string[] = [];
    for (const e of entries) {
      const m = /\bup to (\d+) times\b/.exec(e.remedy.en);
      if (!m) continue;
      if (!e.retry) { problems.push(`${e.id}: the remedy counts retries but the entry has no policy`); continue; }
      if (Number(m[1]) !== e.retry.max_attempts - 1) problems.push(`${e.id}: remedy says ${m[1]} retries, policy ${e.retry.max_attempts} calls`);
      for (const s of delays(e.retry)) if (!new RegExp(`\\b${s}\\b`).test(e.remedy.en)) problems.push(`${e.id}: remedy lacks the ${s} s delay`);
    }
    expect(problems).toEqual([]);
    // the old "1, 2 and 4 s" (a 4-call schedule) sat on server errors whose policy has 3 calls
    expect(entries.filter((e) => /1, 2 and 4 s/.test(e.remedy.en)).map((e) => e.id)).toEqual([]);
  });

  it('at least 85% of the errors have possible causes', () => {
    const errors = entries.filter((e) => e.kind === 'error');
    const withCauses = errors.filter((e) => e.possible_causes.length > 0);
    expect(withCauses.length / errors.length).toBeGreaterThanOrEqual(0.85);
  });

  it('every fix-input entry has its own end-user message', () => {
    const fixInput = entries.filter((e) => e.action === 'fix-input');
    expect(fixInput.length).toBeGreaterThanOrEqual(20);
    expect(fixInput.filter((e) => e.end_user_message.source !== 'entry').map((e) => e.id)).toEqual([]);
  });
});
