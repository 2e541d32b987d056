import { PLACEHOLDER } from '../model.ts';
import type { Rule } from './types.ts';

export const templateFlag: Rule = {
  name: 'template-flag',
  description: 'message_is_template is true exactly when the message has a %s or %d placeholder.',
  scope: 'entry',
  check({ entry, at }, report) {
    const hasPlaceholder = entry.message !== null && PLACEHOLDER.test(entry.message);
    if (hasPlaceholder && !entry.message_is_template) report(at('message'), 'message contains a placeholder (%s): set message_is_template: true');
    if (!hasPlaceholder && entry.message_is_template) report(at('message_is_template'), 'message_is_template is true but the message has no %s or %d placeholder');
  },
};
