/**
 * Issue 20 across the whole data set: every entry says what to do next, as data (action, retry
 * policy, an end-user message that fits the action, likely causes). The per-vendor files
 * (decisions-<vendor>.test.ts) name the entries the issue found wrong.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, DELAYED_ACTIONS, MIN_WAIT_S, RETRYABLE_ACTIONS } from '../src/core/decision-schema.ts';
import { endUserMessageProblem, MAX_MESSAGE_SHARE } from '../src/core/decision.ts';
import { realIndex } from './support/real-index.ts';

const index = realIndex();
const entries = index.entries;

describe('decisions', () => {
  it('every entry has an action, and retryable agrees with it', () => {
    expect(entries.filter((e) => !ACTIONS.includes(e.action)).map((e) => e.id)).toEqual([]);
    expect(entries.filter((e) => e.retryable !== RETRYABLE_ACTIONS.has(e.action)).map((e) => e.id)).toEqual([]);
  });

  it('poll, retry and wait have a retry policy, other actions none (recreate-task may); a wait is at least a minute and says why', () => {
    const wrong = entries.filter((e) => (DELAYED_ACTIONS.has(e.action) ? !e.retry : e.retry && e.action !== 'recreate-task')).map((e) => `${e.id} ${e.action}`);
    expect(wrong).toEqual([]);
    const waits = entries.filter((e) => e.action === 'wait');
    expect(waits.length).toBeGreaterThan(5);
    expect(waits.filter((e) => e.retry!.base_delay_s < MIN_WAIT_S || !e.retry!.reason).map((e) => e.id)).toEqual([]);
  });

  it('uses every action the issue defines, judged per entry (not only the category defaults)', () => {
    const used = new Set(entries.map((e) => e.action));
    expect(ACTIONS.filter((a) => !used.has(a))).toEqual([]);
    expect(entries.filter((e) => e.action_source === 'entry').length).toBeGreaterThan(100);
    expect(entries.filter((e) => e.action_source === 'entry' && !e.action_reason).map((e) => e.id)).toEqual([]);
  });

  it('rate limits and unavailability (HTTP 429, 503) honour Retry-After unless the vendor says otherwise', () => {
    const wrong = entries.filter((e) => e.retry && (e.http_status === 429 || e.http_status === 503 || e.category === 'rate-limited') && !e.retry.honour_retry_after && e.retry.source !== 'vendor');
    expect(wrong.map((e) => e.id)).toEqual([]);
  });
});

describe('end-user messages', () => {
  it('no one message is shown for more than a quarter of the entries', () => {
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.end_user_message.en, (counts.get(e.end_user_message.en) ?? 0) + 1);
    const crowded = [...counts].filter(([, n]) => n > entries.length * MAX_MESSAGE_SHARE);
    expect(crowded).toEqual([]);
  });

  it('every fix-input entry has its own message, in both languages, and none contradicts its action', () => {
    const fixInput = entries.filter((e) => e.action === 'fix-input');
    expect(fixInput.length).toBeGreaterThanOrEqual(100);
    expect(fixInput.filter((e) => e.end_user_message.source !== 'entry').map((e) => e.id)).toEqual([]);
    expect(entries.filter((e) => endUserMessageProblem(e.end_user_message, e.action)).map((e) => `${e.id}: ${e.end_user_message.en}`)).toEqual([]);
  });

  it('the old generic message is gone from entries the user can do nothing about and the ones where they must act', () => {
    const generic = entries.filter((e) => e.end_user_message.en === 'Something went wrong on our side. Please try again later.');
    expect(generic.filter((e) => !RETRYABLE_ACTIONS.has(e.action)).map((e) => e.id)).toEqual([]);
    expect(generic.length).toBeLessThan(entries.length * MAX_MESSAGE_SHARE);
  });
});

describe('possible causes', () => {
  const eligible = entries.filter((e) => e.outcome === 'failure' && (e.kind === 'error' || e.kind === 'task-state'));

  it('are on at least 70% of the errors and failed task states, each cause saying who names it', () => {
    const withCauses = eligible.filter((e) => e.possible_causes.length > 0);
    expect(withCauses.length / eligible.length).toBeGreaterThanOrEqual(0.7);
    expect(entries.every((e) => e.possible_causes.length <= 4)).toBe(true);
    expect(entries.flatMap((e) => e.possible_causes).filter((c) => c.source !== 'vendor' && c.source !== 'ours')).toEqual([]);
  });

  it('say something the meaning does not', () => {
    const restating = entries.flatMap((e) => e.possible_causes.filter((c) => c.en.trim().toLowerCase() === e.meaning.en.trim().toLowerCase()).map(() => e.id));
    expect(restating).toEqual([]);
  });
});
