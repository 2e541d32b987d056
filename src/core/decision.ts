/**
 * An entry's decision, resolved: its action and retry policy after the category's defaults, and the
 * wording checks the validator applies to end-user messages. Pure; used by the validator and the
 * artifact builder.
 */
import { DELAYED_ACTIONS, type Action, type RetryPolicy } from './decision-schema.ts';
import type { Category, Entry } from './schema.ts';

export interface ResolvedDecision {
  action: Action;
  /** 'entry' when the entry sets its own action, 'category' when it is the category's default. */
  actionFrom: 'entry' | 'category';
  retry: RetryPolicy | undefined;
  retryFrom: 'entry' | 'category' | undefined;
}

export function resolveDecision(entry: Pick<Entry, 'action' | 'retry'>, category: Pick<Category, 'action_default' | 'retry_default'> | undefined): ResolvedDecision {
  const action = entry.action ?? category?.action_default ?? 'contact-vendor';
  const actionFrom = entry.action !== undefined && entry.action !== category?.action_default ? 'entry' : 'category';
  if (entry.retry) return { action, actionFrom, retry: entry.retry, retryFrom: 'entry' };
  // The category's policy belongs to its own action: an entry that changes the action brings its own.
  const inherited = DELAYED_ACTIONS.has(action) && action === category?.action_default ? category.retry_default : undefined;
  return { action, actionFrom, retry: inherited, retryFrom: inherited ? 'category' : undefined };
}

/**
 * Words that promise the end user a plain retry ("try again later", "稍后再试"): wrong where the action
 * says sending again unchanged cannot help. "Choose another photo and try again" is a change, not a promise.
 */
const RETRY_PROMISES: readonly RegExp[] = [
  /\btry again (?:later|shortly|soon|in a (?:moment|minute|few minutes|little while|while))\b/i,
  /(?:^|[.!?]\s+)(?:please )?try again[.!]?\s*$/im,
  /稍后(?:再试|重试|再来)/,
  /过一会儿?(?:再试|重试)/,
  /(?:^|[。！？])\s*请重试[。！]?\s*$/m,
];
/** Words that promise a short wait: wrong for a `wait`, which is long. */
const SHORT_WAIT_PROMISES: readonly RegExp[] = [/\b(?:in a moment|shortly|in a few seconds)\b/i, /片刻|马上|稍等|稍候|几秒/];
/** Blame the end user must not read when they are the one to act. */
const OUR_SIDE: readonly RegExp[] = [/\bon our side\b|\bour end\b/i, /我们这边|我方/];

export type MessageProblem = 'promises-retry' | 'promises-short-wait' | 'blames-us';

/** What is wrong with an end-user message for this action, if anything. */
export function endUserMessageProblem(message: { en: string; zh: string }, action: Action): { problem: MessageProblem; lang: 'en' | 'zh' } | undefined {
  const find = (patterns: readonly RegExp[]) => (['en', 'zh'] as const).find((lang) => patterns.some((p) => p.test(message[lang])));
  const retries = action === 'retry' || action === 'poll' || action === 'wait' || action === 'recreate-task';
  if (!retries) {
    const lang = find(RETRY_PROMISES);
    if (lang) return { problem: 'promises-retry', lang };
  }
  if (action === 'wait') {
    const lang = find(SHORT_WAIT_PROMISES);
    if (lang) return { problem: 'promises-short-wait', lang };
  }
  if (action === 'fix-input') {
    const lang = find(OUR_SIDE);
    if (lang) return { problem: 'blames-us', lang };
  }
  return undefined;
}

/** No one end-user message may be shown for more than this share of all entries. */
export const MAX_MESSAGE_SHARE = 0.25;
/** …counted only from this many entries on: in a tiny data set every message is a large share. */
export const MESSAGE_SHARE_MIN_ENTRIES = 40;
