/**
 * The entry page's answer line (src/site/verdict.ts) and its title (src/site/entry-title.ts), in both
 * languages, over the real data's decisions.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../src/core/i18n.ts';
import { ACTIONS, type RetryPolicy } from '../src/core/decision-schema.ts';
import type { Lang } from '../src/core/schema.ts';
import { duration, schedule, verdictOf } from '../src/site/verdict.ts';
import { clip, titleMeaning } from '../src/site/entry-title.ts';
import { realIndex } from './support/real-index.ts';

const tr = (lang: Lang) => (key: string, params?: Readonly<Record<string, string | number>>) => translate(lang, key, params);
const policy = (p: Partial<RetryPolicy>): RetryPolicy => ({ max_attempts: 4, base_delay_s: 2, max_delay_s: 2, honour_retry_after: false, source: 'ours', ...p });

describe('the verdict line', () => {
  it('says when and how often to retry, counting retries (not calls)', () => {
    const retry = policy({ max_attempts: 4, base_delay_s: 2 });
    expect(verdictOf({ action: 'retry', retry }, 'Baidu Face', tr('en')).text).toBe('Retry after 2 s, up to 3 times');
    expect(verdictOf({ action: 'retry', retry }, '百度人脸识别', tr('zh')).text).toBe('2 秒后重试，最多重试 3 次');
    expect(verdictOf({ action: 'retry', retry: policy({ max_attempts: 2 }) }, 'X', tr('en')).text).toBe('Retry once, after 2 s');
  });
  it('says "do not retry" and who acts for the actions that need a change first', () => {
    const zh = (action: (typeof ACTIONS)[number]) => verdictOf({ action, retry: null }, '百度人脸识别', tr('zh'));
    expect(zh('fix-input').text).toBe('不要重试：请用户换一张照片、换个文件或重新输入');
    expect(zh('contact-vendor').text).toBe('不要重试：请联系百度人脸识别');
    for (const action of ['fix-request', 'fix-input', 'fix-account', 'contact-vendor'] as const) {
      expect(zh(action).tone).toBe('stop');
      expect(verdictOf({ action, retry: null }, 'PicWish', tr('en')).text).toMatch(/^Do not retry: /);
    }
  });
  it('has a line of its own for every action, in both languages, with no placeholder left', () => {
    for (const lang of ['en', 'zh'] as const) {
      const lines = ACTIONS.map((action) => verdictOf({ action, retry: null }, 'V', tr(lang)).text);
      expect(new Set(lines).size).toBe(ACTIONS.length);
      for (const line of lines) expect(line).not.toMatch(/\{\{|verdict\./);
    }
  });
  it('gives a long wait in the unit a person would use', () => {
    expect(verdictOf({ action: 'wait', retry: policy({ base_delay_s: 3600, max_delay_s: 3600 }) }, 'V', tr('en')).text).toBe('Wait 1 h, then try again');
    expect(duration(86_400, tr('en'))).toBe('1 day');
    expect(duration(172_800, tr('zh'))).toBe('2 天');
    expect(duration(300, tr('zh'))).toBe('5 分钟');
    expect(duration(90, tr('en'))).toBe('90 s');
  });
  it('spells out the schedule: backoff, calls in all, Retry-After', () => {
    const text = schedule(policy({ max_attempts: 5, base_delay_s: 1, max_delay_s: 30, honour_retry_after: true }), tr('en'));
    expect(text).toBe('Wait 1 s before the second call, then twice as long each time, up to 30 s. At most 5 calls in all, the first one included. If the response has a Retry-After header, wait exactly that long instead.');
    expect(schedule(policy({ max_attempts: 3 }), tr('zh'))).toBe('每次调用间隔 2 秒。包括第一次在内，最多调用 3 次。');
  });
  it("reads every decision of the real data without a gap", () => {
    const index = realIndex();
    for (const e of index.entries) {
      for (const lang of ['en', 'zh'] as const) {
        const v = verdictOf(e, 'V', tr(lang));
        expect(v.text, e.id).not.toMatch(/\{\{|verdict\.|unit\./);
        expect(v.schedule === undefined, e.id).toBe(e.retry === null);
      }
    }
  });
});

describe('the entry title', () => {
  it('keeps a short meaning whole, without its full stop', () => {
    expect(titleMeaning('There is no face in the image.', 'en')).toEqual({ text: 'There is no face in the image', cut: false });
    expect(titleMeaning('图片中没有人脸。', 'zh')).toEqual({ text: '图片中没有人脸', cut: false });
  });
  it('shortens a long one to its first sentence, or cuts it after a clause', () => {
    expect(titleMeaning('The token has expired. Get a new one from the console and send the request again with it.', 'en')).toEqual({ text: 'The token has expired', cut: true });
    const long = titleMeaning("The request exceeds the client's access-rate limit, or the server received more requests than it can handle.", 'en');
    expect(long).toEqual({ text: "The request exceeds the client's access-rate limit…", cut: true });
  });
  it('cuts unspaced text anywhere, within the limit', () => {
    expect(clip('一'.repeat(50), 30)).toBe(`${'一'.repeat(30)}…`);
    expect(clip('short', 30)).toBe('short');
  });
});
