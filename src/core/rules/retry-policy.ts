import { DELAYED_ACTIONS, MIN_WAIT_S } from '../decision-schema.ts';
import { resolveDecision } from '../decision.ts';
import type { Rule } from './types.ts';

/** Statuses and categories where a vendor may say when to come back: Retry-After is honoured unless the vendor says otherwise. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);
const RETRY_AFTER_CATEGORIES = new Set(['rate-limited', 'service-unavailable']);

export const retryPolicyRule: Rule = {
  name: 'retry-policy',
  description:
    'poll, retry and wait have a retry policy (their own or the category\'s), other actions none (recreate-task may); a wait is at least a minute and says why; rate limits and unavailability honour Retry-After unless the vendor says otherwise.',
  scope: 'entry',
  check({ entry, at, categoryById }, report) {
    const category = categoryById.get(entry.category);
    if (!category) return;
    const { action, retry } = resolveDecision(entry, category);
    if (DELAYED_ACTIONS.has(action) && !retry) {
      report(at(entry.action ? 'action' : 'category'), `the action "${action}" needs a retry policy: give this entry a retry (max_attempts, base_delay_s, max_delay_s, honour_retry_after, source)`);
      return;
    }
    if (entry.retry && !DELAYED_ACTIONS.has(action) && action !== 'recreate-task') {
      report(at('retry'), `retry is only for the actions poll, retry, wait and recreate-task, not "${action}": remove it`, 'key');
      return;
    }
    if (!retry) return;
    const where = entry.retry ? at('retry') : at('category');
    if (action === 'wait') {
      if (retry.base_delay_s < MIN_WAIT_S) report(entry.retry ? at('retry', 'base_delay_s') : where, `a wait is at least ${MIN_WAIT_S} s before the next call (base_delay_s is ${retry.base_delay_s}); use action retry for shorter delays`);
      if (!retry.reason) report(where, 'a wait needs its reason in words: retry.reason (what the wait is for, how long it is)', 'key');
    }
    const mayComeBack = (entry.http_status !== null && RETRY_AFTER_STATUSES.has(entry.http_status)) || RETRY_AFTER_CATEGORIES.has(entry.category);
    if (mayComeBack && !retry.honour_retry_after && retry.source !== 'vendor')
      report(entry.retry ? at('retry', 'honour_retry_after') : where, 'a rate limit or unavailability honours Retry-After (honour_retry_after: true) unless the vendor says otherwise (then source: vendor and the reason)');
  },
};
