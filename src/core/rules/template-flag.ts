import { PLACEHOLDER } from '../model.ts';
import type { Rule } from './types.ts';

export const templateFlag: Rule = {
  name: 'template-flag',
  // The README's rule table quotes this description word for word; message variants are checked too.
  description: 'message_is_template is true exactly when the message has a %s or %d placeholder.',
  scope: 'entry',
  check({ entry, at }, report) {
    const hasPlaceholder = entry.message !== null && PLACEHOLDER.test(entry.message);
    if (hasPlaceholder && !entry.message_is_template) report(at('message'), 'message contains a placeholder (%s): set message_is_template: true');
    if (!hasPlaceholder && entry.message_is_template) report(at('message_is_template'), 'message_is_template is true but the message has no %s or %d placeholder');
    // A variant with run-time parts is matched as a template only when it says so.
    entry.message_variants.forEach((variant, i) => {
      const placeholder = PLACEHOLDER.test(variant.message);
      if (placeholder && !variant.message_is_template)
        report(at('message_variants', i, 'message'), 'message variant contains a placeholder (%s): set message_is_template: true on the variant');
      if (!placeholder && variant.message_is_template)
        report(at('message_variants', i, 'message_is_template'), 'message_is_template is true but the variant has no %s or %d placeholder');
    });
  },
};
