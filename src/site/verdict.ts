/**
 * The answer to "what do I do now?" in one line, from an entry's action and retry policy
 * (src/core/decision-schema.ts): "Retry after 2 s, up to 3 times", "不要重试：请用户换一张照片或文件".
 * Pure: the wording comes from the UI catalogues through `t`, so the entry page, the retry guide and
 * the browser's Explain page say the same thing in the same words.
 */
import type { Action, RetryPolicy } from '../core/decision-schema.ts';

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** What the line needs of a retry policy: the data's (src/core/decision-schema.ts) or the artifact's. */
export type Schedule = Pick<RetryPolicy, 'max_attempts' | 'base_delay_s' | 'max_delay_s' | 'honour_retry_after'>;

/** done: nothing to do; again: send again (now, later or after a fix of our own); stop: someone must change something first. */
export type VerdictTone = 'done' | 'again' | 'stop';

export interface Verdict {
  /** The one line: what to do, and when. */
  text: string;
  tone: VerdictTone;
  /** The schedule in a sentence ("Wait 1 s before the second call, then twice as long each time…"), or undefined without a policy. */
  schedule: string | undefined;
}

/** Each action's tone. */
export const VERDICT_TONE: Record<Action, VerdictTone> = {
  none: 'done',
  poll: 'again',
  retry: 'again',
  wait: 'again',
  'recreate-task': 'again',
  'refresh-credentials': 'again',
  'fix-request': 'stop',
  'fix-input': 'stop',
  'fix-account': 'stop',
  'contact-vendor': 'stop',
};

/** The Starlight icon the verdict's <Aside> shows for each action: which kind of step it is. */
export const VERDICT_ICON: Record<Action, 'approve-check-circle' | 'clock' | 'add-document' | 'padlock' | 'pencil' | 'warning' | 'setting' | 'comment'> = {
  none: 'approve-check-circle',
  poll: 'clock',
  retry: 'clock',
  wait: 'clock',
  'recreate-task': 'add-document',
  'refresh-credentials': 'padlock',
  'fix-request': 'pencil',
  'fix-input': 'warning',
  'fix-account': 'setting',
  'contact-vendor': 'comment',
};

/** The <Aside> type of a verdict: orange for "do not retry", blue for everything else. */
export const asideType = (tone: VerdictTone): 'caution' | 'note' => (tone === 'stop' ? 'caution' : 'note');

/** A number of seconds in the largest unit that divides it: "2 s", "5 min", "1 h", "1 day". */
export function duration(seconds: number, t: Translate): string {
  const units: [size: number, key: string][] = [
    [86_400, seconds === 86_400 ? 'unit.day' : 'unit.days'],
    [3_600, 'unit.hours'],
    [60, 'unit.minutes'],
  ];
  for (const [size, key] of units) if (seconds >= size && seconds % size === 0) return t(key, { n: seconds / size });
  return t('unit.seconds', { n: seconds });
}

/** The delayed actions' line, which names the delay and (for a retry) how many more calls. */
function timed(action: Action, retry: Schedule, t: Translate): string {
  const delay = duration(retry.base_delay_s, t);
  const more = retry.max_attempts - 1;
  if (action === 'poll') return t('verdict.poll', { delay });
  if (action === 'wait') return t('verdict.wait', { delay });
  if (action === 'recreate-task') return t('verdict.recreateTaskAfter', { delay });
  return more <= 1 ? t('verdict.retryOnce', { delay }) : t('verdict.retry', { delay, n: more });
}

const UNTIMED: Record<Action, string> = {
  none: 'verdict.none',
  poll: 'verdict.pollSoon',
  retry: 'verdict.retrySoon',
  wait: 'verdict.waitLong',
  'recreate-task': 'verdict.recreateTask',
  'refresh-credentials': 'verdict.refreshCredentials',
  'fix-request': 'verdict.fixRequest',
  'fix-input': 'verdict.fixInput',
  'fix-account': 'verdict.fixAccount',
  'contact-vendor': 'verdict.contactVendor',
};

/** The schedule in words: delays, how many calls in all, Retry-After. */
export function schedule(retry: Schedule, t: Translate): string {
  const base = duration(retry.base_delay_s, t);
  const delays =
    retry.max_delay_s > retry.base_delay_s ? t('schedule.backoff', { base, max: duration(retry.max_delay_s, t) }) : t('schedule.fixed', { delay: base });
  return t('schedule.sentence', { delays, n: retry.max_attempts, retryAfter: retry.honour_retry_after ? t('schedule.retryAfter') : '' });
}

export function verdictOf(decision: { action: Action; retry: Schedule | null | undefined }, vendorName: string, t: Translate): Verdict {
  const { action, retry } = decision;
  const text = retry && action !== 'none' ? timed(action, retry, t) : t(UNTIMED[action], { vendor: vendorName });
  return { text, tone: VERDICT_TONE[action], schedule: retry ? schedule(retry, t) : undefined };
}

/** A schedule in a table cell: "1 s → 20 s, 3 calls in all, Retry-After". */
export function compactSchedule(retry: Schedule, t: Translate): string {
  const base = duration(retry.base_delay_s, t);
  const delays = retry.max_delay_s > retry.base_delay_s ? `${base} → ${duration(retry.max_delay_s, t)}` : base;
  return t('schedule.compact', { delays, n: retry.max_attempts, retryAfter: retry.honour_retry_after ? t('schedule.compactRetryAfter') : '' });
}

/** Each action's name and what it asks for, as the guides show them (keys named here, for the catalogue check). */
export const ACTION_TEXT: Record<Action, { label: string; text: string }> = {
  none: { label: 'action.none', text: 'actionText.none' },
  poll: { label: 'action.poll', text: 'actionText.poll' },
  retry: { label: 'action.retry', text: 'actionText.retry' },
  wait: { label: 'action.wait', text: 'actionText.wait' },
  'recreate-task': { label: 'action.recreate-task', text: 'actionText.recreate-task' },
  'refresh-credentials': { label: 'action.refresh-credentials', text: 'actionText.refresh-credentials' },
  'fix-request': { label: 'action.fix-request', text: 'actionText.fix-request' },
  'fix-input': { label: 'action.fix-input', text: 'actionText.fix-input' },
  'fix-account': { label: 'action.fix-account', text: 'actionText.fix-account' },
  'contact-vendor': { label: 'action.contact-vendor', text: 'actionText.contact-vendor' },
};
