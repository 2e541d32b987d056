import { RETRYABLE_ACTIONS } from '../decision-schema.ts';
import { resolveDecision } from '../decision.ts';
import type { Rule } from './types.ts';

export const actionRetryable: Rule = {
  name: 'action-retryable',
  description: 'retryable is true exactly when the action sends again (poll, retry, wait or recreate-task): the two never contradict.',
  scope: 'entry',
  check({ entry, at, categoryById }, report) {
    const category = categoryById.get(entry.category);
    if (!category) return;
    const { action } = resolveDecision(entry, category);
    const sendsAgain = RETRYABLE_ACTIONS.has(action);
    if (entry.retryable !== sendsAgain)
      report(
        at('retryable'),
        `retryable is ${entry.retryable} but the action "${action}"${entry.action ? '' : ` (category "${category.id}"'s default)`} ${sendsAgain ? 'sends again' : 'does not send again'}: make them agree`,
      );
  },
};
