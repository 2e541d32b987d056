import type { Rule } from './types.ts';

export const actionException: Rule = {
  name: 'action-exception',
  description: "An entry's action is left out when it is the category's action_default; where it differs, action_reason says why (and only then).",
  scope: 'entry',
  check({ entry, at, categoryById }, report) {
    const category = categoryById.get(entry.category);
    if (!category) return;
    if (entry.action !== undefined && entry.action === category.action_default)
      report(at('action'), `action "${entry.action}" is category "${category.id}"'s action_default already: leave it out`, 'key');
    const differs = entry.action !== undefined && entry.action !== category.action_default;
    if (differs && !entry.action_reason)
      report(at('action'), `action is "${entry.action}" but category "${category.id}" says "${category.action_default}": give the reason in action_reason, or change one of them`);
    if (!differs && entry.action_reason)
      report(at('action_reason'), `action_reason is only for an action that differs from category "${category.id}"'s "${category.action_default}": remove it`, 'key');
  },
};
