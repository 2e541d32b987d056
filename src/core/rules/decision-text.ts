/** The validator's wording for end-user messages that contradict their action, shared by the rules that check them. */
import type { Action } from '../decision-schema.ts';
import type { MessageProblem } from '../decision.ts';

export function messageProblemText(problem: MessageProblem, action: Action): string {
  switch (problem) {
    case 'promises-retry':
      return `end_user_message promises a retry ("try again later", "稍后再试"), but the action "${action}" means sending again unchanged cannot help: say what the user can do, or that nothing is needed from them`;
    case 'promises-short-wait':
      return 'end_user_message promises a short wait ("in a moment", "稍候"), but the action "wait" is a long one: say how long, or "later"';
    case 'blames-us':
      return 'end_user_message says the fault is on our side ("on our side", "我们这边"), but the action "fix-input" means the user must change what they sent: say what to change';
  }
}
