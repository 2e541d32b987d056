import { endUserMessageProblem, resolveDecision } from '../decision.ts';
import { messageProblemText } from './decision-text.ts';
import type { Rule } from './types.ts';

export const endUserMessageAction: Rule = {
  name: 'end-user-message-action',
  description:
    "Where the end user must act (fix-input) the entry has its own end_user_message, which never puts the fault on our side; no end-user message promises a retry the entry's action rules out.",
  scope: 'entry',
  check({ entry, at, categoryById }, report) {
    const category = categoryById.get(entry.category);
    if (!category) return;
    const { action } = resolveDecision(entry, category);
    if (action === 'fix-input' && !entry.end_user_message) {
      report(at(entry.action ? 'action' : 'category'), 'the action "fix-input" means the end user must change what they sent: give this entry its own end_user_message saying what to change (en and zh)');
      return;
    }
    const message = entry.end_user_message ?? category.end_user_message;
    const problem = endUserMessageProblem(message, action);
    if (!problem) return;
    // A category's message is judged where it is written when it is the category's own action; here only when this entry's action differs.
    if (entry.end_user_message) report(at('end_user_message', problem.lang), messageProblemText(problem.problem, action));
    else report(at('action'), `${messageProblemText(problem.problem, action)} (the message is category "${category.id}"'s default: give this entry its own end_user_message)`);
  },
};
