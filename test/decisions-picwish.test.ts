/**
 * PicWish's decisions (issue 20): what a client does next for every HTTP status and task state, as
 * judged against PicWish's states page and its restoration API page. A failed task is never answered
 * by polling it again: it is recreated (input fine) or the end user changes the input.
 */
import { describe, expect, it } from 'vitest';
import { realIndex } from './support/real-index.ts';
import { numbersIn } from '../src/core/content-rules.ts';
import type { ArtifactEntry } from '../src/core/lookup.ts';

const entries = realIndex().entries.filter((e) => e.vendor === 'picwish');
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

const failedStates = entries.filter((e) => e.kind === 'task-state' && e.task_outcome === 'failure');
const pendingStates = entries.filter((e) => e.kind === 'task-state' && e.task_outcome === 'pending');

describe('PicWish task states', () => {
  it('state -8 (timed out) creates a new task instead of polling the old one', () => {
    const e = entry('picwish/state/-8');
    expect(e.action).toBe('recreate-task');
    expect(e.action_source).toBe('entry');
    expect(e.action_reason?.en).toMatch(/180/);
    expect(e.retryable).toBe(true);
    // one new task, not a loop: the 180-second limit is spent on each attempt
    expect(e.retry?.max_attempts).toBe(2);
  });

  it('every failed state is recreate-task (input fine) or fix-input (the input causes it), never poll or a plain retry', () => {
    const actions = Object.fromEntries(failedStates.map((e) => [e.code, e.action]));
    expect(actions).toEqual({
      '-17': 'fix-input', // invalid prompt: the end user's text
      '-16': 'fix-input', // third-party review: prohibited content
      '-15': 'recreate-task', // insufficient resources
      '-14': 'fix-input', // image content does not meet the requirements
      '-13': 'recreate-task', // cancelled by an exception
      '-11': 'fix-input', // empty result
      '-10': 'fix-input', // internal review: prohibited content
      '-9': 'recreate-task', // internal loop processing failed
      '-8': 'recreate-task', // timed out
      '-7': 'fix-input', // invalid image file
      '-5': 'fix-input', // image_url image over 30 MB
      '-3': 'recreate-task', // download failed
      '-2': 'recreate-task', // result upload to OSS failed
      '-1': 'recreate-task', // restoration failed
    });
    for (const e of failedStates) expect(e.retryable, e.id).toBe(e.action === 'recreate-task');
  });

  it('a recreated task is tried a few times at most, with the waits its remedy names', () => {
    const recreated = failedStates.filter((e) => e.action === 'recreate-task');
    expect(recreated.length).toBe(7);
    for (const e of recreated) {
      expect(e.retry, e.id).not.toBeNull();
      expect(e.retry!.max_attempts, e.id).toBeLessThanOrEqual(3);
      for (const lang of ['en', 'zh'] as const)
        for (const d of delays(e.retry!)) expect(numbersIn(e.remedy[lang]), `${e.id} remedy.${lang} names ${d} s`).toContain(String(d));
    }
    // insufficient resources waits longer than a glitch
    expect(delays(entry('picwish/state/-15').retry!)).toEqual([30, 60]);
  });

  it('pending states poll once a second for up to 180 s, as the restoration API page recommends', () => {
    expect(pendingStates.map((e) => e.code).sort()).toEqual(['0', '2', '3', '4', '5', '6']);
    for (const e of pendingStates) {
      expect(e.action, e.id).toBe('poll');
      expect(e.retry, e.id).toMatchObject({ max_attempts: 180, base_delay_s: 1, max_delay_s: 1, honour_retry_after: false, source: 'vendor' });
      expect(e.retry!.reason?.en, e.id).toMatch(/1 second.*180 seconds/);
      expect(e.remedy.en, e.id).toMatch(/once a second|1 s later/);
      expect(e.remedy.zh, e.id).toMatch(/每秒|1 秒后/);
    }
  });

  it('state 1 (success) needs nothing more', () => {
    const e = entry('picwish/state/1');
    expect(e.action).toBe('none');
    expect(e.retry).toBeNull();
    expect(e.retryable).toBe(false);
  });
});

describe('PicWish HTTP statuses', () => {
  it('401 (bad API key) is fix-request: a key cannot be refreshed', () => {
    const e = entry('picwish/http/401');
    expect(e.category).toBe('auth-failed');
    expect(e.action).toBe('fix-request');
    expect(e.action_reason).not.toBeNull();
    expect(e.retry).toBeNull();
  });

  it('429 retries honouring Retry-After, and its remedy says the same schedule', () => {
    const e = entry('picwish/http/429');
    expect(e.action).toBe('retry');
    expect(e.retry?.honour_retry_after).toBe(true);
    expect(delays(e.retry!)).toEqual([1, 2, 4, 8]);
    expect(e.remedy.en).toMatch(/1, 2, 4 and 8 s/);
  });

  it('500 retries a little, then the remedy sends to support', () => {
    const e = entry('picwish/http/500');
    expect(e.action).toBe('retry');
    expect(delays(e.retry!)).toEqual([1, 2]);
    expect(e.remedy.en).toMatch(/1 s then 2 s/);
    expect(e.remedy.en).toMatch(/contact PicWish support/);
  });

  it('the other request errors are fixed in the request', () => {
    for (const code of ['400', '404']) expect(entry(`picwish/http/${code}`).action).toBe('fix-request');
    expect(entry('picwish/http/413').action).toBe('fix-input');
  });
});

describe('PicWish end-user messages and causes', () => {
  it('every fix-input entry has its own message, and no two say the same', () => {
    const fixInput = entries.filter((e) => e.action === 'fix-input');
    expect(fixInput.length).toBe(8);
    for (const e of fixInput) expect(e.end_user_message.source, e.id).toBe('entry');
    expect(new Set(fixInput.map((e) => e.end_user_message.en)).size).toBe(fixInput.length);
    expect(new Set(fixInput.map((e) => e.end_user_message.zh)).size).toBe(fixInput.length);
  });

  it("the reviewed messages say what to change: prohibited content covers the user's description, an invalid prompt asks for new words", () => {
    for (const id of ['picwish/state/-16', 'picwish/state/-10']) {
      expect(entry(id).end_user_message.en, id).toMatch(/different image/);
      expect(entry(id).end_user_message.en, id).toMatch(/description/);
    }
    expect(entry('picwish/state/-17').end_user_message.en).toMatch(/rewrite/);
    expect(entry('picwish/state/-7').end_user_message.en).toMatch(/JPG or PNG/);
    expect(entry('picwish/state/-11').end_user_message.en).toMatch(/another image/);
    expect(entry('picwish/state/-5').end_user_message.en).toMatch(/30 MB/);
  });

  it('every failed task state lists its possible causes', () => {
    const withCauses = failedStates.filter((e) => e.possible_causes.length > 0);
    expect(failedStates.length).toBe(14);
    expect(withCauses.length / failedStates.length).toBeGreaterThanOrEqual(0.85);
    // the vendor's own word is marked as such: -3's remedy names the source URL
    expect(entry('picwish/state/-3').possible_causes.some((c) => c.source === 'vendor')).toBe(true);
  });

  it('no cause restates the meaning', () => {
    for (const e of entries) for (const c of e.possible_causes) expect(c.en.toLowerCase(), e.id).not.toBe(e.meaning.en.toLowerCase());
  });
});
