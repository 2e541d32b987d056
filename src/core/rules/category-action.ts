import { DELAYED_ACTIONS, MIN_WAIT_S, RETRYABLE_ACTIONS } from '../decision-schema.ts';
import { endUserMessageProblem } from '../decision.ts';
import { messageProblemText } from './decision-text.ts';
import type { Rule } from './types.ts';

export const categoryAction: Rule = {
  name: 'category-action',
  description:
    "A category's action_default agrees with its retryable_default, has a retry_default exactly when it is poll, retry or wait (a wait of at least a minute, with its reason), and its end_user_message does not contradict it.",
  scope: 'categories',
  check({ categories }, report) {
    categories.data.categories.forEach((category, i) => {
      const action = category.action_default;
      const retryable = RETRYABLE_ACTIONS.has(action);
      if (retryable !== category.retryable_default)
        report(['categories', i, 'action_default'], `action_default "${action}" ${retryable ? 'sends again' : 'does not send again'}, but retryable_default is ${category.retryable_default}: make them agree`);
      const policy = category.retry_default;
      if (DELAYED_ACTIONS.has(action) && !policy) report(['categories', i, 'action_default'], `action_default "${action}" needs a retry_default (max_attempts, base_delay_s, max_delay_s, honour_retry_after, source)`);
      if (!DELAYED_ACTIONS.has(action) && policy) report(['categories', i, 'retry_default'], `retry_default is only for the actions poll, retry and wait, not "${action}": remove it`, 'key');
      if (action === 'wait' && policy) {
        if (policy.base_delay_s < MIN_WAIT_S) report(['categories', i, 'retry_default', 'base_delay_s'], `a wait is at least ${MIN_WAIT_S} s; use action retry for shorter delays`);
        if (!policy.reason) report(['categories', i, 'retry_default'], 'a wait needs its reason in words (retry_default.reason: what the wait is for)', 'key');
      }
      const problem = endUserMessageProblem(category.end_user_message, action);
      if (problem) report(['categories', i, 'end_user_message', problem.lang], messageProblemText(problem.problem, action));
    });
  },
};
