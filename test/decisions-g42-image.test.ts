/**
 * G42 Image Recognition's decisions (issue 20): the next step for every error code and HTTP status,
 * judged against the G42 Cloud API reference (section 6.2 error codes, section 4.1 request limits).
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';
import { numbersIn } from '../src/core/content-rules.ts';
import type { ArtifactEntry } from '../src/core/lookup.ts';

const entries = realIndex().entries.filter((e) => e.vendor === 'g42-image');
const byId = new Map(entries.map((e) => [e.id, e]));
function entry(id: string): ArtifactEntry {
  const e = byId.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
}

/** The delays (s) a policy waits between its calls: min(max, base × 2^(n−1)) before call n+1. */
function delays(p: NonNullable<ArtifactEntry['retry']>): number[] {
  return Array.from({ length: p.max_attempts - 1 }, (_, n) => Math.min(p.max_delay_s, p.base_delay_s * 2 ** n));
}

const errors = entries.filter((e) => e.kind === 'error');

describe('AIS.0504: the 10 MB limit is on the base64 string', () => {
  const e = entry('g42-image/AIS.0504');

  it('tells the end user the file size (about 7.5 MB), not the encoded size', () => {
    expect(e.action).toBe('fix-input');
    expect(e.end_user_message.source).toBe('entry');
    for (const lang of ['en', 'zh'] as const) {
      expect(e.end_user_message[lang], lang).toMatch(/7\.5 MB/);
      expect(e.end_user_message[lang], lang).not.toMatch(/\b10 MB/);
      // too small is part of the code: the shortest side's 15 px
      expect(numbersIn(e.end_user_message[lang]), lang).toEqual(expect.arrayContaining(['15', '4096', '7.5']));
    }
  });

  it('says in the remedy which size the 10 MB is and what it means for the file', () => {
    expect(e.remedy.en).toMatch(/base64 string at most 10 MB/);
    expect(e.remedy.en).toMatch(/about 7\.5 MB/);
    expect(e.possible_causes.some((c) => /7\.5 MB to 10 MB/.test(c.en))).toBe(true);
  });
});

describe('OBS file errors', () => {
  it('ModelArts.4704 (failed to obtain) and 4706 (does not exist) share the vendor remedy, so they share the decision', () => {
    const obtain = entry('g42-image/ModelArts.4704');
    const missing = entry('g42-image/ModelArts.4706');
    expect(obtain.vendor_remedy?.zh).toBe(missing.vendor_remedy?.zh);
    for (const e of [obtain, missing]) {
      expect(e.action, e.id).toBe('fix-request');
      expect(e.retryable, e.id).toBe(false);
      expect(e.retry, e.id).toBeNull();
    }
    // 4704 stays a download failure by category, so the exception and the reason are said
    expect(obtain.category).toBe('download-failed');
    expect(obtain.retryable_exception?.en).toMatch(/4706/);
    expect(obtain.action_reason?.en).toMatch(/4706/);
    expect(obtain.remedy.en).not.toMatch(/retry/i);
  });

  it('OBS authorisation and subscription are the account owner\'s to fix', () => {
    for (const code of ['ModelArts.4702', 'ModelArts.4203', 'ModelArts.4204', 'ModelArts.4106']) expect(entry(`g42-image/${code}`).action, code).toBe('fix-account');
  });
});

describe('credentials', () => {
  it('APIG.0301 covers the expired token (24 hours): refresh once', () => {
    const e = entry('g42-image/APIG.0301');
    expect(e.action).toBe('refresh-credentials');
    expect(e.remedy.en).toMatch(/24 hours/);
    expect(e.possible_causes.some((c) => /older than 24 hours/.test(c.en))).toBe(true);
  });

  it('a wrong, empty, unparsable or foreign token is fixed in the request, not refreshed', () => {
    for (const code of ['ModelArts.0203', 'ModelArts.4101', 'ModelArts.4102', 'ModelArts.4103']) {
      const e = entry(`g42-image/${code}`);
      expect(e.category, code).toBe('auth-failed');
      expect(e.action, code).toBe('fix-request');
      expect(e.action_source, code).toBe('entry');
      expect(e.action_reason, code).not.toBeNull();
    }
    // the vendor's 401: "the credentials are incorrect or invalid"; a proxy's 407 is client configuration
    expect(entry('g42-image/http/401').action).toBe('fix-request');
    expect(entry('g42-image/http/407').action).toBe('fix-request');
  });
});

describe('retries', () => {
  it('APIG.0308 (rate limit, sent as HTTP 400) retries honouring Retry-After', () => {
    const e = entry('g42-image/APIG.0308');
    expect(e.http_status).toBe(400);
    expect(e.action).toBe('retry');
    expect(e.retry?.honour_retry_after).toBe(true);
    expect(delays(e.retry!)).toEqual([1, 2, 4, 8]);
    expect(e.remedy.en).toMatch(/Retry-After/);
  });

  it('every entry that retries names its schedule in its remedy, in both languages', () => {
    const retrying = entries.filter((e) => e.action === 'retry');
    expect(retrying.map((e) => e.id).sort()).toEqual(
      ['AIS.0505', 'AIS.0506', 'APIG.0308', 'ModelArts.4107', 'ModelArts.4603', 'http/408', 'http/429', 'http/500', 'http/502', 'http/503', 'http/504'].map((c) => `g42-image/${c}`),
    );
    for (const e of retrying)
      for (const lang of ['en', 'zh'] as const)
        for (const d of delays(e.retry!)) expect(numbersIn(e.remedy[lang]), `${e.id} remedy.${lang} names ${d} s`).toContain(String(d));
  });

  it('the internal errors that come with HTTP 400 retry, then go to support', () => {
    for (const code of ['AIS.0506', 'ModelArts.4107']) {
      const e = entry(`g42-image/${code}`);
      expect(e.action, code).toBe('retry');
      expect(e.retry?.max_attempts, code).toBe(3);
      expect(e.remedy.en, code).toMatch(/contact G42 Cloud support/);
    }
  });
});

describe('end-user messages and causes', () => {
  it('every fix-input entry has its own message', () => {
    const fixInput = entries.filter((e) => e.action === 'fix-input');
    expect(fixInput.map((e) => e.code).sort()).toEqual(['AIS.0502', 'AIS.0503', 'AIS.0504', 'ModelArts.4705']);
    for (const e of fixInput) expect(e.end_user_message.source, e.id).toBe('entry');
    expect(new Set(fixInput.map((e) => e.end_user_message.en)).size).toBe(fixInput.length);
  });

  it('the reviewed messages name what to change: the formats for AIS.0502, another image for AIS.0503', () => {
    expect(entry('g42-image/AIS.0502').end_user_message.en).toMatch(/JPG, PNG, BMP or WEBP/);
    expect(entry('g42-image/AIS.0503').end_user_message.en).toMatch(/different image/);
  });

  it('at least 85% of the error codes list possible causes', () => {
    expect(errors.length).toBe(31);
    const withCauses = errors.filter((e) => e.possible_causes.length > 0);
    expect(withCauses.length / errors.length).toBeGreaterThanOrEqual(0.85);
    for (const e of withCauses) expect(e.possible_causes.length, e.id).toBeLessThanOrEqual(4);
  });
});
